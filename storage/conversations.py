"""Conversation references (`conversation_refs`): for a platform whose outbox addresses need more
than an id to reach (Teams: the conversation's service URL and tenant), what it showed us of each.
Saved when an activity shows one that changed (the newest wins: a service URL can move), read
by its sender. A reference is the platform's own JSON; this module only keeps it."""
from __future__ import annotations

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from storage.models.base import utcnow
from storage.models.messaging import ConversationRef
from storage.upsert import insert_for


def save(session: Session, platform: str, workspace: str, address: str, reference: dict) -> None:
    """Keep `reference` as the way to `address` (insert or replace, safe against a racing process)."""
    insert = insert_for(session.bind.dialect.name)
    session.execute(insert(ConversationRef).values(
        platform=platform, workspace=workspace, address=address, reference=reference,
        updated_at=utcnow()).on_conflict_do_nothing())
    session.execute(update(ConversationRef).where(
        ConversationRef.platform == platform, ConversationRef.workspace == workspace,
        ConversationRef.address == address).values(reference=reference, updated_at=utcnow()))


def find(session: Session, platform: str, workspace: str, address: str) -> dict | None:
    return session.scalar(select(ConversationRef.reference).where(
        ConversationRef.platform == platform, ConversationRef.workspace == workspace,
        ConversationRef.address == address))


def forget(session: Session, platform: str, workspace: str, address: str) -> None:
    """The bot was removed from that conversation: nothing more goes there."""
    session.execute(delete(ConversationRef).where(
        ConversationRef.platform == platform, ConversationRef.workspace == workspace,
        ConversationRef.address == address))
