"""r23: a task's due day or a follow-up moved (pushed, snoozed, corrected) onto a day its owner is
on leave was moved without a word, while making one on that day said so. Rule: moved as said, and
the reply adds the same one line. Today is Mon, Nov 23, 2026; the leave is Nov 25-26."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Task, Visit

pytestmark = pytest.mark.phrasing
D = dt.date


def _dues(chat):
    with chat.session_factory() as s:
        return [t.due_on for t in s.scalars(select(Task).order_by(Task.id))]


def _follow_ups(chat):
    with chat.session_factory() as s:
        return [v.follow_up_on for v in s.scalars(select(Visit).order_by(Visit.id))]


@pytest.fixture
def en_chat(team_chat):
    assert "Leave noted" in team_chat("leave 11/25-11/26", user="Ana")
    assert "on leave" not in team_chat("task send deck 11/24", user="Ana")
    assert "on leave" not in team_chat("visit Globex: demo; follow up 11/24", user="Ana")
    return team_chat


@pytest.mark.parametrize(("said", "day"), [("task 1 due 11/25", D(2026, 11, 25)),
                                           ("push task 1 to thu", D(2026, 11, 26)),
                                           ("snooze task 1 1 day", D(2026, 11, 25))])
def test_en_a_task_moved_onto_a_day_of_leave_is_said(en_chat, said, day):
    out = en_chat(said, user="Ana")
    assert f"Note: Ana is on leave on {day:%a}, Nov {day.day}" in out and "Task #1" in out, out
    assert _dues(en_chat) == [day]


def test_en_a_task_moved_by_its_giver_onto_the_reps_leave_is_said(en_chat):
    en_chat("task @Ana call Initech 11/24", user="Mia")
    out = en_chat("task 2 due 11/26", user="Mia")
    assert "Note: Ana is on leave on Thu, Nov 26" in out, out
    assert _dues(en_chat) == [D(2026, 11, 24), D(2026, 11, 26)]


@pytest.mark.parametrize("said", ["snooze 1 to 11/26", "push 1 to thu", "visit #1 follow up 11/26"])
def test_en_a_follow_up_moved_onto_a_day_of_leave_is_said(en_chat, said):
    out = en_chat(said, user="Ana")
    assert "Note: Ana is on leave on Thu, Nov 26" in out, out
    assert _follow_ups(en_chat) == [D(2026, 11, 26)]


def test_en_a_move_off_the_leave_says_nothing(en_chat):
    out = en_chat("task 1 due 11/27", user="Ana")
    assert "on leave" not in out and "Task #1" in out, out
    assert _dues(en_chat) == [D(2026, 11, 27)]


@pytest.fixture
def zh_chat(chat):
    chat.team(manager="王芳", reps=("张伟",))
    assert "已登记请假" in chat("请假 11月25日到11月26日", user="张伟")
    assert "休假" not in chat("任务 给华为发资料 11月24日", user="张伟")
    assert "休假" not in chat("拜访 华为：聊了方案，11月24日跟进", user="张伟")
    return chat


@pytest.mark.parametrize(("said", "day"), [("任务1改到11月25日", D(2026, 11, 25)),
                                           ("任务1推到周四", D(2026, 11, 26))])
def test_zh_a_task_moved_onto_a_day_of_leave_is_said(zh_chat, said, day):
    out = zh_chat(said, user="张伟")
    assert f"注意：张伟在{day.month}月{day.day}日" in out and "休假" in out, out
    assert _dues(zh_chat) == [day]


@pytest.mark.parametrize("said", ["推迟 1 11月26日", "推迟 1 周四"])
def test_zh_a_follow_up_moved_onto_a_day_of_leave_is_said(zh_chat, said):
    out = zh_chat(said, user="张伟")
    assert "注意：张伟在11月26日周四休假" in out, out
    assert _follow_ups(zh_chat) == [D(2026, 11, 26)]


def test_zh_a_move_off_the_leave_says_nothing(zh_chat):
    out = zh_chat("任务1改到11月27日", user="张伟")
    assert "休假" not in out, out
    assert _dues(zh_chat) == [D(2026, 11, 27)]
