"""`京东 数据中台 需求确认 12万` with no deal of the asker's with 京东: every offer says it makes a new
deal, and tapping stores just that; with a deal, the first offer updates it (#23)."""
import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Deal

pytestmark = pytest.mark.phrasing


def _deals(chat):
    with chat.session_factory() as s:
        return [(d.title, d.stage, int(d.amount)) for d in s.scalars(select(Deal).order_by(Deal.id))], \
            s.scalar(select(Customer.id).where(Customer.name == "京东")) is not None, \
            len(s.scalars(select(Customer)).all())


@pytest.mark.parametrize("text, title, stage, amount", [
    ("京东 数据中台 需求确认 12万", "数据中台", "discovery", 120000),
    ("京东 数据湖 方案呈现 30万", "数据湖", "proposal", 300000),
    ("京东那边 风控 需求确认 8万", "风控", "discovery", 80000),
    ("京东 CRM 谈判 50万", "CRM", "negotiation", 500000),
    ("京东 云迁移 方案 20万", "云迁移", "proposal", 200000),
])
def test_with_no_deal_each_offer_is_a_new_deal_and_says_so(team_chat, text, title, stage, amount):
    team_chat("visit +京东: intro", user="Ana")
    reply = team_chat.reply(text, user="Ana", lang="zh")
    labels = [b.label for b in reply.buttons]
    assert labels and all(label.startswith("新建商机") for label in labels), reply.text
    assert "更新" not in reply.text and "新商机" in reply.text, reply.text
    assert _deals(team_chat) == ([], True, 1)
    out = team_chat.press(reply.buttons[0], user="Ana", lang="zh").text
    assert "已新建商机" in out
    assert _deals(team_chat) == ([(title, stage, amount)], True, 1)


def test_with_no_deal_the_offer_without_the_words_makes_a_new_deal(team_chat):
    team_chat("visit +京东: intro", user="Ana")
    reply = team_chat.reply("京东 数据中台 需求确认 12万", user="Ana", lang="zh")
    assert [b.label for b in reply.buttons] == ["新建商机，这些字作为标题", "新建商机，不带这些字"]
    out = team_chat.press(reply.buttons[1], user="Ana", lang="zh").text
    assert "已新建商机" in out
    assert _deals(team_chat) == ([("京东", "discovery", 120000)], True, 1)


def test_in_english_with_no_deal_the_offers_say_new(team_chat):
    team_chat("visit +Hooli: intro", user="Ana")
    reply = team_chat.reply("Hooli analytics discovery 40k", user="Ana")
    labels = [b.label for b in reply.buttons]
    assert labels and all("new deal" in label.lower() for label in labels), reply.text


def test_with_a_deal_the_first_offer_updates_it(team_chat):
    team_chat("visit +京东: intro", user="Ana")
    team_chat('商机 京东 "ERP" 5万', user="Ana", lang="zh")
    reply = team_chat.reply("京东 数据中台 需求确认 12万", user="Ana", lang="zh")
    assert reply.buttons[0].label.startswith("更新商机") or "#1" in reply.buttons[0].label, reply.text
    assert len(_deals(team_chat)[0]) == 1
