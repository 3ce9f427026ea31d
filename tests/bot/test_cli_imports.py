"""`salesbot say` starts in a fresh process for every message, so it imports only what a message
needs (bench/cold_start.py times it): no platform SDK, no PostgreSQL driver, no CRM client, no
holiday lists, no charts, no Alembic; and the objects of its start-up are left out of the garbage
collector's way."""
import json
import os
import subprocess
import sys

import pytest

#: the libraries a message needs: the database, the command line, number formats, a `.env` file
#: (not pydantic: its settings are read without it, bot/core_settings.py)
NEEDED = {"sqlalchemy", "typing_extensions", "click", "babel", "dotenv",
          "cython_runtime"}  # made by SQLAlchemy's compiled extensions
OURS = {"bot", "handlers", "storage", "worker", "crm"}

_SAY = """
import json, runpy, sys
sys.argv = ["salesbot", "say", "--user", "Ana", *sys.argv[1:]]
try:
    runpy.run_module("bot.cli", run_name="__main__")
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _imported_by_say(db_url: str, text: str) -> set[str]:
    said = subprocess.run([sys.executable, "-c", _SAY, text], env={**os.environ, "DATABASE_URL": db_url},
                          capture_output=True, text=True, timeout=120)
    return set(json.loads(said.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("text", ["progress", "visit Acme: demo; follow up tomorrow", "deal Acme ERP 50k"])
def test_say_imports_no_library_a_message_does_not_need(db_url, text):
    modules = _imported_by_say(db_url, text)
    libraries = {name.split(".")[0] for name in modules} - set(sys.stdlib_module_names) - OURS
    assert {name for name in libraries if not name.startswith("_")} <= NEEDED
    assert not {name for name in modules if name.startswith(("crm.", "bot.slack.app", "bot.wecom.callback",
                                                               "bot.teams.endpoint", "bot.chart"))}


_COLLECTED_AFTER = """
import gc, weakref
import click
import bot.cli

bot.cli.main.get_command(click.Context(bot.cli.main), "crm")  # an area's commands: imported when asked for

class Loop:
    pass

loop = Loop()
loop.me = loop
gone = weakref.ref(loop)
del loop
kept = [[] for _ in range(20_000)]  # enough new objects for the collector's young generation
print(gc.get_freeze_count(), gc.isenabled(), gone() is None)
"""


def test_the_commands_objects_are_frozen_and_garbage_made_after_is_collected():
    # start-up objects out of the collector's way (a say spent ~0.15 s collecting them), but a
    # long-running command (the worker, a chat) still frees its reference loops by itself
    said = subprocess.run([sys.executable, "-c", _COLLECTED_AFTER], capture_output=True, text=True,
                          timeout=120, check=True)
    frozen, collecting, collected = said.stdout.split()
    assert int(frozen) > 50_000
    assert (collecting, collected) == ("True", "True")


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_say_leaves_its_sqlite_database_closed_with_no_write_ahead_log(db_url):
    # the objects are frozen at exit, so the connection is closed by `say`, not by Python's exit
    _imported_by_say(db_url, "visit Acme: demo; follow up tomorrow")
    database = db_url.removeprefix("sqlite:///")
    assert not os.path.exists(database + "-wal")
    assert not os.path.exists(database + "-shm")
