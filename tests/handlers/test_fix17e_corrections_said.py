"""Issue #23, round 17 (Chinese): corrections typed right after a change were not understood:
`改成B类` after a tier, `不好意思 金额是46万 不是48`, `hmm 应该是65w`, `改成4个` after a target of
counts, a contest's `改成23号结束`, and a change with why after it (`388 跟进推到下周五吧 周三我请假`).
Now each puts right what was just changed (said back, old → new), and a change with why is
offered with one tap, the why said not kept, never refused flat. Fed through the real dispatch;
today is Mon, Nov 23, 2026."""
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Deal, Visit
from storage.models.team import Contest, Target
from support import Chat

pytestmark = pytest.mark.phrasing


def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "张伟"))
    return chat


def _tier(session_factory, name: str) -> str:
    with session_factory() as s:
        return s.scalar(select(Customer.tier).where(Customer.name == name))


@pytest.mark.parametrize("fix, tier", [("改成B类", "B"), ("哦不对 是B类", "B"), ("不对 应该是C类", "C"),
                                       ("嗯 改成B类", "B"), ("make it b", "B")])
def test_a_tier_put_right_just_after_it_was_set(session_factory, fix, tier):
    chat = _chat(session_factory)
    assert chat.reply("客户 +华为技术 A类", user="张伟").ok
    reply = chat.reply(fix, user="张伟")
    assert reply.ok and "A" in reply.text and tier in reply.text, reply.text
    assert _tier(session_factory, "华为技术") == tier


@pytest.mark.parametrize("user, first, fix, amount", [
    ("张伟", "商机 +联想 数据平台 60w 初步接触", "hmm 应该是65w", Decimal(650000)),
    ("张伟", "商机 +联想 数据平台 60w 初步接触", "不好意思 金额是65万 不是60", Decimal(650000)),
    ("张伟", "商机 +联想 数据平台 60w 初步接触", "嗯 改成62万", Decimal(620000)),
    ("张伟", "赢单 +阿里巴巴 四十八万 客户关系好", "不好意思 金额是46万 不是48", Decimal(460000)),
    ("Ana", 'deal +Acme "Portal" proposal 30k', "hmm it should be 35k", Decimal(35000)),
    ("Ana", 'deal +Acme "Portal" proposal 30k', "sorry, amount is 32k not 30k", Decimal(32000)),
])
def test_an_amount_put_right_with_a_filler_before_it(session_factory, user, first, fix, amount):
    chat = _chat(session_factory)
    assert chat.reply(first, user=user).ok
    reply = chat.reply(fix, user=user)
    assert reply.ok, reply.text
    with session_factory() as s:
        assert s.scalars(select(Deal.amount)).all() == [amount]


@pytest.mark.parametrize("fix, count", [("改成4个", 4), ("不对 是4个", 4), ("应该是6个", 6),
                                        ("hmm 改成3个", 3)])
def test_a_count_target_put_right(session_factory, fix, count):
    chat = _chat(session_factory)
    assert chat.reply("给张伟定个目标 下个月新客户5个", user="Mia", lang="zh").ok
    reply = chat.reply(fix, user="Mia", lang="zh")
    assert reply.ok, reply.text
    with session_factory() as s:
        assert [t.amount for t in s.scalars(select(Target))] == [Decimal(count)]


@pytest.mark.parametrize("fix, first, last", [
    ("改成12月23号结束", dt.date(2026, 11, 30), dt.date(2026, 12, 23)),
    ("改成23号结束", dt.date(2026, 11, 30), dt.date(2026, 11, 23)),
    ("算了 改成12月2号开始", dt.date(2026, 12, 2), dt.date(2026, 12, 18)),
    ("不对 12月20号截止", dt.date(2026, 11, 30), dt.date(2026, 12, 20)),
    ("make it end on dec 20", dt.date(2026, 11, 30), dt.date(2026, 12, 20)),
    ("actually start dec 1", dt.date(2026, 12, 1), dt.date(2026, 12, 18)),
])
def test_a_contests_day_put_right_just_after_it_started(session_factory, fix, first, last):
    chat = _chat(session_factory)
    assert chat.reply("竞赛 新客户 11月30号到12月18号", user="Mia", lang="zh").ok
    reply = chat.reply(fix, user="Mia", lang="zh")
    with session_factory() as s:
        days = [(c.starts_on, c.ends_on) for c in s.scalars(select(Contest))]
    if last < first:  # the 23rd of this month, before it starts: refused, nothing changed
        assert not reply.ok and days == [(dt.date(2026, 11, 30), dt.date(2026, 12, 18))], reply.text
        return
    assert reply.ok, reply.text
    assert days == [(first, last)]


def _follow_ups(session_factory) -> list:
    with session_factory() as s:
        return [v.follow_up_on for v in s.scalars(select(Visit).order_by(Visit.id))]


@pytest.mark.parametrize("user, fix, day", [
    ("张伟", "{id} 跟进推到下周五吧 周三我请假", dt.date(2026, 12, 4)),
    ("张伟", "跟进改成下周五 周四请假", dt.date(2026, 12, 4)),
    ("张伟", "哦周四我请假 改到周五", dt.date(2026, 11, 27)),
    ("Ana", "snooze {id} fri since I'm off thu", dt.date(2026, 11, 27)),
])
def test_a_change_with_why_after_it_is_offered_with_one_tap(session_factory, user, fix, day):
    chat = _chat(session_factory)
    first = "拜访 +小米：聊了报价 跟进 明天" if user == "张伟" else "visit +Acme: pricing; follow up tomorrow"
    assert chat.reply(first, user=user).ok
    with session_factory() as s:
        visit = s.scalar(select(Visit.id))
    asked = chat.reply(fix.format(id=visit), user=user)
    assert not asked.ok and len(asked.buttons) == 1, asked.text
    assert _follow_ups(session_factory) == [dt.date(2026, 11, 24)]  # asked: nothing changed
    done = chat.press(asked.buttons[0], user=user)
    assert done.ok, done.text
    assert _follow_ups(session_factory) == [day]


def test_a_snooze_with_a_why_holding_no_day_is_done_and_the_why_kept(session_factory):
    """The why of a snooze that names no day of its own goes to the visit's notes (fix23c)."""
    chat = _chat(session_factory)
    assert chat.reply("拜访 +小米：聊了报价 跟进 明天", user="张伟").ok
    with session_factory() as s:
        visit = s.scalar(select(Visit.id))
    done = chat.reply(f"推迟 {visit} 下周五 因为客户出差", user="张伟")
    assert done.ok and "因为客户出差" in done.text, done.text
    assert _follow_ups(session_factory) == [dt.date(2026, 12, 4)]
    with session_factory() as s:
        assert "因为客户出差" in s.get(Visit, visit).notes


def test_a_follow_up_moved_by_the_visits_number(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("拜访 +小米：聊了报价 跟进 明天", user="张伟").ok
    with session_factory() as s:
        visit = s.scalar(select(Visit.id))
    reply = chat.reply(f"{visit} 跟进推到下周五吧", user="张伟")
    assert reply.ok, reply.text
    assert _follow_ups(session_factory) == [dt.date(2026, 12, 4)]
