"""fix32b: `华为那个任务给Bo吧，周五前搞定` offered the handover alone, the due day dropped. A day said
with a task handed over is offered with it: one tap sets the due day, then gives the task (moved
first: once given it is no longer the sender's to move); nothing stored before the tap."""
import datetime as dt

import pytest

from support import MON, make_team_chat, records, task_rows

pytestmark = pytest.mark.phrasing


def _chat(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Bo"))
    chat.said_ok("customer +华为", "customer +Globex", user="张伟")
    chat.said_ok("task @张伟 给华为发报价 by 12/9", "task @张伟 send Globex the NDA by 12/9", user="王芳")
    return chat


@pytest.mark.parametrize("said, title, due", [
    ("华为那个任务给Bo吧，周五前搞定", "给华为发报价", dt.date(2026, 12, 11)),
    ("华为的任务交给Bo 下周三之前", "给华为发报价", dt.date(2026, 12, 16)),
    ("華為那個任務給Bo吧，週五前搞定", "给华为发报价", dt.date(2026, 12, 11)),
    ("give the Globex task to Bo, due next tue", "send Globex the NDA", dt.date(2026, 12, 15)),
])
def test_a_task_handed_over_with_a_day_offers_both(session_factory, said, title, due):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user="王芳")
    assert not reply.ok and len(reply.buttons) == 1, reply.text
    assert "\n" in reply.buttons[0].command and due.isoformat() in reply.buttons[0].command
    assert records(session_factory) == before
    assert chat.reply("1", user="王芳").ok
    assert (title, "Bo", due) in task_rows(session_factory, "title", "assignee", "due_on")


def test_a_handover_with_no_day_offers_the_handover_alone(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("华为那个任务给Bo吧", user="王芳")
    assert "\n" not in reply.buttons[0].command, reply.buttons
    assert chat.reply("1", user="王芳").ok
    tasks = task_rows(session_factory, "title", "assignee", "due_on")
    assert ("给华为发报价", "Bo", dt.date(2026, 12, 9)) in tasks
