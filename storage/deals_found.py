"""The deals a message may mean, found by their customer's name, their owner, their stage and
when they closed: what the grammar offers and the handlers ask about. Every read is the tenant's.
Callers own the transaction."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models.sales import CLOSED_STAGES, Customer, Deal


def open_deals_of_customer_named(session: Session, tenant_id: int, name: str,
                                 owner_id: int | None = None) -> list[tuple[int, str, str]]:
    """(id, title, stage) of the open deals of the customer named `name` exactly, by id; only
    `owner_id`'s where given."""
    query = select(Deal.id, Deal.title, Deal.stage).join(Customer, Customer.id == Deal.customer_id).where(
        Deal.tenant_id == tenant_id, Customer.name == name, Deal.stage.not_in(CLOSED_STAGES))
    if owner_id is not None:
        query = query.where(Deal.owner_id == owner_id)
    return [tuple(row) for row in session.execute(query.order_by(Deal.id))]


def has_open_deal_of_customer_named(session: Session, tenant_id: int, name: str, owner_id: int | None,
                                    *, others: bool = False) -> bool:
    """Whether `owner_id` (`others`: someone else than them) has an open deal with the customer
    named `name`."""
    owner = Deal.owner_id != owner_id if others else Deal.owner_id == owner_id
    return session.scalar(select(Deal.id).join(Customer, Customer.id == Deal.customer_id).where(
        Deal.tenant_id == tenant_id, Customer.name == name, owner,
        Deal.stage.notin_(CLOSED_STAGES)).limit(1)) is not None


def deal_won_last_of_customer_named(session: Session, tenant_id: int, name: str,
                                    owner_id: int | None) -> list[tuple[int, str]]:
    """[(id, title)] of the deal of the customer named `name` the owner won last; [] for none."""
    query = select(Deal.id, Deal.title).join(Customer, Customer.id == Deal.customer_id).where(
        Deal.tenant_id == tenant_id, Customer.name == name, Deal.stage == "won", Deal.owner_id == owner_id)
    return [(deal_id, title) for deal_id, title in session.execute(
        query.order_by(Deal.closed_at.desc(), Deal.id.desc()).limit(1))]


def closed_deals_of_customer(session: Session, tenant_id: int, owner_id: int, *,
                             customer_id: int | None = None, name: str | None = None,
                             limit: int | None = None) -> list[Deal]:
    """The owner's closed deals of a customer (by its id, or its exact `name`), newest first."""
    query = select(Deal).where(Deal.tenant_id == tenant_id, Deal.owner_id == owner_id,
                               Deal.stage.in_(CLOSED_STAGES))
    if customer_id is not None:
        query = query.where(Deal.customer_id == customer_id)
    if name is not None:
        query = query.join(Customer, Customer.id == Deal.customer_id).where(Customer.name == name)
    query = query.order_by(Deal.id.desc())
    return list(session.scalars(query if limit is None else query.limit(limit)))


def deals_of_customer(session: Session, tenant_id: int, customer_id: int) -> list[Deal]:
    """Every deal of a customer, anyone's, whatever its stage, newest first."""
    return list(session.scalars(select(Deal).where(Deal.tenant_id == tenant_id,
                                                   Deal.customer_id == customer_id).order_by(Deal.id.desc())))


def open_deals_of_owner(session: Session, tenant_id: int, owner_id: int,
                        deal_id: int | None = None) -> list[Deal]:
    """The owner's open deals (the one numbered `deal_id` only, where given)."""
    query = select(Deal).where(Deal.tenant_id == tenant_id, Deal.owner_id == owner_id,
                               Deal.stage.not_in(CLOSED_STAGES))
    if deal_id is not None:
        query = query.where(Deal.id == deal_id)
    return list(session.scalars(query))


def deals_closed_since(session: Session, tenant_id: int, owner_id: int, since: dt.datetime,
                       limit: int = 5) -> list[Deal]:
    """The owner's deals closed (won or lost) since `since`, the last closed first."""
    return list(session.scalars(select(Deal).where(
        Deal.tenant_id == tenant_id, Deal.owner_id == owner_id, Deal.stage.in_(CLOSED_STAGES),
        Deal.closed_at >= since).order_by(Deal.closed_at.desc(), Deal.id.desc()).limit(limit)))


def competitor_names(session: Session, tenant_id: int) -> list[str]:
    """Every competitor field the tenant's deals have (each as stored, once)."""
    return list(session.scalars(select(Deal.competitor).where(Deal.tenant_id == tenant_id,
                                                              Deal.competitor != "").distinct()))
