"""Issue #23, round 15 (Chinese): an edit verb and a day in a task line (`任务 改到周四`, `task move to
fri`) is never a task titled "改到": it moves a task. The one the member just made (or changed), the
one due on the day said first (`任务 明天 改成 后天`), the one whose title has the words said
(`任务 报价 改到周五`); else asked which, one tap per open task, nothing changed until one is picked.
Fed through the real dispatch with a real database; today is Mon, Nov 23, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Task
from support import Chat

pytestmark = pytest.mark.phrasing

TUE, WED, THU, FRI = (dt.date(2026, 11, d) for d in (24, 25, 26, 27))


def _tasks(session_factory):
    with session_factory() as s:
        return [(t.id, t.title, t.due_on) for t in s.scalars(select(Task).order_by(Task.id))]


def _chat(session_factory):
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo", "张伟"))
    return chat


@pytest.mark.parametrize("user, said, shown", [
    ("张伟", "任务 改到周四", "11月26日周四"),
    ("张伟", "任务 改成周四", "11月26日周四"),
    ("张伟", "任务 改为 周四", "11月26日周四"),
    ("张伟", "任务 推到周四", "11月26日周四"),
    ("张伟", "任务 挪到周四", "11月26日周四"),
    ("张伟", "任务 把它改到周四吧", "11月26日周四"),
    ("张伟", "任务 截止日期改为周四", "11月26日周四"),
    ("Ana", "task move to thursday", "Thu, Nov 26"),
    ("Ana", "task change to thu", "Thu, Nov 26"),
    ("Ana", "task push it to thursday", "Thu, Nov 26"),
    ("Ana", "task reschedule to thursday", "Thu, Nov 26"),
    ("Ana", "task move the due date to thu", "Thu, Nov 26"),
])
def test_an_edit_verb_and_a_day_move_the_task_just_made(session_factory, user, said, shown):
    chat = _chat(session_factory)
    made = chat.reply("任务 明天给华为打电话" if user == "张伟" else "task call Acme tomorrow", user=user)
    assert made.ok, made.text
    [(number, title, due)] = _tasks(session_factory)
    assert due == TUE
    reply = chat.reply(said, user=user)
    assert reply.ok and f"#{number}" in reply.text and title in reply.text and shown in reply.text, reply.text
    assert _tasks(session_factory) == [(number, title, THU)]  # moved; no task titled "改到"


@pytest.mark.parametrize("said", ["任务 推迟两天", "task push it 2 days"])
def test_a_length_of_time_moves_the_task_just_made_that_much_later(session_factory, said):
    chat = _chat(session_factory)
    assert chat.reply("任务 明天给华为打电话", user="张伟").ok
    reply = chat.reply(said, user="张伟")
    assert reply.ok and "#1" in reply.text, reply.text
    assert _tasks(session_factory) == [(1, "给华为打电话", THU)]  # Tue + 2 working days


@pytest.mark.parametrize("said, moved", [("任务 明天 改成 后天", 1), ("任务 明天的 改到 后天", 1),
                                         ("任务 周五 改成 后天", 2), ("任务 周五那个 改到后天", 2)])
def test_a_day_said_first_moves_the_task_due_that_day(session_factory, said, moved):
    chat = _chat(session_factory)
    assert chat.reply("任务 明天给华为打电话", user="张伟").ok
    assert chat.reply("任务 周五前交周报", user="张伟").ok
    reply = chat.reply(said, user="张伟")
    assert reply.ok and f"#{moved}" in reply.text and "11月25日周三" in reply.text, reply.text
    due = {1: TUE, 2: FRI} | {moved: WED}
    assert _tasks(session_factory) == [(1, "给华为打电话", due[1]), (2, "交周报", due[2])]


@pytest.mark.parametrize("user, said, moved", [
    ("张伟", "任务 报价 改到周四", 1), ("张伟", "任务 周报那个 改到周四", 2),  # 推到: asked (fix20a)
    ("Ana", "task move the quote to thu", 1), ("Ana", "task change the weekly report to thursday", 2)])
def test_words_before_the_verb_name_the_task_moved(session_factory, user, said, moved):
    chat = _chat(session_factory)
    first, second = (("任务 明天给华为发报价", "任务 周五前交周报") if user == "张伟"
                     else ("task send Acme the quote tomorrow", "task weekly report by fri"))
    assert chat.reply(first, user=user).ok and chat.reply(second, user=user).ok
    before = _tasks(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok and f"#{moved}" in reply.text, reply.text
    assert _tasks(session_factory) == [(n, title, THU if n == moved else due) for n, title, due in before]


@pytest.mark.parametrize("user, made, said, asked, answer", [
    ("张伟", "拜访 华为：聊了扩容", "任务 改到周四", "哪个任务改到11月26日周四", "任务 {n} 改到 2026-11-26"),
    ("张伟", "拜访 华为：聊了扩容", "任务 挪到周四", "哪个任务改到11月26日周四", "任务 {n} 改到 2026-11-26"),
    ("Ana", "visit Acme: talked renewal", "task move to thursday", "Which task moves to Thu, Nov 26",
     "task {n} due 2026-11-26"),
    ("Ana", "visit Acme: talked renewal", "task change to thu", "Which task moves to Thu, Nov 26",
     "task {n} due 2026-11-26"),
])
def test_with_no_task_just_made_it_asks_which_and_changes_nothing(session_factory, user, made, said, asked,
                                                                    answer):
    chat = _chat(session_factory)
    for line in (("任务 明天给华为打电话", "任务 周五前交周报") if user == "张伟"
                 else ("task call Acme tomorrow", "task weekly report by fri")):
        assert chat.reply(line, user=user).ok
    assert chat.reply(made, user=user).ok  # the last change is a visit: no task "just made"
    before = _tasks(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and asked in reply.text, reply.text
    assert [b.command for b in reply.buttons] == [answer.format(n=1), answer.format(n=2)]
    assert _tasks(session_factory) == before  # nothing changed, no task made
    picked = chat.reply("2", user=user)
    assert picked.ok and "#2" in picked.text, picked.text
    assert _tasks(session_factory) == [before[0], (2, before[1][1], THU)]


@pytest.mark.parametrize("user, said", [("张伟", "任务 改到"), ("张伟", "任务 改成"), ("Ana", "task move"),
                                        ("Ana", "task change it")])
def test_an_edit_verb_alone_is_no_task(session_factory, user, said):
    chat = _chat(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok, reply.text
    assert _tasks(session_factory) == []


@pytest.mark.parametrize("user, said, title", [
    ("Ana", "task move boxes to the new office", "move boxes to the new office"),
    ("张伟", "任务 改成 给华为发报价", "改成 给华为发报价"),
])
def test_an_edit_verb_with_no_day_after_it_is_a_title(session_factory, user, said, title):
    chat = _chat(session_factory)
    assert chat.reply(said, user=user).ok
    assert _tasks(session_factory) == [(1, title, None)]


def test_a_task_number_still_moves_that_task(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("任务 明天给华为打电话", user="张伟").ok
    assert chat.reply("任务 周五前交周报", user="张伟").ok
    assert chat.reply("任务1 改到周四", user="张伟").ok
    assert _tasks(session_factory) == [(1, "给华为打电话", THU), (2, "交周报", FRI)]
