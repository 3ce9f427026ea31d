"""A workspace and its people: the tenant (and the platforms' workspaces linked to it), members
and their platform accounts, holiday calendars, exchange rates, the pipeline's stages, the audit log."""

import datetime as dt
from decimal import Decimal

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, UTCDateTime, utcnow


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
