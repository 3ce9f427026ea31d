"""The CRM outbox: what salesbot owes a workspace's CRM, found by scanning for changes and queued by
deterministic key, then written in order.

The scan needs no hook in the chat's handlers: a customer named in chat has no account link yet; a
deal made or changed in chat has `updated_at` newer than the version its link says the CRM has
(`synced_at`); a visit has no activity link. Changes that came *from* the CRM set `synced_at` to
the row's new `updated_at`, so they are never sent back (no echo). Callers own the transactions.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, select, update
from sqlalchemy.orm import Session, aliased

from storage import leases
from storage.models.crm import CrmLink, CrmWrite
from storage.models.sales import Customer, Deal, Visit
from storage.upsert import insert_for


class CrmOutbox:
    def __init__(self, session: Session):
        self.s = session

    def scan(self, tenant_id: int, since: dt.datetime, now: dt.datetime, visits_after: int = 0) -> int:
        """Queue a write for every change since `since` (the connection) the CRM lacks, and every
        visit logged since (ids above `visits_after`); returns how many were new (a rescan adds
        nothing twice)."""
        rows = []
        link = aliased(CrmLink)
        unlinked = lambda kind, column: ~select(link.id).where(  # noqa: E731
            link.tenant_id == tenant_id, link.kind == kind, link.local_id == column).exists()
        for customer_id in self.s.scalars(select(Customer.id).where(
                Customer.tenant_id == tenant_id, Customer.created_at >= since,
                unlinked("customer", Customer.id))):
            rows.append(("account", customer_id, f"{tenant_id}:account:{customer_id}"))
        deals = (select(Deal.id, Deal.updated_at)
                 .outerjoin(link, and_(link.tenant_id == tenant_id, link.kind == "deal",
                                       link.local_id == Deal.id))
                 .where(Deal.tenant_id == tenant_id, Deal.updated_at >= since,
                        link.id.is_(None) | link.synced_at.is_(None)
                        | (Deal.updated_at > link.synced_at)))
        for deal_id, updated in self.s.execute(deals):
            rows.append(("deal", deal_id, f"{tenant_id}:deal:{deal_id}:{updated.isoformat()}"))
        for visit_id in self.s.scalars(select(Visit.id).where(
                Visit.tenant_id == tenant_id, Visit.id > visits_after, unlinked("activity", Visit.id))):
            rows.append(("activity", visit_id, f"{tenant_id}:activity:{visit_id}"))
        return self.enqueue(tenant_id, rows, now)

    def enqueue(self, tenant_id: int, rows: list[tuple[str, int, str]], now: dt.datetime) -> int:
        if not rows:
            return 0
        insert = insert_for(self.s.bind.dialect.name)
        table = CrmWrite.__table__
        values = [{"tenant_id": tenant_id, "key": key[:200], "op": op, "local_id": local_id,
                   "status": "pending", "attempts": 0, "next_attempt_at": now, "last_error": "",
                   "created_at": now} for op, local_id, key in rows]
        statement = insert(table).on_conflict_do_nothing(index_elements=["key"]).returning(table.c.id)
        return len(self.s.connection().execute(statement, values).all())

    def claim(self, tenant_id: int, now: dt.datetime, limit: int, lease: dt.timedelta) -> list[CrmWrite]:
        """The workspace's next writes, in order: only the due ones before the first that is not
        (a write held back by a rate limit holds those after it: the CRM gets them in order)."""
        head = list(self.s.execute(select(CrmWrite.id, CrmWrite.next_attempt_at, CrmWrite.claimed_until)
                                   .where(CrmWrite.tenant_id == tenant_id, CrmWrite.status == "pending")
                                   .order_by(CrmWrite.id).limit(limit)))
        ready = []
        for row_id, due, claimed in head:
            if due > now or (claimed is not None and claimed >= now):
                break
            ready.append(row_id)
        if not ready:
            return []
        ids = leases.lease(self.s, CrmWrite, select(CrmWrite.id).where(CrmWrite.id.in_(ready),
                                                                      leases.free(CrmWrite, now)),
                           now, lease)
        return list(self.s.scalars(select(CrmWrite).where(CrmWrite.id.in_(ids)).order_by(CrmWrite.id)))

    def done(self, write_id: int, now: dt.datetime) -> None:
        self.s.execute(update(CrmWrite).where(CrmWrite.id == write_id)
                       .values(status="done", done_at=now, claimed_until=None, last_error=""))

    def retry_at(self, write_id: int, when: dt.datetime, error: str) -> None:
        self.s.execute(update(CrmWrite).where(CrmWrite.id == write_id)
                       .values(next_attempt_at=when, claimed_until=None, last_error=error[:2000]))

    def release(self, write_ids: list[int]) -> None:
        """Give back claimed writes not tried (they wait behind one that was held)."""
        if write_ids:
            self.s.execute(update(CrmWrite).where(CrmWrite.id.in_(write_ids)).values(claimed_until=None))

    def failed(self, write_id: int, error: str) -> None:
        self.s.execute(update(CrmWrite).where(CrmWrite.id == write_id)
                       .values(status="failed", claimed_until=None, last_error=error[:2000]))

    def pending(self, tenant_id: int) -> int:
        from sqlalchemy import func

        return self.s.scalar(select(func.count()).select_from(CrmWrite).where(
            CrmWrite.tenant_id == tenant_id, CrmWrite.status == "pending")) or 0

    def refused(self, tenant_id: int) -> tuple[int, str]:
        """How many writes the CRM refused, and what it said to the last one."""
        rows = list(self.s.execute(select(CrmWrite.last_error).where(
            CrmWrite.tenant_id == tenant_id, CrmWrite.status == "failed").order_by(CrmWrite.id.desc())))
        return len(rows), rows[0][0] if rows else ""
