"""A workspace's CRM connection and the links between our rows and the CRM's records.

Nothing here talks to a CRM: `crm/` does, and hands what it read to these functions inside the
caller's transaction. The connection's secret is stored here and returned only to `crm/`; no
function here formats it, so no reply or log line can show it.
"""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models.base import name_key
from storage.models.crm import CrmConnection, CrmLink
from storage.models.messaging import CachedToken
from storage.models.team import Team, TeamMember
from storage.models.workspace import Member

KINDS = ("member", "customer", "deal", "activity", "stage")


class CrmRepository:
    def __init__(self, session: Session):
        self.s = session

    # the connection ------------------------------------------------------------------------
    def connection(self, tenant_id: int) -> CrmConnection | None:
        return self.s.scalar(select(CrmConnection).where(CrmConnection.tenant_id == tenant_id))

    def connect(self, tenant_id: int, crm: str, settings: dict, secret: str) -> CrmConnection:
        """Connect (or reconnect, to the same or another CRM): the old links stay only if the CRM
        is the same one."""
        row = self.connection(tenant_id)
        if row is None:
            row = CrmConnection(tenant_id=tenant_id, crm=crm)
            self.s.add(row)
        elif row.crm != crm or row.settings.get("org") != settings.get("org"):
            self.s.query(CrmLink).filter(CrmLink.tenant_id == tenant_id).delete()
        row.crm, row.settings, row.secret = crm, dict(settings), secret
        row.status, row.last_error = "connected", ""
        self.s.flush()
        return row

    def record_sync(self, tenant_id: int, at: dt.datetime, error: str = "", *, waiting: bool = False,
                    status: str = "") -> None:
        """A pass's outcome: `error` with `waiting` is one the sync waits out by itself (a rate
        limit, an outage); without, one only an admin mends (refused credentials); `status`
        `import` is a first import that stopped (run again)."""
        row = self.connection(tenant_id)
        if row is None:
            return
        row.status = (status or ("waiting" if waiting else "error")) if error else "connected"
        row.last_error = error[:2000]
        if not error:
            row.last_sync_at = at

    def connections(self, crm: str | None = None) -> list[CrmConnection]:
        query = select(CrmConnection).order_by(CrmConnection.id)
        if crm:
            query = query.where(CrmConnection.crm == crm)
        return list(self.s.scalars(query))

    def forget_token(self, key: str) -> None:
        """Drop a cached access token (credentials changed: the old one is not theirs)."""
        self.s.query(CachedToken).filter(CachedToken.key == key).delete()

    # links ---------------------------------------------------------------------------------
    def link(self, tenant_id: int, kind: str, remote_id: str, local_id: int | None = None, *,
             name: str = "", email: str = "", mobile: str = "",
             modified_at: dt.datetime | None = None, synced_at: dt.datetime | None = None,
             content: dict | None = None) -> CrmLink:
        """The link of CRM record `remote_id`, made or brought up to date."""
        row = self.s.scalar(select(CrmLink).where(CrmLink.tenant_id == tenant_id, CrmLink.kind == kind,
                                                  CrmLink.remote_id == remote_id))
        if row is None:
            row = CrmLink(tenant_id=tenant_id, kind=kind, remote_id=remote_id)
            self.s.add(row)
        if local_id is not None:
            row.local_id = local_id
        row.name, row.email, row.mobile = name or row.name, email or row.email, mobile or row.mobile
        row.remote_modified_at = modified_at or row.remote_modified_at
        row.synced_at = synced_at or row.synced_at
        row.content = content if content is not None else row.content
        self.s.flush()
        return row

    def remote_of(self, tenant_id: int, kind: str) -> dict[int, CrmLink]:
        """Our id → its link, for every linked row of a kind."""
        rows = self.s.scalars(select(CrmLink).where(CrmLink.tenant_id == tenant_id, CrmLink.kind == kind,
                                                    CrmLink.local_id.is_not(None)))
        return {row.local_id: row for row in rows}

    def local_of(self, tenant_id: int, kind: str) -> dict[str, int]:
        """The CRM's id → ours, for every linked record of a kind."""
        rows = self.s.execute(select(CrmLink.remote_id, CrmLink.local_id).where(
            CrmLink.tenant_id == tenant_id, CrmLink.kind == kind, CrmLink.local_id.is_not(None)))
        return {remote: local for remote, local in rows}

    def unmapped_users(self, tenant_id: int) -> list[CrmLink]:
        """CRM users no member is mapped to yet (`crm map @ana ana@corp.com`)."""
        return list(self.s.scalars(select(CrmLink).where(
            CrmLink.tenant_id == tenant_id, CrmLink.kind == "member", CrmLink.local_id.is_(None))
            .order_by(CrmLink.name, CrmLink.id)))

    def user_by_contact(self, tenant_id: int, contact: str) -> CrmLink | None:
        """The CRM user whose email (any case) or mobile is `contact`."""
        contact = contact.strip()
        for row in self.s.scalars(select(CrmLink).where(CrmLink.tenant_id == tenant_id,
                                                        CrmLink.kind == "member")):
            if (row.email and row.email.casefold() == contact.casefold()) or (
                    row.mobile and _digits(row.mobile) == _digits(contact) and _digits(contact)):
                return row
        return None

    def map_member(self, tenant_id: int, member_id: int, email: str) -> CrmLink:
        """Map a member to the CRM user with `email`, or note the email for an export before the
        CRM is connected (a link with no CRM id yet, keyed by the email)."""
        for row in self.s.scalars(select(CrmLink).where(CrmLink.tenant_id == tenant_id,
                                                        CrmLink.kind == "member",
                                                        CrmLink.local_id == member_id)):
            row.local_id = None  # one CRM user per member
        found = self.user_by_contact(tenant_id, email)
        if found is None:
            return self.link(tenant_id, "member", f"email:{email.casefold()}", member_id, email=email)
        found.local_id = member_id
        self.s.flush()
        return found


