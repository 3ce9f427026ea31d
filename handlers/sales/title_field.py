"""A field of a deal named by its title alone, with no customer nor command word (`the sensor project
close march`, `sensor project prob 70%`, `数据平台那单 概率改成70%`): that deal's change offered, as
when its customer is named (handlers/grammar/field_said.py), one option a deal of hers so titled
(`数据平台` of 格力 and of 海尔). Nothing is stored until answered."""
from __future__ import annotations

from dataclasses import replace

from handlers.context import Ctx, usage_reply
from handlers.grammar.field_said import field_change
from handlers.grammar.language import answered_in
from handlers.grammar.normal import name_fold, simplified
from handlers.grammar.parse import CJK, normalize
from handlers.text.reply import Reply
from storage.sales import DealRepository


def answer(ctx: Ctx, text: str) -> Reply | None:
    """The offer of the change `text` says of the member's open deals its words name by title,
    else None."""
    said = " ".join(text.split())
    seen = simplified(normalize(said))
    folded = name_fold(seen)
    named = [(deal, customer) for deal, customer in DealRepository(ctx.session).open_deals([ctx.member.id])
             if len(name_fold(deal.title)) >= 3 and name_fold(deal.title) in folded]
    longest = max((len(name_fold(deal.title)) for deal, _ in named), default=0)
    named = [(deal, customer) for deal, customer in named if len(name_fold(deal.title)) == longest]
    if not named or len({name_fold(deal.title) for deal, _ in named}) != 1 or len(named) > 4:
        return None  # (two titles said: no one deal's words)
    customers = " · ".join(dict.fromkeys(customer for _, customer in named))  # `数据平台` of 格力, 海尔
    asked = field_change(said, seen, customers, [(deal.id, deal.title) for deal, _ in named],
                         bool(CJK.search(said)), ctx.today, located=named[0][0].title)
    if asked is None or not asked.options:
        return None
    ctx.locale = answered_in(text, ctx.locale)
    return replace(usage_reply(ctx.locale, asked), locale=ctx.locale)
