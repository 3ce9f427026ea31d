"""Putting a mistake right from chat: delete a visit or correct its notes, delete a deal or reopen
a closed one. Each is allowed to whoever could make the original (the visit's or deal's owner) and
is in the audit trail with what was there before."""
from __future__ import annotations

from sqlalchemy import select

from handlers import facts
from handlers.commands import ChangeDeal, ChangeVisit
from handlers.context import Ctx
from handlers.messages import STAGE_NAMES, name_of
from handlers.reply import Reply
from storage.models import OPEN_STAGES, Customer, DealEvent, Member
from storage.sales import DealRepository, VisitRepository


def handle_change_visit(ctx: Ctx, cmd: ChangeVisit) -> Reply:
    visit = VisitRepository(ctx.session).get(ctx.tenant.id, cmd.visit_id)
    if visit is None:
        raise ctx.refuse("visit_not_found", id=cmd.visit_id)
    if visit.member_id != ctx.member.id:
        owner = ctx.session.get(Member, visit.member_id)
        raise ctx.refuse("not_your_visit", id=visit.id, owner=owner.display_name)
    customer = ctx.session.get(Customer, visit.customer_id).name
    if cmd.delete:
        ctx.people.audit(ctx.tenant.id, ctx.member.id, "visit.delete", "visit", visit.id, at=ctx.now,
                         customer=customer, notes=visit.notes, visited_at=visit.visited_at.isoformat(),
                         follow_up=visit.follow_up_on)
        ctx.session.delete(visit)
        return Reply(lines=(ctx.t("visit_deleted", id=cmd.visit_id, customer=customer),))
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "visit.notes", "visit", visit.id, at=ctx.now,
                     before=visit.notes, after=cmd.notes)
    visit.notes = cmd.notes or ""
    return Reply(lines=(ctx.t("visit_notes_set", id=visit.id, customer=customer, notes=visit.notes or "–"),))


def handle_change_deal(ctx: Ctx, cmd: ChangeDeal) -> Reply:
    repo = DealRepository(ctx.session)
    deal = repo.get(ctx.tenant.id, cmd.deal_id)
    if deal is None:
        raise ctx.refuse("deal_not_found", id=cmd.deal_id)
    if deal.owner_id != ctx.member.id:
        owner = ctx.session.get(Member, deal.owner_id)
        raise ctx.refuse("not_your_deal", id=deal.id, title=deal.title, owner=owner.display_name)
    stage = lambda value: name_of(STAGE_NAMES, value, ctx.locale)
    if cmd.action == "delete":
        ctx.people.audit(ctx.tenant.id, ctx.member.id, "deal.delete", "deal", deal.id, at=ctx.now,
                         title=deal.title, stage=deal.stage, amount=deal.amount, currency=deal.currency)
        ctx.session.delete(deal)
        return Reply(lines=(ctx.t("deal_deleted", id=cmd.deal_id, title=deal.title),))
    if deal.stage in OPEN_STAGES:
        raise ctx.refuse("deal_open", id=deal.id, stage=stage(deal.stage))
    before = ctx.session.scalar(  # the stage it was closed from
        select(DealEvent.from_stage).where(DealEvent.deal_id == deal.id, DealEvent.kind == "stage",
                                           DealEvent.to_stage == deal.stage)
        .order_by(DealEvent.at.desc(), DealEvent.id.desc()).limit(1)) or "negotiation"
    closed, reason = deal.stage, deal.reason or ""
    repo.move(deal, before, ctx.member.id, ctx.now)
    deal.reason = ""
    if closed == "won":
        facts.reopened(ctx, deal)
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "deal.reopen", "deal", deal.id, at=ctx.now,
                     before=closed, after=before, b_reason=reason)
    return Reply(lines=(ctx.t("deal_reopened", id=deal.id, title=deal.title, stage=stage(before)),))
