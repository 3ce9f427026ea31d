"""Two `undo`s (or an undo and an edit) of one record at the same moment, on PostgreSQL where
transactions truly run at once: each change is put back once, never twice, and an edit is never
lost under an undo (the change and its records are row-locked, `SELECT … FOR UPDATE`)."""
import threading

import pytest
from sqlalchemy import select, text

from bot.console.chat import ConsoleBot
from handlers.senders import Defaults
from storage.models.sales import Change, Deal
from support import NOW, eventually

pytestmark = pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)


def _waiting(engine) -> int:
    """How many other sessions of this database wait for a lock right now."""
    with engine.connect() as conn:
        return conn.scalar(text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                "AND datname = current_database()"))


def _at_once(engine, session_factory, messages: list[tuple[str, str]]) -> list[str]:
    """Send `messages` (user, text) together while the deal's row is held by another
    transaction, so that each gets as far as it can; then let go. Their replies, in order."""
    bot = ConsoleBot(session_factory, Defaults())
    replies: list[str | None] = [None] * len(messages)

    def send(index: int, user: str, said: str) -> None:
        replies[index] = bot.send(user, said, now=NOW).text

    with engine.connect() as holder:
        holder.execute(text("SELECT id FROM deals FOR UPDATE"))  # an edit in flight elsewhere
        threads = [threading.Thread(target=send, args=(i, *m)) for i, m in enumerate(messages)]
        for thread in threads:
            thread.start()
        eventually(lambda: _waiting(engine) >= len(messages))  # both stopped at a lock
        holder.rollback()
    for thread in threads:
        thread.join(timeout=60)
    return replies


def test_two_undos_at_once_put_back_two_changes_once_each(team_chat, engine):
    team_chat('deal Acme "ERP" proposal 50k', user="Ana")
    team_chat("deal #1 95k", user="Ana")
    replies = _at_once(engine, team_chat.session_factory, [("Ana", "undo"), ("Ana", "undo")])
    with team_chat.session_factory() as s:
        statuses = s.scalars(select(Change.status).order_by(Change.id)).all()
        deals = s.scalars(select(Deal.amount)).all()
    assert sum("Undone" in r for r in replies) == statuses.count("undone")
    if statuses.count("undone") == 2:  # the amount, then the deal itself: each once
        assert deals == []
    else:
        assert statuses.count("undone") == 1 and [int(a) for a in deals] == [50000]


def test_an_edit_at_the_same_moment_as_an_undo_is_never_lost(team_chat, engine):
    team_chat('deal Acme "ERP" proposal 50k', user="Ana")
    team_chat("deal #1 95k", user="Ana")
    replies = _at_once(engine, team_chat.session_factory, [("Ana", "undo"), ("Ana", "deal #1 70k")])
    with team_chat.session_factory() as s:
        [amount] = s.scalars(select(Deal.amount)).all()
    undone, edited = "Undone" in replies[0], "70" in replies[1] and "Deal" in replies[1]
    if edited and not undone:  # the edit first: the undo said the deal changed since
        assert int(amount) == 70000
    elif edited:  # the undo first (back to 50k), then the edit on top of it
        assert int(amount) == 70000
    else:
        raise AssertionError(replies)
