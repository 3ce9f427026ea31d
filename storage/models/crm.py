"""A workspace's CRM: the connection, the records linked to ours, the writes queued to it (the CRM
outbox) and the notices it sent."""

import datetime as dt

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, UTCDateTime, utcnow


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
