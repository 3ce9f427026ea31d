"""Issue #23, round 17: questions a person asks in words, answered with the report that answers
them, nothing stored; never a task titled with the question (`任务 @张伟 的都有哪些`).

Today is Mon, Nov 23, 2026 (the weekend tests move the clock to Sun, Dec 6)."""
import datetime as dt

import pytest
from sqlalchemy import func, select

from databases import prepared
from storage.models.sales import Customer, Deal, Task, Visit
from storage.models.team import Target
from support import Chat

pytestmark = pytest.mark.phrasing

SUNDAY = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)  # 10:00 in Shanghai


@prepared
def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(manager="王芳", reps=("Ana", "Bo", "张伟"))
    for user, line in (("王芳", "target @ana revenue 500k month"), ("王芳", "目标 @张伟 业绩 40万 本月"),
                       ("Ana", "task call Acme tomorrow"), ("Ana", "visit +Globex: demo; follow up tomorrow"),
                       ("Bo", 'deal +Initech "CRM" proposal 80k'), ("Ana", 'won +Hooli 120k: price'),
                       ("张伟", "任务 给华为打电话 明天"), ("张伟", '商机 +京东 续约 方案呈现 30万')):
        assert chat.reply(line, user=user).ok, line
    return chat


def _rows(session_factory):
    with session_factory() as s:
        return tuple(s.scalar(select(func.count()).select_from(model))
                     for model in (Task, Visit, Deal, Customer, Target))


def _asked(session_factory, user, said, lang=None):
    chat = _chat(session_factory)
    before = _rows(session_factory)
    reply = chat.reply(said, user=user, lang=lang)
    assert "didn't get" not in reply.text and "没看懂" not in reply.text, reply.text
    assert _rows(session_factory) == before, reply.text  # nothing stored
    return reply


@pytest.mark.parametrize("user, said, line, shown", [
    # how much is still needed / will the target be made: progress
    ("Ana", "how much do i still need for dec", "progress dec", "Your progress"),
    ("Ana", "how much more do i need this month", "progress this month", "Your progress"),
    ("Ana", "how much is left to hit my target", "progress", "Your progress"),
    ("Ana", "am i gonna make target this month?", "progress this month", "Your progress"),
    ("Ana", "will i hit my number this month", "progress this month", "Your progress"),
    ("Ana", "are we going to make our target this quarter", "progress team this quarter", "days gone"),
    ("Ana", "how far off am i this month", "progress this month", "Your progress"),
    ("王芳", "can ana make her quota this month?", "progress @ana this month", "Ana"),
    # overdue: the to-do list, overdue first
    ("Ana", "whats overdue", "tasks", "call Acme"),
    ("Ana", "what's overdue", "tasks", "call Acme"),
    ("Ana", "anything overdue?", "tasks", "call Acme"),
    ("Ana", "my overdue tasks", "tasks", "call Acme"),
    ("Ana", "which follow-ups are late", "tasks", "Globex"),
    # a member's report by a possessive
    ("王芳", "bo's pipeline", "pipeline @bo", "Proposal 1 ¥80K"),
    ("王芳", "show me bo's deals", "deals @bo", "Initech"),
    ("王芳", "ana's tasks", "tasks @ana", "call Acme"),
    ("王芳", "what's ana's progress this month", "progress @ana this month", "Ana"),
    ("王芳", "bo's scorecard this quarter", "scorecard @bo this quarter", "Scorecard"),
    # how many: the member's scorecard, the team's leaderboard
    ("Ana", "how many deals did i win this month", "scorecard this month", "Deals won"),
    ("Ana", "how many visits have i logged this week", "visits this week", "1 visit"),
    ("Ana", "how many visits did i do this week?", "visits this week", "1 visit"),
    ("王芳", "how many visits did bo log this week", "scorecard @bo this week", "Visits"),
    ("王芳", "how many deals did ana close this month", "scorecard @ana this month", "Deals won"),
    ("王芳", "how many visits did the team log this week", "leaderboard visits this week", "Leaderboard"),
    ("Ana", "where do i rank this month", "leaderboard this month", "Leaderboard"),
])
def test_an_english_question_is_answered_with_its_report(session_factory, user, said, line, shown):
    reply = _asked(session_factory, user, said, lang="en")
    assert reply.ok, reply.text
    assert f"(Read as “{line}”.)" in reply.text and shown in reply.text, reply.text


