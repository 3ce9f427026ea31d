"""r25 #208/#209: `336 done, demo booked for thurs 🎉 f/u 12/17`, answered `2` (done, and a new
follow-up on that day), set the follow-up to Thu (the demo day). Rule: where the note says a day
after a follow-up word (`f/u 12/17`, `12月17日跟进`), that day is the new follow-up offered; the
words stay what came of the done follow-up. (The visit has one follow-up: the new one is open.)"""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Task, Visit
from support import make_team_chat

pytestmark = pytest.mark.phrasing

SUN = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)  # Sun, Dec 6, 2026


def _visit(session_factory):
    with session_factory() as s:
        v = s.scalars(select(Visit)).one()
        return v.id, v.follow_up_on, v.outcome


@pytest.mark.parametrize("user, visit, said, note, offered, shown", [
    ("Tom", "visit +Globex: demo went well; follow up tomorrow",
     "{v} done, demo booked for thurs 🎉 f/u 12/17",
     "demo booked for thurs 🎉 f/u 12/17", "task Thu, Dec 17 follow up (visit #{v})", "Thu, Dec 17"),
    ("Tom", "visit +Globex: demo went well; follow up tomorrow", "done {v}: demo thurs, follow up 12/17",
     "demo thurs, follow up 12/17", "task Thu, Dec 17 follow up (visit #{v})", "Thu, Dec 17"),
    ("张伟", "拜访 +美的：演示顺利 跟进 明天", "完成 {v}，演示定在周四，12月17日跟进",
     "演示定在周四，12月17日跟进", "任务 12月17日周四 跟进（拜访 #{v}）", "12月17日周四"),
])
def test_the_day_after_the_follow_up_word_is_the_new_follow_up(session_factory, user, visit, said, note,
                                                              offered, shown):
    """fix29a: the new follow-up is a task on that day, the visit's done kept (a visit has one
    follow-up: setting it again opened the done again)."""
    chat = make_team_chat(session_factory, now=SUN, reps=("Tom", "张伟"))
    assert chat.reply(visit, user=user).ok
    number, before, _outcome = _visit(session_factory)
    out = chat(said.format(v=number), user=user)
    assert offered.format(v=number) in out, out
    assert _visit(session_factory) == (number, before, ""), "nothing stored before the answer"
    out = chat("2", user=user)
    assert shown in out, out
    assert _visit(session_factory) == (number, before, note)
    with session_factory() as s:
        assert [t.due_on for t in s.scalars(select(Task))] == [dt.date(2026, 12, 17)]
        assert s.get(Visit, number).follow_up_done
