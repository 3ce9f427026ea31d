"""fix34b case 4: a correction right after a task, a leave or a contest (`no wait the task is due thu`,
`不对，截止是周四`, `leave should be fri`, `请假改成周五`, `不对，比赛到月底`) was not understood or read as
a new leave. It changes the thing just made (or, while its offer is open, the offer), never a new
record; undo takes back exactly the change. Mon, Dec 7, 2026."""
import datetime as dt

import pytest

from support import MON, contest_rows, leave_rows, make_team_chat, records, task_rows

pytestmark = pytest.mark.phrasing
WED, THU, FRI = dt.date(2026, 12, 9), dt.date(2026, 12, 10), dt.date(2026, 12, 11)


def _chat(session_factory):
    return make_team_chat(session_factory, now=MON, manager="王芳", reps=("Ana", "Bo", "张伟"))


@pytest.mark.parametrize("made, said, user, due", [
    ("task send Acme the quote by wed", "no wait the task is due thu", "Ana", THU),
    ("task send Acme the quote by wed", "sorry the deadline is fri", "Ana", FRI),
    ("task send Acme the quote by wed", "actually task is due friday", "Ana", FRI),
    ("任务 周三前给华为发报价", "不对，截止是周四", "张伟", THU),
    ("任务 周三前给华为发报价", "不对，截止日期应该是周五", "张伟", FRI),
])
def test_a_due_day_put_right_after_a_task_moves_that_task(session_factory, made, said, user, due):
    chat = _chat(session_factory)
    chat.said_ok(made, user=user)
    reply = chat.reply(said, user=user)
    assert reply.ok and "#1" in reply.text, reply.text
    assert task_rows(session_factory, "due_on") == [(due,)]
    assert chat.reply("undo", user=user).ok
    assert task_rows(session_factory, "due_on") == [(WED,)]


@pytest.mark.parametrize("offered, said, shown", [
    ("Tom and Bo both need to send the deck by wed", "no wait the task is due thu", "by thu"),
    ("Ana和Bo都要在周三前发方案", "不对，截止是周四", "周四前"),
])
def test_a_due_day_put_right_while_the_offer_is_open_edits_the_offer(session_factory, offered, said, shown):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("Ana", "Bo", "Tom"))
    before = records(session_factory)
    chat.reply(offered, user="王芳")
    reply = chat.reply(said, user="王芳")
    assert not reply.ok and shown in reply.text, reply.text
    assert records(session_factory) == before
    assert chat.reply("1", user="王芳").ok
    assert task_rows(session_factory, "due_on") == [(THU,), (THU,)]


@pytest.mark.parametrize("made, said, user", [
    ("leave thursday", "leave should be fri", "Ana"),
    ("leave thursday", "sorry leave is friday not thursday", "Ana"),
    ("leave thursday", "my leave is fri", "Ana"),
    ("请假 周四", "请假改成周五", "张伟"),
    ("请假 周四", "不对，请假改成周五", "张伟"),
])
def test_a_leave_put_right_changes_that_leave_never_a_second(session_factory, made, said, user):
    chat = _chat(session_factory)
    chat.said_ok(made, user=user)
    reply = chat.reply(said, user=user)
    assert reply.ok and ("Leave changed" in reply.text or "请假已修改" in reply.text), reply.text
    assert leave_rows(session_factory) == [(user, FRI, FRI)]
    assert chat.reply("undo", user=user).ok
    assert leave_rows(session_factory) == [(user, THU, THU)]


@pytest.mark.parametrize("made, said, last", [
    ("contest revenue this week", "不对，比赛到月底", dt.date(2026, 12, 31)),
    ("contest revenue this week", "no wait the contest ends 12/20", dt.date(2026, 12, 20)),
    ("比赛 业绩 本周", "比赛改到月底结束", dt.date(2026, 12, 31)),
    ("contest visits this week", "the contest runs till eom", dt.date(2026, 12, 31)),
    ("比赛 拜访 本周", "竞赛结束改成12月20日", dt.date(2026, 12, 20)),
])
def test_a_contests_end_put_right_moves_that_contest(session_factory, made, said, last):
    chat = _chat(session_factory)
    chat.said_ok(made, user="王芳")
    [(metric, first, _end)] = contest_rows(session_factory)
    reply = chat.reply(said, user="王芳")
    assert reply.ok, reply.text
    assert contest_rows(session_factory) == [(metric, first, last)]
    assert chat.reply("undo", user="王芳").ok
    assert contest_rows(session_factory) == [(metric, first, dt.date(2026, 12, 13))]