@pytest.mark.parametrize("user, said, line, shown", [
    ("张伟", "上个月完成了没", "进度 上个月", "我的进度"),
    ("张伟", "上个月目标完成了吗", "进度 上个月", "我的进度"),
    ("张伟", "这个月能hit target吗", "进度 这个月", "我的进度"),
    ("张伟", "我这个月能完成目标吗", "进度 这个月", "我的进度"),
    ("张伟", "本季度能不能达标", "进度 本季度", "我的进度"),
    ("王芳", "团队这个月进度怎么样 跟目标比", "进度 团队 这个月", "进度"),
    ("王芳", "team这个月pace怎么样", "进度 团队 这个月", "进度"),
    ("王芳", "这个月团队完成得怎么样了", "进度 团队 这个月", "进度"),
    ("王芳", "张伟上个月达标了吗", None, "张伟 · 2026年10月"),
    ("张伟", "我这个月排第几", "排行榜 这个月", "排行榜"),
    ("张伟", "我排名多少", "排行榜", "排行榜"),
    ("张伟", "这个月我拜访排第几", "排行榜 拜访 这个月", "排行榜"),
    ("张伟", "本季度我业绩第几名", "排行榜 业绩 本季度", "排行榜"),
    ("张伟", "我是第几名", "排行榜", "排行榜"),
    ("张伟", "看下我的商机", "我的商机", "京东"),
    ("张伟", "我有哪些商机", "我的商机", "京东"),
    ("张伟", "看看我的单子", "我的商机", "京东"),
    ("王芳", "看下张伟的商机", "我的商机 @张伟", "京东"),
    ("王芳", "张伟的商机有哪些", "我的商机 @张伟", "京东"),
    ("王芳", "张伟有哪些任务", "任务 @张伟", "给华为打电话"),
    ("王芳", "张伟的任务", "任务 @张伟", "给华为打电话"),
    ("王芳", "看下张伟的任务", "任务 @张伟", "给华为打电话"),
    ("王芳", "张伟还有什么任务", "任务 @张伟", "给华为打电话"),
    ("张伟", "我有哪些任务", "任务", "给华为打电话"),
    ("张伟", "逾期的任务有哪些", "任务", "给华为打电话"),
    ("张伟", "有哪些逾期了", "任务", "给华为打电话"),
])
def test_a_chinese_question_is_answered_with_its_report(session_factory, user, said, line, shown):
    reply = _asked(session_factory, user, said)
    assert reply.ok, reply.text
    assert line is None or f"（按“{line}”处理。）" in reply.text, reply.text
    assert shown in reply.text, reply.text


@pytest.mark.parametrize("said, member, shown", [
    ("任务 @张伟 的都有哪些", "张伟", "给华为打电话"),
    ("任务 @张伟 有哪些", "张伟", "给华为打电话"),
    ("任务 @张伟 都有什么", "张伟", "给华为打电话"),
    ("任务 @张伟 还有几个", "张伟", "给华为打电话"),
    ("任务 @张伟 ？", "张伟", "给华为打电话"),
    ("tasks @ana what", "Ana", "call Acme"),
    ("tasks @ana which ones are open?", "Ana", "call Acme"),
    ("tasks @ana overdue", "Ana", "call Acme"),
])
def test_a_task_title_that_only_asks_lists_the_tasks(session_factory, said, member, shown):
    reply = _asked(session_factory, "王芳", said)
    assert reply.ok and shown in reply.text and member in reply.text, reply.text
    assert "任务 #" not in reply.text and "Task #" not in reply.text, reply.text  # no task made


@pytest.mark.parametrize("user, said", [("Ana", "tasks overdue"), ("Ana", "tasks what's due?"),
                                        ("张伟", "任务 有哪些"), ("张伟", "任务 逾期"),
                                        ("张伟", "任务 还有什么")])
def test_my_tasks_asked_after_the_tasks_word_lists_mine(session_factory, user, said):
    reply = _asked(session_factory, user, said)
    assert reply.ok and ("call Acme" in reply.text or "给华为打电话" in reply.text), reply.text


