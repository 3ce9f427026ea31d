"""Engine and session factories, and the schema-version guard. Nothing here runs at import time."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).parent / "migrations"
# The newest migration; tests/storage/test_migrations.py keeps it equal to Alembic's head.
HEAD = "0033"


class SchemaBehind(RuntimeError):
    """The database is older than the code: `salesbot db upgrade` brings it forward."""


def locked(error: BaseException) -> bool:
    """Whether an error is SQLite's write lock still held when the busy timeout ran out."""
    return "database is locked" in str(error) or "database table is locked" in str(error)


def make_engine(url: str, *, busy_timeout_ms: int = 5000, sqlite_cache_kib: int | None = None,
                **kwargs) -> Engine:
    """An engine for `url`. SQLite gets foreign keys, WAL and a busy timeout (how long a writer
    waits for another's lock, in SQLite's own sleeps); its folder is created. `sqlite_cache_kib`
    caps each SQLite connection's page cache (SQLite's default is 2 MiB a connection)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        kwargs.setdefault("pool_pre_ping", True)
        return create_engine(url, **kwargs)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; commits skip an fsync
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        if sqlite_cache_kib:
            cursor.execute(f"PRAGMA cache_size=-{int(sqlite_cache_kib)}")
        cursor.close()

    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or None for a database Alembic never touched."""
    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except Exception:  # no alembic_version table yet
            return None


def ensure_current(engine: Engine) -> None:
    """Refuse to run on a database that is behind the code, saying which command fixes it."""
    path = Path(engine.url.database or "").resolve()
    if engine.url.get_backend_name() == "sqlite" and not path.is_file():  # not created by looking
        raise SchemaBehind(
            f"No salesbot database at {path} (looked there: the data folder is SALESBOT_DATA_DIR, "
            "else the checkout's data/). `make demo` or `salesbot demo` creates the demo there, "
            "`salesbot db upgrade` an empty one; or set DATABASE_URL to the database to use.")
    revision = current_revision(engine)
    if revision != HEAD:
        where = engine.url.render_as_string(hide_password=True)
        raise SchemaBehind(
            f"The database {where} is at migration {revision or 'none'}, the code needs {HEAD}. "
            "Run `salesbot db upgrade` (the Procfile's release step) first.")


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run the Alembic migrations up to `revision` on this engine's database."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:  # batch migrations copy a table and drop the old one: no cascades meanwhile
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
        try:
            with conn.begin():
                config.attributes["connection"] = conn
                command.upgrade(config, revision)
        finally:
            if sqlite:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()
