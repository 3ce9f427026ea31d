"""Round 25c: a day of the month said alone in a correction right after a push (`哦不 还是15号吧`,
`oops, make it the 15th`) is the one nearest the day corrected (handlers/sales/day_nearest.py):
Jan 15, 2027, never Dec 15, 2026, where it says the day it had (还是, again); a month said with it
is kept."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Deal
from support import Chat, make_team_chat

pytestmark = pytest.mark.phrasing

SUN = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)  # Sun, Dec 6, 2026


def _chat(session_factory, user: str, deal: str) -> Chat:
    chat = make_team_chat(session_factory, now=SUN, reps=("Ana", "张伟"))
    assert chat.reply(deal, user=user).ok
    assert "Jan 22, 2027" in chat("push it to next week", user=user)
    return chat


def _close(session_factory) -> dt.date:
    with session_factory() as s:
        return s.scalars(select(Deal.expected_close)).one()


@pytest.mark.parametrize("user, deal, said, shown, day", [
    ("张伟", '商机 +美的 "云服务" 30万 预计2027年1月15日签', "哦不 还是15号吧", "→ 2027年1月15日",
     dt.date(2027, 1, 15)),
    ("张伟", '商机 +美的 "云服务" 30万 预计2027年1月15日签', "还是15号", "→ 2027年1月15日",
     dt.date(2027, 1, 15)),
    ("Ana", 'deal +Initech "Cloud" 30k close 2027-01-15', "oops, make it the 15th again",
     "→ Fri, Jan 15, 2027",
     dt.date(2027, 1, 15)),
    ("张伟", '商机 +美的 "云服务" 30万 预计2027年1月15日签', "不对 改成12月15号", "→ 12月15日",
     dt.date(2026, 12, 15)),
])
def test_a_day_alone_is_the_one_nearest(session_factory, user, deal, said, shown, day):
    chat = _chat(session_factory, user, deal)
    assert shown in chat(said, user=user)
    assert _close(session_factory) == day
