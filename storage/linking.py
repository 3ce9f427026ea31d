"""One person on two platforms: one-time link codes, and merging a member (and, the first time, the
other platform's workspace) into the member they already are."""
from __future__ import annotations

import datetime as dt
import secrets

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from storage.models.messaging import CachedToken
from storage.models.sales import Customer, Deal, DealEvent, Visit
from storage.models.team import Leave, Target
from storage.models.workspace import AuditLog, Identity, Member, Tenant, TenantLink

CODE_LIFETIME = dt.timedelta(minutes=10)
CODE_DIGITS = 8  # 10⁸ codes against at most LOCK_AFTER guesses per member per lockout


def issue_code(session: Session, member: Member, platform: str, now: dt.datetime) -> str:
    """A code, valid ten minutes and once, that stands for `member` on `platform`; it replaces any
    code of theirs still live (one at a time)."""
    session.execute(delete(CachedToken).where(CachedToken.key.startswith("link:"),
                                              CachedToken.value.startswith(f"{member.id}:")))
    while True:
        code = f"{secrets.randbelow(10 ** CODE_DIGITS):0{CODE_DIGITS}d}"
        if session.get(CachedToken, f"link:{code}") is None:
            break
    session.add(CachedToken(key=f"link:{code}", value=f"{member.id}:{platform}",
                            expires_at=now + CODE_LIFETIME))
    return code


def redeem_code(session: Session, code: str, now: dt.datetime) -> tuple[Member, str] | None:
    """(member, platform the code was asked for on) of a valid code; the code is used up either way."""
    row = session.get(CachedToken, f"link:{code}")
    if row is None:
        return None
    session.delete(row)
    member_id, _, platform = row.value.partition(":")
    member = session.get(Member, int(member_id)) if row.expires_at > now else None
    return (member, platform) if member else None


def burn_code(session: Session, code: str) -> None:
    session.execute(delete(CachedToken).where(CachedToken.key == f"link:{code}"))


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
                                 (AuditLog, AuditLog.actor_id, tenant),
                                 (Customer, Customer.owner_id, {}), (Leave, Leave.member_id, {}),
                                 (DealEvent, DealEvent.actor_id, {}), (DealEvent, DealEvent.owner_id, {})):
        session.execute(update(model).where(column == source.id).values({column.key: target.id, **extra}))
    session.delete(source)
    session.flush()


def adopt_tenant(session: Session, source: Tenant, target_id: int) -> None:
    """`source`'s workspace becomes part of the target tenant; the emptied source tenant goes."""
    for model in (TenantLink, AuditLog):  # the trail of what happened there comes along
        session.execute(update(model).where(model.tenant_id == source.id).values(tenant_id=target_id))
    session.add(TenantLink(platform=source.platform, external_id=source.external_id, tenant_id=target_id))
    session.delete(source)
    session.flush()
