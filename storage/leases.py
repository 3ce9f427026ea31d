"""Leasing rows of a work table (the outbox, the inbox) to one process at a time: PostgreSQL skips
rows another transaction holds (`FOR UPDATE SKIP LOCKED`); SQLite has one writer at a time, and the
UPDATE re-checks the lease. A lease that runs out (its process died) is taken over."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Select, or_, update
from sqlalchemy.orm import Session


def free(model, now: dt.datetime):
    """The rows of `model` nobody holds a lease on."""
    return or_(model.claimed_until.is_(None), model.claimed_until < now)


def lease(session: Session, model, due: Select, now: dt.datetime, length: dt.timedelta) -> list[int]:
    """Lease the rows whose ids `due` selects (already filtered with `free`) until `now + length`,
    counting an attempt; returns the ids this caller got."""
    if session.bind.dialect.name == "postgresql":
        due = due.with_for_update(skip_locked=True)
    return list(session.scalars(
        update(model).where(model.id.in_(due.scalar_subquery()), free(model, now))
        .values(claimed_until=now + length, attempts=model.attempts + 1)
        .returning(model.id)).all())
