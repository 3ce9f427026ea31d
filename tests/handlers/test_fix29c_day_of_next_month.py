"""fix29c 2: `contest … today - 15th of next month` was offered as `… today - 15th` (Dec 15, the
words "of next month" taken for a team), and `the 15th of next month` was no day in a task, a
follow-up or a close day. `the 15th of next month` / `下个月15号` is the 15th of next month in
every command that takes a day (grammar/dates.py). Fed through the real dispatch; Mon, Dec 7, 2026."""
import datetime as dt

import pytest

from handlers.grammar.dates import parse_date, parse_date_range
from support import MON, contest_rows, deal_rows, leave_rows, make_team_chat, task_rows, visit_rows

pytestmark = pytest.mark.phrasing

TODAY, JAN15 = dt.date(2026, 12, 7), dt.date(2027, 1, 15)


def _chat(session_factory):
    return make_team_chat(session_factory, now=MON, manager="王芳", reps=("Ana", "张伟"))


@pytest.mark.parametrize("said", [
    "15th of next month", "the 15th of next month", "15 of next month", "on the 15th of next month",
    "15th next month", "next month 15th", "next month the 15th", "next month's 15th",
    "the fifteenth of next month", "下个月15号", "下月15日", "下个月的15号", "下个月十五号",
])
def test_the_15th_of_next_month_is_that_day(said):
    assert parse_date(said, TODAY) == JAN15


def test_a_day_of_this_month_and_ranges_to_next_months_day():
    assert parse_date("the 3rd of this month", TODAY) == dt.date(2026, 12, 3)
    assert parse_date("the 15th", TODAY) == dt.date(2026, 12, 15)  # alone: the next one to come
    assert parse_date_range("today - 15th of next month", TODAY) == (TODAY, JAN15)
    assert parse_date_range("12/8 to the 15th of next month", TODAY) == (dt.date(2026, 12, 8), JAN15)


@pytest.mark.parametrize("said, shown", [
    ("contest deals won today - 15th of next month", "Mon, Dec 7 – Fri, Jan 15"),
    ("contest deals won 12/8 to the 15th of next month", "Tue, Dec 8 – Fri, Jan 15"),
    ("竞赛 赢单数 今天到下个月15号", "12月7日周一 – 1月15日周五"),
])
def test_a_contest_ending_the_15th_of_next_month_ends_then(session_factory, said, shown):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="王芳")
    assert reply.ok and shown in reply.text, reply.text
    assert [last for _metric, _first, last in contest_rows(chat)] == [JAN15]


@pytest.mark.parametrize("said, user, shown", [
    ("task call acme by the 15th of next month", "Ana", "Fri, Jan 15, 2027"),
    ("task call acme on the 15th of next month", "Ana", "Fri, Jan 15, 2027"),
    ("task call acme next month the 15th", "Ana", "Fri, Jan 15, 2027"),
    ("任务 给华为打电话 下个月15号前", "张伟", "2027年1月15日周五"),
])
def test_a_task_due_the_15th_of_next_month(session_factory, said, user, shown):
    chat = _chat(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok and shown in reply.text, reply.text
    assert [due for _title, due in task_rows(chat)] == [JAN15]
    assert "the" not in task_rows(chat)[0][0].split()


@pytest.mark.parametrize("said, user", [
    ("visit +Acme Corp: demo, follow up the 15th of next month", "Ana"),
    ("visit +Acme Corp: demo, follow up on the 15th of next month", "Ana"),
    ("拜访 +华为：演示，下个月15号跟进", "张伟"),
])
def test_a_follow_up_the_15th_of_next_month(session_factory, said, user):
    chat = _chat(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok, reply.text
    [(_customer, notes, follow_up)] = visit_rows(chat)
    assert follow_up == JAN15 and "month" not in notes


@pytest.mark.parametrize("said, user", [
    ("deal #1 close the 15th of next month", "Ana"),
    ("商机 #1 预计成交 下个月15号", "Ana"),
])
def test_a_close_day_the_15th_of_next_month(session_factory, said, user):
    chat = _chat(session_factory)
    assert chat.reply("deal +Acme Corp 50k", user=user).ok
    reply = chat.reply(said, user=user)
    assert reply.ok, reply.text
    assert deal_rows(chat, "expected_close") == [(JAN15,)]


@pytest.mark.parametrize("said", ["leave the 15th of next month", "请假 下个月15号"])
def test_leave_the_15th_of_next_month(session_factory, said):
    chat = _chat(session_factory)
    assert chat.reply(said, user="Ana").ok
    assert leave_rows(chat) == [("Ana", JAN15, JAN15)]
