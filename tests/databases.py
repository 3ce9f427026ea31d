"""How the tests' databases are shared, emptied and prepared (the fixtures are in conftest.py).

- One engine per database kind serves every test: SQLAlchemy caches compiled statements per engine,
  and an engine per test compiled each statement again (a fifth of a handlers test's CPU) and, on
  PostgreSQL, connected and asked the server its version again.
- PostgreSQL is emptied after each test by deleting from the tables it wrote to (a few ms, where a
  TRUNCATE of every table took ~130 ms); SQLite gets a fresh file per test.
- A state many tests start from (a team: `Chat.team` on an empty database, the corpus's workspace,
  a test module's `_setup` decorated with `@prepared`) is made by messages once a run and copied for
  each test: the file on SQLite, the rows from a schema of its own on PostgreSQL. The team's messages
  were ~40 % of a handlers test's CPU.
"""
from __future__ import annotations

import functools
import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from storage.db import make_engine

# Foreign-key triggers are off for the DELETEs and INSERTs (session_replication_role), so the order
# of the tables does not matter.
FUNCTIONS = """
CREATE OR REPLACE FUNCTION salesbot_test_reset() RETURNS void AS $$
DECLARE
    tbl text;
    seq text;
    found boolean;
BEGIN
    SET LOCAL session_replication_role = replica;
    FOREACH tbl IN ARRAY string_to_array(:tables, ',') LOOP
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM public.%I)', tbl) INTO found;
        IF found THEN
            EXECUTE format('DELETE FROM public.%I', tbl);
        END IF;
    END LOOP;
    FOR seq IN SELECT sequencename FROM pg_sequences
               WHERE schemaname = 'public' AND last_value IS NOT NULL LOOP
        EXECUTE format('ALTER SEQUENCE public.%I RESTART', seq);
    END LOOP;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION salesbot_test_save(snapshot text) RETURNS void AS $$
DECLARE
    tbl text;
    found boolean;
BEGIN
    EXECUTE format('DROP SCHEMA IF EXISTS %I CASCADE', snapshot);
    EXECUTE format('CREATE SCHEMA %I', snapshot);
    EXECUTE format('CREATE TABLE %I._sequences AS SELECT sequencename, last_value FROM pg_sequences '
                   'WHERE schemaname = ''public'' AND last_value IS NOT NULL', snapshot);
    FOREACH tbl IN ARRAY string_to_array(:tables, ',') LOOP
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM public.%I)', tbl) INTO found;
        IF found THEN
            EXECUTE format('CREATE TABLE %I.%I AS TABLE public.%I', snapshot, tbl, tbl);
        END IF;
    END LOOP;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION salesbot_test_restore(snapshot text) RETURNS void AS $$
DECLARE
    tbl text;
    seq text;
    val bigint;
BEGIN
    SET LOCAL session_replication_role = replica;
    FOR tbl IN SELECT table_name FROM information_schema.tables
               WHERE table_schema = snapshot AND table_name <> '_sequences' LOOP
        EXECUTE format('INSERT INTO public.%I OVERRIDING SYSTEM VALUE SELECT * FROM %I.%I',
                       tbl, snapshot, tbl);
    END LOOP;
    FOR seq, val IN EXECUTE format('SELECT sequencename, last_value FROM %I._sequences', snapshot) LOOP
        PERFORM setval(format('public.%I', seq), val);
    END LOOP;
END;
$$ LANGUAGE plpgsql;
"""


def copy_database(template_url: str, *names: str) -> list[str]:
    """Databases copied from the (unused) database at `template_url`: their URLs."""
    template = make_url(template_url)
    admin = create_engine(template.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for name in names:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template.database}"'))
            # Engines that tests built and dropped keep their pooled connections until collected:
            # the server closes those left idle, so a run stays far below max_connections (pools
            # ping a connection before use and open a new one where it was closed).
            conn.execute(text(f"ALTER DATABASE \"{name}\" SET idle_session_timeout = '20s'"))
            # a commit need not wait for the disk (~5 ms each): no test is about surviving a crash
            conn.execute(text(f'ALTER DATABASE "{name}" SET synchronous_commit = off'))
    admin.dispose()
    return [template.set(database=name).render_as_string(hide_password=False) for name in names]


