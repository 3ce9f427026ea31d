"""The day a win or loss just recorded really happened (`no wait close was last fri`, `actually
it closed yesterday`, `其实是上周五签的`): said right after the close, that deal's close moves to
the day said (a day gone by, this year), old → new, one `undo` from what it was (#23, r17)."""
from __future__ import annotations

import datetime as dt
import re

from handlers.context import Ctx
from handlers.grammar.commands import ChangeDeal
from handlers.grammar.correction_said import CLOSED_ON_EN, CLOSED_ON_ZH
from handlers.grammar.visit_day import days_of
from handlers.sales.last_closed import last_closed
from handlers.sales.last_said import last_said
from handlers.sales.refused_again import refused_last, refused_offer
from handlers.sales.said_again import RECENT, latest_change, made_last
from handlers.text.reply import Button, Reply
from storage.activity import last_move_into
from storage.models.sales import CLOSED_STAGES, Deal


def said(ctx: Ctx, text: str) -> bool:
    """Whether `text` says a close happened on a day gone by (`其实周四签的`): never a win's reason
    (`we lost to Siemens` is one)."""
    said = " ".join(text.split())
    found = CLOSED_ON_EN.match(said) or CLOSED_ON_ZH.match(said)
    return found is not None and bool(days_of(found["day"] or found["day2"], ctx.today))


def meant(ctx: Ctx, text: str) -> ChangeDeal | Reply | None:
    """The deal just won or lost, its close moved to the day `text` says; `上周五` / `last fri`
    said on a weekend asks which Friday, as a visit's day does; None otherwise."""
    said = " ".join(text.split())
    found = CLOSED_ON_EN.match(said) or CLOSED_ON_ZH.match(said)
    if found is None:
        return None
    days = days_of(found["day"] if found["day"] else found["day2"], ctx.today)
    change = latest_change(ctx)
    if not days or ctx.offer_open:  # said to an offer not saved yet: that offer asked again, never
        return None  # a deal closed before moved unasked (#23, r32)
    ctx.locale, was = "zh" if re.search(r"[\u3400-\u9fff]", said) else "en", ctx.locale
    before = last_said(ctx)  # a close by a line before it in this message (the close-day offer's
    now = change is not None and change.at == ctx.now and (  # tap runs it, then this): that close
        before is None or change.id > before.changes_after)  # is meant, never the message before's
    if change is None or change.kind != "CloseDeal" or change.status != "done" \
            or change.at < ctx.now - RECENT or not (now or made_last(ctx, change)) \
            or change.entity != "deals":
        deal = last_closed(ctx, days)  # some messages later: the member's last win or loss (or asked)
    else:
        deal = ctx.session.get(Deal, change.entity_id) if change.entity_id else None
    if isinstance(deal, Reply) or deal is None or deal.tenant_id != ctx.tenant.id \
            or deal.stage not in CLOSED_STAGES:
        ctx.locale = ctx.locale if isinstance(deal, Reply) else was
        return deal if isinstance(deal, Reply) else None
    word = "商机" if ctx.locale == "zh" else "deal"
    if len(days) > 1:  # `其实是上周五签的` on a Sunday: the Friday just gone, or the one before?
        return Reply(lines=(ctx.t("closed_on_which", text=found["day"] or found["day2"], id=deal.id),
                            ctx.t("answer_hint", count=len(days))), ok=False, locale=ctx.locale,
                     buttons=tuple(Button(ctx.day(day), said_on(ctx, deal.id, day), action=ChangeDeal(
                         deal.id, "closed_on", day)) for day in days))
    if not now and (refused := refused_last(ctx, ("won", "lost", "deal"))) is not None:  # after a deal's
        return refused_offer(ctx, refused, text) or Reply(  # command that changed nothing: it put right,
            # else asked
            lines=(ctx.t("correction_after_nothing_head", said=refused),
                   ctx.t("closed_on_asked", id=deal.id, title=deal.title, day=ctx.day(days[0])),
                   ctx.t("answer_hint_one")),
            ok=False, locale=ctx.locale, buttons=(Button(said_on(ctx, deal.id, days[0]), said_on(
                ctx, deal.id, days[0]), action=ChangeDeal(deal.id, "closed_on", days[0])),))
    ctx.text = f"{word} #{deal.id} {days[0].isoformat()}"
    return ChangeDeal(deal.id, "closed_on", days[0])


def said_on(ctx: Ctx, deal_id: int, day: dt.date) -> str:
    """What to type, at any time, to say deal #`deal_id` closed on `day` (a tap sends the command
    itself; typed later it still names the deal: handlers/sales/close_day_said.py)."""
    said = day.isoformat()
    return f"商机 #{deal_id} 其实是{said}签的" if ctx.locale == "zh" else f"deal #{deal_id} closed on {said}"


def closed_on(ctx: Ctx, deal: Deal, day: dt.date) -> Reply:
    """`deal` (won or lost) closed on `day` instead: its close, the stage's start and the close's
    event moved there (at the time of day it was recorded), said old → new."""
    if day > ctx.today:
        raise ctx.refuse("closed_on_future", id=deal.id)
    was = deal.closed_at or ctx.now
    local = was.astimezone(ctx.zone)
    at = dt.datetime.combine(day, local.timetz()).astimezone(dt.timezone.utc)
    event = last_move_into(ctx.session, deal)
    if event is not None:
        event.at = at
    deal.closed_at = deal.stage_entered_at = at
    ctx.session.flush()
    key = "closed_on_won" if deal.stage == "won" else "closed_on_lost"
    return Reply(lines=(ctx.t(key, id=deal.id, title=deal.title, was=ctx.day(local.date()),
                              day=ctx.day(day)),))
