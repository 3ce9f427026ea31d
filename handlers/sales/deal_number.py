"""`deal 46 negotiation`: a bare number where a deal's customer goes. When it is the number of an
open deal of the member's own and no customer has it for a name, the deal is what they meant
most likely: asked "deal #46?", that deal the one answer (nothing is stored until it is taken).
Glued to the command word (`商机46 初步接触`, r29zh) it is the same: a bare number is never offered
as a customer's name (the tap had made customer "46" and a deal titled "46")."""
from __future__ import annotations

import re

from handlers.context import Ctx
from handlers.grammar import commands as c
from handlers.grammar.language import answered_in
from handlers.lookup import known_customers
from handlers.text.reply import Button, Reply
from storage.models.sales import CLOSED_STAGES, Customer
from storage.sales import DealRepository


def own_deal_meant(ctx: Ctx, text: str, error: c.ParseError) -> Reply | None:
    """The question "deal #N?" for `deal N …` (`error`: the grammar's "is N the customer?"), or
    None when N is no open deal of the member's, or a customer's name."""
    if error.topic != "deal" or error.problem != "quote_name" or not error.detail.isdigit():
        return None
    deal = DealRepository(ctx.session).get(ctx.tenant.id, int(error.detail))
    if deal is None or deal.owner_id != ctx.member.id or deal.stage in CLOSED_STAGES \
            or known_customers(ctx, error.detail):
        return None
    said = " ".join(text.split())
    line = re.sub(rf"(?<![A-Za-z0-9_#.,]){error.detail}(?![\w.,%])", f" #{error.detail}", said, count=1)
    line = " ".join(line.split())
    if line == said:
        return None
    ctx.locale = answered_in(text, ctx.locale)
    customer = ctx.session.get(Customer, deal.customer_id).name
    mine = ctx.t("option_own_deal", id=deal.id, title=deal.title, customer=customer)
    return Reply(lines=(ctx.t("own_deal_meant", number=error.detail), f"1. {mine}: {line}",
                        ctx.t("answer_hint", count=1)),
                 buttons=(Button(mine[:75], line),), ok=False, locale=ctx.locale)
