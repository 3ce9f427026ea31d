"""The inbox: chat requests acked and handed on, under the platform's own id for the request (a
retried delivery is a no-op). Rows are leased like the outbox's; callers own the transactions.

A worker running a platform's requests says so every few seconds (`running`: a row of
`cached_tokens` that expires unless said again), so web processes leave what they handed on to
it however long it waits (`running_for`), and run it themselves only when no worker runs."""
from __future__ import annotations

import datetime as dt
from contextlib import suppress
from functools import cache
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Dialect, func, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from storage import leases
from storage.models.messaging import CachedToken, InboxItem
from storage.upsert import insert_for

Row = tuple[str, str, dict, "dt.timedelta | None"]  # key, platform, payload, held_for


def record(conn: Connection, rows: list[Row], now: dt.datetime) -> list[int | None]:
    """`InboxRepository.put` of several rows in one statement, on a bare connection (the web
    process does this for every request, before its ack): their ids, None for each key recorded
    before (or earlier in `rows`). The statement is SQL of our own, made once for each number of
    rows and sent on the driver's cursor, its values as SQLAlchemy's column types store them
    (SQLAlchemy's own insert of several rows with RETURNING cost nearly twice the CPU); what the
    driver raises is raised as SQLAlchemy raises it, a dropped connection invalidated."""
    new: dict[str, int] = {}
    for start in range(0, len(rows), AT_ONCE):
        new.update(_insert(conn, rows[start:start + AT_ONCE], now))
    return [new.pop(key[:200], None) for key, *_ in rows]  # a key twice: the first is new


def _insert(conn: Connection, rows: list[Row], now: dt.datetime) -> dict[str, int]:
    dialect = conn.dialect
    statement = _record_sql(dialect.paramstyle, len(rows))
    stored = _STORED.get(dialect) or _STORED.setdefault(dialect, _stored(dialect))
    params = []
    for key, platform, payload, held_for in rows:
        params.extend(stored(key[:200], platform, payload, 1 if held_for else 0,
                             now + held_for if held_for else None, now))
    raw = conn.connection  # the transaction is the caller's: its begin and commit stay SQLAlchemy's
    cursor = raw.cursor()
    try:
        cursor.execute(statement, params)
        return dict(cursor.fetchall())
    except dialect.loaded_dbapi.Error as error:
        gone = dialect.is_disconnect(error, raw.dbapi_connection, cursor)
        if gone:
            conn.invalidate()
        raise DBAPIError.instance(statement, params, error, dialect.loaded_dbapi.Error,
                                  connection_invalidated=gone, dialect=dialect) from error
    finally:
        _close(cursor)


def _close(cursor) -> None:
    with suppress(Exception):  # a cursor of a connection gone: nothing left to close
        cursor.close()


#: rows one statement carries (SQLite before 3.32 takes at most 999 values in one)
AT_ONCE = 100
_COLUMNS = ("key", "platform", "payload", "status", "attempts", "claimed_until", "last_error", "created_at")


@cache
def _record_sql(paramstyle: str, rows: int) -> str:
    """`record`'s statement for this many rows, in the driver's parameter style."""
    mark = "?" if paramstyle == "qmark" else "%s"
    values = ", ".join(["(" + ", ".join([mark] * len(_COLUMNS)) + ")"] * rows)
    return (f"INSERT INTO {InboxItem.__tablename__} ({', '.join(_COLUMNS)}) VALUES {values} "
            "ON CONFLICT (key) DO NOTHING RETURNING key, id")


#: `_stored` of each database's dialect (JSON may be written by one of the engine's own)
_STORED: WeakKeyDictionary = WeakKeyDictionary()


def _stored(dialect: Dialect):
    """A row's values as the driver is given them (JSON text, datetimes as this database keeps
    them): what SQLAlchemy's insert does with the columns' types."""
    table = InboxItem.__table__
    payload, claimed, created = (table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
                                 or (lambda value: value)
                                 for name in ("payload", "claimed_until", "created_at"))

    def stored(key: str, platform: str, data: dict, attempts: int, claimed_until, now) -> tuple:
        return (key, platform, payload(data), "pending", attempts, claimed(claimed_until), "",
                created(now))
    return stored


RUNS = "inbox-runs:"  # `cached_tokens` key of a worker's word that it runs a platform's requests


def _runs(platform: str) -> str:
    return f"{RUNS}{platform}"[:200]


