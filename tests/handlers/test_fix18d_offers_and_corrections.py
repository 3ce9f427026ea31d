"""Round 18 (Chinese, phone-typed). Offers that dropped words: `…推到方案了 报价已经发过去` offered
a visit's notes `发过去` (报价已经 taken as the move's words); `拜访 格力电器：…` beside 格力 offered
`拜访 格力：电器：…` (电器 stored as notes). Now every word is kept in its field, and a name that
goes on a known one with a company's word (电器, 集团) is 格力 whole or a new customer 格力电器.
Corrections not understood right after a change: `其实是34.5万`, `sorry 其实是34万` after a win;
`算了还是A类吧`, `nah 还是B吧` after a tier; `新客户改成4个` after a new-customers target (never
another metric's); `其实周四就签了` after a win. Now each is made, said old → new. Fed through the
real dispatch; today is Mon, Nov 23, 2026."""
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Deal, Visit
from storage.models.team import Target
from support import Chat

pytestmark = pytest.mark.phrasing


def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "张伟"))
    return chat


def _visits(session_factory) -> list[tuple[str, str]]:
    with session_factory() as s:
        visits = s.scalars(select(Visit).order_by(Visit.id))
        return [(s.get(Customer, v.customer_id).name, v.notes) for v in visits]


# Offers keep every word -----------------------------------------------------------------------
@pytest.mark.parametrize("said, notes", [
    ("腾讯云服务那单推到方案了 报价已经发过去", "报价已经发过去"),
    ("腾讯云服务那单推到方案了 已经发了报价", "已经发了报价"),
    ("腾讯那单推进到方案了 方案已经给客户了", "方案已经给客户了"),
    ("腾讯那单推到方案了 报价已经发过去", "报价已经发过去"),
])
def test_a_move_with_words_after_offers_them_whole_as_notes(session_factory, said, notes):
    chat = _chat(session_factory)
    assert chat.reply('商机 +腾讯 "云服务" 需求挖掘 12万', user="张伟").ok
    reply = chat.reply(said, user="张伟")
    assert not reply.ok and f"拜访 腾讯：{notes}" in reply.text, reply.text
    assert f"“{notes}”不属于推进商机" in reply.text
    with session_factory() as s:
        assert s.scalars(select(Deal.stage)).all() == ["discovery"]
    done = chat.reply("1", user="张伟")
    assert done.ok, done.text
    assert _visits(session_factory) == [("腾讯", notes)]
    with session_factory() as s:
        assert s.scalars(select(Deal.stage)).all() == ["proposal"]


@pytest.mark.parametrize("said, notes", [
    ("拜访 格力电器：和设备部开会 二期要招标", "和设备部开会 二期要招标"),
    ("拜访 格力集团：送了样品", "送了样品"),
    ("拜访 格力 电器：送了样品", "送了样品"),
])
def test_a_known_name_with_a_company_word_is_it_whole_or_a_new_customer(session_factory, said, notes):
    chat = _chat(session_factory)
    assert chat.reply("拜访 +格力：初次见面", user="张伟").ok
    reply = chat.reply(said, user="张伟")
    assert not reply.ok, reply.text
    assert [b.command for b in reply.buttons][0] == f"拜访 格力：{notes}", reply.text
    assert len(_visits(session_factory)) == 1
    assert chat.press(reply.buttons[0], user="张伟").ok
    assert _visits(session_factory)[-1] == ("格力", notes)
    with session_factory() as s:
        assert s.scalars(select(Customer.name)).all() == ["格力"]


