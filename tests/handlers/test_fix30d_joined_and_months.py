"""r26 fix30d: what one message says in two clauses is never glued into one field.

1. A command after 顺便/另外/还有/also/plus/and in a visit's notes (`顺便把任务3完成了`, `and task 1 done`)
   runs as its own line; prose stays notes.
2. `任务 …；还有给海尔发合同`: two tasks, each its own customer; never one title.
3. `推迟 N 下周一，客户出差`: the clause after the comma is the why, never a customer 出差.
4. `task …, march`, `start of april`: a due day (the month's first working day), never a title word.
Fed through the real dispatch; Mon, Dec 7, 2026."""
import datetime as dt

import pytest

from support import MON, customer_names, make_team_chat, task_rows, visit_rows

pytestmark = pytest.mark.phrasing


def _chat(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana"))
    chat.said_ok("customer +Acme", "customer +Initech", ("客户 +华为", "张伟"), ("客户 +海尔", "张伟"),
                 ("客户 +万科", "张伟"), user="Ana")
    return chat


def _tasks(chat):
    return [(title, due, done_at is not None, customer) for title, due, done_at, customer
            in task_rows(chat, "title", "due_on", "done_at", "customer")]


@pytest.mark.parametrize("user, task, said, notes, shown", [
    ("张伟", "任务 周五前约华为吃饭", "拜访了华为，跟他们CIO吃了个饭，关系拉近了不少。顺便把任务1完成了",
     "跟他们CIO吃了个饭，关系拉近了不少", "任务 #1 已完成"),
    ("张伟", "任务 周五前约华为吃饭", "拜访 华为：聊了预算，另外任务1搞定了", "聊了预算", "任务 #1 已完成"),
    ("Ana", "task call acme by fri", "visit acme: demo went well and task 1 done", "demo went well",
     "Task #1 done"),
    ("Ana", "task call acme by fri", "visit acme: lunch with cfo, also finished task 1", "lunch with cfo",
     "Task #1 done"),
])
def test_a_done_after_a_join_in_a_visit_runs_as_its_own(session_factory, user, task, said, notes, shown):
    chat = _chat(session_factory)
    assert chat.reply(task, user=user).ok
    reply = chat.reply(said, user=user)
    assert reply.ok and shown in reply.text, reply.text
    assert [v[1] for v in visit_rows(chat)] == [notes]
    assert [t[2] for t in _tasks(chat)] == [True]


@pytest.mark.parametrize("said", ["visit acme: met the cfo and they want a demo",
                                  "visit acme: met the cfo and deal looks good"])
def test_prose_after_and_stays_the_visits_notes(session_factory, said):
    chat = _chat(session_factory)
    before = customer_names(chat)
    reply = chat.reply(said, user="Ana")
    assert reply.ok, reply.text
    assert visit_rows(chat) == [("Acme", said.split(": ", 1)[1], None)] and customer_names(chat) == before


@pytest.mark.parametrize("user, said, tasks", [
    ("张伟", "任务 下周一之前整理万科的比价资料；还有给海尔发合同",
     [("整理万科的比价资料", dt.date(2026, 12, 14), False, "万科"), ("给海尔发合同", None, False, "海尔")]),
    ("张伟", "任务 周五前给海尔发合同 另外 整理华为的资料",
     [("给海尔发合同", dt.date(2026, 12, 11), False, "海尔"), ("整理华为的资料", None, False, "华为")]),
    ("Ana", "task send acme the quote by fri; and also call initech about renewal",
     [("send acme the quote", dt.date(2026, 12, 11), False, "Acme"),
      ("call initech about renewal", None, False, "Initech")]),
])
def test_two_things_to_do_are_two_tasks(session_factory, user, said, tasks):
    chat = _chat(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok and "1." in reply.text and "2." in reply.text, reply.text
    assert _tasks(chat) == tasks


def test_what_was_said_after_also_stays_in_the_title(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("task call acme, also they want a demo", user="Ana").ok
    assert [t[0] for t in _tasks(chat)] == ["call acme, also they want a demo"]


@pytest.mark.parametrize("user, said, why", [
    ("张伟", "推迟 {n} 下周一，客户出差", "客户出差"),
    ("张伟", "推迟 {n} 下周一，客户那边在走流程", "客户那边在走流程"),
    ("Ana", "snooze {n} next mon, customer said call back later", "customer said call back later"),
])
def test_a_clause_that_reads_as_prose_is_the_why_never_a_customer(session_factory, user, said, why):
    chat = _chat(session_factory)
    name = "华为" if user == "张伟" else "Acme"
    assert chat.reply(f"visit {name}: intro f/u wed", user=user).ok
    n = len(visit_rows(chat))
    before = customer_names(chat)
    reply = chat.reply(said.format(n=n), user=user)
    assert reply.ok and why in reply.text, reply.text
    assert customer_names(chat) == before
    visit = visit_rows(chat)[-1]
    assert visit[2] == dt.date(2026, 12, 14) and why in visit[1]


@pytest.mark.parametrize("user, said, title, due", [
    ("Ana", "task check in with initech on their in-house build, march",
     "check in with initech on their in-house build", dt.date(2027, 3, 1)),
    ("Ana", "task renew contract start of april", "renew contract", dt.date(2027, 4, 1)),
    ("Ana", "task renew contract early april", "renew contract", dt.date(2027, 4, 1)),
    ("张伟", "任务 4月初 回访华为", "回访华为", dt.date(2027, 4, 1)),
    ("张伟", "任务 三月 回访海尔", "回访海尔", dt.date(2027, 3, 1)),
])
def test_a_month_alone_in_a_task_is_its_due_day(session_factory, user, said, title, due):
    chat = _chat(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok and ("Mar 1" in reply.text or "Apr 1" in reply.text or "月1日" in reply.text), reply.text
    assert [(t[0], t[1]) for t in _tasks(chat)] == [(title, due)]


def test_a_word_may_in_a_title_stays_a_word(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("task plan the may event", user="Ana").ok
    assert [(t[0], t[1]) for t in _tasks(chat)] == [("plan the may event", None)]
