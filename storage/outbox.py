"""The delivery outbox: enqueue by deterministic key (twice is a no-op), claim due rows safely with
several workers (PostgreSQL: `FOR UPDATE SKIP LOCKED`; SQLite: one writer at a time), record how
each attempt went. Callers own the transactions."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage import leases
from storage.leases import free
from storage.models.messaging import CachedToken, Delivery
from storage.upsert import insert_for

RATE_KEPT = dt.timedelta(hours=1)  # how long a learnt send rate is trusted after its last limit


class OutboxRepository:
    def __init__(self, session: Session):
        self.s = session

    def enqueue(self, *, key: str, tenant_id: int, platform: str, workspace: str, target: str,
                payload: dict, now: dt.datetime) -> bool:
        """Add a message to send; False when one with this key exists already (sent or not)."""
        return self.enqueue_many([{"key": key, "tenant_id": tenant_id, "platform": platform,
                                   "workspace": workspace, "target": target, "payload": payload}],
                                 now) == 1

    def enqueue_many(self, rows: list[dict], now: dt.datetime, due: dt.datetime | None = None) -> int:
        """Add messages (dicts of key, tenant_id, platform, workspace, target, payload) in one
        statement, to send from `due` (now); keys already there are skipped. Returns how many
        were new."""
        return len(self.add(rows, now, due))

    def add(self, rows: list[dict], now: dt.datetime, due: dt.datetime | None = None) -> list[str]:
        """`enqueue_many`, returning the keys that were new."""
        if not rows:
            return []
        insert = insert_for(self.s.bind.dialect.name)
        table = Delivery.__table__
        values = [{**row, "status": "pending", "attempts": 0, "next_attempt_at": due or now,
                   "last_error": "", "created_at": now} for row in rows]
        # executemany of one cached statement (SQLAlchemy batches it as "insertmanyvalues"), in
        # as few statements as the driver's bound-parameter limit allows, not 1,000 rows at a time
        statement = insert(table).on_conflict_do_nothing(index_elements=["key"]).returning(table.c.key)
        return list(self.s.connection().execute(statement, values, execution_options={
            "insertmanyvalues_page_size": len(values)}).scalars())

    def fill(self, key: str, payload: dict, target: str, sent: dt.datetime | None = None) -> bool:
        """The message of a key taken before it was known (an answer: `handlers.unit_of_work`), and
        where it goes; `sent`: when it was given another way (WeCom's passive reply). False when
        no row has the key."""
        values = {"payload": payload, "target": target}
        if sent is not None:
            values.update(status="sent", sent_at=sent)
        return self.s.execute(update(Delivery).where(Delivery.key == key).values(**values)).rowcount > 0

    def posts_of(self, fact: str) -> list[Delivery]:
        """The posts telling `fact` that were sent or may still be (handlers/team/fact_posts.py)."""
        return list(self.s.scalars(select(Delivery).where(
            Delivery.fact == fact, Delivery.status.in_(("pending", "sent", "failed"))).order_by(Delivery.id)))

    def recent_posts(self, tenant_id: int, kind: str, since: dt.datetime) -> list[Delivery]:
        """The tenant's posts of facts of `kind` (`target`, `contest`) queued since `since`, pending
        or sent."""
        return list(self.s.scalars(select(Delivery).where(
            Delivery.tenant_id == tenant_id, Delivery.fact.startswith(f"{kind}:"),
            Delivery.status.in_(("pending", "sent")), Delivery.created_at >= since)))

    def withdraw(self, delivery: Delivery) -> None:
        """A post not out yet that must never go: gone."""
        self.s.delete(delivery)

    def of_message(self, key: str) -> list[Delivery]:
        """The rows a message queued: its answer (`key`) and what it caused (`key:…`), unsent."""
        return list(self.s.scalars(select(Delivery).where(
            (Delivery.key == key) | Delivery.key.startswith(f"{key}:", autoescape=True),
            Delivery.status == "pending").order_by(Delivery.id)))

    def find(self, key: str) -> Delivery | None:
        return self.s.scalar(select(Delivery).where(Delivery.key == key))

    def exists(self, key: str) -> bool:
        return bool(self.existing([key]))

    def was_sent(self, key: str) -> bool:
        """Whether the message of this key reached the platform (queued or failed is not)."""
        sent = select(Delivery.id).where(Delivery.key == key, Delivery.status == "sent")
        return self.s.scalar(sent) is not None

    def existing(self, keys: list[str]) -> set[str]:
        """Which of these keys are in the outbox (sent or not)."""
        return set(self.s.scalars(select(Delivery.key).where(Delivery.key.in_(keys)))) if keys else set()

    def claim(self, now: dt.datetime, limit: int, lease: dt.timedelta,
              skip: dict[tuple[str, str], object] | None = None,
              keys: list[str] | None = None) -> list[Delivery]:
        """Take up to `limit` due rows (or these `keys`, due or not) for `lease`; no other worker
        gets them meanwhile. `skip`: (platform, workspace) pairs paused by a rate limit."""
        due = (select(Delivery.id).where(Delivery.status == "pending", free(Delivery, now))
               .order_by(Delivery.next_attempt_at, Delivery.id).limit(limit))
        # rows named by key are the caller's to send now (an answer it holds: `AnswerTo.held`)
        due = due.where(Delivery.key.in_(keys) if keys is not None else Delivery.next_attempt_at <= now)
        for platform, workspace in skip or ():
            due = due.where(~((Delivery.platform == platform) & (Delivery.workspace == workspace)))
        ids = leases.lease(self.s, Delivery, due, now, lease)
        return list(self.s.scalars(select(Delivery).where(Delivery.id.in_(ids)).order_by(Delivery.id)))

    def renew(self, ids: list[int], held_until: dt.datetime, until: dt.datetime) -> set[int]:
        """Extend a lease to `until` on the rows still held under `held_until` (the lease this
        caller took: a row another worker took since has another); returns those renewed."""
        return set(self.s.scalars(
            update(Delivery).where(Delivery.id.in_(ids), Delivery.status == "pending",
                                   Delivery.claimed_until == held_until)
            .values(claimed_until=until).returning(Delivery.id)).all())

    def put_back(self, delivery_id: int, when: dt.datetime, note: str = "") -> None:
        """A claimed row not tried after all (its workspace paused meanwhile): due at `when`,
        its claim's attempt not counted."""
        values = {"next_attempt_at": when, "claimed_until": None, "attempts": Delivery.attempts - 1}
        if note:
            values["last_error"] = note
        self.s.execute(update(Delivery).where(Delivery.id == delivery_id).values(**values))

    def due_again(self, ids: list[int], now: dt.datetime) -> int:
        """These rows, if still waiting for a later try, are due now (their platform is back)."""
        return self.s.execute(update(Delivery).where(
            Delivery.id.in_(ids), Delivery.status == "pending", Delivery.next_attempt_at > now)
            .values(next_attempt_at=now)).rowcount

    def set_payload(self, delivery_id: int, payload: dict) -> None:
        self.s.execute(update(Delivery).where(Delivery.id == delivery_id).values(payload=payload))

    def mark_sent(self, delivery_id: int, now: dt.datetime, message_id: str | None = None) -> None:
        """Sent; `message_id`: the platform's id of the message, for a later edit or withdrawal."""
        self.s.execute(update(Delivery).where(Delivery.id == delivery_id)
                       .values(status="sent", sent_at=now, claimed_until=None, last_error="",
                               message_id=message_id[:200] if message_id else None))

    def retry_at(self, delivery_id: int, when: dt.datetime, error: str) -> None:
        self.s.execute(update(Delivery).where(Delivery.id == delivery_id)
                       .values(next_attempt_at=when, claimed_until=None, last_error=error[:2000]))

    def mark_failed(self, delivery_id: int, error: str) -> None:
        self.s.execute(update(Delivery).where(Delivery.id == delivery_id)
                       .values(status="failed", claimed_until=None, last_error=error[:2000]))

    def unsent(self, statuses: tuple[str, ...] = ("pending", "failed"), limit: int = 200):
        return list(self.s.scalars(select(Delivery).where(Delivery.status.in_(statuses))
                                   .order_by(Delivery.status, Delivery.next_attempt_at).limit(limit)))

    def requeue_failed(self, now: dt.datetime) -> int:
        """Give failed deliveries a fresh set of attempts; returns how many."""
        return self.s.execute(update(Delivery).where(Delivery.status == "failed")
                              .values(status="pending", attempts=0, next_attempt_at=now,
                                      claimed_until=None)).rowcount

    # learnt send rates ---------------------------------------------------------------------
    def learnt_rate(self, platform: str, workspace: str, now: dt.datetime) -> float | None:
        """The send rate a worker last learnt for a workspace from a rate limit, within the hour."""
        row = self.s.get(CachedToken, _rate_key(platform, workspace))
        return float(row.value) if row is not None and row.expires_at > now else None

    def remember_rate(self, platform: str, workspace: str, rate: float, now: dt.datetime) -> None:
        insert = insert_for(self.s.bind.dialect.name)
        values = {"key": _rate_key(platform, workspace), "value": f"{rate:.3f}",
                  "expires_at": now + RATE_KEPT}
        self.s.execute(insert(CachedToken).values(values).on_conflict_do_update(
            index_elements=["key"], set_={"value": values["value"], "expires_at": values["expires_at"]}))


def _rate_key(platform: str, workspace: str) -> str:
    return f"pace:{platform}:{workspace}"[:200]
