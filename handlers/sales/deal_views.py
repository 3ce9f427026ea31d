"""`deals` (`我的商机`): open deals, the asker's or (a manager's) the team's; and `deal #46 history`
(`商机 #46 历史`): every stage and amount change of a deal, who made it and when."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from handlers.context import Ctx
from handlers.grammar.commands import ListDeals, ShowDealHistory
from handlers.members import managers_team, scope_members
from handlers.text import format as fmt
from handlers.text.reply import Reply, Table
from handlers.text.strings import STAGE_NAMES, WORDS, name_of
from storage import activity, journal
from storage.models.sales import Customer, Deal, DealEvent
from storage.models.workspace import Member
from storage.sales import DealRepository


def handle_list_deals(ctx: Ctx, cmd: ListDeals) -> Reply:
    label, members, team = scope_members(ctx, managers_team(ctx, cmd.scope), team_needs_manager=True)
    owners = {m.id: m.display_name for m in members}
    rows = DealRepository(ctx.session).open_deals(list(owners))
    title = ctx.t("deals_title", who=label)
    if not rows:
        return Reply(title=title, lines=(ctx.t("deals_none"),))
    stage = lambda value: name_of(STAGE_NAMES, value, ctx.locale)
    table = tuple((f"#{deal.id}", customer, deal.title, stage(deal.stage),
                   fmt.money(deal.amount, deal.currency, ctx.locale),
                   fmt.day(deal.expected_close, ctx.today, ctx.locale) if deal.expected_close else "–",
                   *((owners[deal.owner_id],) if team else ()))
                  for deal, customer in rows)
    keys = ("col_deal", "col_customer", "col_title", "col_stage", "col_amount", "col_close",
            *(("col_owner",) if team else ()))
    return Reply(title=title, table=Table(tuple(ctx.t(k) for k in keys), table))


def handle_deal_history(ctx: Ctx, cmd: ShowDealHistory) -> Reply:
    deal = DealRepository(ctx.session).get(ctx.tenant.id, cmd.deal_id)
    gone = None
    if deal is None:  # deleted: its history is kept in the bin, with who deleted it and when
        gone = journal.deleted(ctx.session, ctx.tenant.id, "deals", cmd.deal_id)
        if gone is None:
            raise ctx.refuse("deal_not_found", id=cmd.deal_id)
        deal = SimpleNamespace(**journal.typed(Deal.__table__, _row(gone, "deals", cmd.deal_id)))
    allowed = deal.owner_id == ctx.member.id or ctx.is_admin or (
        ctx.is_manager and ctx.people.share_a_team(ctx.member.id, deal.owner_id))
    if not allowed:
        raise ctx.refuse("not_your_deal_history", id=deal.id)
    events = activity.deal_history(ctx.session, deal.id)
    if gone is not None:
        names = ctx.people.names_in(ctx.tenant.id)
        kept = [SimpleNamespace(**journal.typed(DealEvent.__table__, r["b"])) for r in gone.rows
                if r["t"] == "deal_events" and r["b"] is not None]
        events = [(e, names.get(e.actor_id)) for e in sorted(kept, key=lambda e: (e.at, e.id))]
    stage = lambda value: name_of(STAGE_NAMES, value, ctx.locale) if value else "–"
    money = lambda amount, currency: fmt.money(amount, currency or deal.currency, ctx.locale)
    lines = []
    for event, actor in events:
        when = fmt.day(ctx.day_of(event.at), ctx.today, ctx.locale, relative=False)
        what = {"created": lambda e: ctx.t("history_created", stage=stage(e.to_stage),
                                           amount=money(e.new_amount, e.new_currency)),
                "stage": lambda e: f"{stage(e.from_stage)} → {stage(e.to_stage)}",
                "amount": lambda e: f"{money(e.old_amount, e.old_currency)} → "
                                    f"{money(e.new_amount, e.new_currency)}",
                "title": lambda e: ctx.t("history_title_change", old=e.old_text, new=e.new_text),
                "customer": lambda e: ctx.t("history_customer_change", old=e.old_text, new=e.new_text),
                "close": lambda e: ctx.t("history_close_change", old=_day(ctx, e.old_text),
                                         new=_day(ctx, e.new_text)),
                }[event.kind](event)
        lines.append(f"{when} · {actor or '–'} · {what}")
    if gone is not None:
        who = ctx.session.get(Member, gone.actor_id) if gone.actor_id else None
        when = fmt.day(ctx.day_of(gone.at), ctx.today, ctx.locale, relative=False)
        lines.append(ctx.t("history_deleted", who=who.display_name if who else "–", when=when,
                           restore=f"{name_of(WORDS, 'restore', ctx.locale)} "
                                   f"{name_of(WORDS, 'deal', ctx.locale)} #{deal.id}"))
    customer = ctx.session.get(Customer, deal.customer_id)
    return Reply(title=ctx.t("history_title", id=deal.id, customer=customer.name if customer else "–",
                             title=deal.title),
                 lines=tuple(lines) or (ctx.t("history_none"),))


def _row(change, table: str, key: int) -> dict:
    return next(r["b"] for r in change.rows if r["t"] == table and r["k"][0] == key)


def _day(ctx: Ctx, iso: str | None) -> str:
    if not iso:
        return "–"
    return fmt.day(dt.date.fromisoformat(iso), ctx.today, ctx.locale, relative=False)
