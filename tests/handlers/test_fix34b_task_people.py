"""fix34b case 2: several people in one task sentence made one task (`Tom and Bo both need to send the
deck by fri` by a manager: Tom's, titled "and Bo both need to …"; `task Ana and Bo send the deck by
fri`: Ana's, titled "and Bo send the deck"; `Ana和Bo都要在周五前发方案`: not understood). Now one task
each is asked (one tap makes them, undo takes both back); from a rep it is refused at once, their own
task offered (only managers give tasks to others). Mon, Dec 7, 2026."""
import datetime as dt

import pytest

from support import MON, make_team_chat, records, task_rows

pytestmark = pytest.mark.phrasing
FRI, WED = dt.date(2026, 12, 11), dt.date(2026, 12, 16)


def _chat(session_factory):
    return make_team_chat(session_factory, now=MON, manager="王芳", reps=("Ana", "Bo", "Tom", "张伟"))


@pytest.mark.parametrize("said, rows", [
    ("Tom and Bo both need to send the deck by fri",
     [("send the deck", "Tom", FRI), ("send the deck", "Bo", FRI)]),
    ("Ana和Bo都要在周五前发方案", [("发方案", "Ana", FRI), ("发方案", "Bo", FRI)]),
    ("task Ana and Bo send the deck by fri", [("send the deck", "Ana", FRI), ("send the deck", "Bo", FRI)]),
    ("Tom & Bo: prep QBR deck by next wed", [("prep QBR deck", "Tom", WED), ("prep QBR deck", "Bo", WED)]),
    ("任务 张伟和Bo 周五前发方案", [("发方案", "张伟", FRI), ("发方案", "Bo", FRI)]),
    ("tom, bo and ana need to call acme by fri", [("call acme", n, FRI) for n in ("Tom", "Bo", "Ana")]),
])
def test_a_managers_task_for_several_people_asks_one_task_each(session_factory, said, rows):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user="王芳")
    assert not reply.ok and ("one task for each" in reply.text or "每人各建一个任务" in reply.text), \
        reply.text
    assert records(session_factory) == before
    assert chat.reply("1", user="王芳").ok
    assert task_rows(session_factory, "title", "assignee", "due_on") == rows
    assert chat.reply("undo", user="王芳").ok
    assert task_rows(session_factory) == []


@pytest.mark.parametrize("said, user, own", [
    ("Ana and Bo both need to send the deck by fri", "Ana", "task @Ana send the deck by fri"),
    ("task Ana and Bo send the deck by fri", "Ana", "task @Ana send the deck by fri"),
    ("Tom and Bo both need to send the deck by fri", "Bo", "task @Bo send the deck by fri"),
    ("张伟和Bo都要在周五前发方案", "张伟", "任务 @张伟 周五前发方案"),
    ("task @Ana and @Bo prep the deck by fri", "Ana", "task @Ana prep the deck by fri"),
])
def test_a_reps_task_for_several_people_is_refused_their_own_offered(session_factory, said, user, own):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and ("Only managers" in reply.text or "经理" in reply.text), reply.text
    assert [b.command for b in reply.buttons] == [own], reply.text
    assert records(session_factory) == before
    assert chat.press(reply.buttons[0], user=user).ok
    assert task_rows(session_factory, "assignee", "due_on") == [(user, FRI)]


def test_a_rep_naming_only_others_gets_no_task_offered(session_factory):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply("Tom and Bo both need to send the deck by fri", user="Ana")
    assert not reply.ok and "Only managers" in reply.text and not reply.buttons, reply.text
    assert records(session_factory) == before
