"""r27en/r27zh, fix31b: a second command after `and`/`顺便`/`另外` is offered beside the first in one tap
(never dropped, kept as a note or a title); a task asked for inside a visit is offered as a task, not left
in the notes; filler before a task's title (`for that too:`) is no title, `that` the last customer.
Fed through the real dispatch; Mon, Dec 7, 2026: nothing stored until tapped, then both."""
import datetime as dt

import pytest

from storage.models.sales import Customer, Deal, Task, Visit
from support import make_team_chat, records, rows_of

pytestmark = pytest.mark.phrasing

MON = dt.datetime(2026, 12, 7, 2, 0, tzinfo=dt.timezone.utc)  # 10:00 in Shanghai
FRI, NEXT_WED, NEXT_TUE = dt.date(2026, 12, 11), dt.date(2026, 12, 16), dt.date(2026, 12, 15)


def _chat(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana"))
    for said in ("customer +华为", "customer +宁德时代", "customer +Wayne", "customer +格力",
                 "customer +Umbrella", "customer +小米", "customer +腾讯"):
        assert chat.reply(said, user="Ana").ok, said
    return chat


def _tasks(chat):
    return rows_of(chat, Task, ("id", "title", "due_on", "customer", "assignee", "done_at"))


def _tap_first(chat, reply, user="Ana"):
    assert reply.buttons, reply.text
    return chat.press(reply.buttons[0], user=user)


def test_done_task_and_move_a_deals_close(session_factory):
    chat = _chat(session_factory)
    assert chat.reply('deal 华为 "ERP" 50k', user="Ana").ok
    assert chat.reply("task call 华为 fri", user="Ana").ok
    before = records(session_factory)
    reply = chat.reply("done task 1 and move deal 1 close to feb", user="Ana")
    assert not reply.ok and "done task 1" in reply.text and "deal #1 close feb" in reply.text, reply.text
    assert records(session_factory) == before
    assert _tap_first(chat, reply).ok
    assert _tasks(chat)[0][5] is not None
    assert rows_of(chat, Deal, ("id", "expected_close")) == [(1, dt.date(2027, 2, 1))]


def test_tier_and_a_task_about_them(session_factory):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply("make 华为 tier A and remind me to visit them again in 2 weeks", user="Ana")
    assert "customer 华为 tier A" in reply.text and "task customer 华为" in reply.text, reply.text
    assert records(session_factory) == before
    assert _tap_first(chat, reply).ok
    assert ("华为", "A") in rows_of(chat, Customer, ("name", "tier"))
    assert [(t[1], t[2], t[3]) for t in _tasks(chat)] == [("visit them again", dt.date(2026, 12, 21), "华为")]


def test_zh_tier_and_task_after_另外(session_factory):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply("宁德时代设成A类客户 另外 任务 下周二前给宁德时代发MES资料", user="Ana")
    assert "客户 宁德时代 A类" in reply.text and "发MES资料" in reply.text, reply.text
    assert records(session_factory) == before
    assert _tap_first(chat, reply).ok
    assert ("宁德时代", "A") in rows_of(chat, Customer, ("name", "tier"))
    [task] = _tasks(chat)
    assert "MES资料" in task[1] and task[2] == NEXT_TUE, task


def test_zh_task_then_done_after_顺便(session_factory):
    chat = _chat(session_factory)
    for n in range(7):
        assert chat.reply(f"任务 周五前给华为打电话{n}", user="Ana").ok
    before = records(session_factory)
    reply = chat.reply("明天要去华为 顺便 任务7搞定了", user="Ana")
    assert "任务7搞定了" in reply.text and "两条都执行" in reply.text, reply.text
    assert records(session_factory) == before
    assert _tap_first(chat, reply).ok
    tasks = _tasks(chat)
    assert tasks[6][5] is not None, tasks  # task 7 done
    assert tasks[7][1] == "要去华为" and tasks[7][2] == dt.date(2026, 12, 8), tasks
    assert not any("搞定" in t[1] for t in tasks)


def test_zh_reassign_and_move_a_task_both(session_factory):
    chat = _chat(session_factory)
    for n in range(4):
        assert chat.reply(f"任务 @Ana 周三前给华为打电话{n}", user="王芳").ok
    before = records(session_factory)
    reply = chat.reply("任务4 给张伟 顺便改到周五", user="王芳")
    assert "任务4 给张伟" in reply.text and "改到周五" in reply.text, reply.text
    assert records(session_factory) == before
    assert _tap_first(chat, reply, user="王芳").ok
    task = _tasks(chat)[3]
    assert task[4] == "张伟" and task[2] == FRI, task


@pytest.mark.parametrize("said, title, due", [
    ("visited 格力 w/ Bo ... pls make a task for me to send proposal by next wed", "send proposal", NEXT_WED),
    ("visit wayne: kickoff mtg for ERP, all good. need to send them the project plan by fri - make a task",
     "send them the project plan", FRI),
    ("拜访 华为：见了张总，聊得不错。下周三前要发方案 帮我建个任务", "要发方案", NEXT_WED),
    ("拜访 格力：和采购开会 加个任务 周五前发报价", "发报价", FRI),
])
def test_a_task_asked_inside_a_visit_is_offered_as_a_task(session_factory, said, title, due):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user="Ana")
    assert not reply.ok and len(reply.buttons) == 2, reply.text
    assert records(session_factory) == before
    assert _tap_first(chat, reply).ok
    [visit] = rows_of(chat, Visit, ("notes", "follow_up_on"))
    assert "task" not in visit[0] and "任务" not in visit[0] and title not in visit[0], visit
    [task] = _tasks(chat)
    assert task[1] == title and task[2] == due and task[3] is not None, task


