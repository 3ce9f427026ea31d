"""fix29a classes 2 and 3: `task 6转给Bo 顺便截止改到下周三` offered only the due change (the
reassignment lost in a task "6转给Bo 顺便"), and `截止改到下周三` · `due wed` right after a task was made
were not understood. A task's due said with no command word moves the task just touched, said back
with its number (or asks which); after a task's reassignment joined by 顺便/另外/and, that same task's:
both parts done. Fed through the real dispatch; today is Mon, Nov 23, 2026."""
import datetime as dt

import pytest

from support import make_team_chat, records, task_rows

pytestmark = pytest.mark.phrasing

_FRI, _WED, _NEXT_WED = dt.date(2026, 11, 27), dt.date(2026, 11, 25), dt.date(2026, 12, 2)


def _tasks(session_factory):
    return task_rows(session_factory, "id", "assignee", "due_on")


def _chat(session_factory):
    chat = make_team_chat(session_factory, manager="王芳", reps=("Ana", "Bo"))
    for said in ("task @Ana call Acme CFO by fri", "task @Ana send Globex the deck by fri"):
        assert chat.reply(said, user="王芳").ok
        chat.now += dt.timedelta(minutes=1)  # one message after another, as typed
    return chat


@pytest.mark.parametrize("said", [
    "task 1转给Bo 顺便截止改到下周三",
    "任务1转给Bo，顺便截止改到下周三",
    "任务1转给Bo 另外截止改到下周三",
    "give task 1 to bo and due next wed",
    "reassign task 1 to bo, also move the due date to next wed",
])
def test_a_reassignment_and_a_due_change_are_both_done(session_factory, said):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="王芳")
    assert reply.ok, reply.text
    assert "#1" in reply.text and "Bo" in reply.text, reply.text
    assert _tasks(session_factory) == [(1, "Bo", _NEXT_WED), (2, "Ana", _FRI)]


@pytest.mark.parametrize("said, day", [
    ("截止改到下周三", _NEXT_WED),
    ("截止日期改成下周三", _NEXT_WED),
    ("截止到下周三", _NEXT_WED),
    ("due next wed", _NEXT_WED),
    ("due date next wed", _NEXT_WED),
    ("move the due to wed", _WED),
    ("due wed", _WED),
])
def test_a_due_said_alone_moves_the_task_just_touched(session_factory, said, day):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="王芳")
    assert reply.ok and "#2" in reply.text, reply.text
    assert _tasks(session_factory) == [(1, "Ana", _FRI), (2, "Ana", day)]


@pytest.mark.parametrize("said", ["截止改到下周三", "due wed"])
def test_a_due_said_with_no_task_touched_asks_which(session_factory, said):
    chat = make_team_chat(session_factory, manager="王芳", reps=("Ana", "Bo"))
    for line in ("task call Acme CFO by fri", "task send Globex the deck by fri",
                 "visit Acme: demo went well"):
        assert chat.reply(line, user="Ana").ok
        chat.now += dt.timedelta(minutes=1)
    before, rows = _tasks(session_factory), records(session_factory)
    reply = chat.reply(said, user="Ana")
    assert not reply.ok and len(reply.buttons) == 2, reply.text
    assert _tasks(session_factory) == before and records(session_factory) == rows
