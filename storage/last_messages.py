"""Each member's last message in each conversation (`last_messages`): kept for every message,
refused or not, read by a correction (handlers/sales/said_again.py `made_last`). A conversation
is the shared chat a message was said in (a channel, a group chat, a thread: its address), or the
member's direct messages on that platform. Callers own the transaction."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from storage.address import Address
from storage.models.messaging import LastMessage
from storage.models.sales import Change
from storage.upsert import insert_for


def conversation(platform: str, here: Address | None) -> str:
    """The conversation a message came from: `here`'s address, or the platform's direct messages.

    >>> conversation("slack", None)
    'slack:direct'
    >>> from storage.address import Kind
    >>> conversation("slack", Address("slack", "T1", Kind.CHANNEL, "C1"))
    'slack:T1:channel:C1'
    """
    return f"{platform}:direct" if here is None else f"{here.platform}:{here.workspace}:{here.target}"[:200]


def changes_so_far(session: Session, member_id: int) -> int:
    """The id of the member's latest change (`changes`), 0 for none: taken before a message runs."""
    return session.scalar(select(func.max(Change.id)).where(Change.actor_id == member_id)) or 0


def said(session: Session, tenant_id: int, member_id: int, where: str, text: str, at: dt.datetime,
         changes_before: int, refused: bool = False) -> None:
    """Keep `text` (said at `at`, after the member's change `changes_before`; what it changed is
    in the session; `refused`: not understood, asked about or not allowed) as their last message
    in `where` (safe against a racing process: insert or replace)."""
    values = {"text": text[:200], "at": at, "changes_before": changes_before,
              "changes_after": changes_so_far(session, member_id), "refused": refused}
    insert = insert_for(session.bind.dialect.name)
    session.execute(insert(LastMessage).values(tenant_id=tenant_id, member_id=member_id, conversation=where,
                                               **values).on_conflict_do_nothing())
    session.execute(update(LastMessage).where(LastMessage.member_id == member_id,
                                              LastMessage.conversation == where).values(**values))


def last(session: Session, member_id: int, where: str) -> LastMessage | None:
    """The member's last message in `where`, or None when they said nothing there yet."""
    return session.scalar(select(LastMessage).where(LastMessage.member_id == member_id,
                                                    LastMessage.conversation == where))
