"""One person on two platforms: one-time link codes, and merging a member (and, the first time, the
other platform's workspace) into the member they already are."""
from __future__ import annotations

import datetime as dt
import secrets

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage.models import (
    CachedToken,
    Customer,
    Deal,
    DealEvent,
    Identity,
    Leave,
    Member,
    Target,
    Tenant,
    TenantLink,
    Visit,
)

CODE_LIFETIME = dt.timedelta(minutes=10)


def issue_code(session: Session, member: Member, now: dt.datetime) -> str:
    """A six-digit code, valid ten minutes and once, that stands for `member`."""
    while True:
        code = f"{secrets.randbelow(10 ** 6):06d}"
        if session.get(CachedToken, f"link:{code}") is None:
            break
    session.add(CachedToken(key=f"link:{code}", value=str(member.id), expires_at=now + CODE_LIFETIME))
    return code


def redeem_code(session: Session, code: str, now: dt.datetime) -> Member | None:
    """The member a valid code stands for; the code is used up either way."""
    row = session.get(CachedToken, f"link:{code}")
    if row is None:
        return None
    session.delete(row)
    return session.get(Member, int(row.value)) if row.expires_at > now else None


def merge_member(session: Session, source: Member, target: Member) -> None:
    """Give everything of `source` (identities, visits, deals, targets, leave) to `target`.

    Across tenants, the source tenant's customers join the target tenant, matched by name.
    """
    moving = source.tenant_id != target.tenant_id
    if moving:
        for customer in session.scalars(select(Customer).where(Customer.tenant_id == source.tenant_id)):
            same = session.scalar(select(Customer).where(Customer.tenant_id == target.tenant_id,
                                                         Customer.name_key == customer.name_key))
            if same is None:
                customer.tenant_id = target.tenant_id
                continue
            for model in (Visit, Deal):
                session.execute(update(model).where(model.customer_id == customer.id)
                                .values(customer_id=same.id))
            session.delete(customer)
        session.flush()
    tenant = {"tenant_id": target.tenant_id}
    for model, column, extra in ((Visit, Visit.member_id, tenant), (Deal, Deal.owner_id, tenant),
                                 (Target, Target.member_id, tenant), (Identity, Identity.member_id, tenant),
                                 (Customer, Customer.owner_id, {}), (Leave, Leave.member_id, {}),
                                 (DealEvent, DealEvent.actor_id, {}), (DealEvent, DealEvent.owner_id, {})):
        session.execute(update(model).where(column == source.id).values({column.key: target.id, **extra}))
    session.delete(source)
    session.flush()


def adopt_tenant(session: Session, source: Tenant, target_id: int) -> None:
    """`source`'s workspace becomes part of the target tenant; the emptied source tenant goes."""
    session.execute(update(TenantLink).where(TenantLink.tenant_id == source.id)
                    .values(tenant_id=target_id))
    session.add(TenantLink(platform=source.platform, external_id=source.external_id, tenant_id=target_id))
    session.delete(source)
    session.flush()
