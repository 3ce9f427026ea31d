"""r22zh #7: `actually the follow up should be jan 8`, right after a visit logged with a follow-up,
offered a task titled with the sentence. A follow-up said again right after (the, should be, date)
changes that visit's follow-up at once, said old → new, undoable. An offer to change a day names
the field it changes (the visit's follow-up, never "the date")."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Task, Visit

pytestmark = pytest.mark.phrasing


def _follow_ups(session_factory):
    with session_factory() as s:
        days = [v.follow_up_on for v in s.scalars(select(Visit).order_by(Visit.id))]
        return days, s.scalars(select(Task.id)).all()


def _day(when):
    return when.date() if isinstance(when, dt.datetime) else when


@pytest.mark.parametrize("user, visit, said, shown", [
    ("Ana", "visit +Initech: pitched the platform, follow up 1/5", "actually the follow up should be jan 8",
     "Jan 8"),
    ("Ana", "visit +Initech: pitched the platform, follow up 1/5", "oops the follow-up date should be jan 8",
     "Jan 8"),
    ("Ana", "visit +Initech: pitched the platform, follow up 1/5", "no, my follow up is jan 8", "Jan 8"),
    ("Bo", "拜访 +京东：聊了报价，跟进 1月5号", "其实跟进应该是1月8号", "1月8日"),
])
def test_a_follow_up_said_again_changes_it(team_chat, session_factory, user, visit, said, shown):
    assert team_chat.reply(visit, user=user).ok
    (before,), _tasks = _follow_ups(session_factory)
    reply = team_chat.reply(said, user=user)
    assert reply.ok and shown in reply.text and "→" in reply.text, reply.text
    (after,), tasks = _follow_ups(session_factory)
    assert _day(after) == dt.date(2027, 1, 8) and _day(before) == dt.date(2027, 1, 5) and tasks == []
    undone = team_chat.reply("undo" if user == "Ana" else "撤销", user=user)
    assert undone.ok, undone.text
    assert [_day(d) for d in _follow_ups(session_factory)[0]] == [dt.date(2027, 1, 5)]


@pytest.mark.parametrize("user, visit, between, said, field", [
    ("Ana", "visit +Initech: pitched, follow up 1/5", "algo", "跟進改成1月8號", "跟进日"),
    ("Ana", "visit +Initech: pitched, follow up 1/5", "algo", "no, follow up jan 8", "follow-up"),
])
def test_the_offer_names_the_follow_up(team_chat, session_factory, user, visit, between, said, field):
    assert team_chat.reply(visit, user=user).ok
    team_chat.reply(between, user=user)
    asked = team_chat.reply(said, user=user)
    assert not asked.ok and field in asked.text and "的日期" not in asked.text, asked.text
    assert [_day(d) for d in _follow_ups(session_factory)[0]] == [dt.date(2027, 1, 5)]  # asked only
    done = team_chat.reply("1", user=user)
    assert done.ok, done.text
    assert [_day(d) for d in _follow_ups(session_factory)[0]] == [dt.date(2027, 1, 8)]
