"""Putting a mistake right from chat: a visit's notes, customer or follow-up day; reopening a
closed deal (deleting either: handlers/sales/trash.py). Each is allowed to the record's owner and to a
manager of the owner's team (the owner is told); each is in the audit trail with what was there
before."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from handlers.context import Ctx, Said
from handlers.events import MemberTold
from handlers.grammar.commands import ChangeDeal, ChangeVisit, Delete
from handlers.lookup import customer_named, example
from handlers.members import may_manage
from handlers.sales import backdate, stray_customer
from handlers.sales.leave_day import note_on_leave
from handlers.sales.trash import handle_delete
from handlers.team import fact_posts as facts
from handlers.text.format import day_stored
from handlers.text.reply import Reply
from handlers.text.strings import STAGE_NAMES, name_of
from storage import activity
from storage.models.sales import CLOSED_STAGES, Customer
from storage.models.workspace import Member
from storage.sales import DealRepository, VisitRepository


def handle_change_visit(ctx: Ctx, cmd: ChangeVisit) -> Reply:
    visit = VisitRepository(ctx.session).get(ctx.tenant.id, cmd.visit_id)
    if visit is None:
        raise ctx.refuse("visit_not_found", id=cmd.visit_id)
    owner = _owner_or_manager(ctx, visit.member_id, "not_your_visit", id=visit.id)
    customer = ctx.session.get(Customer, visit.customer_id).name
    if cmd.delete:
        return handle_delete(ctx, Delete("visit", str(visit.id)))
    if cmd.customer is not None:
        stray = stray_customer.stray(ctx, visit.customer_id)  # made by the last message, named wrong:
        moved_to = stray_customer.renamed(ctx, stray, cmd.customer) or customer_named(ctx, cmd.customer)
        ctx.people.audit(ctx.tenant.id, ctx.member.id, "visit.customer", "visit", visit.id, at=ctx.now,
                         before=customer, after=moved_to.name)  # renamed, or removed once moved off
        visit.customer_id = moved_to.id
        said = Said("visit_customer_set", id=visit.id, old=customer, new=moved_to.name)
        reply = Reply(lines=(*(ctx.t("new_customer", customer=c) for c in ctx.created_customers), said(ctx),
                             *(ctx.t("stray_removed", name=name) for name in stray_customer.removed(
                                 ctx, stray if stray is not moved_to else None))))
    elif cmd.follow_up is not None and cmd.notes is None and cmd.add_notes is None:
        if cmd.follow_up < ctx.today:
            raise ctx.refuse("leave_past", hint=example(ctx, "snooze"))
        ctx.people.audit(ctx.tenant.id, ctx.member.id, "visit.follow_up", "visit", visit.id, at=ctx.now,
                         before=visit.follow_up_on, after=cmd.follow_up)
        visit.follow_up_on, visit.follow_up_done = cmd.follow_up, False
        note_on_leave(ctx, ctx.session.get(Member, visit.member_id), cmd.follow_up)
        day = cmd.follow_up
        said = Said("visit_follow_up_set", id=visit.id, customer=customer,
                    when=lambda reader: reader.day(day))
        reply = Reply(lines=(said(ctx),))
    elif cmd.day is not None and cmd.notes is None and cmd.add_notes is None:  # `visit #12 day
        said = _day_moved(ctx, visit, cmd.day, customer)  # yesterday`: the same hour, on that day
        reply = Reply(lines=(said(ctx),))
    else:
        notes = cmd.notes if cmd.add_notes is None else \
            "; ".join(n for n in (visit.notes, cmd.add_notes) if n)  # `visit #12 add notes …`
        ctx.people.audit(ctx.tenant.id, ctx.member.id, "visit.notes", "visit", visit.id, at=ctx.now,
                         before=visit.notes, after=notes)
        visit.notes = notes or ""
        said = Said("visit_notes_set", id=visit.id, customer=customer, notes=visit.notes or "–")
        reply = Reply(lines=(said(ctx),))
        if cmd.day is not None:  # `拜访 #12 纪要 上周五去的 …`: the notes, and the day they say
            moved = _day_moved(ctx, visit, cmd.day, customer)
            reply = Reply(lines=(said(ctx), moved(ctx)))
        if cmd.follow_up is not None:  # `visit #12 notes … 下周五再联系`, answered "a follow-up"
            ctx.people.audit(ctx.tenant.id, ctx.member.id, "visit.follow_up", "visit", visit.id,
                             at=ctx.now, before=visit.follow_up_on, after=cmd.follow_up)
            visit.follow_up_on, visit.follow_up_done = cmd.follow_up, False
            note_on_leave(ctx, ctx.session.get(Member, visit.member_id), cmd.follow_up)
            day = cmd.follow_up
            both = Said("visit_follow_up_set", id=visit.id, customer=customer,
                        when=lambda reader: day_stored(day, reader.today, reader.locale))
            reply = Reply(lines=(said(ctx), both(ctx)))
            said = both
    if owner is not None:
        tell_owner(ctx, owner, f"visit:{visit.id}", said)
    return reply


def _day_moved(ctx: Ctx, visit, day: dt.date, customer: str) -> Said:
    """The visit moved to `day` (a day to come refused), at the same hour; what to say of it."""
    if day > ctx.today:
        raise ctx.refuse("visit_day_future", day=ctx.day(day))
    at = visit.visited_at if visit.visited_at.tzinfo else visit.visited_at.replace(tzinfo=dt.timezone.utc)
    was = ctx.day_of(at)
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "visit.day", "visit", visit.id, at=ctx.now,
                     before=was, after=day)
    visit.visited_at = at + dt.timedelta(days=(day - was).days)
    return Said("visit_day_set", id=visit.id, customer=customer,
                when=lambda reader: day_stored(day, reader.today, reader.locale))


def _owner_or_manager(ctx: Ctx, owner_id: int, refusal: str, **values) -> Member | None:
    """None when the record is the asker's; its owner when the asker manages them (a manager
    correcting a rep's record: the owner is told); else a refusal saying whose it is."""
    if owner_id == ctx.member.id:
        return None
    owner = ctx.session.get(Member, owner_id)
    if ctx.is_manager and may_manage(ctx, owner_id):
        return owner
    raise ctx.refuse(refusal, owner=owner.display_name, **values)


