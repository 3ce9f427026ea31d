"""The deal a close day said with no deal named (`actually it closed on thu`, `其实是周四签的`) is
about, some messages after the win or loss: the member's own deal closed last (within a fortnight),
said back with its number. Where two were closed that same last day, or the day said is before the
deal was even made, nothing is guessed: asked, one tap per deal (r23)."""
from __future__ import annotations

import datetime as dt

from handlers.context import Ctx
from handlers.grammar.commands import ChangeDeal
from handlers.text.reply import Button, Reply
from storage.deals_found import deals_closed_since
from storage.models.sales import Deal

WITHIN = dt.timedelta(days=14)


def last_closed(ctx: Ctx, days: list[dt.date]) -> Deal | Reply | None:
    """The member's deal closed last, or the question which (one tap each), or None."""
    deals = deals_closed_since(ctx.session, ctx.tenant.id, ctx.member.id, ctx.now - WITHIN, limit=5)
    if not deals:
        return None
    latest = ctx.day_of(deals[0].closed_at)
    same = [deal for deal in deals if ctx.day_of(deal.closed_at) == latest]
    if len(same) == 1:
        return same[0]  # (`last fri` on a Sunday: which Friday, asked of it by the caller)
    if len(days) != 1:
        return None
    return Reply(lines=(ctx.t("closed_on_which_deal", day=ctx.day(days[0])),
                        *(f"{n}. #{deal.id} {deal.title}" for n, deal in enumerate(same, 1)),
                        ctx.t("answer_hint", count=len(same))), ok=False, which=True, locale=ctx.locale,
                 buttons=tuple(Button(f"#{deal.id} {deal.title}"[:75], _said_on(ctx, deal.id, days[0]),
                                      action=ChangeDeal(deal.id, "closed_on", days[0])) for deal in same))


def _said_on(ctx: Ctx, deal_id: int, day: dt.date) -> str:
    said = day.isoformat()  # as backdate.said_on types it
    return f"商机 #{deal_id} 其实是{said}签的" if ctx.locale == "zh" else f"deal #{deal_id} closed on {said}"
