"""Issue #23, round 15 (Chinese): a deal's update said with ordinary words is made, not asked about
as "words that can't be saved":

- a field said to stay as it is (`金额不变`, `其他照旧`, `amount unchanged`, `keep the amount`) is
  no change, claimed;
- the deal pointed at (`那个单`, `这单`, `那单子`) is the deal's own words;
- a word that says the deal is new (`新商机`, `新建商机`, `新的商机`, `开个商机`, `新项目`, `new deal`,
  `new opp`) is the deal command; and where words are left, the offer keeps them (a new deal
  titled so is one tap), never drops them.

Fed through the real dispatch with a real database; today is Mon, Nov 23, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from databases import prepared
from storage.models.sales import Customer, Deal
from support import Chat

pytestmark = pytest.mark.phrasing


@prepared
def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo", "张伟"))
    for line, user in (("拜访 +海尔：初次见面", "张伟"), ("拜访 +腾讯：初次见面", "张伟"),
                       ("拜访 +京东：初次见面", "张伟"),
                       ("visit +Umbrella: intro", "Ana"), ("visit +Globex: intro", "Ana"),
                       ('商机 海尔 "智慧工厂" 初步接触 60万', "张伟"),
                       ('商机 腾讯 "CRM" 需求挖掘 12万', "张伟"),
                       ('deal Umbrella "Renewal" contact 200k', "Ana")):
        assert chat.reply(line, user=user).ok, line
    return chat


def _deals(session_factory) -> dict[str, tuple]:
    """Every deal by `customer title`: (stage, amount, close day)."""
    with session_factory() as s:
        return {f"{s.get(Customer, d.customer_id).name} {d.title}":
                (d.stage, int(d.amount or 0), d.expected_close)
                for d in s.scalars(select(Deal).order_by(Deal.id))}


FEB_END, MONTH_END = dt.date(2027, 2, 28), dt.date(2026, 11, 30)


@pytest.mark.parametrize("user, said, key, row", [
    ("张伟", "海尔那单改到谈判 金额不变 预计2月底", "海尔 智慧工厂", ("negotiation", 600_000, FEB_END)),
    ("张伟", "海尔那个单子推进到谈判 金额保持不变 预计2月底", "海尔 智慧工厂",
     ("negotiation", 600_000, FEB_END)),
    ("张伟", "海尔这单 进入谈判 其他照旧", "海尔 智慧工厂", ("negotiation", 600_000, None)),
    ("张伟", "商机 海尔 商务谈判 价格不变 预计2月底", "海尔 智慧工厂", ("negotiation", 600_000, FEB_END)),
    ("Ana", "umbrella renewal moved to proposal, amount unchanged, close end of feb", "Umbrella Renewal",
     ("proposal", 200_000, FEB_END)),
    ("Ana", "umbrella deal now negotiation, same amount", "Umbrella Renewal", ("negotiation", 200_000, None)),
    ("Ana", "deal Umbrella negotiation, keep the amount", "Umbrella Renewal", ("negotiation", 200_000, None)),
])
def test_a_field_said_to_stay_is_no_word_left(session_factory, user, said, key, row):
    chat = _chat(session_factory)
    before = _deals(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok, reply.text
    assert "不变" not in reply.text and "unchanged" not in reply.text and "same" not in reply.text
    assert _deals(session_factory) == before | {key: row}


@pytest.mark.parametrize("said", ["腾讯CRM那个单 预计月底签", "腾讯CRM这单 预计月底签",
                                  "腾讯CRM那单子 月底前签", "商机 腾讯 CRM 那个单 预计月底签",
                                  "腾讯那笔单子 预计月底成交"])
def test_the_deal_pointed_at_is_the_deals_own_words(session_factory, said):
    chat = _chat(session_factory)
    before = _deals(session_factory)
    reply = chat.reply(said, user="张伟")
    assert reply.ok and "11月30日周一" in reply.text, reply.text
    assert _deals(session_factory) == before | {"腾讯 CRM": ("discovery", 120_000, MONTH_END)}


@pytest.mark.parametrize("user, said, key, row", [
    ("张伟", "新商机 京东 数据中台 需求确认 12万 预计1月20号", "京东 数据中台",
     ("discovery", 120_000, dt.date(2027, 1, 20))),
    ("张伟", "新建商机 京东 数据中台 需求确认 12万", "京东 数据中台", ("discovery", 120_000, None)),
    ("张伟", "新的商机 京东 数据中台 12万", "京东 数据中台", ("lead", 120_000, None)),
    ("张伟", "开个商机 京东 数据中台 12万", "京东 数据中台", ("lead", 120_000, None)),
    ("张伟", "新项目 京东 数据中台 需求确认 12万", "京东 数据中台", ("discovery", 120_000, None)),
    ("Ana", "new opp Globex Analytics proposal 30k", "Globex Analytics", ("proposal", 30_000, None)),
    ("Ana", "new opportunity Globex Analytics 30k", "Globex Analytics", ("lead", 30_000, None)),
    ("Ana", "new deal Globex Analytics 30k", "Globex Analytics", ("lead", 30_000, None)),
])
def test_a_word_saying_new_is_the_deal_command(session_factory, user, said, key, row):
    chat = _chat(session_factory)
    before = _deals(session_factory)
    reply = chat.reply(said, user=user)
    if not reply.ok:  # a title in the message's words, not quoted: asked once, the new deal one tap
        [new] = [b for b in reply.buttons if "“" in b.label or "\"" in b.label]
        assert _deals(session_factory) == before
        reply = chat.press(new, user=user)
    assert reply.ok, reply.text
    assert _deals(session_factory) == before | {key: row}


@pytest.mark.parametrize("said, title", [("京东 数据湖 需求确认 12万 预计1月20号", "数据湖"),
                                         ("京东那边 大数据平台 需求确认 12万", "大数据平台")])
def test_an_offer_keeps_the_words_left_as_a_new_deals_title(session_factory, said, title):
    chat = _chat(session_factory)
    assert chat.reply('商机 京东 "数据中台" 线索 5万', user="张伟").ok
    before = _deals(session_factory)
    reply = chat.reply(said, user="张伟")
    assert not reply.ok and title in reply.text, reply.text
    assert _deals(session_factory) == before  # asked: nothing stored
    [new] = [b for b in reply.buttons if f'"{title}"' in b.command]
    assert chat.press(new, user="张伟").ok
    assert _deals(session_factory)[f"京东 {title}"][:2] == ("discovery", 120_000)
