"""Round 12's fresh-eyes findings (issue #23): a stage said in a sentence together with another
change of the deal (`腾讯CRM那个单子 金额改成15万 推进到方案`) moves the deal AND makes the change, or
offers both in one tap; words no field of the deal claims leave the deal as it was."""
import pytest
from sqlalchemy import select

from storage.models.sales import Deal
from support import Chat
from tests.handlers.test_tester_round11_stage_said import _deal

pytestmark = pytest.mark.phrasing


def _deals(session_factory):
    with session_factory() as s:
        return {d.id: (d.stage, int(d.amount)) for d in s.scalars(select(Deal))}


@pytest.mark.parametrize(("said", "stage", "amount"), [
    ("腾讯CRM那个单子 金额改成15万 推进到方案", "proposal", 150_000),
    ("腾讯的CRM项目 金额改成15万 推进到商务谈判了", "negotiation", 150_000),
    ("move the tencent CRM deal to negotiation, amount 150k", "negotiation", 150_000),
])
def test_a_stage_said_with_a_new_amount_makes_both_changes(session_factory, said, stage, amount):
    chat = Chat(session_factory)
    chat.team()
    crm = _deal(chat, "腾讯", "CRM")
    reply = chat.reply(said)
    if not reply.ok:  # asked: the one tap carries the amount too
        reply = chat.reply("1")
    assert reply.ok, reply.text
    assert _deals(session_factory) == {crm: (stage, amount)}


def test_several_deals_asked_each_tap_carries_the_amount(session_factory):
    chat = Chat(session_factory)
    chat.team()
    crm, cloud = _deal(chat, "腾讯", "CRM"), _deal(chat, "腾讯", "云服务")
    reply = chat.reply("腾讯 金额改成15万 推进到方案")
    assert not reply.ok, reply.text
    assert _deals(session_factory) == {crm: ("discovery", 80_000), cloud: ("discovery", 80_000)}
    assert all("15万" in b.command for b in reply.buttons if "#" in b.command), reply.buttons
    assert chat.reply("1").ok
    assert sorted(_deals(session_factory).values()) == [("discovery", 80_000), ("proposal", 150_000)]


def test_words_no_field_claims_leave_the_deal_as_it_was(session_factory):
    chat = Chat(session_factory)
    chat.team()
    crm = _deal(chat, "腾讯", "CRM")
    reply = chat.reply("腾讯CRM那个单子 老板说再看看 推进到方案")
    assert not reply.ok and _deals(session_factory) == {crm: ("discovery", 80_000)}, reply.text


def _stage_of(session_factory):
    with session_factory() as s:
        return {d.id: d.stage for d in s.scalars(select(Deal))}


@pytest.mark.parametrize("said", ["we won stark!! 1.1m final, price matched + quick delivery",
                                  "Stark签了 110万 赢了！", "stark的单子今天签了 110万 赢了"])
def test_a_win_in_words_offers_the_customers_open_deal_never_a_new_one_titled_with_its_words(
        session_factory, said):
    chat = Chat(session_factory)
    chat.team()
    deal = _deal(chat, "Stark", "ERP", "negotiation")
    offer = chat.reply(said)
    assert not offer.ok and len(offer.buttons) == 1 and '"' not in offer.buttons[0].command, offer.text
    assert chat.reply("yes").ok  # the customer's one open deal: no title made of "we", "单子今天"
    assert _stage_of(session_factory) == {deal: "won"}  # no second deal, won twice


def test_a_win_in_words_with_several_open_deals_offers_each_and_a_title_said_picks_one(session_factory):
    chat = Chat(session_factory)
    chat.team()
    crm, cloud = _deal(chat, "腾讯", "CRM"), _deal(chat, "腾讯", "云服务")
    offer = chat.reply("腾讯的单子今天签了 20万")
    assert sorted(b.command.split()[1] for b in offer.buttons) == sorted([f"#{crm}", f"#{cloud}"]), offer.text
    assert _stage_of(session_factory) == {crm: "discovery", cloud: "discovery"}
    assert chat.reply("不").ok
    titled = chat.reply("腾讯云服务拿下了 20万")
    assert len(titled.buttons) == 1, titled.text
    assert chat.reply("好").ok
    assert _stage_of(session_factory) == {crm: "discovery", cloud: "won"}


@pytest.mark.parametrize("said", ["stark的单子今天签了", "we won stark!! 1.1m, lol"])
def test_a_win_naming_a_customer_by_its_first_word_keeps_that_word_out_of_a_title(session_factory, said):
    chat = Chat(session_factory)
    chat.team()
    _deal(chat, "Stark Industries", "ERP")
    assert chat.reply("won Stark Industries: price").ok  # its one deal closed: no open deal left
    offer = chat.reply(said)
    assert not offer.ok and offer.buttons and '"' not in offer.buttons[0].command, offer.text
