"""SQLite has one writer at a time: a writer that holds the lock past the busy timeout (a long
import, a stuck process) makes a message wait, then fail. The person is told, in their language,
that the bot is busy and to send it again; nothing of the message is stored; the log gets one
warning, no traceback (issue #22: no client input produces a traceback)."""
import logging
import sqlite3

import pytest
from hostile import tracebacks

from bot.console.chat import ConsoleBot
from handlers.senders import Defaults
from storage.db import make_engine, make_session_factory
from storage.models.sales import Customer, Visit
from storage.models.workspace import Member
from support import NOW, count

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def _held(db_url: str) -> sqlite3.Connection:
    """Another writer holding SQLite's write lock (`BEGIN IMMEDIATE`) until closed."""
    other = sqlite3.connect(db_url.removeprefix("sqlite:///"), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_a_message_while_another_writer_holds_the_lock_is_answered_busy_and_stores_nothing(db_url, caplog):
    engine = make_engine(db_url, busy_timeout_ms=300)  # the wait is the engine's; its length no matter
    bot = ConsoleBot(make_session_factory(engine), Defaults())
    bot.send("Ana", "help", now=NOW)
    before = count(bot.session_factory, Member)
    other = _held(db_url)
    try:
        caplog.clear()
        with caplog.at_level(logging.WARNING):
            english = bot.send("Ana", "visit Acme: demo", now=NOW)
            chinese = bot.send("Bo", "拜访 华为：演示", now=NOW)
    finally:
        other.close()
    assert not english.ok and "busy" in english.text and "send it again" in english.text
    assert not chinese.ok and "系统正忙" in chinese.text
    assert not tracebacks(caplog)
    assert any("busy" in r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)
    assert count(bot.session_factory, Visit) == count(bot.session_factory, Customer) == 0
    assert count(bot.session_factory, Member) == before  # Bo was not half-registered either
    assert bot.send("Ana", "visit Acme: demo", now=NOW).ok  # once the lock is free: as usual
    engine.dispose()

