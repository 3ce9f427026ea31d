"""Issue #23: a month or a day said in Chinese numerals (`二月底`, `二月十五号`, `三月初`, `一月中旬`)
is that day, never this month's end with `二` left over (`预计二月底签` was offered as Dec 31); and a
close day between 预计 and a word of signing (`预计1月15号签`) is read whole, never asked about `签`.

Today is Sunday 2026-12-06 (Asia/Shanghai)."""
import datetime as dt

import pytest
from sqlalchemy import select

from handlers.grammar.dates import parse_date
from storage.models.sales import Customer, Deal, Task, Visit
from support import Chat
from tests.handlers.test_report_figures import at

pytestmark = pytest.mark.phrasing

SUNDAY = dt.date(2026, 12, 6)


@pytest.mark.parametrize(("said", "day"), [
    ("二月底", dt.date(2027, 2, 28)), ("二月十五号", dt.date(2027, 2, 15)), ("三月初", dt.date(2027, 3, 1)),
    ("明年三月初", dt.date(2027, 3, 1)), ("一月中旬", dt.date(2027, 1, 15)),
    ("十二月三十一日", dt.date(2026, 12, 31)), ("下个月十五号", dt.date(2027, 1, 15)),
    ("二十号", dt.date(2026, 12, 20)), ("一月二十一日", dt.date(2027, 1, 21)),
    ("三个月后", dt.date(2027, 3, 8)),  # a count of months, no month: the same day three months on
    ("十三月", None), ("二月三十号", None),  # no such month, no such day: nothing guessed
])
def test_months_and_days_in_chinese_numerals(said, day):
    assert parse_date(said, SUNDAY) == day


def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "张伟"))
    chat.now = at("2026-12-06")
    assert chat.reply("拜访 +腾讯：初次见面", user="张伟").ok
    assert chat.reply('商机 腾讯 "CRM" 需求挖掘 50万', user="张伟").ok
    return chat


def _deal(session_factory):
    with session_factory() as s:
        [deal] = s.scalars(select(Deal))
        return deal.title, int(deal.amount), deal.expected_close


@pytest.mark.parametrize(("said", "close", "amount"), [
    ("腾讯CRM 60万 预计二月底签", dt.date(2027, 2, 28), 600_000),
    ("腾讯CRM 60万 预计2月底签", dt.date(2027, 2, 28), 600_000),
    ("腾讯CRM 预计一月十五号成交", dt.date(2027, 1, 15), 500_000),
    ("腾讯CRM 预计1月15号前签约", dt.date(2027, 1, 15), 500_000),
    ("商机 腾讯 预计二月十五号签", dt.date(2027, 2, 15), 500_000),
    ("腾讯的单子 金额改成八十万 预计三月底签合同", dt.date(2027, 3, 31), 800_000),
])
def test_a_close_day_in_chinese_numerals_or_before_a_signing_word_changes_the_deal(
        session_factory, said, close, amount):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="张伟")
    assert reply.ok, reply.text
    assert _deal(session_factory) == ("CRM", amount, close)
    assert f"{close.year}年{close.month}月{close.day}日" in reply.text


def test_a_follow_up_task_and_leave_in_chinese_numerals(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("拜访 腾讯 见了李总 三月初再跟进", user="张伟").ok
    assert chat.reply("任务 准备标书 二月三号前", user="张伟").ok
    leave = chat.reply("请假 一月四号到一月八号", user="张伟")
    assert leave.ok and "2027年1月4日周一" in leave.text and "2027年1月8日周五" in leave.text, leave.text
    with session_factory() as s:
        visit = s.scalars(select(Visit).order_by(Visit.id.desc())).first()
        task = s.scalars(select(Task)).one()
        assert (visit.notes, visit.follow_up_on) == ("见了李总", dt.date(2027, 3, 1))
        assert (task.title, task.due_on) == ("准备标书", dt.date(2027, 2, 3))
        assert s.scalar(select(Customer.name).where(Customer.id == visit.customer_id)) == "腾讯"
