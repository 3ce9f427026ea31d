"""Round 22 (fix23b): two tasks said done in one message are both done (or both offered), never one
silently; a task or deal title keeps the full-width marks typed (`报价：小米`); a manager's task naming
a member with no colon is that member's; a task naming a known customer is linked to it, said back.
Fed through the real dispatch; today is Sun, Dec 6, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Deal, Task
from storage.models.workspace import Member
from support import make_team_chat

pytestmark = pytest.mark.phrasing

DEC6 = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)  # a Sunday
FRI = dt.date(2026, 12, 11)


def _chat(session_factory, manager="Mia"):
    return make_team_chat(session_factory, now=DEC6, manager=manager, reps=("Ana", "Bo", "张伟"))


def _tasks(session_factory):
    with session_factory() as s:
        return [(s.get(Member, t.assignee_id).display_name, t.title, t.due_on, t.done_at is not None)
                for t in s.scalars(select(Task).order_by(Task.id))]


def _two_tasks(chat, user):
    first = chat.reply("task send the deck fri" if user == "Ana" else "任务 发资料 周五", user=user)
    second = chat.reply("task call Bo fri" if user == "Ana" else "任务 打电话 周五", user=user)
    assert first.ok and second.ok, (first.text, second.text)
    with chat.session_factory() as s:
        return list(s.scalars(select(Task.id).order_by(Task.id)))


@pytest.mark.parametrize("user, said", [
    ("张伟", "任务{a}完成…任务{b}也完成"),
    ("张伟", "任务{a}完成了，任务{b}也完成了"),
    ("张伟", "任务{a}完成了 任务{b}也完成了"),
    ("张伟", "任务{a}搞定了。{b}也搞定了"),
    ("Ana", "task {a} done and {b} too"),
    ("Ana", "task {a} done... task {b} also done"),
])
def test_two_tasks_said_done_are_both_done(session_factory, user, said):
    chat = _chat(session_factory)
    a, b = _two_tasks(chat, user)
    reply = chat.reply(said.format(a=a, b=b), user=user)
    assert reply.ok, reply.text
    assert f"#{a}" in reply.text and f"#{b}" in reply.text, reply.text
    assert [done for *_rest, done in _tasks(session_factory)] == [True, True]


@pytest.mark.parametrize("user, said", [
    ("张伟", "{a}完成了，{b}也完成了"),
    ("Ana", "done {a} and {b}"),
    ("Ana", "{a} done, {b} too"),
])
def test_two_numbers_said_done_are_offered_as_both_tasks(session_factory, user, said):
    chat = _chat(session_factory)
    a, b = _two_tasks(chat, user)
    asked = chat.reply(said.format(a=a, b=b), user=user)
    assert not asked.ok and len(asked.buttons) == 1, asked.text
    assert f"#{a}" in asked.text and f"#{b}" in asked.text, asked.text
    assert [done for *_rest, done in _tasks(session_factory)] == [False, False]  # asked: nothing yet
    done = chat.press(asked.buttons[0], user=user)
    assert done.ok, done.text
    assert [done for *_rest, done in _tasks(session_factory)] == [True, True]


def test_a_note_after_one_task_done_is_said_not_kept(session_factory):
    # fix27a (r24zh): a done with words is plain: that task done at once, the words said not kept
    # (tasks keep no notes); it was asked about every time; the other task stays open
    chat = _chat(session_factory)
    a, _b = _two_tasks(chat, "张伟")
    reply = chat.reply(f"任务{a}完成了，资料都发过去了", user="张伟")
    assert reply.ok and "“资料都发过去了”未保存" in reply.text, reply.text
    assert [done for *_rest, done in _tasks(session_factory)] == [True, False]


@pytest.mark.parametrize("user, said, title", [
    ("张伟", "任务 报价：小米 周五", "报价：小米"),
    ("张伟", "任务 给华为发报价（加急） 周五", "给华为发报价（加急）"),
    ("Ana", "task quote：acme fri", "quote：acme"),
])
def test_a_task_title_keeps_its_full_width_marks(session_factory, user, said, title):
    chat = _chat(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok and title in reply.text, reply.text
    assert _tasks(session_factory) == [(user, title, FRI, False)]


def test_a_deal_title_keeps_its_full_width_colon(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply('商机 +小米 "一期：试点" 5万', user="张伟")
    assert reply.ok and "一期：试点" in reply.text, reply.text
    with session_factory() as s:
        assert list(s.scalars(select(Deal.title))) == ["一期：试点"]


@pytest.mark.parametrize("manager, said, who, title, day, shown", [
    ("王芳", "任务 张伟 准备报价 12月10日", "张伟", "准备报价", dt.date(2026, 12, 10), "张伟"),
    ("Mia", "task bo send quote fri", "Bo", "send quote", FRI, "For: Bo"),
    ("Mia", "task Ana call acme tmrw", "Ana", "call acme", dt.date(2026, 12, 7), "For: Ana"),
])
def test_a_managers_task_naming_a_member_is_theirs(session_factory, manager, said, who, title, day, shown):
    chat = _chat(session_factory, manager=manager)
    reply = chat.reply(said, user=manager)
    assert reply.ok and shown in reply.text, reply.text
    assert _tasks(session_factory) == [(who, title, day, False)]


def test_a_reps_task_starting_with_a_colleagues_name_stays_theirs(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("task bo send quote fri", user="Ana")
    assert reply.ok, reply.text
    assert _tasks(session_factory) == [("Ana", "bo send quote", FRI, False)]


@pytest.mark.parametrize("user, said, shown", [
    ("Ana", "task call huawei fri", "About"),
    ("张伟", "任务 周五给华为打电话", "关于"),
])
def test_a_task_naming_a_known_customer_is_linked_to_it(session_factory, user, said, shown):
    chat = _chat(session_factory)
    assert chat.reply("拜访 +华为：聊了报价", user=user).ok
    reply = chat.reply(said, user=user)
    assert reply.ok and shown in reply.text and "华为" in reply.text, reply.text
    with session_factory() as s:
        [task] = s.scalars(select(Task)).all()
        assert s.get(Customer, task.customer_id).name == "华为"


def test_a_customer_name_keeps_its_full_width_marks(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("客户 +华为（北京） A类", user="张伟")
    assert reply.ok and "华为（北京）" in reply.text, reply.text
    again = chat.reply("客户 华为(北京) B类", user="张伟")  # the same customer, said half-width
    assert again.ok, again.text
    with session_factory() as s:
        assert [(c.name, c.tier) for c in s.scalars(select(Customer))] == [("华为（北京）", "B")]
