"""Platform API tokens shared by every process, in our database (`cached_tokens`): a refresh
holds a lock so that one process fetches at a time. (Redis does the same when configured:
`bot/wecom/client.py`.)"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from storage.models import CachedToken, utcnow
from storage.upsert import insert_for

MARGIN = 300  # refresh five minutes before the platform says a token expires
Fetch = Callable[[], tuple[str, int]]  # → (token, seconds it lives)


def fresh(expires_at: dt.datetime) -> bool:
    return (expires_at - utcnow()).total_seconds() > MARGIN


class DatabaseTokens:
    """Tokens in our database; a refresh holds a lock so that one process fetches at a time."""

    def __init__(self, session_factory: sessionmaker[Session]):
        self.session_factory = session_factory

    def get(self, key: str) -> str | None:
        with self.session_factory() as session:
            row = session.get(CachedToken, key)
            return row.value if row and fresh(row.expires_at) and row.value else None

    def refresh(self, key: str, stale: str | None, fetch: Fetch) -> str:
        """A token other than `stale`: the one another process just fetched, or a new one."""
        with self.session_factory.begin() as session:
            insert = insert_for(session.bind.dialect.name)
            session.execute(insert(CachedToken).values(
                key=key, value="", expires_at=utcnow()).on_conflict_do_nothing())
            # the row lock (PostgreSQL) or the write lock (SQLite): other refreshers wait here
            session.execute(update(CachedToken).where(CachedToken.key == key).values(key=key))
            row = session.scalar(select(CachedToken).where(CachedToken.key == key)
                                 .with_for_update().execution_options(populate_existing=True))
            if row.value and row.value != stale and fresh(row.expires_at):
                return row.value
            token, ttl = fetch()
            row.value, row.expires_at = token, utcnow() + dt.timedelta(seconds=ttl)
            return token
