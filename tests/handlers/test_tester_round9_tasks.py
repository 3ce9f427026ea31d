"""Classes of messages the round-9 fresh-eyes testers found stored other than meant, or not
understood, fed through the real dispatch with a real database (SQLite and PostgreSQL): each
message lands in fields, or the bot asks (issue #23)."""
import pytest
from sqlalchemy import select

from storage.models.sales import Visit
from support import Chat


def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team()
    return chat


def _visits(session_factory):
    with session_factory() as s:
        return [(v.notes, v.follow_up_on) for v in s.scalars(select(Visit).order_by(Visit.id))]


# class 3: a question open, an answer that is none of its options
@pytest.mark.parametrize("question, unread, still, answer", [
    ("visit +Globex: tomorrow", "asdfgh", "my question is still open: reply 1–2", "2"),
    ("visit +Globex: tomorrow", "3", "my question is still open: reply 1–2", "2"),
    ("visit +Globex: tomorrow", "the fifth one", "my question is still open", "2"),
    ("拜访 +华为：明天", "好吧嗯", "问题仍然有效：请回复 1–2", "2"),
    ("拜访 +华为：明天", "3", "问题仍然有效", "2"),
])
def test_an_unreadable_answer_leaves_the_question_open_and_says_so(session_factory, question, unread,
                                                                     still, answer):
    chat = _chat(session_factory)
    asked = chat.reply(question)
    assert not asked.ok and len(asked.buttons) == 2, asked.text
    kept = chat.reply(unread)
    assert not kept.ok and still in kept.text, kept.text
    assert _visits(session_factory) == []
    done = chat.reply(answer)  # the question was kept: its answer still counts
    assert done.ok, done.text
    assert [(notes, day) for notes, day in _visits(session_factory)] == [(question.split("：")[-1]
                                                                          .split(": ")[-1], None)]


@pytest.mark.parametrize("question, command, ended", [
    ("visit +Globex: tomorrow", "followups", "My earlier question is closed"),
    ("拜访 +华为：明天", "待跟进", "上一个问题已结束"),
])
def test_a_command_after_a_question_closes_it_and_says_so(session_factory, question, command, ended):
    chat = _chat(session_factory)
    assert not chat.reply(question).ok
    reply = chat.reply(command)
    assert ended in reply.text, reply.text
    late = chat.reply("1")
    assert not late.ok and ("No question of mine is open" in late.text or "没有待回答的问题" in late.text)
    assert _visits(session_factory) == []
