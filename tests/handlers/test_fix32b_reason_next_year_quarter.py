"""fix32b: `腾讯续约丢了 客户预算砍了，明年Q2再跟进看看` stored the reason "客户预算砍了，明年" (the
follow-up read from `Q2`, its year word left in the reason) and a task "看看". A quarter said with
its year (`明年Q2`, `q2 next year`, `明年二季度`) is one day, its first; the loss keeps every other
word as its reason and the follow-up is a task on that day; nothing cut, nothing stored unasked."""
import datetime as dt

import pytest

from support import MON, deal_rows, make_team_chat, records, task_rows

pytestmark = pytest.mark.phrasing

Q2 = dt.date(2027, 4, 1)


def _chat(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana"))
    chat.said_ok('deal +腾讯 "续约" 30万', user="张伟")
    return chat


@pytest.mark.parametrize("said, taps, reason, task", [
    ("腾讯续约丢了 客户预算砍了，明年Q2再跟进看看", ("1", "1"), "客户预算砍了", "跟进看看"),
    ("输单 #1：客户预算砍了，明年Q2再跟进看看", ("1",), "客户预算砍了", "跟进看看"),
    ("输单 #1：预算没批，明年二季度再跟进", ("1",), "预算没批", "跟进"),
    ("lost #1: budget cut, follow up Q2 next year", ("1",), "budget cut", "follow up"),
])
def test_a_follow_up_in_a_quarter_of_next_year_is_a_task_and_the_reason_keeps_the_rest(
        session_factory, said, taps, reason, task):
    chat = _chat(session_factory)
    before = records(session_factory)
    asked = chat.reply(said, user="张伟")
    assert not asked.ok, asked.text
    assert records(session_factory) == before
    for tap in taps:
        chat.reply(tap, user="张伟")
    assert deal_rows(session_factory, "stage", "reason") == [("lost", reason)]
    assert task_rows(session_factory) == [(task, Q2)]


def test_all_of_it_as_the_reason_keeps_every_word(session_factory):
    chat = _chat(session_factory)
    chat.reply("输单 #1：客户预算砍了，明年Q2再跟进看看", user="张伟")
    assert chat.reply("2", user="张伟").ok
    assert deal_rows(session_factory, "stage", "reason") == [("lost", "客户预算砍了，明年Q2再跟进看看")]
    assert task_rows(session_factory) == []


@pytest.mark.parametrize("said, day", [("明年Q2", Q2), ("q2 next year", Q2), ("明年二季度", Q2),
                                       ("next year q1", dt.date(2027, 1, 1)), ("今年Q1", None)])
def test_a_quarter_with_its_year_reads_as_its_first_day(said, day):
    from handlers.grammar.dates import parse_date

    assert parse_date(said, dt.date(2026, 12, 7)) == day
