"""Issue #23, round 15 (Chinese): a deal's number and a stage move with no command word (`#52 推到谈判`,
`52号 推进到商务谈判`, `#52 to negotiation`, `#52 move to negotiation`) moves that deal, or says
precisely why not (no such deal, another rep's), never "no open deal to move".
Fed through the real dispatch with a real database; today is Mon, Nov 23, 2026."""
import pytest
from sqlalchemy import select

from databases import prepared
from storage.models.sales import Deal
from support import Chat

pytestmark = pytest.mark.phrasing


@prepared
def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo", "张伟"))
    for line, user in (("拜访 +小米：初次见面", "张伟"), ('商机 小米 "二期" 方案呈现 40万', "张伟"),
                       ("visit +Globex: intro", "Ana"), ('deal Globex "Portal" proposal 30k', "Ana")):
        assert chat.reply(line, user=user).ok, line
    return chat


def _stages(session_factory) -> dict[int, str]:
    with session_factory() as s:
        return {d.id: d.stage for d in s.scalars(select(Deal).order_by(Deal.id))}


@pytest.mark.parametrize("user, said, number, shown", [
    ("张伟", "#1 推到谈判", 1, "方案呈现 → 商务谈判"),
    ("张伟", "#1 推进到商务谈判", 1, "方案呈现 → 商务谈判"),
    ("张伟", "1号 推进到 谈判了", 1, "方案呈现 → 商务谈判"),
    ("张伟", "商机#1 进入谈判", 1, "方案呈现 → 商务谈判"),
    ("Ana", "#2 to negotiation", 2, "Proposal → Negotiation"),
    ("Ana", "#2 move to negotiation", 2, "Proposal → Negotiation"),
    ("Ana", "#2 moved to negotiation", 2, "Proposal → Negotiation"),
])
def test_a_deal_number_and_a_stage_move_that_deal(session_factory, user, said, number, shown):
    chat = _chat(session_factory)
    before = _stages(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok and f"#{number}" in reply.text and shown in reply.text, reply.text
    assert _stages(session_factory) == before | {number: "negotiation"}


@pytest.mark.parametrize("user, said, told", [
    ("张伟", "#2 推到谈判", "属于Ana"), ("Ana", "#1 to negotiation", "belongs to 张伟"),
    ("张伟", "#99 推到谈判", "#99"), ("Ana", "#99 move to negotiation", "#99"),
])
def test_a_deal_that_cannot_move_says_why(session_factory, user, said, told):
    chat = _chat(session_factory)
    before = _stages(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and told in reply.text, reply.text
    assert "没有可推进" not in reply.text and "no open deal to move" not in reply.text
    assert _stages(session_factory) == before
