"""Issue #23, round 19: `tasks` / `任务` followed only by words that pick tasks (a period or day,
short forms too: `this wk`, `next wk`, `this mo`, `today`, `本周`, `下礼拜`, `今天`; whose: `mine`,
`我的`, `@bo`; `overdue`, `逾期`; filler: `pls`, `?`, `的`) is the list asked for, never a new task
titled "this wk"; one word outside these (`call bo this wk`) is a task as before. Today is Mon,
Nov 23, 2026: this week is Nov 23–29, next week Nov 30–Dec 6."""
import pytest
from sqlalchemy import select

from databases import prepared
from storage.models.sales import Task, Visit
from support import Chat, make_team_chat

pytestmark = pytest.mark.phrasing


@prepared
def _chat(session_factory) -> Chat:
    chat = make_team_chat(session_factory, reps=("Ana", "张伟"))
    for user, line in (("Ana", "task call Acme tomorrow"), ("Ana", "task send the deck next mon"),
                       ("张伟", "任务 给华为打电话 明天"), ("张伟", "任务 准备方案 下周一")):
        assert chat.reply(line, user=user).ok, line
    return chat


def _rows(session_factory):
    with session_factory() as s:
        return ([(v.id, v.follow_up_on) for v in s.scalars(select(Visit).order_by(Visit.id))],
                [(t.id, t.title, t.due_on) for t in s.scalars(select(Task).order_by(Task.id))])


@pytest.mark.parametrize("user, said, title, shown, not_shown", [
    ("Ana", "tasks this wk", "Due today to Sun, Nov 29", ["call Acme"], ["send the deck"]),
    ("Ana", "tasks this wk.", "Due today to Sun, Nov 29", ["call Acme"], ["send the deck"]),
    ("Ana", "tasks this wk pls", "Due today to Sun, Nov 29", ["call Acme"], ["send the deck"]),
    ("Ana", "tasks mine this week", "Due today to Sun, Nov 29", ["call Acme"], ["send the deck"]),
    ("Ana", "tasks next wk", "Due Mon, Nov 30 to Sun, Dec 6", ["send the deck"], ["call Acme"]),
    ("Ana", "tasks due next wk?", "Due Mon, Nov 30 to Sun, Dec 6", ["send the deck"], ["call Acme"]),
    ("Ana", "tasks this mo", "Due Sun, Nov 1 to Mon, Nov 30", ["call Acme", "send the deck"], []),
    ("Ana", "tasks tmrw pls", "Due tomorrow", ["call Acme"], ["send the deck"]),
    ("张伟", "任务 本周的", "今天至11月29日周日到期", ["给华为打电话"], ["准备方案"]),
    ("张伟", "任务 下礼拜", "11月30日周一至12月6日周日到期", ["准备方案"], ["给华为打电话"]),
    ("张伟", "任务 我的 下周", "11月30日周一至12月6日周日到期", ["准备方案"], ["给华为打电话"]),
    ("张伟", "任务 本周要做的", "今天至11月29日周日到期", ["给华为打电话"], ["准备方案"]),
    ("张伟", "任务 明天的", "明天到期", ["给华为打电话"], ["准备方案"]),
])
def test_a_period_alone_after_the_tasks_word_lists_what_is_due_then(session_factory, user, said, title,
                                                                    shown, not_shown):
    chat = _chat(session_factory)
    before = _rows(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok and reply.text.splitlines()[0] == title, reply.text
    assert all(words in reply.text for words in shown), reply.text
    assert not any(words in reply.text for words in not_shown), reply.text
    assert _rows(session_factory) == before  # no task titled "this wk"


@pytest.mark.parametrize("user, said, shown", [
    ("Ana", "tasks mine", ["call Acme", "send the deck"]),
    ("Ana", "tasks overdue pls", ["call Acme", "send the deck"]),
    ("Ana", "tasks my overdue ones", ["call Acme", "send the deck"]),
    ("张伟", "任务 逾期的", ["给华为打电话", "准备方案"]),
    ("张伟", "任务 我的", ["给华为打电话", "准备方案"]),
])
def test_whose_or_overdue_alone_lists_the_open_tasks(session_factory, user, said, shown):
    chat = _chat(session_factory)
    before = _rows(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok and all(words in reply.text for words in shown), reply.text
    assert "Task #" not in reply.text and "任务 #" not in reply.text, reply.text
    assert _rows(session_factory) == before


@pytest.mark.parametrize("said, lang", [("tasks @Ana this wk", None), ("任务 @Ana 本周", "zh")])
def test_a_person_and_a_period_list_that_persons_tasks(session_factory, said, lang):
    chat = _chat(session_factory)
    before = _rows(session_factory)
    reply = chat.reply(said, user="Mia", lang=lang)
    assert reply.ok and "Ana" in reply.text.splitlines()[0] and "call Acme" in reply.text, reply.text
    assert _rows(session_factory) == before


@pytest.mark.parametrize("said, title, due", [
    ("task prep the deck fri", "prep the deck", "2026-11-27"),
    ("任务 给京东发报价 明天", "给京东发报价", "2026-11-24"),
])
def test_a_title_with_a_period_is_still_a_task(session_factory, said, title, due):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="Ana")
    tasks = _rows(session_factory)[1]
    assert reply.ok and title in reply.text, reply.text
    assert tasks[-1][1].startswith(title) and (due is None or str(tasks[-1][2]) == due), tasks[-1]


def test_a_task_due_this_week_asks_for_its_day(session_factory):
    """`task call bo this wk`: the period is no title words (fix25b) — asked: due this week's
    Friday, or the title as typed; nothing stored until answered."""
    chat = _chat(session_factory)
    before = _rows(session_factory)
    asked = chat.reply("task call bo this wk", user="Ana")
    assert not asked.ok and asked.buttons, asked.text
    assert _rows(session_factory) == before
    assert chat.reply("1", user="Ana").ok
    tasks = _rows(session_factory)[1]
    assert tasks[-1][1] == "call bo" and str(tasks[-1][2]) == "2026-11-27", tasks[-1]


@pytest.mark.parametrize("said, shown", [("tasks ths wk", "call Acme"), ("tasks nxt week", "send the deck"),
                                         ("tasks this mnoth", "call Acme")])
def test_a_period_word_with_a_slip_lists_tasks_never_makes_one(session_factory, said, shown):
    chat = _chat(session_factory)
    before = _rows(session_factory)
    reply = chat.reply(said, user="Ana")
    assert shown in reply.text and "Task #" not in reply.text, reply.text
    assert _rows(session_factory) == before
