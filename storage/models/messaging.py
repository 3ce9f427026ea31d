"""What comes in and goes out: the inbox, the outbox (`Delivery`), the platforms' conversation
references and tokens, the bot's open questions, each member's last message in each conversation,
and the scheduled jobs' runs."""

import datetime as dt

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, UTCDateTime, utcnow


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


class CachedToken(Base):
    """A short-lived credential shared by every process (WeCom's access_token)."""

    __tablename__ = "cached_tokens"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


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


class LastMessage(Base):
    """A member's last message in one conversation (a DM, a channel, a group chat: `conversation`,
    storage/last_messages.py), refused or not: a correction made at once (`no make it 12/30`)
    corrects only what that message changed (handlers/sales/said_again.py `made_last`)."""

    __tablename__ = "last_messages"
    __table_args__ = (UniqueConstraint("member_id", "conversation"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    tenant_id: Mapped[int] = mapped_column(ForeignKey("tenants.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    conversation: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(String(200), default="")  # what they typed ("" for a button)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    #: the ids of the member's latest change (`changes`, 0 for none) before it and after it: the
    #: changes between are those it made (the clock may say the same time for two messages)
    changes_before: Mapped[int] = mapped_column(Integer, default=0)
    changes_after: Mapped[int] = mapped_column(Integer, default=0)
    #: not understood, asked about or not allowed: it changed nothing, and a plain `undo` after it
    #: asks which change it means
    refused: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


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
