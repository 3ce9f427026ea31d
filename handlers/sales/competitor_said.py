"""Whom a deal just lost went to, said right after the loss (`不对 竞争对手是华为云`, `no, competitor
was huawei cloud`, `actually we lost to alibaba cloud`): that deal's competitor, set as `lost #23:
competitor was huawei cloud` sets it (its reason kept, handlers/sales/reasons.py), never a visit to
the customer the competitor's name sounds like (r24 #20). Only right after the member's own loss;
a message that says anything more than whom is left to the other readers.

>>> rival_words("不对 竞争对手是华为云"), rival_words("no, competitor was huawei cloud")
('竞争对手是华为云', 'competitor was huawei cloud')
>>> rival_words("no, it was a visit to huawei"), rival_words("competitor was cheaper")
(None, None)
"""
from __future__ import annotations

import re

from handlers.context import Ctx
from handlers.grammar.commands import CloseDeal, DealRef
from handlers.grammar.fillers import LEAD
from handlers.grammar.rival_fixed import fixed_rival
from handlers.rules.close_reasons import categorize, without_rival
from handlers.sales.last_said import made_last
from handlers.sales.said_again import RECENT, latest_change
from storage.models.sales import Deal

#: `actually we lost to …`, `it was …`: words before whom, saying nothing of their own
_BEFORE = re.compile(LEAD + r"(?:(?:it\s+was|we|they)\s+)?(?=\S)", re.I)


def rival_words(text: str) -> str | None:
    """The words of `text` that name whom a deal was lost to, when that is all it says, else None."""
    if (fixed := fixed_rival(text)) is not None:  # `竞争对手改成金蝶`: 金蝶, never `改成金蝶` (r31zh #107)
        return f"竞争对手是{fixed}" if re.search(r"[\u3400-\u9fff]", text) else f"competitor was {fixed}"
    said = " ".join(text.split())
    rest = said[_BEFORE.match(said).end():].strip(" .。!！")
    if not rest or without_rival(rest).strip(" ,.，。!！;；:：") or not categorize(rest)[1]:
        return None
    return rest


def meant(ctx: Ctx, text: str) -> CloseDeal | None:
    """The loss just recorded, its competitor the one `text` names (as its reason line would set
    it), or None."""
    words = rival_words(text)
    if words is None:
        return None
    change = latest_change(ctx)
    if change is None or change.kind != "CloseDeal" or change.status != "done" or not change.entity_id \
            or change.entity != "deals" or change.at < ctx.now - RECENT or not made_last(ctx, change):
        return None
    deal = ctx.session.get(Deal, change.entity_id)
    if deal is None or deal.tenant_id != ctx.tenant.id or deal.stage != "lost" or not deal.reason:
        return None  # no reason yet: the words are its reason (the question it was asked)
    ctx.locale = "zh" if re.search(r"[\u3400-\u9fff]", text) else "en"
    zh = ctx.locale == "zh"
    ctx.text = f"{'输单' if zh else 'lost'} #{deal.id}{'：' if zh else ': '}{words}"
    return CloseDeal(DealRef(deal.id), False, reason=words)
