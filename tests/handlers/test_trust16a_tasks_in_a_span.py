"""Issue #23, round 16: `my tasks for this week`, `tasks due this week`, `任务 本周`, `这周的任务`,
`下周要做的任务`: the member's open tasks and follow-ups due that week (or month), never a new task
titled "for this week"; a task whose title only says such words (`task plan for this week's demo`)
is still a task. Today is Mon, Nov 23, 2026: this week is Nov 23–29, next week Nov 30–Dec 6."""
import pytest
from sqlalchemy import select

from databases import prepared
from storage.models.sales import Task, Visit
from support import Chat

pytestmark = pytest.mark.phrasing


@prepared
def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "张伟"))
    for user, line in (("Ana", "task call Acme tomorrow"), ("Ana", "task send the deck next mon"),
                       ("Ana", "visit +Globex: demo; follow up fri"),
                       ("张伟", "任务 给华为打电话 明天"), ("张伟", "任务 准备方案 下周一")):
        assert chat.reply(line, user=user).ok, line
    return chat


def _rows(session_factory):
    with session_factory() as s:
        return ([(v.id, v.follow_up_on, v.follow_up_done)
                 for v in s.scalars(select(Visit).order_by(Visit.id))],
                [(t.id, t.title, t.due_on, t.done_at) for t in s.scalars(select(Task).order_by(Task.id))])


@pytest.mark.parametrize("user, said, title, shown, not_shown", [
    ("Ana", "my tasks for this week", "Due today to Sun, Nov 29", ["call Acme", "Globex"], ["send the deck"]),
    ("Ana", "tasks due this week", "Due today to Sun, Nov 29", ["call Acme", "Globex"], ["send the deck"]),
    ("Ana", "tasks for this week.", "Due today to Sun, Nov 29", ["call Acme", "Globex"], ["send the deck"]),
    ("Ana", "my tasks due next week", "Due Mon, Nov 30 to Sun, Dec 6", ["send the deck"],
     ["call Acme", "Globex"]),
    ("Ana", "what's due next week", "Due Mon, Nov 30 to Sun, Dec 6", ["send the deck"], ["call Acme"]),
    ("Ana", "tasks due this month", "Due Sun, Nov 1 to Mon, Nov 30", ["call Acme", "send the deck"], []),
    ("张伟", "任务 本周", "今天至11月29日周日到期", ["给华为打电话"], ["准备方案"]),
    ("张伟", "这周的任务", "今天至11月29日周日到期", ["给华为打电话"], ["准备方案"]),
    ("张伟", "下周要做的任务", "11月30日周一至12月6日周日到期", ["准备方案"], ["给华为打电话"]),
    ("张伟", "本周有什么任务", "今天至11月29日周日到期", ["给华为打电话"], ["准备方案"]),
])
def test_a_week_or_month_after_the_tasks_word_lists_what_is_due_then(session_factory, user, said, title,
                                                                     shown, not_shown):
    chat = _chat(session_factory)
    before = _rows(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok and reply.text.splitlines()[0] == title, reply.text
    assert all(words in reply.text for words in shown), reply.text
    assert not any(words in reply.text for words in not_shown), reply.text
    assert _rows(session_factory) == before  # no task titled "for this week"


@pytest.mark.parametrize("user, said, none", [
    ("Bo", "tasks due next week",
     "Nothing of yours is due Mon, Nov 30 to Sun, Dec 6: no task, no follow-up."),
    ("李娜", "任务 下周", "11月30日周一至12月6日周日没有你到期的任务或跟进。"),
])
def test_nothing_due_in_the_span_is_said(session_factory, user, said, none):
    chat = Chat(session_factory)
    chat.team(reps=("Bo", "李娜"))
    reply = chat.reply(said, user=user)
    assert reply.ok and none in reply.text, reply.text
    with session_factory() as s:
        assert s.scalars(select(Task)).all() == []


@pytest.mark.parametrize("said, title", [
    ("task plan for this week's demo", "plan for this week's demo"),
    ("任务 准备本周的演示", "准备本周的演示"),
])
def test_a_title_saying_a_week_is_still_a_task(session_factory, said, title):
    chat = Chat(session_factory)
    chat.team(reps=("Ana",))
    reply = chat.reply(said, user="Ana")
    assert reply.ok and title in reply.text, reply.text
    with session_factory() as s:
        assert [t.title for t in s.scalars(select(Task))] == [title]
