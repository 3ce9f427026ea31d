"""A win or loss said with no customer nor deal (`lost it`, `we lost`, `丢单了`, `这单黄了`, `won it`):
never a customer named `了` or `it`. The deal the member's last message here touched (minutes
ago) is offered; else she is asked which of her open deals (each a button). Nothing stored until
tapped."""
from __future__ import annotations

import datetime as dt
import re

from handlers.context import Ctx
from handlers.grammar.commands import CloseDeal, DealRef
from handlers.grammar.patterns import pattern
from handlers.sales.customer_referred import RECENT
from handlers.sales.last_said import last_said
from handlers.text.reply import Button, Reply
from storage.changes import changes_made_by
from storage.models.sales import CLOSED_STAGES, Customer, Deal
from storage.sales import DealRepository

_EN = pattern(r"^(?:(?:we|i|we've|i've|just|sadly|ugh|damn|so|also|well|oh)\s+)*(?:(?:have|has|got)\s+)?"
              r"(?P<word>lost|won|closed[\s-]+won|closed[\s-]+lost)"
              r"(?:\s+(?:it|this|that|(?:this|that|the)\s+(?:one|deal)))?(?:\s+(?:too|as\s+well))?$", re.I)
_ZH = pattern(r"^(?:我们|我)?(?:这单|那单|这个单子?|那个单子?|单子|这个|那个)?(?:也|还是)?"
              r"(?P<word>丢单了?|输单了?|输了|丢了|黄了|没戏了|飞了|赢单了?|赢了|签了|签单了|拿下了?|成交了)$")
_MARKS = pattern(r"[\s!！.。…~～?？,，]+|[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]")
_WON = ("won", "closed won", "closed-won", "赢", "签", "拿下", "成交")


def meant(ctx: Ctx, text: str) -> Reply | None:
    """The question for a close said with no customer; None for any other text."""
    plain = " ".join(_MARKS.sub(" ", text).split())
    found = _EN.match(plain) or _ZH.match(plain.replace(" ", ""))
    if not found:
        return None
    won = found["word"].lower().startswith(_WON)
    word = ("赢单" if won else "输单") if ctx.locale == "zh" else ("won" if won else "lost")
    last = _last_deal(ctx)
    rows = [last] if last else DealRepository(ctx.session).open_deals([ctx.member.id])[:5]
    buttons = tuple(Button(f"{word} #{deal.id} · {name} · {deal.title}"[:75], f"{word} #{deal.id}",
                           action=CloseDeal(DealRef(deal.id), won)) for deal, name in rows)
    key = ("close_unnamed_last" if last else "close_unnamed_which" if rows else "close_unnamed_none")
    deal = f"#{last[0].id} {last[1]} · {last[0].title}" if last else ""
    return Reply(lines=(ctx.t(key, said=text.strip(), word=word, deal=deal, line=f"{word} #{last[0].id}"
                              if last else ""),), buttons=buttons, ok=False, locale=ctx.locale)


def _last_deal(ctx: Ctx) -> tuple[Deal, str] | None:
    """(the open deal of the member's the last message here changed, its customer's name) when
    that message is minutes old; else None."""
    said = last_said(ctx)
    if said is None or said.changes_after <= said.changes_before \
            or (said.at if said.at.tzinfo else said.at.replace(tzinfo=dt.timezone.utc)) < ctx.now - RECENT:
        return None
    ids = [change.entity_id for change in changes_made_by(
        ctx.session, ctx.tenant.id, ctx.member.id, entity="deals", done=True, after=said.changes_before,
        upto=said.changes_after, newest_first=True)]
    for deal_id in ids:
        deal = ctx.session.get(Deal, deal_id) if deal_id else None
        if deal is not None and deal.owner_id == ctx.member.id and deal.stage not in CLOSED_STAGES:
            return deal, ctx.session.get(Customer, deal.customer_id).name
    return None
