"""Shared fixtures: real SQLite files and a real PostgreSQL database, and the console chat backend.

PostgreSQL: one database per test run (per pytest-xdist worker: each worker makes its own session
fixtures, and the names are unique), created and dropped here; tables are emptied between tests.
Where no server answers, the PostgreSQL half skips with the reason, unless
SALESBOT_REQUIRE_POSTGRES=1 (as in CI), which turns that into a failure. How the databases are shared
and prepared: databases.py.

Phrasing variants: a module (or test) marked `phrasing` holds tests that feed many wordings through
the grammar to the handlers every other module tests on both databases; the grammar reads no
database, and storage behaves alike for each wording, so a phrasing module runs on PostgreSQL only
its first collected test (a test function marked `phrasing` by itself: its first variant), and every
test on SQLite. The other PostgreSQL runs are deselected (pytest reports them as such). Tests about
storage itself (concurrency, locking, migrations, the outbox, PostgreSQL-only behaviour) and the
handlers' own modules stay unmarked: they run whole on both.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

import databases
from databases import (
    PreparedStates,
    SqliteFiles,
    copy_database,
    drop_databases,
    install_functions,
    reset_postgres,
)
from storage.db import make_engine, make_session_factory, upgrade
from storage.models.base import Base
from support import Chat

PG_ADMIN_URL = os.environ.get("SALESBOT_TEST_POSTGRES_URL",
                              "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
REQUIRE_PG = os.environ.get("SALESBOT_REQUIRE_POSTGRES") == "1"


CHECKOUT = Path(__file__).resolve().parents[1]
#: The checkout's `data/` is the demo's (bot/settings.py). Every Settings() a test builds without a
#: data_dir (a CRM secret key file, a CLI's database), and every subprocess it starts, gets this
#: run's own folder instead (one per pytest-xdist worker), removed when the run ends.
TEST_DATA = Path(tempfile.mkdtemp(prefix="salesbot-test-data-"))
os.environ["SALESBOT_DATA_DIR"] = str(TEST_DATA)
#: what Python and pytest leave in the checkout by themselves
_LITTER = {"__pycache__", ".pytest_cache", ".hypothesis"}


def _untracked() -> set[str] | None:
    """The checkout's files git does not track, ignored ones too (`data/`), or None outside git."""
    try:
        listed = subprocess.run(["git", "ls-files", "--others", "--directory", "--no-empty-directory"],
                                cwd=CHECKOUT, capture_output=True, text=True, timeout=60, check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    return {path for path in listed.stdout.splitlines() if not _LITTER & set(Path(path).parts)}


def pytest_sessionstart(session):
    if not hasattr(session.config, "workerinput"):  # the run's controller: before any test
        session.config.untracked_before = _untracked()


def pytest_sessionfinish(session):
    """A test never leaves a file in the checkout: the run fails, naming what was left."""
    shutil.rmtree(TEST_DATA, ignore_errors=True)
    before = getattr(session.config, "untracked_before", None)
    after = _untracked() if before is not None else None
    if after is not None and (left := sorted(after - before)):
        writer = session.config.get_terminal_writer()
        writer.line()
        writer.line(
            f"Tests left files in the checkout {CHECKOUT}: {', '.join(left)}", red=True, bold=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def _phrasing_repeats_on_postgres(items) -> list:
    """The PostgreSQL runs of a `phrasing` module after its first test, of a test function marked
    `phrasing` by itself after its first variant (see the module's docstring), in collection order."""
    seen, repeats = set(), []
    for item in items:
        callspec = getattr(item, "callspec", None)
        if (callspec is None or callspec.params.get("db_url") != "postgresql"
                or item.get_closest_marker("phrasing") is None):
            continue
        marks = getattr(item.module, "pytestmark", [])
        marks = marks if isinstance(marks, list) else [marks]
        whole_module = any(mark.name == "phrasing" for mark in marks)
        group = item.nodeid.split("::", 1)[0] if whole_module else item.nodeid.split("[", 1)[0]
        if group in seen:
            repeats.append(item)
        seen.add(group)
    return repeats


def pytest_collection_modifyitems(config, items):
    """A `phrasing` module runs on PostgreSQL once (its first test), everything on SQLite; the rest
    are deselected (and counted so). Tests marked `slow` run first (in their
    order), so that the pytest-xdist workers end together on short tests instead of one idling
    while another runs a long test picked up last."""
    if repeats := _phrasing_repeats_on_postgres(items):
        dropped = set(map(id, repeats))
        items[:] = [item for item in items if id(item) not in dropped]
        config.hook.pytest_deselected(items=repeats)
        if hasattr(config, "workeroutput"):  # a pytest-xdist worker: its controller reports them
            config.workeroutput["phrasing_deselected"] = [item.nodeid for item in repeats]
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """The controller of a pytest-xdist run collects nothing itself: it counts the PostgreSQL
    variants the workers deselected (each worker deselects the same ones) once, in its summary."""
    deselected = getattr(node, "workeroutput", {}).get("phrasing_deselected")
    if deselected and not getattr(node.config, "phrasing_deselected_told", False):
        node.config.phrasing_deselected_told = True
        node.config.hook.pytest_deselected(items=[SimpleNamespace(nodeid=nodeid) for nodeid in deselected])


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "salesbot.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_template():
    """The URL of a migrated, empty PostgreSQL database made for this run, which the run's
    databases are copies of (a copy takes ~0.2 s, the migrations ~3 s); dropped at the end."""
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # no server here
        admin.dispose()
        reason = f"PostgreSQL not reachable at {PG_ADMIN_URL}: {exc.__class__.__name__}"
        if REQUIRE_PG:
            pytest.fail(reason + " (SALESBOT_REQUIRE_POSTGRES=1)")
        pytest.skip(reason)
    name = f"salesbot_test_{uuid.uuid4().hex[:12]}_template"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    upgrade(engine)
    install_functions(engine, [t.name for t in Base.metadata.sorted_tables])
    engine.dispose()  # no session may stay on a database that is copied
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def postgres_url(postgres_template):
    """A fresh, migrated PostgreSQL database for this run; dropped at the end."""
    [url] = copy_database(postgres_template, postgres_template.removesuffix("_template"))
    yield url
    drop_databases([url])


@pytest.fixture(scope="session")
def postgres_engine(postgres_url):
    """The engine every PostgreSQL test's `engine` is (its pool and statement cache live for the run)."""
    engine = make_engine(postgres_url)
    databases.SHARED.append(engine)
    yield engine
    databases.SHARED.remove(engine)
    engine.dispose()


@pytest.fixture(scope="session")
def _sqlite_files(tmp_path_factory):
    files = SqliteFiles(tmp_path_factory.mktemp("engine"))
    databases.SHARED.append(files.engine)
    yield files
    databases.SHARED.remove(files.engine)
    files.engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A migrated, empty database: a fresh SQLite file, or the run's PostgreSQL database."""
    if request.param == "sqlite":
        path = tmp_path / "salesbot.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    engine = request.getfixturevalue("postgres_engine")
    yield request.getfixturevalue("postgres_url")
    reset_postgres(engine)


@pytest.fixture
def engine(request, db_url):
    """The test's database's engine (one engine for the run: see databases.py)."""
    if make_url(db_url).get_backend_name() != "sqlite":
        yield request.getfixturevalue("postgres_engine")
        return
    files = request.getfixturevalue("_sqlite_files")
    yield files.use(db_url)
    files.engine.dispose()  # the file's connections closed with its test


@pytest.fixture
def session_factory(engine):
    return make_session_factory(engine)


@pytest.fixture
def chat(session_factory):
    return Chat(session_factory)


@pytest.fixture(scope="session", autouse=True)
def prepared_states(tmp_path_factory):
    databases.STATES[:] = [PreparedStates(tmp_path_factory.mktemp("prepared"))]  # for `@prepared`
    return databases.STATES[0]


@pytest.fixture
def team_chat(chat):
    """A tenant with Mia (admin, manages the default team) and reps Ana and Bo (made by their
    messages once a run, copied for each test: `Chat.team`)."""
    chat.team()
    return chat


@pytest.fixture
def zh_chat(chat):
    """A tenant with 王芳 (admin, manages the default team) and reps 张伟 and Ana (`Chat.team`)."""
    chat.team(manager="王芳", reps=("张伟", "Ana"))
    return chat
