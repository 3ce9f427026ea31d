"""Where outgoing messages go: a member's direct messages and a team's channels, per platform.

Each is an `Address` (storage/address.py): a member's direct messages, a team's channel or group
chat on each platform its tenant is on. A team's are rows (`team_destinations`), set from chat
with `team set NAME WORD VALUE` (the words are the platforms': handlers/places.py).
"""
from __future__ import annotations

from dataclasses import replace

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.address import Address
from storage.models.team import Team, TeamDestination
from storage.models.workspace import Identity, Tenant, TenantLink


def workspaces(session: Session, tenant: Tenant) -> dict[str, str]:
    """{platform: workspace id} of a tenant: its own, and any workspace linked to it."""
    linked = session.execute(select(TenantLink.platform, TenantLink.external_id)
                             .where(TenantLink.tenant_id == tenant.id)).all()
    return {**dict(linked), tenant.platform: tenant.external_id}


def team_destinations(session: Session, tenant: Tenant, team: Team,
                      standing=lambda _platforms: ()) -> list[Address]:
    """The team's channels on the platforms its tenant is on (its own and linked workspaces):
    `standing`, the places it has with no setting, then those set; each in its workspace there."""
    spaces = workspaces(session, tenant)
    places = [*standing(spaces), *addresses(session, team.id)]
    return [replace(place, workspace=spaces[place.platform]) for place in places if place.platform in spaces]


def addresses(session: Session, team_id: int) -> list[Address]:
    """Each of a team's destinations, as set (of no workspace); one of a platform gone is none."""
    rows = session.execute(select(TeamDestination.platform, TeamDestination.address)
                           .where(TeamDestination.team_id == team_id).order_by(TeamDestination.id))
    return [address for platform, target in rows if (address := _parsed(platform, target))]


def _parsed(platform: str, target: str) -> Address | None:
    try:
        return Address.parse(platform, "", target)
    except ValueError:  # a kind of address no platform here declares
        return None


def set_address(session: Session, team_id: int, platform: str, address: Address | None) -> None:
    """The team's one destination on `platform` (None: none there any more)."""
    session.execute(delete(TeamDestination).where(TeamDestination.team_id == team_id,
                                                  TeamDestination.platform == platform))
    if address:
        session.add(TeamDestination(team_id=team_id, platform=platform, address=address.target))
        session.flush()


def forget_address(session: Session, address: Address) -> None:
    """A destination the platform says is gone (the bot removed from that channel): no team
    posts there any more, in whichever of the platform's workspaces."""
    session.execute(delete(TeamDestination).where(TeamDestination.platform == address.platform,
                                                  TeamDestination.address == address.target))


class MemberAddresses:
    """Direct-message addresses of some members of a tenant (a team), loaded once per job run."""

    def __init__(self, session: Session, tenant: Tenant, member_ids: list[int]):
        self.spaces = workspaces(session, tenant)
        self.home = tenant.platform
        self.by_member: dict[int, Address] = {}
        rows = session.execute(select(Identity.member_id, Identity.platform, Identity.external_user_id)
                               .where(Identity.member_id.in_(member_ids))).all()
        for member_id, platform, user in sorted(rows, key=lambda r: r[1] != self.home):
            if member_id not in self.by_member and platform in self.spaces:
                self.by_member[member_id] = Address.user(platform, self.spaces[platform], user)

    def of(self, member_id: int) -> Address | None:
        """Where a member reads the bot: the tenant's own platform first (Slack before a linked WeCom)."""
        return self.by_member.get(member_id)