@pytest.mark.parametrize("visit, said, title", [
    ("visit umbrella: new contact Jim", "add a task for that too: send Jim SSO docs tmrw",
     "send Jim SSO docs"),
    ("visit umbrella: new contact Jim", "task for it as well: send Jim SSO docs tmrw", "send Jim SSO docs"),
    ("拜访 华为：见了张总", "任务 它也：明天发MES资料", "发MES资料"),
])
def test_filler_before_a_task_is_no_title_and_that_is_the_last_customer(session_factory, visit, said,
                                                                        title):
    chat = _chat(session_factory)
    assert chat.reply(visit, user="Ana").ok
    reply = chat.reply(said, user="Ana")
    assert reply.ok, reply.text
    [task] = _tasks(chat)
    assert task[1] == title and task[2] == dt.date(2026, 12, 8), task
    assert task[3] in reply.text and task[3] in ("Umbrella", "华为"), (task, reply.text)


def test_zh_two_customers_visited_and_a_third_followed_up(session_factory):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply("今天拜访了华为和小米，明天跟进腾讯的报价", user="Ana")
    assert all(line in reply.text for line in ("拜访 华为", "拜访 小米", "任务 客户 腾讯")), reply.text
    assert records(session_factory) == before
    assert _tap_first(chat, reply).ok
    assert [v[0] for v in rows_of(chat, Visit, ("customer", "notes"))] == ["华为", "小米"]
    [task] = _tasks(chat)
    assert task[3] == "腾讯" and task[2] == dt.date(2026, 12, 8) and "报价" in task[1], task


def test_en_two_customers_visited_are_asked_never_one_with_the_other_in_notes(session_factory):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply("visited 华为 and 小米 today, follow up on tencent quote tmrw", user="Ana")
    assert not reply.ok and len(reply.buttons) >= 1 and "小米" in reply.text, reply.text
    assert records(session_factory) == before


@pytest.mark.parametrize("said", ["1完成了，资料已发，顺便把2推到下周三",
                                  "done 1 sent the docs and snooze 2 to next wed"])
def test_a_follow_up_done_and_another_moved(session_factory, said):
    chat = _chat(session_factory)
    for line in ("拜访 华为：见了张总；跟进 明天", "拜访 格力：报价；跟进 周四"):
        assert chat.reply(line, user="Ana").ok, line
    before = records(session_factory)
    reply = chat.reply(said, user="Ana")
    if said.startswith("1"):  # offered, one tap
        assert not reply.ok and reply.buttons, reply.text
        assert records(session_factory) == before
        tapped = _tap_first(chat, reply)
        assert tapped.ok, tapped.text
    else:  # `and snooze 2`: each said with its command word, both done at once (several.py)
        assert reply.ok and "1" in reply.text and "2" in reply.text, reply.text
    visits = rows_of(chat, Visit, ("id", "outcome", "follow_up_on", "follow_up_done"))
    assert visits[0][3] and "推" not in visits[0][1] and "snooze" not in visits[0][1], visits
    assert visits[1][2] == NEXT_WED and not visits[1][3], visits
