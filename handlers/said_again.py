"""Corrections and stages said as people say them, right after a change: `no I meant 1.15m`,
`actually it was 50k`, `金额改成8万`, `不对，是20万`, `推进到商务谈判了`, `Globex moved to proposal`.

None is a command of the grammar, and none changes anything by itself: an amount is asked about
on the deal the member touched last (`deal #12 1.15m`: `yes` or `1` does it), a stage on their
open deal (of the customer named, if one is), one tap per deal when there are several; the deal
is always shown. With no deal to offer, the reply says which command to type.
"""
from __future__ import annotations

import re

from sqlalchemy import select

from handlers.amounts import parse_amount
from handlers.context import Ctx
from handlers.lookup import known_customers
from handlers.messages import STAGE_NAMES, WORDS, name_of
from handlers.normal import view
from handlers.reply import Button, Reply
from handlers.sentences import stage_said
from storage.models import CLOSED_STAGES, Change, Deal
from storage.sales import DealRepository

_EN = re.compile(r"^(?:(?:no|nope|sorry|oops|actually|wait|correction)\b[\s,.!:]*)*(?:i\s+)?"
                 r"(?:meant|mean|should be|should have been|make (?:it|that)|it'?s|it was|it is|was|"
                 r"(?:the )?(?:amount|value|deal)(?: is| was| should be| to)?|"
                 r"change (?:it|that|the amount) to)"
                 r"\s+(?P<amount>\S+?)[\s.!]*$", re.I)
_ZH = re.compile(r"^(?:不对|不是|错了|说错了|更正|搞错了|其实|实际上)?[\s,，。!！]*"
                 r"(?:金额|价格|报价|合同额|商机金额)?"
                 r"(?:应该是|是|改成|改为|改到|调整为|调成|变成|为)\s*(?P<amount>\S+?)[\s。!！]*$")
def correction(ctx: Ctx, text: str) -> Reply | None:
    """The reply to a correction of an amount, or None when `text` is none."""
    said = " ".join(view(text).split())
    if (stage := stage_said(text)) is not None:
        return _stage_offer(ctx, *stage, zh=bool(_CJK.search(said)))
    match = _EN.match(said) or _ZH.match(said)
    if match is None or parse_amount(match["amount"]) is None:
        return None
    amount = match["amount"]
    ctx.locale = "en" if match.re is _EN else "zh"  # answered in the language it was said in
    deal = _last_deal(ctx)
    if deal is None:
        example = f"{name_of(WORDS, 'deal', ctx.locale)} #12 {amount}"
        return Reply(lines=(ctx.t("correction_how", amount=amount, example=example),), ok=False)
    command = f"{name_of(WORDS, 'deal', ctx.locale)} #{deal.id} {amount}"
    return Reply(lines=(ctx.t("correction_offer", id=deal.id, title=deal.title, amount=amount),
                        ctx.t("answer_hint_one")), buttons=(Button(command, command),), ok=False)


_CJK = re.compile(r"[\u3400-\u9fff]")


def _last_deal(ctx: Ctx) -> Deal | None:
    """The deal the member changed last (not undone), while it is still there."""
    deal_id = ctx.session.scalar(select(Change.entity_id).where(
        Change.tenant_id == ctx.tenant.id, Change.actor_id == ctx.member.id, Change.entity == "deals",
        Change.status == "done", Change.entity_id.is_not(None)).order_by(Change.id.desc()).limit(1))
    deal = ctx.session.get(Deal, deal_id) if deal_id else None
    return deal if deal is not None and deal.tenant_id == ctx.tenant.id else None


def _stage_offer(ctx: Ctx, customer: str, stage: str, zh: bool) -> Reply:
    """`推进到商务谈判了`: which open deal of the member's (of the customer named) moves to that
    stage, asked with one tap per deal."""
    ctx.locale = "zh" if zh else "en"
    deals = [(deal, name) for deal, name in DealRepository(ctx.session).open_deals([ctx.member.id])
             if deal.stage not in CLOSED_STAGES]
    if customer:
        ids = {found.id for found in known_customers(ctx, customer)}
        deals = [(deal, name) for deal, name in deals if deal.customer_id in ids]
    word = name_of(WORDS, "deal", ctx.locale)
    stage_name = name_of(STAGE_NAMES, stage, ctx.locale)
    if not deals:
        example = f"{word} {customer or ('华为' if zh else 'Acme')} {stage_name}"
        return Reply(lines=(ctx.t("stage_said_none", stage=stage_name, example=example),), ok=False)
    buttons = tuple(Button(f"#{deal.id} {name} · {deal.title}"[:75], f"{word} #{deal.id} {stage_name}")
                    for deal, name in deals[:5])
    if len(deals) == 1:
        deal, name = deals[0]
        return Reply(lines=(ctx.t("stage_said_one", id=deal.id, customer=name, title=deal.title,
                                  stage=stage_name), ctx.t("answer_hint_one")), buttons=buttons, ok=False)
    return Reply(lines=(ctx.t("stage_said_which", stage=stage_name),
                        ctx.t("answer_hint", count=len(buttons))), buttons=buttons, ok=False)
