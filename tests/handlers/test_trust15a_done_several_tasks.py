"""Issue #23, round 15: `done task 3 and task 4` was refused ("“and task 4” reads as … another
command"), though `done task 7 and done task 13` was done. Several tasks done in one command, each
number said with or without its task word, joined by a comma, `and`, `&` or `和` (glued in Chinese:
`完成任务3和4`), are all done; said without the task word (`done 3 and 4`, numbers of no follow-up
but of the member's open tasks), both are offered as done in one tap. Today is Mon, Nov 23, 2026."""
import pytest
from sqlalchemy import select

from storage.models.sales import Task
from support import Chat

pytestmark = pytest.mark.phrasing


def _chat(session_factory, user: str) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "张伟"))
    for title in ("call globex fri", "send the deck to initech mon", "book the dinner wed"):
        assert chat.reply(f"{'任务' if user == '张伟' else 'task'} {title}", user=user).ok
    return chat


def _done(session_factory) -> list[int]:
    with session_factory() as s:
        return [t.id for t in s.scalars(select(Task).where(Task.done_at.is_not(None)).order_by(Task.id))]


@pytest.mark.parametrize("user, said", [
    ("Ana", "done task 1 and task 2"), ("Ana", "done tasks 1, 2"), ("Ana", "done task 1, task 2"),
    ("Ana", "done task #1 & #2"), ("Ana", "Done tasks 1 and 2"), ("Ana", "done task 1 + task 2"),
    ("张伟", "完成任务1和2"), ("张伟", "完成 任务1和任务2"), ("张伟", "完成任务 1、2"),
    ("张伟", "完成任务1及2"),
])
def test_several_tasks_done_in_one_command_are_all_done(session_factory, user, said):
    chat = _chat(session_factory, user)
    reply = chat.reply(said, user=user)
    assert reply.ok, reply.text
    assert "#1" in reply.text and "#2" in reply.text, reply.text
    assert _done(session_factory) == [1, 2]


@pytest.mark.parametrize("user, said, tap", [
    ("Ana", "done 1 and 2", "done task 1 2"), ("Ana", "done 1, 2", "done task 1 2"),
    ("Ana", "done 1 & 3", "done task 1 3"), ("张伟", "完成 1和2", "完成 任务 1 2"),
])
def test_task_numbers_said_as_follow_ups_offer_those_tasks_done_in_one_tap(session_factory, user, said, tap):
    chat = _chat(session_factory, user)
    asked = chat.reply(said, user=user)
    assert not asked.ok and [b.command for b in asked.buttons] == [tap], asked.text
    assert "call globex" in asked.text or "globex" in asked.text, asked.text
    assert _done(session_factory) == []  # nothing done while asked
    assert chat.reply("1" if user == "Ana" else "好", user=user).ok
    assert _done(session_factory) == [int(n) for n in tap.split()[-2:]]


def test_one_number_of_no_task_offers_nothing_and_marks_nothing(session_factory):
    chat = _chat(session_factory, "Ana")
    reply = chat.reply("done 1 and 99")
    assert not reply.ok and not reply.buttons and "No open follow-up" in reply.text, reply.text
    assert _done(session_factory) == []
