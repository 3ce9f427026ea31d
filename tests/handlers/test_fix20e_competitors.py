"""Competitors of a loss (#23, r20): `lost to siemens` in lower case is the competitor as `lost to
Siemens` is (said as the one the deal was lost to, like `competitor was siemens`), whether in the
loss or sent as its reason after it; a category's word there (`lost to timing`) is no competitor.
Two said together (`lost to siemens and sap`, `输给了西门子和SAP`, `西门子、施耐德`) are two
competitors, both kept and both said back, each counted in the case review: never one named
`西门子和SAP`, never the second dropped unsaid."""
import pytest
from sqlalchemy import select

from storage.models.sales import Deal
from support import Chat, make_team_chat

pytestmark = pytest.mark.phrasing


def _chat(session_factory) -> Chat:
    return make_team_chat(session_factory, reps=("Ana", "张伟"))


def _open_deal(chat, session_factory, customer="Umbrella", user="Ana"):
    zh = user == "张伟"
    said = f"商机 +{customer} 续约 方案 10万" if zh else f'deal +{customer} "renewal" proposal 100k'
    assert chat.reply(said, user=user).ok
    with session_factory() as s:
        return s.scalars(select(Deal.id).order_by(Deal.id.desc())).first()


def _deal(session_factory, deal_id):
    with session_factory() as s:
        deal = s.get(Deal, deal_id)
        return deal.stage, deal.reason, deal.competitor


@pytest.mark.parametrize("reason, name", [
    ("lost to siemens", "siemens"), ("lost to siemens on price", "siemens"),
    ("we lost to schneider electric because they were cheaper", "schneider electric"),
    ("lost out to siemens again", "siemens"), ("lost to Siemens", "Siemens"),
])
def test_a_competitor_lost_to_in_lower_case_is_kept(session_factory, reason, name):
    chat = _chat(session_factory)
    deal_id = _open_deal(chat, session_factory)
    reply = chat.reply(f"lost #{deal_id}: {reason}")
    assert reply.ok and f"Competitor: {name}." in reply.text, reply.text
    assert "kept in the reason" not in reply.text, reply.text
    assert _deal(session_factory, deal_id) == ("lost", reason, name)
    assert f"Competitors named: {name} (1)" in chat.reply("reasons team month", user="Mia").text


@pytest.mark.parametrize("reason", ["lost to siemens", "lost to siemens, they were cheaper"])
def test_a_competitor_lost_to_sent_as_the_reason_after_the_loss(session_factory, reason):
    chat = _chat(session_factory)
    deal_id = _open_deal(chat, session_factory)
    asked = chat.reply(f"lost #{deal_id}")
    assert asked.ok and "What decided it?" in asked.text, asked.text
    reply = chat.reply(reason)
    assert reply.ok and "Competitor: siemens." in reply.text, reply.text
    assert _deal(session_factory, deal_id) == ("lost", reason, "siemens")


@pytest.mark.parametrize("reason", ["lost to timing", "lost to delays on their side", "lost to budget cuts"])
def test_a_category_lost_to_is_no_competitor(session_factory, reason):
    chat = _chat(session_factory)
    deal_id = _open_deal(chat, session_factory)
    reply = chat.reply(f"lost #{deal_id}: {reason}")
    assert reply.ok and "Competitor" not in reply.text and "kept in the reason" not in reply.text, reply.text
    assert _deal(session_factory, deal_id) == ("lost", reason, "")


@pytest.mark.parametrize("reason, stored, shown, user", [
    ("lost to siemens and sap", "siemens, SAP", "Competitors (2): siemens, SAP.", "Ana"),
    ("lost to Siemens and SAP on price", "Siemens, SAP", "Competitors (2): Siemens, SAP.", "Ana"),
    ("went with Oracle & Salesforce", "Oracle, Salesforce", "Competitors (2): Oracle, Salesforce.", "Ana"),
    ("输给了西门子和SAP", "西门子, SAP", "竞争对手：西门子、SAP（2 家）。", "张伟"),
    ("输给了西门子、施耐德，价格低", "西门子, 施耐德", "竞争对手：西门子、施耐德（2 家）。", "张伟"),
    ("输给了西门子与施耐德", "西门子, 施耐德", "竞争对手：西门子、施耐德（2 家）。", "张伟"),
])
def test_two_competitors_said_together_are_two(session_factory, reason, stored, shown, user):
    chat = _chat(session_factory)
    deal_id = _open_deal(chat, session_factory, user=user)
    word = "输单" if user == "张伟" else "lost"
    reply = chat.reply(f"{word} #{deal_id}: {reason}", user=user)
    assert reply.ok and shown in reply.text, reply.text
    assert _deal(session_factory, deal_id) == ("lost", reason, stored)
    report = chat.reply("reasons team month", user="Mia").text
    first, second = stored.split(", ")
    assert f"{first} (1)" in report and f"{second} (1)" in report and stored not in report, report


def test_a_second_name_in_lower_case_after_lost_to_is_the_second_competitor(session_factory):
    chat = _chat(session_factory)
    deal_id = _open_deal(chat, session_factory)
    reply = chat.reply(f"lost #{deal_id}: lost to Siemens and acme soft")
    assert reply.ok and "Competitors (2): Siemens, acme soft." in reply.text, reply.text
    assert _deal(session_factory, deal_id) == ("lost", "lost to Siemens and acme soft", "Siemens, acme soft")


def test_words_after_the_joiner_that_name_no_one_stay_in_the_reason(session_factory):
    chat = _chat(session_factory)
    deal_id = _open_deal(chat, session_factory)
    reply = chat.reply(f"lost #{deal_id}: lost to siemens and we never saw it coming")
    assert reply.ok and "Competitor: siemens." in reply.text, reply.text
    assert _deal(session_factory, deal_id)[2] == "siemens"


def test_a_name_that_starts_with_a_joining_word_is_one_name(session_factory):
    chat = _chat(session_factory)
    deal_id = _open_deal(chat, session_factory, user="张伟")
    reply = chat.reply(f"输单 #{deal_id}：输给了和利时", user="张伟")
    assert reply.ok and "竞争对手：和利时。" in reply.text, reply.text
    assert _deal(session_factory, deal_id) == ("lost", "输给了和利时", "和利时")