def tell_owner(ctx: Ctx, owner: Member, what: str, *said: Said) -> None:
    """The owner of a record a manager changed hears what changed and who changed it, in their
    own language, its days as of when they read it."""
    theirs = replace(ctx, locale=owner.locale, queued=True)
    line = " ".join(part(theirs) for part in said)
    note = Reply(lines=(theirs.t("changed_by_manager", who=ctx.member.display_name, what=line),),
                 locale=owner.locale)
    ctx.emit(MemberTold(f"changed:{what}:{ctx.member.id}:{ctx.now.isoformat()}"[:200], owner.id, note))


def handle_change_deal(ctx: Ctx, cmd: ChangeDeal) -> Reply:
    repo = DealRepository(ctx.session)
    deal = repo.get(ctx.tenant.id, cmd.deal_id)
    if deal is None:
        raise ctx.refuse("deal_not_found", id=cmd.deal_id)
    owner = _owner_or_manager(ctx, deal.owner_id, "not_your_deal", id=deal.id, title=deal.title)
    stage = lambda value: name_of(STAGE_NAMES, value, ctx.locale)
    if cmd.action == "delete":
        return handle_delete(ctx, Delete("deal", str(deal.id)))
    if cmd.action == "closed_on" and cmd.day is not None and deal.stage in CLOSED_STAGES:
        return backdate.closed_on(ctx, deal, cmd.day)  # `no wait close was last fri`
    if deal.stage not in CLOSED_STAGES:
        raise ctx.refuse("deal_open", id=deal.id, stage=stage(deal.stage))
    before = activity.closed_from(ctx.session, deal) or "negotiation"  # the stage it was closed from
    closed, reason = deal.stage, deal.reason or ""
    repo.move(deal, before, ctx.member.id, ctx.now)
    deal.reason = deal.reason_category = deal.competitor = ""  # what the close set: none of it is
    # the open deal's (undo puts the row back as it was, these with it)
    if closed == "won":
        facts.reopened(ctx, deal)
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "deal.reopen", "deal", deal.id, at=ctx.now,
                     before=closed, after=before, b_reason=reason)
    said = Said("deal_reopened", id=deal.id, title=deal.title,
                stage=lambda reader: name_of(STAGE_NAMES, before, reader.locale))
    reply = Reply(lines=(said(ctx),))
    if owner is not None:
        tell_owner(ctx, owner, f"deal:{deal.id}", said)
    return reply
