"""r25 #39: `nah make it wed` right after `task 6 due next tue` (Tue, Dec 15) moved it to Wed, Dec 9,
six days earlier. Rule: a weekday said alone as a correction of a day just set is the one nearest
the day corrected (Wed, Dec 16), as `还是15号` is for a day of the month (handlers/sales/
day_nearest.py); one already gone is the coming one. Today: Sun, Dec 6, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Task
from support import make_team_chat

pytestmark = pytest.mark.phrasing

SUN = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)  # Sun, Dec 6, 2026


def _due(session_factory) -> dt.date:
    with session_factory() as s:
        return s.scalars(select(Task.due_on)).one()


@pytest.mark.parametrize("user, new, moved, said, shown, day", [
    ("Ana", "task send the quote to acme by fri", "task 1 due tue dec 15", "nah make it wed",
     "Tue, Dec 15 → Wed, Dec 16", dt.date(2026, 12, 16)),
    ("Ana", "task send the quote to acme by fri", "task 1 due tue dec 15", "oops, monday",
     "Tue, Dec 15 → Mon, Dec 14", dt.date(2026, 12, 14)),
    ("张伟", "任务 周五前给美的发报价", "任务 1 改到 12月15日", "不对 改成周三",
     "12月15日周二 → 12月16日周三", dt.date(2026, 12, 16)),
    ("张伟", "任务 周五前给美的发报价", "任务 1 改到 12月15日", "不对 改成星期一",
     "12月15日周二 → 12月14日周一", dt.date(2026, 12, 14)),
])
def test_a_weekday_alone_is_the_one_nearest(session_factory, user, new, moved, said, shown, day):
    chat = make_team_chat(session_factory, now=SUN, reps=("Ana", "张伟"))
    assert chat.reply(new, user=user).ok
    assert chat.reply(moved, user=user).ok
    assert _due(session_factory) == dt.date(2026, 12, 15)
    out = chat(said, user=user)
    assert shown in out, out
    if day.day == 16:  # later: said as a plain change, no warning
        assert "EARLIER" not in out and "提前" not in out, out
    assert _due(session_factory) == day