def test_a_known_name_with_notes_glued_keeps_them(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("拜访 +格力：初次见面", user="张伟").ok
    reply = chat.reply("拜访 格力见了采购：聊了价格", user="张伟")
    commands = [b.command for b in reply.buttons]
    assert any("见了采购" in c and "格力" in c for c in commands), reply.text


# Corrections right after a change -------------------------------------------------------------
@pytest.mark.parametrize("fix", ["其实是34.5万", "sorry 其实是34.5万", "其实应该是34.5万",
                                 "不对 其实是34.5万", "其实是34.5万吧"])
def test_an_amount_said_with_qishi_after_a_win(session_factory, fix):
    chat = _chat(session_factory)
    assert chat.reply("赢单 +海尔 348000元", user="张伟").ok
    reply = chat.reply(fix, user="张伟")
    assert reply.ok and "¥34.8万 → ¥34.5万" in reply.text, reply.text
    with session_factory() as s:
        assert s.scalars(select(Deal.amount)).all() == [Decimal(345000)]
        assert s.scalars(select(Deal.stage)).all() == ["won"]


@pytest.mark.parametrize("fix, tier", [("算了还是A类吧", "A"), ("还是C类吧", "C"), ("nah 还是C吧", "C"),
                                       ("不对 还是A类", "A"), ("还是A吧", "A"), ("哦 还是C类", "C")])
def test_a_tier_said_with_haishi_after_a_tier(session_factory, fix, tier):
    chat = _chat(session_factory)
    assert chat.reply("客户 +宁德时代 A类", user="张伟").ok
    assert chat.reply("客户 宁德时代 B类", user="张伟").ok
    reply = chat.reply(fix, user="张伟")
    assert reply.ok and f"B → {tier}" in reply.text, reply.text
    with session_factory() as s:
        assert s.scalar(select(Customer.tier).where(Customer.name == "宁德时代")) == tier


@pytest.mark.parametrize("fix, count", [("新客户改成4个", 4), ("新客户应该是6个", 6), ("新客户数改成2个", 2),
                                        ("改成4个", 4)])
def test_a_new_customers_target_put_right_by_its_name(session_factory, fix, count):
    chat = _chat(session_factory)
    assert chat.reply("目标 @张伟 新客户 3个 本月", user="Mia", lang="zh").ok
    reply = chat.reply(fix, user="Mia", lang="zh")
    assert reply.ok and "原为 3" in reply.text, reply.text
    with session_factory() as s:
        targets = [(t.metric, t.amount) for t in s.scalars(select(Target))]
        assert targets == [("new_customers", Decimal(count))]


def test_new_customers_said_after_a_visits_target_changes_nothing(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("目标 @张伟 拜访 35次 本月", user="Mia", lang="zh").ok
    reply = chat.reply("新客户改成4个", user="Mia", lang="zh")
    assert not reply.ok, reply.text
    with session_factory() as s:
        assert [(t.metric, t.amount) for t in s.scalars(select(Target))] == [("visits", Decimal(35))]


@pytest.mark.parametrize("fix, day", [("其实周四就签了", dt.date(2026, 11, 19)),
                                      ("其实上周五就签了", dt.date(2026, 11, 20)),
                                      ("其实11月18号签了", dt.date(2026, 11, 18)),
                                      ("其实昨天已经签了", dt.date(2026, 11, 22))])
def test_a_win_said_to_have_been_signed_earlier(session_factory, fix, day):
    chat = _chat(session_factory)
    assert chat.reply("赢单 +海尔 34万", user="张伟").ok
    reply = chat.reply(fix, user="张伟")
    assert reply.ok and "赢单日期" in reply.text, reply.text
    with session_factory() as s:
        deal = s.scalars(select(Deal)).one()
        assert deal.stage == "won" and deal.closed_at.date() in (day, day + dt.timedelta(days=1))


@pytest.mark.parametrize("fix", ["其实周四签的", "其实是周四签的吧", "其实周四就签下来了"])
def test_a_win_day_said_while_its_reason_is_asked_is_no_reason(session_factory, fix):
    chat = _chat(session_factory)
    assert chat.reply("赢单 +海尔 34万", user="张伟").ok
    reply = chat.reply(fix, user="张伟")
    assert reply.ok and "赢单日期 今天 → 11月19日周四" in reply.text, reply.text
    with session_factory() as s:
        deal = s.scalars(select(Deal)).one()
        assert deal.reason == "" and deal.closed_at.date() in (dt.date(2026, 11, 19), dt.date(2026, 11, 20))


@pytest.mark.parametrize("fix, day", [("预计成交日改到15号", dt.date(2026, 12, 15)),
                                      ("预计成交改到30号", dt.date(2026, 11, 30))])
def test_a_close_day_of_the_month_alone_after_a_deal_change(session_factory, fix, day):
    chat = _chat(session_factory)
    assert chat.reply('商机 +腾讯 "云服务" 方案 12万 预计 2027-01-20', user="张伟").ok
    reply = chat.reply(fix, user="张伟")
    assert reply.ok and "预计成交日" in reply.text, reply.text
    with session_factory() as s:
        assert s.scalars(select(Deal.expected_close)).all() == [day]
