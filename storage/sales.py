"""Customers, visits and deals (with their event history). Callers own the transaction."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from storage import pipelines
from storage.models.base import name_key
from storage.models.sales import CLOSED_STAGES, Customer, Deal, DealEvent, Task, Visit
from storage.models.team import Tip
from storage.models.workspace import Member


class CustomerRepository:
    def __init__(self, session: Session):
        self.s = session

    def exact(self, tenant_id: int, name: str) -> Customer | None:
        """The customer named `name`, whatever the case or width."""
        return self.s.scalar(select(Customer).where(Customer.tenant_id == tenant_id,
                                                    Customer.name_key == name_key(name)))

    def find(self, tenant_id: int, name: str) -> list[Customer]:
        """The customer named `name` (any case or width); else those whose name contains it."""
        exact = self.exact(tenant_id, name)
        if exact:
            return [exact]
        key = name_key(name)
        return list(self.s.scalars(
            select(Customer).where(Customer.tenant_id == tenant_id,
                                   Customer.name_key.contains(key, autoescape=True))
            .order_by(Customer.name).limit(10)))

    def names(self, tenant_id: int) -> list[tuple[int, str]]:
        """(id, name) of every customer of the tenant, for matching a new name against."""
        return list(self.s.execute(select(Customer.id, Customer.name).where(Customer.tenant_id == tenant_id)
                                   .order_by(Customer.id)))

    def all_of(self, tenant_id: int) -> list[Customer]:
        """Every customer of the tenant, by id."""
        return list(self.s.scalars(select(Customer).where(Customer.tenant_id == tenant_id)
                                   .order_by(Customer.id)))

    def ids_named(self, tenant_id: int, names) -> set[int]:
        """The ids of the customers named exactly one of `names`."""
        return set(self.s.scalars(select(Customer.id).where(Customer.tenant_id == tenant_id,
                                                            Customer.name.in_(list(names)))))

    def any_named(self, tenant_id: int, lowered_names) -> bool:
        """Whether a customer's name, in lower case, is one of `lowered_names`."""
        return bool(self.s.scalar(select(Customer.id).where(
            Customer.tenant_id == tenant_id, func.lower(Customer.name).in_(list(lowered_names))).limit(1)))

    def names_of(self, tenant_id: int, customer_ids) -> dict[int, str]:
        """{customer: name} of these customers."""
        return dict(self.s.execute(select(Customer.id, Customer.name).where(
            Customer.tenant_id == tenant_id, Customer.id.in_(list(customer_ids)))).all())

    def deals_and_visits_of(self, customer: Customer) -> tuple[list, int]:
        """([(stage, amount, currency)] of the customer's deals by id, how many visits it has):
        what deleting it takes with it."""
        deals = self.s.execute(select(Deal.stage, Deal.amount, Deal.currency).where(
            Deal.tenant_id == customer.tenant_id, Deal.customer_id == customer.id).order_by(Deal.id)).all()
        visits = self.s.scalar(select(func.count()).select_from(Visit).where(
            Visit.tenant_id == customer.tenant_id, Visit.customer_id == customer.id))
        return deals, visits

    def delete(self, customer: Customer) -> None:
        self.s.delete(customer)

    def add(self, tenant_id: int, name: str, owner_id: int | None, **fields) -> Customer:
        customer = Customer(tenant_id=tenant_id, name=name, name_key=name_key(name),
                            owner_id=owner_id, **fields)
        self.s.add(customer)
        self.s.flush()
        return customer

    def tiered_of(self, tenant_id: int, owner_ids, tiers: tuple[str, ...]):
        """(name, tier, owner id, owner name, created at, last visit by anyone) of the owners'
        customers in these tiers, in one query."""
        last = (select(Visit.customer_id, func.max(Visit.visited_at).label("at"))
                .where(Visit.tenant_id == tenant_id).group_by(Visit.customer_id).subquery())
        return self.s.execute(
            select(Customer.name, Customer.tier, Customer.owner_id, Member.display_name, Customer.created_at,
                   last.c.at)
            .join(Member, Member.id == Customer.owner_id).outerjoin(last, last.c.customer_id == Customer.id)
            .where(Customer.tenant_id == tenant_id, Customer.owner_id.in_(owner_ids),
                   Customer.tier.in_(tiers))).all()

    def merge_into(self, customer: Customer, into: Customer) -> dict[str, int]:
        """Move a duplicate's visits, deals, tasks and tips to the customer it duplicates;
        {table: how many moved}. The duplicate itself is the caller's to delete."""
        return {model.__tablename__: self.s.execute(
            update(model).where(model.customer_id == customer.id).values(customer_id=into.id)).rowcount
            for model in (Visit, Deal, Task, Tip)}

    def records_of(self, customer: Customer) -> int:
        """How many visits, deals, tasks and tips name the customer."""
        return sum(self.s.scalar(select(func.count()).select_from(model).where(
            model.customer_id == customer.id)) for model in (Visit, Deal, Task, Tip))

    def others_activity(self, customer_id: int, member_id: int) -> int:
        """How many visits and deals of a customer are someone else's than `member_id`."""
        return self.s.scalar(select(func.count()).select_from(Visit).where(
            Visit.customer_id == customer_id, Visit.member_id != member_id)) + self.s.scalar(
            select(func.count()).select_from(Deal).where(Deal.customer_id == customer_id,
                                                         Deal.owner_id != member_id))

    def listing(self, tenant_id: int, tier: str | None = None, limit: int = 50):
        """Customers with their owner's name, open deal count and last visit, A-tier first."""
        open_deals = (select(func.count()).where(Deal.customer_id == Customer.id,
                                                 Deal.stage.notin_(CLOSED_STAGES))
                      .correlate(Customer).scalar_subquery())
        last_visit = (select(func.max(Visit.visited_at)).where(Visit.customer_id == Customer.id)
                      .correlate(Customer).scalar_subquery())
        query = (select(Customer, Member.display_name, open_deals, last_visit)
                 .outerjoin(Member, Member.id == Customer.owner_id)
                 .where(Customer.tenant_id == tenant_id)
                 .order_by(func.coalesce(Customer.tier, "Z"), Customer.name).limit(limit))
        if tier:
            query = query.where(Customer.tier == tier)
        return self.s.execute(query).all()


