"""r25zh W4: `竞赛 新客户 15号到下个月15号` stored one day, next month's 15th. A day said alone before
a day of next month is this month's (the month before the other end's): Dec 15 – Jan 15."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.team import Contest, Leave
from support import make_team_chat

pytestmark = pytest.mark.phrasing


def _month_after(day: dt.date) -> dt.date:
    return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=day.day)


@pytest.mark.parametrize("said", ["竞赛 新客户 15号到下个月15号", "竞赛 新客户 15号-下个月15号"])
def test_a_contest_from_this_months_day_to_next_months(session_factory, said):
    # a Monday, the 15th to come
    chat = make_team_chat(session_factory, now=dt.datetime(2026, 12, 7, 2, 0, tzinfo=dt.timezone.utc),
                          manager="王芳", reps=("Ana",))
    this = chat.now.date().replace(day=15)
    reply = chat.reply(said, user="王芳")
    assert reply.ok, reply.text
    assert f"{this.month}月15日" in reply.text and "仅一天" not in reply.text, reply.text
    with session_factory() as s:
        contest = s.scalars(select(Contest)).one()
        assert (contest.starts_on, contest.ends_on) == (this, _month_after(this))


def test_a_leave_into_next_month(session_factory):
    # a Monday, the 15th to come
    chat = make_team_chat(session_factory, now=dt.datetime(2026, 12, 7, 2, 0, tzinfo=dt.timezone.utc),
                          manager="王芳", reps=("Ana",))
    reply = chat.reply("请假 28号到下个月3号", user="Ana")
    assert reply.ok, reply.text
    with session_factory() as s:
        leave = s.scalars(select(Leave)).one()
        assert leave.first_day == chat.now.date().replace(day=28)
        assert leave.last_day == _month_after(chat.now.date().replace(day=3))
