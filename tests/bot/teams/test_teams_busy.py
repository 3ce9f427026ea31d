"""Teams while another writer holds SQLite's lock past the timeout: the message is acked, the person
is told in their chat that the bot is busy, nothing is stored, no traceback is logged."""
import sqlite3

import pytest
from hostile import tracebacks

from storage.models.sales import Visit
from support import count


@pytest.mark.slow
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_teams_message_while_the_lock_is_held_is_answered_busy_in_its_chat(teams, db_url, caplog):
    assert "What you can say" in teams.ask("help")
    before = count(teams.core.session_factory, Visit)
    other = sqlite3.connect(db_url.removeprefix("sqlite:///"), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        caplog.clear()
        teams.say("visit Acme: demo")
        answer = teams.wait_chat(2)[-1]
    finally:
        other.close()
    assert "busy" in answer and "send it again" in answer
    assert not tracebacks(caplog)
    assert count(teams.core.session_factory, Visit) == before
