"""Round 24: `leave dec 24 thru jan 1` asked to drop "thru jan 1" (only `-`, `to`, `until` joined two
days). `thru`, `through` and `till` join a range too, wherever ranges are read (leave, contests)."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.team import Leave
from support import Chat

pytestmark = pytest.mark.phrasing


@pytest.mark.parametrize("said", [
    "leave dec 24 thru jan 1", "leave dec 24 through jan 1", "leave 12/24 till 1/1"])
def test_a_leave_said_with_thru_or_till_is_the_whole_range(session_factory, said):
    chat = Chat(session_factory)
    chat.team()
    answer = chat.reply(said)
    assert answer.ok and answer.lines[0].startswith("Leave noted: Thu, Dec 24 – Fri, Jan 1"), answer.text
    with session_factory() as s:
        assert [(x.first_day, x.last_day) for x in s.scalars(select(Leave))] == [
            (dt.date(2026, 12, 24), dt.date(2027, 1, 1))]