def drop_databases(urls: list[str]) -> None:
    if not urls:
        return
    admin = create_engine(make_url(urls[0]).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for url in urls:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
    admin.dispose()


def install_functions(engine: Engine, tables: list[str]) -> None:
    with engine.begin() as conn:
        conn.execute(text(FUNCTIONS.replace(":tables", "'" + ",".join(tables) + "'")))


def reset_postgres(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(text("SELECT salesbot_test_reset()"))


class SqliteFiles:
    """One SQLite engine for the run whose connections open the current test's own file: each test
    still has a fresh file, and statements are compiled once a run, not once a test."""

    def __init__(self, folder: Path):
        self.path = str(folder / "none.sqlite3")
        self.engine = make_engine(f"sqlite:///{self.path}", creator=self._connect)

    def _connect(self):  # as SQLAlchemy's pysqlite dialect opens a file database
        return sqlite3.connect(self.path, check_same_thread=False)

    def use(self, url: str) -> Engine:
        self.engine.dispose()  # no connection to the previous test's file stays in the pool
        self.path = make_url(url).database
        self.engine.url = make_url(url)  # what code reading `bind.url` (the handoff's inbox) sees
        return self.engine


class PreparedStates:
    """States made once a run and given again to each test that starts from one."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.made: set[tuple[str, str]] = set()  # (name, dialect)

    def start_from(self, name: str, engine: Engine, make: Callable[[], object]) -> None:
        """Give `engine`'s (empty) database the state `make()` makes: made the first time a run,
        copied after."""
        sqlite = engine.dialect.name == "sqlite"
        saved = self.folder / f"{name}.sqlite3"
        if (name, engine.dialect.name) not in self.made:
            make()
            if sqlite:
                engine.dispose()  # the last connection to close folds the WAL into the file
                shutil.copy(engine.url.database, saved)
            else:
                with engine.begin() as conn:
                    conn.execute(text("SELECT salesbot_test_save(:name)"), {"name": f"prepared_{name}"})
            self.made.add((name, engine.dialect.name))
        elif sqlite:
            engine.dispose()
            shutil.copy(saved, engine.url.database)
        else:
            with engine.begin() as conn:
                conn.execute(text("SELECT salesbot_test_restore(:name)"), {"name": f"prepared_{name}"})


#: the run's prepared states (set by conftest's session fixture), for `prepared`
STATES: list[PreparedStates] = []
#: the engines the run's tests share (conftest.py): the only ones prepared states are copied into
SHARED: list[Engine] = []


def _is_empty(engine: Engine) -> bool:
    from storage.models.base import Base

    quote = engine.dialect.identifier_preparer.quote
    anything = " OR ".join(f"EXISTS (SELECT 1 FROM {quote(t.name)})" for t in Base.metadata.sorted_tables)
    with engine.connect() as conn:
        return not conn.scalar(text(f"SELECT {anything}"))


def start_empty(said: tuple[str, ...], engine: Engine, make: Callable[[], object]) -> None:
    """`make()`, the messages that give an empty database the state `said` names (with every
    argument they depend on): made once a run and copied after, where `engine` is one of the run's
    shared engines and its database empty; made by the messages anywhere else."""
    if not STATES or not any(engine is shared for shared in SHARED) or not _is_empty(engine):
        make()
        return
    if engine.dialect.name == "sqlite":
        engine.dispose()  # the last connection to close removes the WAL: one left is another engine's,
        if Path(f"{engine.url.database}-wal").exists():  # whose pages a copied file would not match
            make()
            return
    name = "said_" + hashlib.sha1(repr(said).encode()).hexdigest()[:16]
    STATES[0].start_from(name, engine, make)


def prepared(setup: Callable):
    """A test module's `setup(session_factory) -> Chat` (a plain console chat, whose messages set
    the state its tests start from), run once a run per database kind and copied for each test
    after: its ten-odd messages were 70 % of such a test's CPU (two modules' 320 tests: 59 s → 18 s)."""
    @functools.wraps(setup)
    def start(session_factory):
        from support import Chat  # (support imports the app: not at this module's import)

        made = []

        def make() -> None:
            chat = setup(session_factory)
            # copies get a new Chat: the state must all be in the database
            assert type(chat) is Chat and chat.now == Chat(session_factory).now, setup.__qualname__
            assert (chat.bot.tenant, chat.bot.platform) == ("local", "console"), setup.__qualname__
            made.append(chat)
        name = f"{setup.__module__.rsplit('.', 1)[-1]}.{setup.__qualname__}"  # (under 63 bytes)
        STATES[0].start_from(name, session_factory.kw["bind"], make)
        return made[0] if made else Chat(session_factory)
    return start
