"""fix29a classes 6 and 7: `snooze 93 thru fri` was no date (`thru fri`), `推迟29 46到周五` no date
either: `thru`/`through` is until that day, and several numbers glued to 到 are offered each (one tap,
all of them). `reopne task 6` got no did-you-mean; typos of reopen (`reopne`, `从新打开`) and of the
giving word (`任务6转个Bo`) are offered put right, nothing changed before the tap. Fed through the
real dispatch; today is Mon, Nov 23, 2026."""
import datetime as dt

import pytest

from support import make_team_chat, records, task_rows, visit_rows

pytestmark = pytest.mark.phrasing

_FRI = dt.date(2026, 11, 27)


def _follow_ups(session_factory):
    return visit_rows(session_factory, "id", "follow_up_on")


def _visits(session_factory):
    chat = make_team_chat(session_factory, reps=("Ana", "张伟"))
    for said in ("visit Acme: demo ok, follow up tmrw", "visit Globex: intro, follow up tmrw",
                 "visit Initech: pricing, follow up tmrw"):
        assert chat.reply(said, user="Ana").ok
    return chat


@pytest.mark.parametrize("said", ["snooze 1 thru fri", "snooze 1 through fri", "推迟 1 到周五"])
def test_snooze_through_a_day_is_until_that_day(session_factory, said):
    chat = _visits(session_factory)
    reply = chat.reply(said, user="Ana")
    assert reply.ok, reply.text
    assert _follow_ups(session_factory)[0] == (1, _FRI)


@pytest.mark.parametrize("said", ["snooze 1 2 3 to fri", "snooze 1 2 3 thru fri", "推迟1 2 3到周五",
                                  "推迟 1 2 3 到周五"])
def test_several_numbers_are_offered_each_and_the_tap_moves_all(session_factory, said):
    chat = _visits(session_factory)
    before, rows = _follow_ups(session_factory), records(session_factory)
    reply = chat.reply(said, user="Ana")
    assert not reply.ok and len(reply.buttons) == 1, reply.text
    assert _follow_ups(session_factory) == before and records(session_factory) == rows
    assert chat.press(reply.buttons[0], user="Ana").ok
    assert _follow_ups(session_factory) == [(1, _FRI), (2, _FRI), (3, _FRI)]


def _tasks(session_factory):
    return [(id_, assignee, done_at is not None)
            for id_, assignee, done_at in task_rows(session_factory, "id", "assignee", "done_at")]


@pytest.mark.parametrize("said, fixed", [
    ("reopne task 1", "reopen task 1"),
    ("re-opne task 1", "reopen task 1"),
    ("reopn task #1", "reopen task #1"),
    ("从新打开任务1", "重新打开任务1"),
    ("重新打卡任务1", "重新打开任务1"),
])
def test_a_typo_of_reopen_is_offered_put_right(session_factory, said, fixed):
    chat = make_team_chat(session_factory, manager="王芳", reps=("Ana", "Bo"))
    assert chat.reply("task call Acme CFO by fri", user="Ana").ok
    assert chat.reply("done task 1", user="Ana").ok
    before, rows = _tasks(session_factory), records(session_factory)
    reply = chat.reply(said, user="Ana")
    assert not reply.ok and [b.command for b in reply.buttons] == [fixed], reply.text
    assert _tasks(session_factory) == before == [(1, before[0][1], True)] and records(session_factory) == rows
    assert chat.press(reply.buttons[0], user="Ana").ok
    assert _tasks(session_factory) == [(1, before[0][1], False)]


@pytest.mark.parametrize("said, fixed", [
    ("任务1转个Bo", "任务1转给Bo"),
    ("reasign task 1 to bo", "reassign task 1 to bo"),
    ("reassing task 1 to bo", "reassign task 1 to bo"),
])
def test_a_typo_of_reassign_is_offered_put_right(session_factory, said, fixed):
    chat = make_team_chat(session_factory, manager="王芳", reps=("Ana", "Bo"))
    assert chat.reply("task @Ana call Acme CFO by fri", user="王芳").ok
    before, rows = _tasks(session_factory), records(session_factory)
    reply = chat.reply(said, user="王芳")
    assert not reply.ok and [b.command for b in reply.buttons] == [fixed], reply.text
    assert _tasks(session_factory) == before and records(session_factory) == rows
    assert chat.press(reply.buttons[0], user="王芳").ok
    assert _tasks(session_factory) == [(1, "Bo", False)]