class InboxRepository:
    def __init__(self, session: Session):
        self.s = session

    def put(self, *, key: str, platform: str, payload: dict, now: dt.datetime,
            held_for: dt.timedelta | None = None) -> int | None:
        """Add a request; its id, or None when the key is there already (a retry). `held_for`:
        the caller runs it itself and holds it that long (a worker takes it over after)."""
        return record(self.s.connection(), [(key, platform, payload, held_for)], now)[0]

    def claim(self, now: dt.datetime, limit: int, lease: dt.timedelta,
              platforms: tuple[str, ...]) -> list[InboxItem]:
        """Up to `limit` pending requests of these platforms, oldest first, leased to the caller."""
        due = (select(InboxItem.id).where(InboxItem.status == "pending", InboxItem.platform.in_(platforms),
                                          leases.free(InboxItem, now))
               .order_by(InboxItem.id).limit(limit))
        ids = leases.lease(self.s, InboxItem, due, now, lease)
        return list(self.s.scalars(select(InboxItem).where(InboxItem.id.in_(ids)).order_by(InboxItem.id)))

    def take(self, item_ids: list[int], now: dt.datetime, lease: dt.timedelta) -> list[int]:
        """Lease those of these requests that still wait and nobody holds (a worker took or ran
        the others); their ids."""
        due = select(InboxItem.id).where(InboxItem.id.in_(item_ids), InboxItem.status == "pending",
                                         leases.free(InboxItem, now))
        return leases.lease(self.s, InboxItem, due, now, lease)

    def pending(self, item_ids: list[int]) -> list[int]:
        """Those of these requests still waiting to be run."""
        return list(self.s.scalars(select(InboxItem.id).where(InboxItem.id.in_(item_ids),
                                                              InboxItem.status == "pending")))

    def running(self, platforms: tuple[str, ...], until: dt.datetime) -> None:
        """A worker's word that it runs these platforms' requests, good until `until`."""
        insert = insert_for(self.s.bind.dialect.name)
        for platform in platforms:
            self.s.execute(insert(CachedToken).values(key=_runs(platform), value="", expires_at=until)
                           .on_conflict_do_update(index_elements=["key"], set_={"expires_at": until}))

    def running_for(self, now: dt.datetime) -> set[str]:
        """The platforms whose requests a worker runs now."""
        keys = self.s.scalars(select(CachedToken.key).where(CachedToken.key.startswith(RUNS),
                                                            CachedToken.expires_at > now))
        return {key.removeprefix(RUNS) for key in keys}

    def release(self, item_id: int) -> None:
        """Give up a request taken (`take`) and not tried: free for a worker, the attempt uncounted."""
        self.s.execute(update(InboxItem).where(InboxItem.id == item_id, InboxItem.status == "pending")
                       .values(claimed_until=None, attempts=InboxItem.attempts - 1))

    def payloads(self, item_ids: list[int]) -> dict[int, dict]:
        """What these requests asked for, as recorded, by id."""
        if not item_ids:
            return {}
        rows = self.s.execute(select(InboxItem.id, InboxItem.payload).where(InboxItem.id.in_(item_ids)))
        return {item_id: payload for item_id, payload in rows}

    def done(self, item_id: int, now: dt.datetime) -> None:
        self.done_many([item_id], now)

    def done_many(self, item_ids: list[int], now: dt.datetime) -> None:
        self.s.execute(update(InboxItem).where(InboxItem.id.in_(item_ids))
                       .values(status="done", done_at=now, claimed_until=None))

    def retry_at(self, item_id: int, when: dt.datetime, error: str) -> None:
        self.s.execute(update(InboxItem).where(InboxItem.id == item_id)
                       .values(claimed_until=when, last_error=error[:2000]))

    def fail(self, item_id: int, error: str) -> None:
        self.s.execute(update(InboxItem).where(InboxItem.id == item_id)
                       .values(status="failed", claimed_until=None, last_error=error[:2000]))

    def waiting(self) -> tuple[int, dt.datetime | None]:
        """How many requests wait to be run, and when the oldest of them came."""
        return tuple(self.s.execute(select(func.count(), func.min(InboxItem.created_at))
                                    .where(InboxItem.status == "pending")).one())

    def failed(self, limit: int = 50) -> list[InboxItem]:
        """Requests given up on after their attempts, oldest first."""
        return list(self.s.scalars(select(InboxItem).where(InboxItem.status == "failed")
                                   .order_by(InboxItem.id).limit(limit)))

    def requeue_failed(self) -> int:
        """Give failed requests a fresh set of attempts; returns how many."""
        return self.s.execute(update(InboxItem).where(InboxItem.status == "failed")
                              .values(status="pending", attempts=0, claimed_until=None)).rowcount
