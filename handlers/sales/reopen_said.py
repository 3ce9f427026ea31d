"""A deal reopened in words (r20): `先重开吧`, `重开吧`, `reopen it`, `actually reopen that` right
after a win or loss; `腾讯那单其实还没签 客户说要走流程 先重开吧` (with words around it).

Right after the member's win or loss (their last message, within RECENT, in effect), a reopen
word with nothing else (but fillers) reopens that deal at once, as `deal #N reopen` does; with
other words around it, the reopen is offered with one tap and the words are said not kept (a
deal keeps no notes), nothing saved. Else, a message naming one customer with which the member
has one closed deal: that deal's reopen offered. Else None (the message reads as it would)."""
from __future__ import annotations

import re

from handlers.context import Ctx
from handlers.grammar.commands import ChangeDeal
from handlers.grammar.normal import simplified
from handlers.grammar.patterns import pattern
from handlers.sales.said_again import RECENT, latest_change, made_last
from handlers.text.reply import Button, Reply
from storage.deals_found import closed_deals_of_customer
from storage.models.sales import CLOSED_STAGES, Deal

#: The reopen word (`重开`, `重新打开`, `reopen`), with what may go around it and say nothing
_WORD = pattern(r"重开|重新打开|重新开启|重启(?:商机|这单|那单)?|(?<![A-Za-z])re-?open(?![A-Za-z])", re.I)
_BARE = pattern(r"^(?:(?:actually|ok|okay|pls|please|just|no|wait|hmm|先|还是|那就|那|要|麻烦|帮我|请|把它?|"
                r"这单|那单|这个|那个|商机|其实)[\s,，.!！]*)*"
                r"(?:重开|重新打开|重新开启|re-?open)(?:\s+(?:it|that|this|the\s+deal|that\s+deal))?"
                r"(?:[\s,，]*(?:吧|一下|下|了|啊|哈|pls|please|thanks))*[\s.。!！~]*$", re.I)


def meant(ctx: Ctx, text: str) -> ChangeDeal | Reply | None:
    """The reopen `text` says (at once), the offer of it, or None."""
    said = " ".join(text.split())
    seen = simplified(said)
    if not _WORD.search(seen):
        return None
    zh = bool(re.search(r"[\u3400-\u9fff]", said))
    deal = _just_closed(ctx)
    if deal is not None and _BARE.match(seen):
        ctx.locale = "zh" if zh else "en"
        ctx.text = f"{'商机' if zh else 'deal'} #{deal.id} {'重开' if zh else 'reopen'}"
        return ChangeDeal(deal.id, "reopen")
    deal = deal or _named_closed(ctx, seen)
    if deal is None:
        return None
    ctx.locale = "zh" if zh else "en"
    line = f"{'商机' if zh else 'deal'} #{deal.id} {'重开' if zh else 'reopen'}"
    return Reply(lines=(ctx.t("reopen_offered", id=deal.id, title=deal.title, line=line),
                        ctx.t("answer_hint_one")), ok=False,
                 buttons=(Button(line, line, action=ChangeDeal(deal.id, "reopen")),))


def _just_closed(ctx: Ctx) -> Deal | None:
    """The deal the member's last message won or lost, still closed."""
    change = latest_change(ctx)
    if change is None or change.kind != "CloseDeal" or change.status != "done" or change.entity != "deals" \
            or change.at < ctx.now - RECENT or not made_last(ctx, change) or not change.entity_id:
        return None
    deal = ctx.session.get(Deal, change.entity_id)
    return deal if deal is not None and deal.tenant_id == ctx.tenant.id and deal.stage in CLOSED_STAGES \
        else None


def _named_closed(ctx: Ctx, seen: str) -> Deal | None:
    """The member's one closed deal with the one customer `seen` names."""
    from handlers.grammar.unsaid import customers_in
    from storage.sales import CustomerRepository

    named = customers_in(seen, CustomerRepository(ctx.session).names(ctx.tenant.id))
    if len(named) != 1:
        return None
    deals = closed_deals_of_customer(ctx.session, ctx.tenant.id, ctx.member.id, name=named[0])
    return deals[0] if len(deals) == 1 else None
