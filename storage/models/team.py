"""Teams: who is in them, where their posts go, their targets, contests, tips, standups and leave."""

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, Money, UTCDateTime, utcnow

METRICS = ("revenue", "deals_won", "new_customers", "visits")
PERIOD_KINDS = ("week", "month", "quarter", "year")


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


class TeamMember(Base):
    """Membership; a manager manages the teams they belong to. `weight` drives target splits."""

    __tablename__ = "team_members"

    team_id: Mapped[int] = mapped_column(ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True)
    member_id: Mapped[int] = mapped_column(
        ForeignKey("members.id", ondelete="CASCADE"), primary_key=True, index=True)
    weight: Mapped[Decimal] = mapped_column(Numeric(8, 2), default=Decimal(1))
    joined_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)  # None: before 0023


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


class Leave(Base):
    __tablename__ = "leaves"
    __table_args__ = {"sqlite_autoincrement": True}  # numbers never reused

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)
    first_day: Mapped[dt.date] = mapped_column(Date)
    last_day: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(200), default="", server_default="")  # `leave fri, dentist`