@pytest.mark.parametrize("said, title, listed", [
    ("任务 @张伟 下周要做什么", "要做什么", "任务 @张伟"),
    ("任务 问京东需要什么配置", "问京东需要什么配置", "任务"),
    ("task ask acme which plan they want", "ask acme which plan they want", "tasks"),
    ("task what does globex need?", "what does globex need?", "tasks"),
    ("任务 确认华为合同签了吗", "确认华为合同签了吗", "任务"),
])
def test_a_task_title_with_a_question_in_it_is_asked_about(session_factory, said, title, listed):
    chat = _chat(session_factory)
    before = _rows(session_factory)
    user = "王芳" if "@" in said else ("张伟" if "任务" in said else "Ana")
    asked = chat.reply(said, user=user)
    assert not asked.ok and f"“{title}”" in asked.text, asked.text
    assert _rows(session_factory) == before  # nothing stored before the tap
    assert asked.buttons[0].command.endswith(listed), asked.buttons
    shown = chat.press(asked.buttons[0], user=user)
    assert shown.ok and _rows(session_factory) == before, shown.text
    made = chat.press(asked.buttons[1], user=user)  # the task, when it was one
    assert made.ok and _rows(session_factory)[0] == before[0] + 1, made.text


@pytest.mark.parametrize("said, weekly, title", [
    ("日报", False, "日报"), ("周报", True, "周报"), ("这周周报发我看下", True, "周报"),
    ("发一下日报", False, "日报"), ("今天的日报", False, "日报"),
])
def test_the_digest_is_shown_on_demand_to_a_manager(session_factory, said, weekly, title):
    reply = _asked(session_factory, "王芳", said)
    assert reply.ok and title in reply.text and "逾期未跟进" in reply.text, reply.text
    assert ("本周拜访" in reply.text) == weekly, reply.text


@pytest.mark.parametrize("said", ["digest", "digest daily", "show me the weekly digest",
                                  "send me the daily digest", "can i see the digest"])
def test_the_digest_is_shown_in_english(session_factory, said):
    reply = _asked(session_factory, "王芳", said, lang="en")
    assert reply.ok and "digest" in reply.text.lower() and "Follow-ups overdue" in reply.text, reply.text


def test_a_rep_asking_for_the_digest_is_told_it_is_a_managers(session_factory):
    reply = _asked(session_factory, "张伟", "周报")
    assert not reply.ok and "经理" in reply.text, reply.text


@pytest.mark.parametrize("said, metric, amount, offset", [
    ("give ana a target of 5 new customers for q1", "new_customers", 5, None),
    ("give bo a target of 40 visits this month", "visits", 40, 0),
    ("give ana a revenue target of 300k for next month", "revenue", 300000, 1),
    ("give the team a target of 2m next month", "revenue", 2000000, 1),
    ("give bo an q1 target of 1.2m", "revenue", 1200000, None),
])
def test_a_manager_gives_a_target_in_words(session_factory, said, metric, amount, offset):
    chat = _chat(session_factory)
    before = _rows(session_factory)
    reply = chat.reply(said, user="王芳", lang="en")
    assert reply.ok, reply.text
    with session_factory() as s:
        rows = [(t.metric, int(t.amount)) for t in s.scalars(select(Target).order_by(Target.id))]
    assert (metric, amount) in rows and _rows(session_factory)[:4] == before[:4], reply.text


def _weekend_chat(session_factory) -> Chat:
    chat = _chat(session_factory)
    for user, line in (("Ana", "task send the deck wed"), ("Ana", "task call Initech next fri"),
                       ("张伟", "任务 准备方案 周三")):
        assert chat.reply(line, user=user).ok, line
    chat.now = SUNDAY  # the tasks due tomorrow (Nov 24) are overdue by now
    return chat


@pytest.mark.parametrize("user, said", [
    ("Ana", "my tasks for this week"), ("Ana", "tasks this week"), ("Ana", "tasks due this week"),
    ("张伟", "这周的任务"), ("张伟", "本周任务"), ("张伟", "任务 本周"),
])
def test_this_week_on_a_sunday_is_the_week_ahead_and_overdue_is_listed(session_factory, user, said):
    chat = _weekend_chat(session_factory)
    before = _rows(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok and _rows(session_factory) == before, reply.text
    assert "Nov 30" not in reply.text and "11月30日" not in reply.text, reply.text  # not the week gone
    if user == "Ana":
        assert "Dec 13" in reply.text and "Overdue" in reply.text, reply.text
        assert "call Acme" in reply.text and "Globex" in reply.text, reply.text  # overdue, said so
        assert "send the deck" not in reply.text or "Nov 25" in reply.text  # (Wed Nov 25: overdue too)
    else:
        assert "12月13日" in reply.text and "已逾期" in reply.text, reply.text
        assert "给华为打电话" in reply.text, reply.text


def test_a_day_asked_lists_only_that_day(session_factory):
    chat = _weekend_chat(session_factory)
    reply = chat.reply("whats due tmrw")
    assert reply.ok and "Overdue" not in reply.text and "call Acme" not in reply.text, reply.text
