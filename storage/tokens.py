"""Platform API tokens shared by every process, in our database (`cached_tokens`): a refresh
holds a lock so that one process fetches at a time. (Redis does the same when configured:
`bot/wecom/client.py`.)"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from storage.models.base import utcnow
from storage.models.messaging import CachedToken
from storage.upsert import insert_for

MARGIN = 300  # refresh five minutes before the platform says a token expires
Fetch = Callable[[], tuple[str, int]]  # → (token, seconds it lives)


def fresh(expires_at: dt.datetime) -> bool:
    return (expires_at - utcnow()).total_seconds() > MARGIN


class DatabaseTokens:
    """Tokens in our database; a refresh holds a lock so that one process fetches at a time.
    `seal` and `unseal` (both or neither) store a token encrypted: the CRMs' tokens
    (crm/secrets.py); `unseal` reads a row stored before as it is, and gives "" for one it cannot
    open (then a new token is fetched)."""

    def __init__(self, session_factory: sessionmaker[Session], *,
                 seal: Callable[[str], str] | None = None, unseal: Callable[[str], str] | None = None):
        self.session_factory = session_factory
        self.seal, self.unseal = seal or (lambda v: v), unseal or (lambda v: v)

    def get(self, key: str) -> str | None:
        with self.session_factory() as session:
            row = session.get(CachedToken, key)
            value = self.unseal(row.value) if row and fresh(row.expires_at) and row.value else ""
            return value or None

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
            held = self.unseal(row.value) if row.value else ""
            if held and held != stale and fresh(row.expires_at):
                return held
            token, ttl = fetch()
            row.value, row.expires_at = self.seal(token), utcnow() + dt.timedelta(seconds=ttl)
            return token