class VisitRepository:
    def __init__(self, session: Session):
        self.s = session

    def add(self, **fields) -> Visit:
        visit = Visit(**fields)
        self.s.add(visit)
        self.s.flush()
        return visit

    def open_followups_of(self, member_ids: list[int], until: dt.date) -> dict[int, list]:
        """{member: their follow-ups not done and due on or before `until`, oldest first, with the
        customer name}, for several members in one query."""
        out: dict[int, list] = {}
        for visit, customer in self.s.execute(
                select(Visit, Customer.name).join(Customer, Customer.id == Visit.customer_id)
                .where(Visit.member_id.in_(member_ids), Visit.follow_up_done.is_(False),
                       Visit.follow_up_on <= until)
                .order_by(Visit.follow_up_on, Visit.id)):
            out.setdefault(visit.member_id, []).append((visit, customer))
        return out

    def open_followups_after_of(self, member_ids: list[int], after: dt.date) -> dict[int, int]:
        """{member: how many open follow-ups they have after `after`}, in one grouped query."""
        return dict(self.s.execute(select(Visit.member_id, func.count()).where(
            Visit.member_id.in_(member_ids), Visit.follow_up_done.is_(False), Visit.follow_up_on > after)
            .group_by(Visit.member_id)).all())

    def latest(self, tenant_id: int, member_ids, customer_id: int | None = None, limit: int = 10,
               between: tuple | None = None):
        """(visit, customer name, member name) of the members' latest visits (of one customer;
        `between`: visited from the first moment up to the second)."""
        query = (select(Visit, Customer.name, Member.display_name)
                 .join(Customer, Customer.id == Visit.customer_id).join(Member, Member.id == Visit.member_id)
                 .where(Visit.tenant_id == tenant_id, Visit.member_id.in_(list(member_ids)))
                 .order_by(Visit.visited_at.desc(), Visit.id.desc()).limit(limit))
        if customer_id is not None:
            query = query.where(Visit.customer_id == customer_id)
        if between is not None:
            query = query.where(Visit.visited_at >= between[0], Visit.visited_at < between[1])
        return self.s.execute(query).all()

    def all_open_followups(self, member_id: int):
        """(visit, customer name) of every follow-up a member has not done, whatever its day."""
        return self.s.execute(select(Visit, Customer.name).join(Customer, Customer.id == Visit.customer_id)
                              .where(Visit.member_id == member_id, Visit.follow_up_done.is_(False),
                                     Visit.follow_up_on.is_not(None))
                              .order_by(Visit.follow_up_on, Visit.id)).all()

    def last_to(self, tenant_id: int, member_id: int, customer_id: int) -> Visit | None:
        """The member's visit to the customer made last (by the day it was)."""
        return self.s.scalar(select(Visit).where(
            Visit.tenant_id == tenant_id, Visit.member_id == member_id, Visit.customer_id == customer_id)
            .order_by(Visit.visited_at.desc(), Visit.id.desc()).limit(1))

    def ids_logged_last_to(self, tenant_id: int, member_id: int, customer_id: int,
                           limit: int = 3) -> list[int]:
        """The ids of the member's visits to the customer logged last (by id), newest first."""
        return list(self.s.scalars(select(Visit.id).where(
            Visit.tenant_id == tenant_id, Visit.member_id == member_id, Visit.customer_id == customer_id)
            .order_by(Visit.id.desc()).limit(limit)))

    def get(self, tenant_id: int, visit_id: int) -> Visit | None:
        visit = self.s.get(Visit, visit_id)
        return visit if visit and visit.tenant_id == tenant_id else None


