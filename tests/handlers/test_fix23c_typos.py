"""r23: `also` typed with a slip (`alos`, `aslo`) joining a second command, or the command word after
`also` typed with one (`snoze`, `laeve`), was not offered put right: the second command was read as
notes and dropped, or the message refused. Rule: the message with the words written in is offered
with one tap; nothing is saved before it is taken. `leave`/`snooze` slips at the start are offered
as before. Today is Mon, Nov 23, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Task, Visit
from storage.models.team import Leave

pytestmark = pytest.mark.phrasing
D = dt.date


def _state(chat):
    with chat.session_factory() as s:
        return ([t.done_at is not None for t in s.scalars(select(Task).order_by(Task.id))],
                [v.follow_up_on for v in s.scalars(select(Visit).order_by(Visit.id))],
                [(x.first_day, x.last_day) for x in s.scalars(select(Leave).order_by(Leave.id))])


@pytest.fixture
def en_chat(team_chat):
    team_chat("task send deck 11/24", user="Ana")
    team_chat("visit Globex: demo; follow up 11/24", user="Ana")
    return team_chat


@pytest.mark.parametrize(("said", "slip", "fixed"), [
    ("done task 1, alos snooze 1 to fri", "alos", "done task 1, also snooze 1 to fri"),
    ("done task 1, aslo snooze 1 to fri", "aslo", "done task 1, also snooze 1 to fri"),
    ("alos leave fri", "alos", "also leave fri"),
    ("done task 1, also snoze 1 fri", "snoze", "done task 1, also snooze 1 fri"),
    ("done task 1, also laeve fri", "laeve", "done task 1, also leave fri"),
    ("snooze 1 to fri, then leav mon", "leav", "snooze 1 to fri, then leave mon"),
    ("laeve fri", "laeve", "leave fri"), ("snoze 1 fri", "snoze", "snooze 1 fri"),
    ("snoozz 1 fri", "snoozz", "snooze 1 fri")])
def test_en_a_slip_is_offered_put_right(en_chat, said, slip, fixed):
    before = _state(en_chat)
    reply = en_chat.reply(said, user="Ana")
    assert f"“{slip}”" in reply.text and f"Did you mean: {fixed}" in reply.text, reply.text
    assert _state(en_chat) == before
    assert [b.command for b in reply.buttons] == [fixed], reply.buttons


def test_en_the_offer_taken_does_both(en_chat):
    en_chat("done task 1, alos snooze 1 to fri", user="Ana")
    out = en_chat("yes", user="Ana")
    assert "Task #1 done" in out and "Follow-up #1 moved to Fri, Nov 27" in out, out
    assert _state(en_chat) == ([True], [D(2026, 11, 27)], [])


def test_en_a_day_after_a_snooze_is_no_why_kept(en_chat):
    out = en_chat("snooze 1 to fri, thn mon", user="Ana")
    assert "notes" not in out or "Added to visit" not in out, out
    assert _state(en_chat)[1] == [D(2026, 11, 24)]


def test_en_a_slip_inside_notes_is_left_as_typed(en_chat):
    out = en_chat("visit acme: alos asked about pricing", user="Ana")
    assert "Visit to acme logged" in out, out
    with en_chat.session_factory() as s:
        assert s.scalars(select(Visit.notes).order_by(Visit.id)).all() == ["demo", "alos asked about pricing"]


@pytest.mark.parametrize(("said", "fixed"), [("请家 周五", "请假 周五"), ("推尺 1 周五", "推迟 1 周五")])
def test_zh_a_slip_is_offered_put_right(chat, said, fixed):
    chat.team(manager="王芳", reps=("张伟",))
    chat("任务 给华为发资料 11月24日", user="张伟")
    chat("拜访 华为：聊了方案，11月24日跟进", user="张伟")
    before = _state(chat)
    out = chat(said, user="张伟")
    assert "你是想说" in out and fixed in out, out
    assert _state(chat) == before
