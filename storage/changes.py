"""A member's changes from chat as the journal keeps them (storage/journal.py writes and reverts
them), read back to tell which record a message meant: the latest, those one message made, those
of one kind or about one table. Every read is the tenant's. Callers own the transaction."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models.sales import Change


def changes_made_by(session: Session, tenant_id: int, actor_id: int, *, ids: list[int] | None = None,
                    after: int | None = None, upto: int | None = None, at: dt.datetime | None = None,
                    since: dt.datetime | None = None, kind: str | None = None, entity: str | None = None,
                    done: bool = False, newest_first: bool = False, limit: int | None = None) -> list[Change]:
    """The actor's changes, oldest first (`newest_first`: the newest first), of these `ids`, with an
    id after `after` and up to `upto`, made at `at` or since `since`, of `kind`, about `entity`'s
    rows, not undone (`done`); each filter only where given, the first `limit` of them."""
    where = [Change.tenant_id == tenant_id, Change.actor_id == actor_id]
    if ids is not None:
        where.append(Change.id.in_(ids))
    if after is not None:
        where.append(Change.id > after)
    if upto is not None:
        where.append(Change.id <= upto)
    if at is not None:
        where.append(Change.at == at)
    if since is not None:
        where.append(Change.at >= since)
    if kind is not None:
        where.append(Change.kind == kind)
    if entity is not None:
        where.append(Change.entity == entity)
    if done:
        where.append(Change.status == "done")
    query = select(Change).where(*where).order_by(Change.id.desc() if newest_first else Change.id)
    return list(session.scalars(query if limit is None else query.limit(limit)))


def latest_change_of(session: Session, tenant_id: int, actor_id: int) -> Change | None:
    """The actor's latest change from chat, undone or not (journal.latest: the latest not undone)."""
    found = changes_made_by(session, tenant_id, actor_id, newest_first=True, limit=1)
    return found[0] if found else None


def id_of_deal_changed_last(session: Session, tenant_id: int, actor_id: int) -> int | None:
    """The id of the deal the actor changed last (that change not undone)."""
    return session.scalar(select(Change.entity_id).where(
        Change.tenant_id == tenant_id, Change.actor_id == actor_id, Change.entity == "deals",
        Change.status == "done", Change.entity_id.is_not(None)).order_by(Change.id.desc()).limit(1))
