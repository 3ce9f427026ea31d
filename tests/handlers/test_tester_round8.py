"""Classes of messages the round-8 fresh-eyes tester found stored other than meant, fed through the
real dispatch with a real database (SQLite and PostgreSQL): several tasks' numbers with a done word
made a task titled with them."""
import pytest
from sqlalchemy import select

from storage.models.sales import Deal, Task
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


@pytest.mark.parametrize("undo, said", [
    ("undo", "Nothing was saved; the question is closed"), ("撤销", "未保存任何内容，问题已关闭"),
    ("undo that", "Nothing was saved; the question is closed"),
])
def test_undo_while_a_question_is_open_closes_it_and_undoes_nothing_older(session_factory, undo, said):
    chat = Chat(session_factory)
    chat.team()
    assert chat.reply("visit +Globex: intro").ok
    assert chat.reply("deal Globex \"renewal\" proposal 100k").ok
    assert chat.reply("task call Globex").ok
    with session_factory() as s:
        number = s.scalars(select(Task.id)).one()
    assert chat.reply(f"done task {number}").ok
    asked = chat.reply("won Globex 1.45m: beat them on delivery, kickoff call next tue")
    assert not asked.ok and asked.buttons, asked.text
    reply = chat.reply(undo)
    assert said in reply.text
    assert _tasks(session_factory) == [("call Globex", True)]  # the older change stands
    with session_factory() as s:
        assert s.scalars(select(Deal.stage)).one() != "won"
    late = chat.reply("1")
    assert not late.ok and "No question of mine is open" in late.text
    assert _tasks(session_factory) == [("call Globex", True)]
    again = chat.reply("undo")  # the older change, now asked for with no question open
    assert again.ok and "Undone" in again.text, again.text
    assert _tasks(session_factory) == [("call Globex", False)]


def test_undo_after_a_saved_win_whose_reason_is_asked_undoes_the_win(session_factory):
    chat = Chat(session_factory)
    chat.team()
    assert chat.reply("visit +Globex: intro").ok
    assert chat.reply("deal Globex \"renewal\" proposal 100k").ok
    won = chat.reply("won Globex")
    assert won.ok, won.text
    with session_factory() as s:
        assert s.scalars(select(Deal.stage)).one() == "won"
    reply = chat.reply("undo")
    assert reply.ok and "Undone" in reply.text, reply.text
    with session_factory() as s:
        assert s.scalars(select(Deal.stage)).one() != "won"
