"""`undo` (`撤销`): reverse my last change of the last day, and say exactly what was undone.

The audit trail is the journal: each change a member can undo is recorded there with what was
there before (a visit logged, its notes, a visit deleted; a deal created, changed, won, lost or
reopened). An undo is itself recorded (`undo`, naming the row it reversed), so the next `undo`
goes one further back, and nothing is undone twice.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from handlers.commands import Undo
from handlers.context import Ctx
from handlers.messages import STAGE_NAMES, name_of
from handlers.reply import Reply
from storage.models import AuditLog, Customer
from storage.rates import RateRepository
from storage.sales import CustomerRepository, DealRepository, VisitRepository

WITHIN = dt.timedelta(days=1)
UNDOABLE = ("visit.log", "visit.notes", "visit.delete", "visit.snooze", "deal.create", "deal.change",
            "deal.won", "deal.lost", "deal.reopen", "rate.set")


def handle_undo(ctx: Ctx, _cmd: Undo) -> Reply:
    done = select(AuditLog.entity_id).where(AuditLog.actor_id == ctx.member.id, AuditLog.action == "undo")
    last = ctx.session.scalar(
        select(AuditLog).where(AuditLog.actor_id == ctx.member.id, AuditLog.tenant_id == ctx.tenant.id,
                               AuditLog.action.in_(UNDOABLE), AuditLog.at >= ctx.now - WITHIN,
                               AuditLog.id.not_in(done))
        .order_by(AuditLog.id.desc()).limit(1))
    if last is None:
        raise ctx.refuse("undo_nothing")
    what = _reverse(ctx, last)
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "undo", "audit", last.id, at=ctx.now,
                     undid=last.action, of=f"{last.entity} {last.entity_id}")
    return Reply(lines=(ctx.t("undone", what=what),))


def _reverse(ctx: Ctx, row: AuditLog) -> str:
    d, kind = row.detail, row.action
    if kind.startswith("visit."):
        return _reverse_visit(ctx, row, d)
    if kind == "rate.set":
        return _reverse_rate(ctx, d)
    deals = DealRepository(ctx.session)
    deal = deals.get(ctx.tenant.id, row.entity_id)
    if deal is None:
        raise ctx.refuse("undo_gone", what=f"#{row.entity_id}")
    stage = lambda value: name_of(STAGE_NAMES, value, ctx.locale)
    if kind == "deal.create" or d.get("created") == "True":
        ctx.session.delete(deal)
        return ctx.t("undo_deal_created", id=deal.id, title=deal.title)
    if kind == "deal.reopen":
        deals.move(deal, d["before"], ctx.member.id, ctx.now)
        deal.reason = d.get("b_reason", "")
        return ctx.t("undo_deal_stage", id=deal.id, stage=stage(deal.stage))
    deals.move(deal, d["b_stage"], ctx.member.id, ctx.now)
    deals.set_amount(deal, Decimal(d["b_amount"]), d["b_currency"], ctx.member.id, ctx.now)
    deal.expected_close = None if d["b_close"] == "None" else dt.date.fromisoformat(d["b_close"])
    deal.reason = d.get("b_reason", "")
    if "b_title" in d:
        deals.retitle(deal, d["b_title"], ctx.member.id, ctx.now)
    customer = ctx.session.get(Customer, int(d.get("b_customer", deal.customer_id)))
    if customer is not None and customer.tenant_id == ctx.tenant.id:
        deals.move_to_customer(deal, customer, ctx.member.id, ctx.now)
    return ctx.t("undo_deal_stage", id=deal.id, stage=stage(deal.stage))


def _reverse_rate(ctx: Ctx, d: dict) -> str:
    rates = RateRepository(ctx.session)
    if "rows" in d:  # dated rates: the currency's rows come back as they were
        from handlers.rates import rows_from_text

        rates.restore(ctx.tenant.id, d["currency"], rows_from_text(d["rows"]), ctx.member.id, ctx.now)
        if d["before"]:
            return ctx.t("undo_rate", currency=d["currency"], rate=d["before"])
        return ctx.t("undo_rate_removed", currency=d["currency"])
    if d["before"]:  # changed or removed: the rate it had comes back
        rates.set(ctx.tenant.id, d["currency"], Decimal(d["before"]), ctx.member.id, ctx.now)
        return ctx.t("undo_rate", currency=d["currency"], rate=d["before"])
    rates.remove(ctx.tenant.id, d["currency"])
    return ctx.t("undo_rate_removed", currency=d["currency"])


def _reverse_visit(ctx: Ctx, row: AuditLog, d: dict) -> str:
    visits = VisitRepository(ctx.session)
    if row.action == "visit.delete":
        customer = CustomerRepository(ctx.session).exact(ctx.tenant.id, d["customer"])
        if customer is None:
            raise ctx.refuse("undo_gone", what=d["customer"])
        follow_up = None if d["follow_up"] == "None" else dt.date.fromisoformat(d["follow_up"])
        visits.add(tenant_id=ctx.tenant.id, member_id=ctx.member.id, customer_id=customer.id,
                   visited_at=dt.datetime.fromisoformat(d["visited_at"]), notes=d["notes"],
                   follow_up_on=follow_up)
        return ctx.t("undo_visit_deleted", customer=customer.name)
    visit = visits.get(ctx.tenant.id, row.entity_id)
    if visit is None:
        raise ctx.refuse("undo_gone", what=f"#{row.entity_id}")
    if row.action == "visit.notes":
        visit.notes = d["before"]
        return ctx.t("undo_visit_notes", id=visit.id)
    if row.action == "visit.snooze":
        visit.follow_up_on = dt.date.fromisoformat(d["before"])
        return ctx.t("undo_visit_snooze", id=visit.id)
    ctx.session.delete(visit)
    return ctx.t("undo_visit_logged", id=visit.id, customer=d["customer"])


