"""What a team did in a window, as the manager digest and a deal's history read it: visits
counted, follow-ups overdue, deals closed and stages moved, each one query for all the members.
Callers own the transaction."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models.sales import Customer, Deal, DealEvent, Visit
from storage.models.workspace import Member


def visit_count(session: Session, member_ids, since: dt.datetime, until: dt.datetime) -> int:
    """Visits the members logged in [since, until)."""
    return session.scalar(select(func.count()).select_from(Visit).where(
        Visit.member_id.in_(list(member_ids)), Visit.visited_at >= since, Visit.visited_at < until))


def overdue_followups(session: Session, member_ids, today: dt.date) -> int:
    """The members' open follow-ups that were due before `today`."""
    return session.scalar(select(func.count()).select_from(Visit).where(
        Visit.member_id.in_(list(member_ids)), Visit.follow_up_done.is_(False), Visit.follow_up_on < today))


def closed_deals(session: Session, member_ids, since: dt.datetime, until: dt.datetime):
    """(stage, customer, owner, amount, currency, reason) of the members' deals won or lost in
    [since, until), in the order they closed."""
    return session.execute(
        select(Deal.stage, Customer.name, Member.display_name, Deal.amount, Deal.currency, Deal.reason)
        .join(Customer, Customer.id == Deal.customer_id).join(Member, Member.id == Deal.owner_id)
        .where(Deal.owner_id.in_(list(member_ids)), Deal.stage.in_(("won", "lost")), Deal.closed_at >= since,
               Deal.closed_at < until)
        .order_by(Deal.closed_at)).all()


def stage_moves(session: Session, member_ids, since: dt.datetime, until: dt.datetime):
    """(customer, owner, from stage, to stage) of the members' open deals that changed stage in
    [since, until) (wins and losses are `closed_deals`), in the order they moved."""
    return session.execute(
        select(Customer.name, Member.display_name, DealEvent.from_stage, DealEvent.to_stage)
        .join(Deal, Deal.id == DealEvent.deal_id).join(Customer, Customer.id == Deal.customer_id)
        .join(Member, Member.id == DealEvent.owner_id)
        .where(DealEvent.owner_id.in_(list(member_ids)), DealEvent.kind == "stage",
               DealEvent.at >= since, DealEvent.at < until, DealEvent.to_stage.not_in(("won", "lost")))
        .order_by(DealEvent.at)).all()


def deal_history(session: Session, deal_id: int):
    """(event, actor's name or None) of a deal, oldest first."""
    return session.execute(
        select(DealEvent, Member.display_name).outerjoin(Member, Member.id == DealEvent.actor_id)
        .where(DealEvent.deal_id == deal_id).order_by(DealEvent.at, DealEvent.id)).all()


def closed_from(session: Session, deal: Deal) -> str | None:
    """The stage a closed deal was closed from (its last move into its stage)."""
    return session.scalar(
        select(DealEvent.from_stage).where(DealEvent.deal_id == deal.id, DealEvent.kind == "stage",
                                           DealEvent.to_stage == deal.stage)
        .order_by(DealEvent.at.desc(), DealEvent.id.desc()).limit(1))


def closed_in(session: Session, owner_ids, since: dt.datetime, until: dt.datetime) -> list[Deal]:
    """The owners' deals won or lost in [since, until)."""
    return list(session.scalars(select(Deal).where(
        Deal.owner_id.in_(list(owner_ids)), Deal.stage.in_(("won", "lost")), Deal.closed_at >= since,
        Deal.closed_at < until).order_by(Deal.closed_at, Deal.id)))


def lost_reasons(session: Session, owner_ids, since: dt.datetime, until: dt.datetime):
    """(reason category, reason as typed) of the owners' deals lost in [since, until)."""
    return session.execute(select(Deal.reason_category, Deal.reason).where(
        Deal.owner_id.in_(list(owner_ids)), Deal.stage == "lost", Deal.closed_at >= since,
        Deal.closed_at < until).order_by(Deal.closed_at, Deal.id)).all()


def last_move_into(session: Session, deal: Deal) -> DealEvent | None:
    """The event that moved `deal` into the stage it is in, the latest one."""
    return session.scalar(select(DealEvent).where(DealEvent.deal_id == deal.id, DealEvent.kind == "stage",
                                                  DealEvent.to_stage == deal.stage)
                          .order_by(DealEvent.id.desc()).limit(1))
