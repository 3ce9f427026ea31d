"""Issue #23, round 17 (Chinese): `赢单 #46 40万：方案对口 交货快 下周一签合同` was filed under "other"
with no pick offered, the day in it not asked about, and `交付` typed afterwards was not understood.
Now a win's reason is read in Chinese words too (方案对口: product fit; 交货快: delivery); two
categories are asked about with one tap each (the tap's word typed picks it too); a reason naming
none is filed under none (never a guessed "other") and the categories are offered; a day after
`交货快 ` is asked about. Fed through the real dispatch; today is Mon, Nov 23, 2026."""
import pytest
from sqlalchemy import select

from databases import prepared
from storage.models.sales import Deal
from support import Chat

pytestmark = pytest.mark.phrasing


@prepared
def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "张伟"))
    for line, user in (('商机 +小米 "Pilot" 方案呈现 20万', "张伟"),
                       ('deal +Acme "Portal" proposal 30k', "Ana")):
        assert chat.reply(line, user=user).ok, line
    return chat


def _deal(session_factory, deal_id: int) -> tuple:
    with session_factory() as s:
        deal = s.get(Deal, deal_id)
        return deal.stage, deal.reason, deal.reason_category


@pytest.mark.parametrize("user, said, deal, first, second, pick, category", [
    ("张伟", "赢单 #1 40万：方案对口 交货快", 1, "产品匹配", "交付", "交付", "delivery"),
    ("张伟", "赢单 #1 40万：方案很对口 服务态度好", 1, "产品匹配", "服务", "产品匹配", "product_fit"),
    ("张伟", "赢单 #1 40万：交货及时 老客户推荐", 1, "交付", "客户关系", "客户关系", "relationship"),
    ("Ana", "won #2 30k: the solution fit, fast shipping", 2, "product fit", "delivery", "delivery",
     "delivery"),
    ("Ana", "won #2 30k: quick turnaround and great support", 2, "delivery", "service", "service", "service"),
])
def test_two_categories_in_a_win_are_asked_and_the_word_typed_picks(session_factory, user, said, deal, first,
                                                                      second, pick, category):
    chat = _chat(session_factory)
    asked = chat.reply(said, user=user)
    assert asked.ok, asked.text
    assert [b.label for b in asked.buttons] == [first, second], asked.text
    reason = said.split("：" if "：" in said else ": ", 1)[1]
    assert _deal(session_factory, deal) == ("won", reason, "")  # asked: not given till answered
    picked = chat.reply(pick, user=user)
    assert picked.ok, picked.text
    assert _deal(session_factory, deal) == ("won", reason, category)


@pytest.mark.parametrize("user, said, deal, category", [
    ("张伟", "赢单 #1 40万：交货快", 1, "delivery"),
    ("张伟", "赢单 #1 40万：方案对口", 1, "product_fit"),
    ("张伟", "赢单 #1 40万：老板跟我们王总很熟", 1, "relationship"),
    ("Ana", "won #2 30k: fast shipping", 2, "delivery"),
])
def test_one_category_in_chinese_or_english_words_is_filed(session_factory, user, said, deal, category):
    chat = _chat(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok and not reply.buttons, reply.text
    assert _deal(session_factory, deal)[2] == category


@pytest.mark.parametrize("user, said, deal, pick, category", [
    ("张伟", "赢单 #1 40万：客户满意", 1, "交付", "delivery"),
    ("张伟", "赢单 #1 40万：他们老板拍板的", 1, "客户关系", "relationship"),
    ("Ana", "won #2 30k: they just loved us", 2, "service", "service"),
])
def test_a_reason_naming_no_category_is_filed_under_none_and_offers_them(session_factory, user, said, deal,
                                                                         pick, category):
    chat = _chat(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok and len(reply.buttons) == 5, reply.text
    assert "其他" not in reply.text and "Filed under: other" not in reply.text
    assert _deal(session_factory, deal)[2] == ""
    picked = chat.reply(pick, user=user)
    assert picked.ok, picked.text
    assert _deal(session_factory, deal)[2] == category


def test_the_testers_win_asks_about_the_day_then_the_category(session_factory):
    chat = _chat(session_factory)
    asked = chat.reply("赢单 #1 40万：方案对口 交货快 下周一签合同", user="张伟")
    assert not asked.ok and "下周一签合同" in asked.text, asked.text
    assert _deal(session_factory, 1)[0] == "proposal"
    closed = chat.reply("1", user="张伟")  # the win, and a task for Monday
    assert closed.ok and "交付" in closed.text, closed.text
    assert _deal(session_factory, 1) == ("won", "方案对口 交货快", "")
    assert chat.reply("交付", user="张伟").ok
    assert _deal(session_factory, 1)[2] == "delivery"
    with session_factory() as s:
        assert s.scalars(select(Deal.id).order_by(Deal.id)).all() == [1, 2]
