"""Issue #23, class 3: a deal's stage said as a sentence (`Acme Corp续约推进到谈判了`, `Tencent那边CRM项目
推进到方案阶段了`, `move the acme renewal to negotiation`): the member's open deal of that customer
moves, the line it was read as said back; several open deals, or a title that matches none, are asked
about with one tap per deal, nothing moved until then."""
import pytest
from sqlalchemy import select

from storage.models.sales import Deal
from support import Chat

pytestmark = pytest.mark.phrasing


def _deal(chat, customer, title, stage="discovery"):
    if chat.reply(f"visit {customer}: intro").ok is False:
        assert chat.reply(f"visit +{customer}: intro").ok
    reply = chat.reply(f'deal {customer} "{title}" {stage} 80k')
    assert reply.ok, reply.text
    with chat.session_factory() as s:
        return s.scalars(select(Deal.id).order_by(Deal.id.desc())).first()


def _stages(session_factory):
    with session_factory() as s:
        return dict(s.execute(select(Deal.id, Deal.stage)).all())


@pytest.mark.parametrize(("customer", "title", "said", "stage", "read_as"), [
    ("Acme Corp", "续约", "Acme Corp续约推进到谈判了", "negotiation", "商机 #{id} 商务谈判"),
    ("腾讯", "CRM", "Tencent那边CRM项目推进到方案阶段了", "proposal", "商机 #{id} 方案呈现"),
    ("Acme Corp", "Renewal", "move the acme renewal to negotiation", "negotiation", "deal #{id} Negotiation"),
    ("Globex", "Pilot", "advance the Globex deal to proposal stage", "proposal", "deal #{id} Proposal"),
    ("格力", "空调项目", "把格力的空调项目推进到商务谈判", "negotiation", "商机 #{id} 商务谈判"),
])
def test_the_one_open_deal_named_moves(session_factory, customer, title, said, stage, read_as):
    chat = Chat(session_factory)
    chat.team()
    deal_id = _deal(chat, customer, title)
    reply = chat.reply(said)
    assert reply.ok and read_as.format(id=deal_id) in reply.text, reply.text
    assert _stages(session_factory) == {deal_id: stage}


def test_several_open_deals_of_the_customer_are_asked_then_the_tap_moves_one(session_factory):
    chat = Chat(session_factory)
    chat.team()
    crm, cloud = _deal(chat, "腾讯", "CRM"), _deal(chat, "腾讯", "云服务")
    reply = chat.reply("腾讯那边推进到谈判了")
    assert not reply.ok and "哪个商机推进到商务谈判" in reply.text, reply.text
    assert sorted(b.command for b in reply.buttons) == sorted([f"商机 #{crm} 商务谈判",
                                                              f"商机 #{cloud} 商务谈判"])
    assert _stages(session_factory) == {crm: "discovery", cloud: "discovery"}
    picked = chat.reply("1")
    assert picked.ok, picked.text
    assert sorted(_stages(session_factory).values()) == ["discovery", "negotiation"]


def test_a_title_said_picks_among_several_deals(session_factory):
    chat = Chat(session_factory)
    chat.team()
    crm, cloud = _deal(chat, "腾讯", "CRM"), _deal(chat, "腾讯", "云服务")
    reply = chat.reply("Tencent那边CRM项目推进到方案阶段了")
    assert reply.ok and f"#{crm}" in reply.text, reply.text
    assert _stages(session_factory) == {crm: "proposal", cloud: "discovery"}


@pytest.mark.parametrize("said", ["move the acme pilot to negotiation", "Acme Corp试点推进到谈判了"])
def test_a_title_that_matches_no_deal_is_asked(session_factory, said):
    chat = Chat(session_factory)
    chat.team()
    deal_id = _deal(chat, "Acme Corp", "续约")
    reply = chat.reply(said)
    assert not reply.ok and f"#{deal_id}" in reply.text and "续约" in reply.text, reply.text
    assert _stages(session_factory) == {deal_id: "discovery"}
    moved = chat.press(reply.buttons[0])
    assert moved.ok, moved.text
    assert _stages(session_factory) == {deal_id: "negotiation"}


def test_a_customer_with_no_open_deal_of_the_member_moves_nothing(session_factory):
    chat = Chat(session_factory)
    chat.team()
    deal_id = _deal(chat, "Acme Corp", "续约")
    assert chat.reply("visit +Hooli: intro").ok
    reply = chat.reply("move the hooli renewal to negotiation")
    assert not reply.ok and "no open deal" in reply.text, reply.text
    assert _stages(session_factory) == {deal_id: "discovery"}


def test_a_customer_whose_name_starts_like_a_filler_word_is_found_whole(session_factory):
    chat = Chat(session_factory)
    chat.team()
    deal_id = _deal(chat, "Theranos", "Pilot")
    reply = chat.reply("move the theranos pilot to proposal")
    assert reply.ok and f"deal #{deal_id} Proposal" in reply.text, reply.text
    assert _stages(session_factory) == {deal_id: "proposal"}
