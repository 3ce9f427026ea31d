"""Issue #23, round 15 (Chinese): two clauses led (or ended) by their own day in one task line
(`任务 明天给华为刘经理打电话 后天去联想拿合同`, `task call acme tmrw and send globex the deck fri`) are two
tasks, offered together (one tap), never one task whose title holds the second day.
Fed through the real dispatch with a real database; today is Mon, Nov 23, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Task
from storage.models.workspace import Member
from support import Chat

pytestmark = pytest.mark.phrasing

TUE, WED, FRI = dt.date(2026, 11, 24), dt.date(2026, 11, 25), dt.date(2026, 11, 27)


def _tasks(session_factory):
    with session_factory() as s:
        return [(s.get(Member, t.assignee_id).display_name, t.title, t.due_on)
                for t in s.scalars(select(Task).order_by(Task.id))]


@pytest.mark.parametrize("user, said, rows", [
    ("张伟", "任务 明天给华为刘经理打电话 后天去联想拿合同",
     [("张伟", "给华为刘经理打电话", TUE), ("张伟", "去联想拿合同", WED)]),
    ("张伟", "任务 明天给华为打电话，周五前交周报", [("张伟", "给华为打电话", TUE), ("张伟", "交周报", FRI)]),
    ("张伟", "任务 后天去联想拿合同 然后周五前交周报",
     [("张伟", "去联想拿合同", WED), ("张伟", "交周报", FRI)]),
    ("Mia", "任务 @张伟 明天给华为打电话 后天去联想拿合同",
     [("张伟", "给华为打电话", TUE), ("张伟", "去联想拿合同", WED)]),
    ("Ana", "task call acme tmrw and send globex the deck fri",
     [("Ana", "call acme", TUE), ("Ana", "send globex the deck", FRI)]),
    ("Ana", "task call acme tomorrow, then send globex the deck on friday",
     [("Ana", "call acme", TUE), ("Ana", "send globex the deck", FRI)]),
    ("Ana", "task email Bo wed and book the venue fri",
     [("Ana", "email Bo", WED), ("Ana", "book the venue", FRI)]),
])
def test_two_day_led_clauses_are_two_tasks(session_factory, user, said, rows):
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo", "张伟"))
    asked = chat.reply(said, user=user)
    assert not asked.ok and len(asked.buttons) == 1, asked.text
    assert _tasks(session_factory) == []  # asked: nothing stored
    made = chat.reply("1", user=user)
    assert made.ok and rows[0][1] in made.text and rows[1][1] in made.text, made.text
    assert _tasks(session_factory) == rows


@pytest.mark.parametrize("user, said, row", [
    ("张伟", "任务 明天给华为打电话 问问报价", ("张伟", "给华为打电话 问问报价", TUE)),
    ("Ana", "task call acme about the renewal fri", ("Ana", "call acme about the renewal", FRI)),
])
def test_one_day_is_still_one_task(session_factory, user, said, row):
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo", "张伟"))
    assert chat.reply(said, user=user).ok
    assert _tasks(session_factory) == [row]
