"""fix29a classes 4 and 5. `完成任务10，客户预算下周批` offered a new customer "预算下周批": the words
after a done (a customer's budget, what they said) are what came of it, never a customer; the done
happens. And a follow-up done with a day in its words offered "done, and a new follow-up on that
day", whose tap set the visit's one follow-up again: the done undone. Now the tap keeps the done and
makes a task for that day. Fed through the real dispatch; today is Mon, Nov 23, 2026."""
import datetime as dt

import pytest

from support import customer_names, make_team_chat, records, task_rows, visit_rows

pytestmark = pytest.mark.phrasing


def _rows(session_factory):
    return (customer_names(session_factory),
            [(id_, done_at is not None) for id_, done_at in task_rows(session_factory, "id", "done_at")],
            visit_rows(session_factory, "id", "outcome", "follow_up_on", "follow_up_done"))


def _chat(session_factory):
    chat = make_team_chat(session_factory, manager="王芳", reps=("Ana", "张伟"))
    assert chat.reply("task call Acme CFO by fri", user="Ana").ok
    return chat


@pytest.mark.parametrize("said, words", [
    ("完成任务1，客户预算下周批", "任务 #1 已完成"),
    ("完成任务1，客户说下周签", "任务 #1 已完成"),
    ("任务1搞定，客户很满意", "任务 #1 已完成"),
    ("done task 1, customer budget approved next week", "Task #1 done"),
    ("done task 1, customer wants the deck", "Task #1 done"),
])
def test_the_words_after_a_done_are_never_a_customer(session_factory, said, words):
    chat = _chat(session_factory)
    customers = _rows(session_factory)[0]
    reply = chat.reply(said, user="Ana")
    assert reply.ok and words in reply.text, reply.text
    assert not [b for b in reply.buttons if "客户" in b.label or "customer" in b.label.lower()]
    after = _rows(session_factory)
    assert after[0] == customers and after[1] == [(1, True)]


_FRIDAY, _NEXT_MONTH = dt.date(2026, 11, 27), dt.date(2026, 12, 1)


@pytest.mark.parametrize("user, visit, said, note", [
    ("张伟", "拜访 华为：聊了云迁移 跟进 周五", "完成 1 王总说下个月启动", "王总说下个月启动"),
    ("张伟", "拜访 华为：聊了云迁移 跟进 周五", "1搞定了，客户下个月签", "客户下个月签"),
    ("Ana", "visit Acme: demo ok, follow up fri", "done 1: they'll sign next month",
     "they'll sign next month"),
    ("Ana", "visit Acme: demo ok, follow up fri", "1 done - kickoff next month", "kickoff next month"),
])
def test_a_follow_up_on_that_day_keeps_the_done(session_factory, user, visit, said, note):
    chat = make_team_chat(session_factory, reps=("Ana", "张伟"))
    assert chat.reply(visit, user=user).ok
    before, rows = _rows(session_factory), records(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and len(reply.buttons) == 2, reply.text
    assert _rows(session_factory) == before and records(session_factory) == rows
    assert chat.press(reply.buttons[1], user=user).ok
    customers, tasks, visits = _rows(session_factory)
    assert visits == [(1, note, _FRIDAY, True)]  # done, and stays done
    made = task_rows(session_factory)
    assert len(made) == 1 and note in made[0][0] and "#1" in made[0][0] and made[0][1] == _NEXT_MONTH
