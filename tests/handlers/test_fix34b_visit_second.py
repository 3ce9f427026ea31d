"""fix34b case 1: a second command inside a visit's notes (`visit Acme: demo went well and task send
them pricing by thu`) stored the visit and dropped the task into its notes. A task's word (`task`,
`todo`, `任务`, `待办`), `remind me to …` / `提醒我…` or a deal's move (`deal Acme negotiation`,
`商机 华为 商务谈判`) in the notes is asked: one tap stores both (the visit, its notes without the
second command; the task with its due day, or the deal moved); undo takes both back. Mon, Dec 7, 2026."""
import datetime as dt

import pytest

from support import MON, deal_rows, make_team_chat, records, task_rows, visit_rows

pytestmark = pytest.mark.phrasing


def _chat(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("Ana", "张伟"))
    chat.said_ok('deal +Acme "CRM" 60k', user="Ana")
    chat.said_ok('deal +华为 "云服务" 10万', user="张伟")
    return chat


@pytest.mark.parametrize("said, user, answer, customer, notes, title, due", [
    ("visit Acme: demo went well and task send them pricing by thu", "Ana", "1", "Acme", "demo went well",
     "send them pricing", dt.date(2026, 12, 10)),
    ("visit Acme: demo went well; todo send deck by fri", "Ana", "1", "Acme", "demo went well", "send deck",
     dt.date(2026, 12, 11)),
    ("拜访 华为：演示顺利，任务 周四前发报价", "张伟", "1", "华为", "演示顺利",
     "发报价", dt.date(2026, 12, 10)),
    ("拜访 华为：见了采购，待办：明天发合同", "张伟", "1", "华为", "见了采购",
     "发合同", dt.date(2026, 12, 8)),
    ("visit Acme: demo went well, remind me to send pricing fri", "Ana", "2", "Acme", "demo went well",
     "send pricing", dt.date(2026, 12, 11)),
    ("拜访 华为：见了采购，提醒我周五发方案", "张伟", "2", "华为", "见了采购",
     "发方案", dt.date(2026, 12, 11)),
])
def test_a_task_inside_a_visits_notes_is_asked_and_one_tap_stores_both(
        session_factory, said, user, answer, customer, notes, title, due):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and len(reply.buttons) >= 2, reply.text
    assert records(session_factory) == before
    done = chat.reply(answer, user=user)
    assert done.ok and title in done.text, done.text
    assert visit_rows(session_factory, "customer", "notes") == [(customer, notes)]
    assert task_rows(session_factory, "title", "due_on", "customer") == [(title, due, customer)]
    undone = chat.reply("undo" if user == "Ana" else "撤销", user=user)
    assert undone.ok, undone.text
    assert visit_rows(session_factory) == [] and task_rows(session_factory) == []


@pytest.mark.parametrize("said, user, customer, notes", [
    ("visit Acme: met cfo, deal Acme negotiation", "Ana", "Acme", "met cfo"),
    ("拜访 华为：见了采购，商机 华为 商务谈判", "张伟", "华为", "见了采购"),
])
def test_a_deal_move_inside_a_visits_notes_is_asked_never_kept_as_notes(session_factory, said, user,
                                                                          customer, notes):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and ("deal moved" in reply.text or "推进" in reply.text), reply.text
    assert records(session_factory) == before
    assert chat.reply("1", user=user).ok
    assert visit_rows(session_factory, "customer", "notes") == [(customer, notes)]
    assert (customer, "negotiation") in deal_rows(session_factory, "customer", "stage")
    assert chat.reply("undo" if user == "Ana" else "撤销", user=user).ok
    assert visit_rows(session_factory) == []
    assert (customer, "negotiation") not in deal_rows(session_factory, "customer", "stage")


def test_only_notes_stays_a_choice_the_member_makes(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("visit Acme: demo went well, remind me to send pricing fri", user="Ana")
    assert "Only notes" in reply.text and "The visit, and a task" in reply.text, reply.text
    assert chat.reply("3", user="Ana").ok
    assert visit_rows(session_factory, "notes", "follow_up_on") == [
        ("demo went well, remind me to send pricing fri", None)]
    assert task_rows(session_factory) == []
