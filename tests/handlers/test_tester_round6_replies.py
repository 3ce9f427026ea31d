"""Classes of replies the round-6 fresh-eyes testers found unhelpful, each fed through the real
dispatch with a real database (SQLite and PostgreSQL): a question raised about one command of a
message of several was shown but never kept, so its answer met "no question open" and the whole
message was lost. Today is Monday 2026-11-23."""
import pytest
from sqlalchemy import select

from storage.models import Task, Visit
from support import Chat


def _setup(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team()
    assert chat.reply("拜访 华为：初次见面").ok
    assert chat.reply("visit Globex: intro").ok
    return chat


def _stored(session_factory):
    with session_factory() as s:
        visits = [(v.notes, v.follow_up_on.isoformat() if v.follow_up_on else None)
                  for v in s.scalars(select(Visit).order_by(Visit.id))][2:]
        tasks = [(t.title, t.due_on.isoformat() if t.due_on else None)
                 for t in s.scalars(select(Task).order_by(Task.id))]
    return visits, tasks


def _asked_about_one_of_several(chat, typed):
    """The question about the line with a day in its notes (after "run both?" where asked)."""
    reply = chat.reply(typed)
    if "“下周二”" not in reply.text and "“by fri”" not in reply.text:  # `另外 任务`: both lines first
        assert len(reply.buttons) == 1, reply.text
        reply = chat.reply("好")
    assert not reply.ok and len(reply.buttons) == 2, reply.text
    return reply


SEVERAL = [
    ("拜访华为 见了CTO 下周二演示 另外 任务 周三前把报价发给华为", "见了CTO 下周二演示",
     ("把报价发给华为", "2026-11-25")),
    ("拜访 华为：见了CTO，下周二演示\n任务 周三前把报价发给华为", "见了CTO，下周二演示",
     ("把报价发给华为", "2026-11-25")),
    ("拜访 华为：见了CTO，下周二演示\n任务 周四前发方案给华为", "见了CTO，下周二演示",
     ("发方案给华为", "2026-11-26")),
]


@pytest.mark.parametrize("typed, notes, task", SEVERAL)
def test_a_question_about_one_of_several_commands_is_kept_and_its_answer_stores_them_all(
        session_factory, typed, notes, task):
    chat = _setup(session_factory)
    _asked_about_one_of_several(chat, typed)
    assert _stored(session_factory) == ([], [])  # nothing yet
    reply = chat.reply("1")  # the follow-up day
    assert reply.ok, reply.text
    assert "目前没有待回答的问题" not in reply.text and "12月1日" in reply.text
    assert _stored(session_factory) == ([(notes, "2026-12-01")], [task])


@pytest.mark.parametrize("typed, notes, task", SEVERAL[1:])
def test_the_other_answer_or_a_press_stores_them_all_too(session_factory, typed, notes, task):
    chat = _setup(session_factory)
    reply = _asked_about_one_of_several(chat, typed)
    reply = chat.press(reply.buttons[1])  # only notes
    assert reply.ok, reply.text
    assert _stored(session_factory) == ([(notes, None)], [task])


def test_an_english_question_inside_two_lines_is_answerable(session_factory):
    chat = _setup(session_factory)
    reply = chat.reply("visit Globex: send proposal by fri\ntask call Globex CFO by wed")
    assert not reply.ok and len(reply.buttons) == 2, reply.text
    reply = chat.reply("2")
    assert reply.ok, reply.text
    assert _stored(session_factory) == ([("send proposal by fri", None)], [("call Globex CFO", "2026-11-25")])


def test_no_to_a_question_about_one_of_several_stores_none_of_them(session_factory):
    chat = _setup(session_factory)
    _asked_about_one_of_several(chat, SEVERAL[1][0])
    reply = chat.reply("不")
    assert reply.ok and "目前没有待回答的问题" not in reply.text
    assert _stored(session_factory) == ([], [])
