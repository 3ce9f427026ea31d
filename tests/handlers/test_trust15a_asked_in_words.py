"""Issue #23, round 15: questions and changes said in words that were not understood.

- `whats due tmrw` (`anything due tomorrow`, `明天有什么要做的`): the member's open tasks and
  follow-ups due that day (`tasks due DAY`, `任务 DAY`), nothing stored;
- `#46 close date the 15th` (`#46 closes on fri`, `#46 预计成交日改到15号`): deal #46's close day,
  asked with one tap, never a follow-up's or a task's;
- `am i on track for revenue this quarter?` (`我这个季度业绩达标了吗`): the quarter's progress.
Today is Mon, Nov 23, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from databases import prepared
from storage.models.sales import Deal, Task, Visit
from support import Chat

pytestmark = pytest.mark.phrasing


@prepared
def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "张伟"))
    for user, line in (("Ana", "task call Acme tomorrow"), ("Ana", "task send the deck fri"),
                       ("Ana", "visit +Globex: demo; follow up tomorrow"),
                       ("Ana", "visit +Initech: intro; follow up fri"),
                       ("张伟", "任务 给华为打电话 明天"), ("张伟", "任务 准备方案 周五")):
        assert chat.reply(line, user=user).ok, line
    return chat


def _rows(session_factory):
    with session_factory() as s:
        return ([(d.id, d.expected_close) for d in s.scalars(select(Deal).order_by(Deal.id))],
                [(v.id, v.follow_up_on, v.follow_up_done)
                 for v in s.scalars(select(Visit).order_by(Visit.id))],
                [(t.id, t.due_on, t.done_at) for t in s.scalars(select(Task).order_by(Task.id))])


@pytest.mark.parametrize("user, asked, shown, not_shown", [
    ("Ana", "whats due tmrw", ["call Acme", "Globex"], ["send the deck", "Initech"]),
    ("Ana", "what's due tomorrow?", ["call Acme", "Globex"], ["send the deck", "Initech"]),
    ("Ana", "anything due tomorrow", ["call Acme", "Globex"], ["send the deck"]),
    ("Ana", "what do i have due on friday", ["send the deck", "Initech"], ["call Acme", "Globex"]),
    ("Ana", "tasks due tmrw", ["call Acme", "Globex"], ["send the deck"]),
    ("张伟", "明天有什么要做的", ["给华为打电话"], ["准备方案"]),
    ("张伟", "明天要做什么？", ["给华为打电话"], ["准备方案"]),
    ("张伟", "周五有哪些任务", ["准备方案"], ["给华为打电话"]),
    ("张伟", "任务 明天", ["给华为打电话"], ["准备方案"]),
])
def test_whats_due_on_a_day_lists_that_days_tasks_and_follow_ups(session_factory, user, asked, shown,
                                                                  not_shown):
    chat = _chat(session_factory)
    before = _rows(session_factory)
    reply = chat.reply(asked, user=user)
    assert reply.ok and "didn't get" not in reply.text and "没看懂" not in reply.text, reply.text
    assert all(words in reply.text for words in shown), reply.text
    assert not any(words in reply.text for words in not_shown), reply.text
    assert _rows(session_factory) == before


def test_nothing_due_that_day_is_said(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("whats due wed")
    assert reply.ok and "Nothing of yours is due" in reply.text, reply.text


@pytest.mark.parametrize("user, said, tap, close", [
    ("Ana", "#1 close date the 15th", "deal #1 close the 15th", dt.date(2026, 12, 15)),
    ("Ana", "#1 closes on fri", "deal #1 close fri", dt.date(2026, 11, 27)),
    ("Ana", "1 close date is jan 20", "deal #1 close jan 20", dt.date(2027, 1, 20)),
    ("Ana", "#1 expected close the fifteenth", "deal #1 close the fifteenth", dt.date(2026, 12, 15)),
    ("张伟", "#1 预计成交日改到15号", "商机 #1 预计 15号", dt.date(2026, 12, 15)),
    ("张伟", "1号商机 预计 12月20日", None, None),
])
def test_a_close_day_said_after_a_number_moves_that_deals_close_day(session_factory, user, said, tap, close):
    chat = _chat(session_factory)
    assert chat.reply('deal +Acme "CRM" proposal 50k' if user == "Ana" else '商机 +华为 CRM 方案呈现 5万',
                      user=user).ok
    before = _rows(session_factory)
    asked = chat.reply(said, user=user)
    if tap is None:  # (not this form: never a follow-up's or a task's day)
        assert _rows(session_factory)[1:] == before[1:]
        return
    assert not asked.ok and [b.command for b in asked.buttons] == [tap], asked.text
    assert _rows(session_factory) == before
    assert chat.press(asked.buttons[0], user=user).ok
    deals, *rest = _rows(session_factory)
    assert deals == [(1, close)] and tuple(rest) == before[1:]


def test_a_close_day_of_a_number_that_is_only_a_task_offers_no_task(session_factory):
    chat = _chat(session_factory)
    before = _rows(session_factory)
    reply = chat.reply("#1 close date the 15th")  # task #1 is Ana's; deal #1 is nobody's
    assert not reply.ok and not reply.buttons, reply.text
    assert _rows(session_factory) == before


@pytest.mark.parametrize("user, asked, report", [
    ("Ana", "am i on track for revenue this quarter?", "progress quarter"),
    ("Ana", "am I on track for my revenue target this quarter", "progress quarter"),
    ("Ana", "am i behind on revenue this month", "progress"),
    ("Ana", "how am i doing on sales this quarter?", "progress quarter"),
    ("Ana", "are we on track for revenue this quarter", "progress team quarter"),
    ("张伟", "我这个季度业绩达标了吗", "进度 季度"),
    ("张伟", "我本季度的业绩目标完成得怎么样", "进度 季度"),
])
def test_pace_for_a_metric_this_quarter_is_the_quarters_progress(session_factory, user, asked, report):
    chat = _chat(session_factory)
    assert chat.reply("target @Ana revenue 300k quarter", user="Mia").ok
    before = _rows(session_factory)
    reply = chat.reply(asked, user=user)
    assert reply.ok and "didn't get" not in reply.text and "没看懂" not in reply.text, reply.text
    assert reply.text.endswith(chat.reply(report, user=user).text), reply.text
    assert _rows(session_factory) == before