def match_users(session: Session, tenant_id: int, users: list[dict]) -> tuple[list, list]:
    """Link the CRM's users (`id`, `name`, `email`, `mobile`) and match each to a member: the one
    it was matched to before, else the one an admin noted its email for (`crm map` before
    connecting), else the one of the same name. Returns (matched links, unmatched links)."""
    repo = CrmRepository(session)
    noted = {row.email.casefold(): row for row in session.scalars(select(CrmLink).where(
        CrmLink.tenant_id == tenant_id, CrmLink.kind == "member", CrmLink.remote_id.like("email:%")))}
    taken = set(repo.remote_of(tenant_id, "member"))
    by_name: dict[str, list[Member]] = {}
    for member in session.scalars(select(Member).where(Member.tenant_id == tenant_id,
                                                       Member.active.is_(True))):
        by_name.setdefault(member.name_key, []).append(member)
    matched, unmatched = [], []
    for user in users:
        link = repo.link(tenant_id, "member", user["id"], name=user["name"], email=user.get("email", ""),
                         mobile=user.get("mobile", ""))
        if link.local_id is None and user.get("email") and user["email"].casefold() in noted:
            placeholder = noted.pop(user["email"].casefold())
            link.local_id = placeholder.local_id
            session.delete(placeholder)
        if link.local_id is None:
            same = [m for m in by_name.get(name_key(user["name"]), []) if m.id not in taken]
            if len(same) == 1:
                link.local_id = same[0].id
        if link.local_id is not None:
            taken.add(link.local_id)
        (matched if link.local_id is not None else unmatched).append(link)
    session.flush()
    return matched, unmatched


def member_zones(session: Session, tenant_id: int, default: str) -> dict[int, ZoneInfo]:
    """Each member's timezone: their own, else their first team's, else the installation's."""
    rows = session.execute(
        select(Member.id, Member.timezone, Team.timezone)
        .outerjoin(TeamMember, TeamMember.member_id == Member.id)
        .outerjoin(Team, Team.id == TeamMember.team_id)
        .where(Member.tenant_id == tenant_id).order_by(Member.id, Team.id))
    zones: dict[int, ZoneInfo] = {}
    for member_id, own, team in rows:
        if member_id not in zones:
            zones[member_id] = ZoneInfo(own or team or default)
    return zones


def _digits(text: str) -> str:
    digits = "".join(ch for ch in text if ch.isdigit())
    return digits[-11:]  # a Chinese mobile with or without +86