class DealRepository:
    def __init__(self, session: Session):
        self.s = session

    def get(self, tenant_id: int, deal_id: int) -> Deal | None:
        deal = self.s.get(Deal, deal_id)
        return deal if deal and deal.tenant_id == tenant_id else None

    def open_for_customer(self, customer_id: int, title: str | None = None) -> list[Deal]:
        query = select(Deal).where(Deal.customer_id == customer_id, Deal.stage.notin_(CLOSED_STAGES))
        if title:
            query = query.where(func.lower(Deal.title) == title.lower())
        return list(self.s.scalars(query.order_by(Deal.id)))

    def add(self, *, tenant_id: int, owner_id: int, customer_id: int, title: str, stage: str,
            amount: Decimal, currency: str, expected_close: dt.date | None, now: dt.datetime) -> Deal:
        pipeline = pipelines.of(self.s, tenant_id)
        deal = Deal(tenant_id=tenant_id, owner_id=owner_id, customer_id=customer_id, title=title,
                    stage=stage, amount=amount, currency=currency, expected_close=expected_close,
                    probability=pipeline.probability(stage), furthest_rank=pipeline.rank.get(stage, 0),
                    stage_entered_at=now, created_at=now, updated_at=now,
                    closed_at=now if stage in ("won", "lost") else None)
        self.s.add(deal)
        self.s.flush()
        self.s.add(DealEvent(deal_id=deal.id, owner_id=owner_id, actor_id=owner_id, at=now, kind="created",
                             to_stage=stage, new_amount=amount, new_currency=currency))
        return deal

    def move(self, deal: Deal, stage: str, actor_id: int, now: dt.datetime) -> None:
        """Change the stage, recording how long the deal sat in the one it leaves."""
        if stage == deal.stage:
            return
        seconds = max(0, int((now - deal.stage_entered_at).total_seconds()))
        self.s.add(DealEvent(deal_id=deal.id, owner_id=deal.owner_id, actor_id=actor_id, at=now,
                             kind="stage",
                             from_stage=deal.stage, to_stage=stage, seconds_in_from_stage=seconds))
        deal.stage, deal.stage_entered_at, deal.updated_at = stage, now, now
        pipeline = pipelines.of(self.s, deal.tenant_id)
        deal.probability = pipeline.probability(stage)
        deal.furthest_rank = max(deal.furthest_rank, pipeline.rank.get(stage, 0))
        deal.closed_at = now if stage in ("won", "lost") else None

    def set_amount(self, deal: Deal, amount: Decimal, currency: str, actor_id: int,
                   now: dt.datetime) -> None:
        if amount == deal.amount and currency == deal.currency:
            return
        self.s.add(DealEvent(deal_id=deal.id, owner_id=deal.owner_id, actor_id=actor_id, at=now,
                             kind="amount", old_amount=deal.amount, new_amount=amount,
                             old_currency=deal.currency, new_currency=currency))
        deal.amount, deal.currency, deal.updated_at = amount, currency, now

    def retitle(self, deal: Deal, title: str, actor_id: int, now: dt.datetime) -> None:
        if title == deal.title:
            return
        self.s.add(DealEvent(deal_id=deal.id, owner_id=deal.owner_id, actor_id=actor_id, at=now,
                             kind="title", old_text=deal.title, new_text=title))
        deal.title, deal.updated_at = title, now

    def move_to_customer(self, deal: Deal, customer: Customer, actor_id: int, now: dt.datetime) -> None:
        if customer.id == deal.customer_id:
            return
        old = self.s.get(Customer, deal.customer_id)
        self.s.add(DealEvent(deal_id=deal.id, owner_id=deal.owner_id, actor_id=actor_id, at=now,
                             kind="customer", old_text=old.name if old else None, new_text=customer.name))
        deal.customer_id, deal.updated_at = customer.id, now

    def stalled(self, owner_ids: list[int], before: dt.datetime, limit: int = 20):
        """Open deals with no change since `before`, longest-stalled first, with the customer."""
        return self.s.execute(
            select(Deal, Customer.name, Member.display_name)
            .join(Customer, Customer.id == Deal.customer_id)
            .join(Member, Member.id == Deal.owner_id)
            .where(Deal.owner_id.in_(owner_ids), Deal.stage.notin_(CLOSED_STAGES),
                   Deal.updated_at < before)
            .order_by(Deal.updated_at).limit(limit)).all()

    def open_deals(self, owner_ids: list[int], limit: int = 50):
        return self.s.execute(
            select(Deal, Customer.name).join(Customer, Customer.id == Deal.customer_id)
            .where(Deal.owner_id.in_(owner_ids), Deal.stage.notin_(CLOSED_STAGES))
            .order_by(Deal.expected_close.is_(None), Deal.expected_close, Deal.id)
            .limit(limit)).all()


