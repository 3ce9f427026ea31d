"""A rep's own records: customers, visits, tasks, deals and their history, and the bin of changes."""

import datetime as dt
from decimal import Decimal

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, Money, UTCDateTime, utcnow

# The default pipeline, in order. `won` and `lost` close a deal; only `won` continues the funnel.
# A workspace may have its own open stages (storage/pipelines.py); `won` and `lost` are every one's.
CLOSED_STAGES = ("won", "lost")
OPEN_STAGES = ("lead", "contact", "discovery", "proposal", "negotiation")
STAGE_RANK = {stage: rank for rank, stage in enumerate((*OPEN_STAGES, "won"))}
DEFAULT_PROBABILITY = {"lead": 10, "contact": 20, "discovery": 40, "proposal": 60,
                       "negotiation": 80, "won": 100, "lost": 0}


class Customer(Base):
    __tablename__ = "customers"
    __table_args__ = (UniqueConstraint("tenant_id", "name_key"),
                      Index("ix_customers_owner_created", "owner_id", "created_at"),
                      {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200))
    tier: Mapped[str | None] = mapped_column(String(1))
    lifecycle: Mapped[str] = mapped_column(String(16), default="potential")
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Visit(Base):
    __tablename__ = "visits"
    __table_args__ = (
        Index("ix_visits_member_at", "member_id", "visited_at"),
        Index("ix_visits_followups", "member_id", "follow_up_done", "follow_up_on"),
        {"sqlite_autoincrement": True},  # numbers never reused (SQLite would reuse the last)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    visited_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    notes: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    next_step: Mapped[str] = mapped_column(Text, default="")
    follow_up_on: Mapped[dt.date | None] = mapped_column(Date)
    follow_up_done: Mapped[bool] = mapped_column(Boolean, default=False)


class Task(Base):
    """Something to do, for a member (`task @ana send the quote to Acme by Fri`), given by
    themselves or their manager, perhaps about a customer or a deal; done once, by someone."""

    __tablename__ = "tasks"
    __table_args__ = (Index("ix_tasks_open", "assignee_id", "done_at", "due_on"),
                      {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), index=True)
    assignee_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    creator_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(Text)
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id", ondelete="SET NULL"))
    deal_id: Mapped[int | None] = mapped_column(ForeignKey("deals.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    done_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    done_by_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))


class Deal(Base):
    """A deal. `stage_entered_at` and `furthest_rank` keep funnel math to single aggregates."""

    __tablename__ = "deals"
    __table_args__ = (
        Index("ix_deals_owner_stage", "owner_id", "stage", "updated_at"),
        # Won or lost in a period: the stage before the day, or PostgreSQL, seeing all-time wins,
        # would AND in the stage index (whose cost grows with history).
        Index("ix_deals_owner_stage_closed", "owner_id", "stage", "closed_at"),
        Index("ix_deals_owner_created", "owner_id", "created_at"),
        # Team-wide reports: open deals by stage, and the funnel window, whatever the history.
        Index("ix_deals_stage_owner", "stage", "owner_id"),
        Index("ix_deals_created", "created_at"),
        {"sqlite_autoincrement": True},  # numbers never reused (SQLite would reuse the last)
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), index=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    stage: Mapped[str] = mapped_column(String(16), default="lead")
    amount: Mapped[Decimal] = mapped_column(Money, default=Decimal(0))
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    expected_close: Mapped[dt.date | None] = mapped_column(Date)
    probability: Mapped[int] = mapped_column(Integer, default=10)
    reason: Mapped[str] = mapped_column(Text, default="")
    #: the reason's category (`handlers/sales/reasons.py`: price, product_fit, competitor …) and the
    #: competitor named in it, read when the reason is given
    reason_category: Mapped[str] = mapped_column(String(20), default="")
    competitor: Mapped[str] = mapped_column(String(200), default="")
    furthest_rank: Mapped[int] = mapped_column(Integer, default=0)
    stage_entered_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class DealEvent(Base):
    """Every stage or amount change of a deal: who, when, and how long the deal sat in the old stage."""

    __tablename__ = "deal_events"
    __table_args__ = (Index("ix_deal_events_deal_at", "deal_id", "at"),
                      Index("ix_deal_events_kind_at", "kind", "at", "owner_id"),
                      {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(primary_key=True)
    deal_id: Mapped[int] = mapped_column(ForeignKey("deals.id", ondelete="CASCADE"))
    #: The deal's owner, kept on the event so that reports over recent events need no join.
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    kind: Mapped[str] = mapped_column(String(16))  # created | stage | amount | title | customer
    from_stage: Mapped[str | None] = mapped_column(String(16))
    to_stage: Mapped[str | None] = mapped_column(String(16))
    old_amount: Mapped[Decimal | None] = mapped_column(Money)
    new_amount: Mapped[Decimal | None] = mapped_column(Money)
    old_currency: Mapped[str | None] = mapped_column(String(3))
    new_currency: Mapped[str | None] = mapped_column(String(3))
    old_text: Mapped[str | None] = mapped_column(String(200))  # a title or customer name
    new_text: Mapped[str | None] = mapped_column(String(200))
    seconds_in_from_stage: Mapped[int | None] = mapped_column(Integer)


class Change(Base):
    """One change a member made from chat, kept as the rows it touched, before and after
    (storage/journal.py): `undo` puts them back while they are unchanged since; a deletion stays
    here as the bin (`trash`, `restore deal #46`) until it is purged."""

    __tablename__ = "changes"
    __table_args__ = (Index("ix_changes_actor", "actor_id", "status", "id"),
                      Index("ix_changes_tenant_kind", "tenant_id", "kind", "at"),
                      {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    kind: Mapped[str] = mapped_column(String(32))  # deal.delete, visit.log, … or the command's
    entity: Mapped[str] = mapped_column(String(32), default="")  # the main record: deals, visits …
    entity_id: Mapped[int | None] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(200), default="")  # what the member typed
    rows: Mapped[list] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(8), default="done")  # done | undone | blocked | restored
    #: a message that made several changes: the id of its first (undo takes them back together)
    together_with: Mapped[int | None] = mapped_column(Integer)
