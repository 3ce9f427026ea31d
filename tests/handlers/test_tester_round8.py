"""Classes of messages the round-8 fresh-eyes tester found stored other than meant, fed through the
real dispatch with a real database (SQLite and PostgreSQL): several tasks' numbers with a done word
made a task titled with them."""
import pytest
from sqlalchemy import select

from storage.models.sales import Task
from support import Chat


def _tasks(session_factory):
    with session_factory() as s:
        return [(t.title, t.done_at is not None) for t in s.scalars(select(Task).order_by(Task.id))]


@pytest.mark.parametrize("typed", [
    "tasks {a} and {b} done", "task {a}, {b} done", "task #{a}, #{b} done", "tasks {a} & {b} are done",
    "任务{a}、{b}都做完了", "任务{a}和{b}完成了", "任务 {a}，{b} 搞定了",
])
def test_several_tasks_numbers_and_a_done_word_are_each_task_done(session_factory, typed):
    chat = Chat(session_factory)
    chat.team()
    assert chat.reply("task call Globex").ok
    assert chat.reply("task call Acme").ok
    with session_factory() as s:
        a, b = s.scalars(select(Task.id).order_by(Task.id))
    reply = chat.reply(typed.format(a=a, b=b))
    assert reply.ok, reply.text
    assert f"#{a}" in reply.text and f"#{b}" in reply.text
    assert _tasks(session_factory) == [("call Globex", True), ("call Acme", True)]
    undone = chat.reply("undo")
    assert undone.ok, undone.text
    assert _tasks(session_factory) == [("call Globex", False), ("call Acme", False)]