def _handed(tenant_id: int, source_id: int) -> tuple:
    """What a hand-over moves: (model, the column naming its holder, which rows)."""
    return ((Customer, Customer.owner_id, (Customer.tenant_id == tenant_id, Customer.owner_id == source_id)),
            (Deal, Deal.owner_id, (Deal.tenant_id == tenant_id, Deal.owner_id == source_id,
                                   Deal.stage.notin_(CLOSED_STAGES))),
            (Task, Task.assignee_id, (Task.tenant_id == tenant_id, Task.assignee_id == source_id,
                                      Task.done_at.is_(None))))


def hand_over(session: Session, tenant_id: int, source_id: int, target_id: int) -> tuple[int, int, int]:
    """A leaver's customers, open deals and open tasks become `target_id`'s; (customers, deals,
    tasks) moved."""
    customers, deals, tasks = (session.execute(update(model).where(*where).values({holder.key: target_id}))
                               .rowcount for model, holder, where in _handed(tenant_id, source_id))
    return customers, deals, tasks


def to_hand_over(session: Session, tenant_id: int, source_id: int) -> tuple[int, int, int]:
    """What `hand_over` would move, counted, nothing moved: (customers, deals, tasks)."""
    customers, deals, tasks = (session.scalar(select(func.count()).select_from(model).where(*where))
                               for model, _holder, where in _handed(tenant_id, source_id))
    return customers, deals, tasks


def close_followups(session: Session, member_id: int, visit_ids: list[int]) -> list[int]:
    """Mark these follow-ups done; returns the ids that changed (others', unknown ones and visits
    with no follow-up open do not: `done 402 403` never flags a visit that had none)."""
    where = (Visit.member_id == member_id, Visit.id.in_(visit_ids), Visit.follow_up_done.is_(False),
             Visit.follow_up_on.is_not(None))
    changed = sorted(session.scalars(select(Visit.id).where(*where)))
    if changed:
        session.execute(update(Visit).where(*where).values(follow_up_done=True))
    return changed
