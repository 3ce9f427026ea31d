"""Typed ORM models. Money is Decimal, times are stored in UTC; Alembic migrations own the schema."""

import datetime as dt
import unicodedata
from decimal import Decimal

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# The default pipeline, in order. `won` and `lost` close a deal; only `won` continues the funnel.
# A workspace may have its own open stages (storage/pipelines.py); `won` and `lost` are every one's.
CLOSED_STAGES = ("won", "lost")
OPEN_STAGES = ("lead", "contact", "discovery", "proposal", "negotiation")
STAGE_RANK = {stage: rank for rank, stage in enumerate((*OPEN_STAGES, "won"))}
DEFAULT_PROBABILITY = {"lead": 10, "contact": 20, "discovery": 40, "proposal": 60,
                       "negotiation": 80, "won": 100, "lost": 0}
METRICS = ("revenue", "deals_won", "new_customers", "visits")
PERIOD_KINDS = ("week", "month", "quarter", "year")


def name_key(name: str) -> str:
    """Case- and width-insensitive key for a name: `ＡＣＭＥ  corp` and `Acme Corp` are one customer."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


class UTCDateTime(TypeDecorator):
    """Timezone-aware datetimes stored as UTC; SQLite gives naive values back, this makes them aware."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None:
            if value.tzinfo is None:
                raise ValueError("naive datetime: store aware UTC datetimes")
            value = value.astimezone(dt.timezone.utc)
        return value

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=dt.timezone.utc)
        return value


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


Money = Numeric(18, 2)


class Base(DeclarativeBase):
    pass


class Tenant(Base):
    """A Slack workspace or Enterprise Grid org, a WeCom corp, or the local console."""

    __tablename__ = "tenants"
    __table_args__ = (UniqueConstraint("platform", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    external_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200), default="")
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class TenantLink(Base):
    """Another platform's workspace that is the same company as a tenant (a WeCom corp linked to
    the Slack workspace): its people are members of that tenant."""

    __tablename__ = "tenant_links"
    __table_args__ = (UniqueConstraint("platform", "external_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    external_id: Mapped[str] = mapped_column(String(64))
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))


class Member(Base):
    __tablename__ = "members"
    __table_args__ = (Index("ix_members_tenant_name", "tenant_id", "name_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    display_name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16), default="rep")
    locale: Mapped[str] = mapped_column(String(8), default="en")
    timezone: Mapped[str | None] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: When they last opened the bot's home (Slack App Home): only then is it kept fresh for them.
    home_opened_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    identities: Mapped[list["Identity"]] = relationship(back_populates="member")


class Identity(Base):
    """One platform account of a member, so one person can use Slack and WeCom as one member."""

    __tablename__ = "identities"
    __table_args__ = (UniqueConstraint("tenant_id", "platform", "external_user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    platform: Mapped[str] = mapped_column(String(16))
    external_user_id: Mapped[str] = mapped_column(String(128))

    member: Mapped["Member"] = relationship(back_populates="identities")


class Team(Base):
    __tablename__ = "teams"
    __table_args__ = (UniqueConstraint("tenant_id", "name_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    holiday_calendar: Mapped[str] = mapped_column(String(8), default="CN")
    stall_days: Mapped[int] = mapped_column(Integer, default=14)
    settings: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    @property
    def calendar(self) -> str:
        """The calendar the team's working days follow: its country's, with the corrections its
        tenant's admins made (`CN@3`; see handlers.rules.working_days)."""
        return f"{self.holiday_calendar}@{self.tenant_id}"


class TeamDestination(Base):
    """Where a team's posts go on one platform: `channel:#east-sales` (Slack), `chat:ID` or
    `webhook:KEY` (WeCom app chat or group robot). A team may have several, on several platforms;
    celebrations, summaries and digests reach every one."""

    __tablename__ = "team_destinations"
    __table_args__ = (UniqueConstraint("team_id", "platform", "address"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    platform: Mapped[str] = mapped_column(String(16))
    address: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class CalendarDay(Base):
    """A tenant's correction of a holiday calendar: this day is a working day, or a day off, whatever
    the published calendar says (a year not published yet, a company holiday)."""

    __tablename__ = "calendar_days"
    __table_args__ = (UniqueConstraint("tenant_id", "calendar", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    calendar: Mapped[str] = mapped_column(String(8))
    day: Mapped[dt.date] = mapped_column(Date)
    working: Mapped[bool] = mapped_column(Boolean)
    set_by: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class CalendarYear(Base):
    """A year of a holiday calendar an admin declared official (`calendar 2027 official`, or an
    import of the State Council's list): until then its working days count as estimated."""

    __tablename__ = "calendar_years"
    __table_args__ = (UniqueConstraint("tenant_id", "calendar", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    calendar: Mapped[str] = mapped_column(String(8))
    year: Mapped[int] = mapped_column(Integer)
    set_by: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class ExchangeRate(Base):
    """How many of the tenant's base currency one unit of `currency` is worth from `valid_from`
    on (until the currency's next row), as an admin set it; no `rate`: none from that day.
    Reports convert a closed deal at the rate in force on its close day (`storage/rates.py`)."""

    __tablename__ = "exchange_rates"
    __table_args__ = (UniqueConstraint("tenant_id", "currency", "valid_from",
                                       name="uq_exchange_rates_day"), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    currency: Mapped[str] = mapped_column(String(3))
    valid_from: Mapped[dt.date] = mapped_column(Date, default=dt.date(1, 1, 1))
    rate: Mapped[Decimal | None] = mapped_column(Numeric(18, 6))
    set_by: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    set_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class TeamMember(Base):
    """Membership; a manager manages the teams they belong to. `weight` drives target splits."""

    __tablename__ = "team_members"

    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True)
    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), primary_key=True, index=True)
    weight: Mapped[Decimal] = mapped_column(Numeric(8, 2), default=Decimal(1))
    joined_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)  # None: before 0023


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


class Tip(Base):
    """A lesson kept for the team (`tip pricing: bundle the service contract`), by topic, perhaps
    about a customer or a deal."""

    __tablename__ = "tips"
    __table_args__ = {"sqlite_autoincrement": True}  # numbers never reused

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    topic: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id", ondelete="SET NULL"))
    deal_id: Mapped[int | None] = mapped_column(ForeignKey("deals.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class TipVote(Base):
    """A member finding a tip useful (`like tip 3` · `赞 经验 3`): the best tips come first."""

    __tablename__ = "tip_votes"

    tip_id: Mapped[int] = mapped_column(ForeignKey("tips.id", ondelete="CASCADE"), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Contest(Base):
    """A team's contest on a metric over some days (both included); announced once it ended."""

    __tablename__ = "contests"
    __table_args__ = {"sqlite_autoincrement": True}  # numbers never reused

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), index=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), index=True)
    metric: Mapped[str] = mapped_column(String(20))
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date] = mapped_column(Date)
    creator_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    announced_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


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


class Target(Base):
    """A goal for one member or one team, for one metric and one period (kind + first day)."""

    __tablename__ = "targets"
    __table_args__ = (
        Index("ix_targets_member_period", "member_id", "period_kind", "period_start"),
        Index("ix_targets_team_period", "team_id", "period_kind", "period_start"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    metric: Mapped[str] = mapped_column(String(16))
    period_kind: Mapped[str] = mapped_column(String(8))
    period_start: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[Decimal] = mapped_column(Money)
    #: Set by splitting a team target (a later split may replace it), not for this rep by hand.
    from_split: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    set_by_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class Leave(Base):
    __tablename__ = "leaves"
    __table_args__ = {"sqlite_autoincrement": True}  # numbers never reused

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    first_day: Mapped[dt.date] = mapped_column(Date)
    last_day: Mapped[dt.date] = mapped_column(Date)


class StandupAnswer(Base):
    """A rep's standup answer for one day (their own local date); a later answer that day replaces it."""

    __tablename__ = "standup_answers"
    __table_args__ = (UniqueConstraint("member_id", "day"), Index("ix_standup_answers_team_day",
                                                                   "team_id", "day"))

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    day: Mapped[dt.date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class JobRun(Base):
    """One scheduled run of one job (`standup:3:Asia/Shanghai` at its fire time): recorded in the
    run's own transaction, so a second worker or a repeat of the same run does nothing, and a run
    lost with a killed worker is caught up after a restart (inside the job's grace)."""

    __tablename__ = "job_runs"
    __table_args__ = (UniqueConstraint("job_id", "fire_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[str] = mapped_column(String(120))
    fire_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    ran_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent: Mapped[int] = mapped_column(Integer, default=0)  # messages the run put in the outbox


class InboxItem(Base):
    """A chat request acked and handed on (`bot/handoff.py`): the web process runs it when idle,
    else a worker does (`worker/inbox.py`). The key is the platform's id for the request, so a
    retried delivery adds nothing; a claim whose process died is taken over when it expires."""

    __tablename__ = "inbox"
    __table_args__ = (Index("ix_inbox_status", "status", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    platform: Mapped[str] = mapped_column(String(16))
    payload: Mapped[dict] = mapped_column(JSON)  # what the platform's runner needs to redo it
    status: Mapped[str] = mapped_column(String(8), default="pending")  # pending | done | failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    done_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class Delivery(Base):
    """One outgoing message (the outbox). Its key is deterministic (`standup-prompt:{team}:{member}:
    {date}`): inserting a key twice is a no-op, so no retry or second worker posts anything twice."""

    __tablename__ = "deliveries"
    __table_args__ = (Index("ix_deliveries_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    platform: Mapped[str] = mapped_column(String(16))
    workspace: Mapped[str] = mapped_column(String(64))  # the Slack team / WeCom corp id
    target: Mapped[str] = mapped_column(String(200))  # "user:U1", "channel:C1", "webhook:KEY"
    payload: Mapped[dict] = mapped_column(JSON)  # the Reply, as data
    status: Mapped[str] = mapped_column(String(8), default="pending")  # pending | sent | failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    claimed_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    #: The fact a team post tells (`won:46`, `target:3:revenue:month:2026-11-01`): a post whose
    #: fact no longer holds is not sent, or is withdrawn or corrected once sent (handlers/team/fact_posts.py).
    fact: Mapped[str | None] = mapped_column(String(120), index=True)
    #: The platform's id of the message once sent (Slack `channel ts`, a Teams activity id, a
    #: WeCom msgid), so that a correction can edit or withdraw it.
    message_id: Mapped[str | None] = mapped_column(String(200))


class ConversationRef(Base):
    """What a platform needs to reach an outbox address it cannot reach by id alone (a Teams
    conversation: its service URL and tenant), saved when the platform first shows it to us."""

    __tablename__ = "conversation_refs"
    __table_args__ = (UniqueConstraint("platform", "workspace", "address"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    workspace: Mapped[str] = mapped_column(String(64))
    address: Mapped[str] = mapped_column(String(200))
    reference: Mapped[dict] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class OpenQuestion(Base):
    """The bot's last question to a member on a platform (`Which do you mean? 1. … 2. …`): the
    values its answers send, so that `1`, `yes` or `好的` answers it. One per member and platform;
    it goes with their next message, whatever that is, or when it is too old."""

    __tablename__ = "open_questions"
    __table_args__ = (UniqueConstraint("member_id", "platform"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    platform: Mapped[str] = mapped_column(String(16))
    answers: Mapped[list] = mapped_column(JSON)
    asked_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class CachedToken(Base):
    """A short-lived credential shared by every process (WeCom's access_token)."""

    __tablename__ = "cached_tokens"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


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


class AuditLog(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("members.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(32))
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class CrmConnection(Base):
    """A workspace's CRM (`zoho` or `fxiaoke`): its non-secret settings (data centre, API domain,
    corp id), its secret (a refresh token, or appSecret + permanentCode) never shown or logged,
    and how the last sync went. One per workspace."""

    __tablename__ = "crm_connections"

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"), unique=True)
    crm: Mapped[str] = mapped_column(String(16))
    settings: Mapped[dict] = mapped_column(JSON, default=dict)
    secret: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="connected")  # connected | error
    last_sync_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class PipelineStage(Base):
    """One stage of a workspace's own pipeline (none: the default one), in `position` order.
    `key` is what deals store; `category` is open, won or lost (the keys `won` and `lost`);
    `crm_name` is the stage's name in the workspace's CRM, if it came from one."""

    __tablename__ = "pipeline_stages"
    __table_args__ = (UniqueConstraint("tenant_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    key: Mapped[str] = mapped_column(String(16))
    name_en: Mapped[str] = mapped_column(String(64))
    name_zh: Mapped[str] = mapped_column(String(64))
    probability: Mapped[int] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(8))  # open | won | lost
    crm_name: Mapped[str] = mapped_column(String(100), default="")


class CrmLink(Base):
    """One CRM record and our row it stands for: `member` (a CRM user, with the email or mobile it
    was matched by; `local_id` empty until someone maps it), `customer` (an account), `deal`."""

    __tablename__ = "crm_links"
    __table_args__ = (UniqueConstraint("tenant_id", "kind", "remote_id"),
                      Index("ix_crm_links_local", "tenant_id", "kind", "local_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    local_id: Mapped[int | None] = mapped_column(Integer)
    remote_id: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    mobile: Mapped[str] = mapped_column(String(32), default="")
    remote_modified_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    #: the version of our row the CRM has (our `updated_at` when last written or read): a change
    #: newer than it is ours to send; one that is not is the CRM's own, never echoed back
    synced_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    #: a deal's fields as the CRM holds them after our last write or read (`crm/echo.py`): a
    #: record read back with these fields is our own write's echo, dropped
    content: Mapped[dict | None] = mapped_column(JSON, nullable=True)


class CrmWrite(Base):
    """One write to a workspace's CRM (the CRM outbox): `account` (a customer named in chat),
    `deal` (a deal made or changed in chat), `activity` (a visit). The key is deterministic
    (`deal:12:2026-12-05T09:00:00`), so a rescan or a second worker adds nothing twice; a workspace's
    writes go in id order, and a rate limit or an outage holds them, never drops them."""

    __tablename__ = "crm_outbox"
    __table_args__ = (Index("ix_crm_outbox_due", "tenant_id", "status", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(200), unique=True)
    op: Mapped[str] = mapped_column(String(16))
    local_id: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(8), default="pending")  # pending | done | failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    claimed_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    done_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class CrmNotice(Base):
    """A record a CRM said changed (a Zoho notification), kept until the worker reads it: the web
    process answers the CRM at once and never calls it. The key is the record and the time Zoho
    sent the notice, so a notice sent twice is kept once."""

    __tablename__ = "crm_inbox"
    __table_args__ = (Index("ix_crm_inbox_pending", "tenant_id", "status", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(200), unique=True)
    module: Mapped[str] = mapped_column(String(32))
    remote_id: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(8), default="pending")  # pending | done
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
