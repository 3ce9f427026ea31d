"""Tenants, members, identities, teams and leave. Callers own the transaction."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import exists, func, literal, or_, select
from sqlalchemy.orm import Session

from storage.models.base import name_key, utcnow
from storage.models.team import Leave, Team, TeamMember
from storage.models.workspace import AuditLog, Identity, Member, Tenant, TenantLink


class PeopleRepository:
    def __init__(self, session: Session):
        self.s = session

    # tenants -------------------------------------------------------------------------------
    def tenant(self, platform: str, external_id: str) -> Tenant | None:
        """The tenant of a workspace: its own, or the one it was linked to."""
        own = self.s.scalar(select(Tenant).where(Tenant.platform == platform,
                                                 Tenant.external_id == external_id))
        if own is not None:
            return own
        return self.s.scalar(select(Tenant).join(TenantLink, TenantLink.tenant_id == Tenant.id)
                             .where(TenantLink.platform == platform,
                                    TenantLink.external_id == external_id))

    def all_tenants(self) -> list[Tenant]:
        return list(self.s.scalars(select(Tenant).order_by(Tenant.id)))

    def add_tenant(self, platform: str, external_id: str, name: str, currency: str) -> Tenant:
        tenant = Tenant(platform=platform, external_id=external_id, name=name, currency=currency)
        self.s.add(tenant)
        self.s.flush()
        return tenant

    def hold_tenant(self, tenant_id: int) -> None:
        """Hold the tenant's row for this transaction (PostgreSQL `FOR UPDATE`; SQLite has one
        writer at a time): whoever holds it next sees what this one wrote (one first admin)."""
        self.s.execute(select(Tenant.id).where(Tenant.id == tenant_id).with_for_update())

    # members -------------------------------------------------------------------------------
    def by_identity(self, tenant_id: int, platform: str, external_user_id: str) -> Member | None:
        return self.s.scalar(
            select(Member).join(Identity, Identity.member_id == Member.id)
            .where(Identity.tenant_id == tenant_id, Identity.platform == platform,
                   Identity.external_user_id == external_user_id))

    def add_member(self, tenant_id: int, name: str, *, role: str = "rep", locale: str = "en",
                   timezone: str | None = None, identity: tuple[str, str] | None = None) -> Member:
        member = Member(tenant_id=tenant_id, display_name=name, name_key=name_key(name), role=role,
                        locale=locale, timezone=timezone)
        self.s.add(member)
        self.s.flush()
        if identity:
            self.s.add(Identity(tenant_id=tenant_id, member_id=member.id, platform=identity[0],
                                external_user_id=identity[1]))
        return member

    def has_members(self, tenant_id: int) -> bool:
        return bool(self.s.scalar(select(exists().where(Member.tenant_id == tenant_id))))

    def find_members(self, tenant_id: int, name: str, *, inactive_too: bool = False,
                     platform: str | None = None) -> list[Member]:
        """The member whose user id on `platform` is `name`; else members whose name is `name`
        (any case or width), else whose name starts with it. An id comes first: a display name
        that looks like someone's id never stands in for them."""
        key = name_key(name)
        base = select(Member).where(Member.tenant_id == tenant_id)
        if not inactive_too:
            base = base.where(Member.active.is_(True))
        by_identity = self.s.scalars(
            base.join(Identity, Identity.member_id == Member.id)
            .where(Identity.tenant_id == tenant_id, Identity.external_user_id == name,
                   *((Identity.platform == platform,) if platform else ()))).all()
        if by_identity:
            return list(by_identity)
        exact = self.s.scalars(base.where(Member.name_key == key)).all()
        if exact:
            return list(exact)
        return list(self.s.scalars(base.where(Member.name_key.startswith(key, autoescape=True))
                                   .order_by(Member.display_name).limit(10)))

    def names(self, member_ids) -> dict[int, str]:
        """{member: display name} of these members."""
        return dict(self.s.execute(select(Member.id, Member.display_name)
                                   .where(Member.id.in_(list(member_ids)))).all())

    def roles_of(self, member_ids) -> dict[int, str]:
        """The role of each member named by id."""
        said = select(Member.id, Member.role).where(Member.id.in_(list(member_ids)))
        return dict(self.s.execute(said).all())

    def names_in(self, tenant_id: int) -> dict[int, str]:
        """{member: display name} of every member of a tenant (former ones too)."""
        return dict(self.s.execute(select(Member.id, Member.display_name)
                                   .where(Member.tenant_id == tenant_id)).all())

    def has_identity(self, tenant_id: int, member_id: int, platform: str) -> bool:
        """Whether the member is known on `platform` already."""
        return bool(self.s.scalar(select(func.count()).select_from(Identity).where(
            Identity.tenant_id == tenant_id, Identity.member_id == member_id, Identity.platform == platform)))

    def members(self, tenant_id: int) -> list[Member]:
        return list(self.s.scalars(select(Member).where(Member.tenant_id == tenant_id)
                                   .order_by(Member.id)))

    # teams ---------------------------------------------------------------------------------
    def teams_of(self, member_id: int) -> list[Team]:
        return list(self.s.scalars(
            select(Team).join(TeamMember, TeamMember.team_id == Team.id)
            .where(TeamMember.member_id == member_id).order_by(Team.id)))

    def teams_of_many(self, member_ids) -> dict[int, list[Team]]:
        """{member: `teams_of(member)`} for several members in one query."""
        out: dict[int, list[Team]] = {member_id: [] for member_id in member_ids}
        for member_id, team in self.s.execute(
                select(TeamMember.member_id, Team).join(Team, Team.id == TeamMember.team_id)
                .where(TeamMember.member_id.in_(list(member_ids))).order_by(Team.id)):
            out[member_id].append(team)
        return out

    def teams(self, tenant_id: int) -> list[Team]:
        return list(self.s.scalars(select(Team).where(Team.tenant_id == tenant_id).order_by(Team.id)))

    def default_team(self, tenant_id: int) -> Team | None:
        """The team everyone starts in: the tenant's first (made with its first member)."""
        return self.s.scalar(select(Team).where(Team.tenant_id == tenant_id).order_by(Team.id).limit(1))

    def team_by_name(self, tenant_id: int, name: str) -> Team | None:
        return self.s.scalar(select(Team).where(Team.tenant_id == tenant_id,
                                                Team.name_key == name_key(name)))

    def add_team(self, tenant_id: int, name: str, **settings) -> Team:
        team = Team(tenant_id=tenant_id, name=name, name_key=name_key(name), **settings)
        self.s.add(team)
        self.s.flush()
        return team

    def in_team(self, team_id: int, at: dt.datetime | None = None) -> list[Member]:
        """A team's active members by name; `at`: only those who were in it then (made and
        joined by that time)."""
        query = (select(Member).join(TeamMember, TeamMember.member_id == Member.id)
                 .where(TeamMember.team_id == team_id, Member.active.is_(True)).order_by(Member.display_name))
        if at is not None:
            query = query.where(Member.created_at <= at,
                                or_(TeamMember.joined_at.is_(None), TeamMember.joined_at <= at))
        return list(self.s.scalars(query))

    def admins(self, tenant_id: int) -> list[Member]:
        """The tenant's active admins, by name."""
        return list(self.s.scalars(select(Member).where(
            Member.tenant_id == tenant_id, Member.role == "admin", Member.active.is_(True))
            .order_by(Member.display_name)))

    def roster(self, team_id: int):
        """The active members of a team as light rows: id, display_name, role, timezone, weight, locale."""
        return self.s.execute(
            select(Member.id, Member.display_name, Member.role, Member.timezone, TeamMember.weight,
                   Member.locale)
            .join(TeamMember, TeamMember.member_id == Member.id)
            .where(TeamMember.team_id == team_id, Member.active.is_(True))
            .order_by(Member.display_name)).all()

    def former(self, team_id: int) -> list[Member]:
        """The members of a team who left (inactive), by name."""
        return list(self.s.scalars(select(Member).join(TeamMember, TeamMember.member_id == Member.id)
                                   .where(TeamMember.team_id == team_id, Member.active.is_(False))
                                   .order_by(Member.display_name)))

    def counted(self, team: Team):
        """Whose figures a team's reports count: its roster and, for the team everyone starts in,
        the admins who are in no team (they read and run it, and may sell there too)."""
        rows = list(self.roster(team.id))
        if team.id != getattr(self.default_team(team.tenant_id), "id", None):
            return rows
        placed = select(TeamMember.member_id)
        rows += self.s.execute(
            select(Member.id, Member.display_name, Member.role, Member.timezone, literal(1).label("weight"),
                   Member.locale)
            .where(Member.tenant_id == team.tenant_id, Member.role == "admin", Member.active.is_(True),
                   Member.id.not_in(placed)).order_by(Member.display_name)).all()
        return rows

    def join_team(self, team_id: int, member_id: int, weight=1, now: dt.datetime | None = None) -> bool:
        """Put a member in a team; False when they were already in it."""
        if self.s.get(TeamMember, (team_id, member_id)):
            return False
        self.s.add(TeamMember(team_id=team_id, member_id=member_id, weight=weight,
                              joined_at=now or utcnow()))
        self.s.flush()
        return True

    def leave_team(self, team_id: int, member_id: int) -> bool:
        row = self.s.get(TeamMember, (team_id, member_id))
        if row:
            self.s.delete(row)
        return row is not None

    def share_a_team(self, member_id: int, other_id: int) -> bool:
        """Whether `other_id` is in one of `member_id`'s teams: a manager's reach. An admin is
        in no one's reach, whatever teams they are in."""
        mine = select(TeamMember.team_id).where(TeamMember.member_id == member_id)
        return bool(self.s.scalar(select(func.count()).select_from(TeamMember)
                                  .join(Member, Member.id == TeamMember.member_id).where(
            TeamMember.member_id == other_id, TeamMember.team_id.in_(mine), Member.role != "admin")))

    # leave and audit -----------------------------------------------------------------------
    def add_leave(self, member_id: int, first_day: dt.date, last_day: dt.date, note: str = "") -> Leave:
        leave = Leave(member_id=member_id, first_day=first_day, last_day=last_day, note=note[:200])
        self.s.add(leave)
        self.s.flush()
        return leave

    def leave_of(self, member_id: int, today: dt.date) -> list[Leave]:
        """A member's leave that has not ended yet, soonest first."""
        return list(self.s.scalars(select(Leave).where(Leave.member_id == member_id,
                                                       Leave.last_day >= today)
                                   .order_by(Leave.first_day)))

    def leaves_over(self, member_id: int, first: dt.date, last: dt.date) -> list[Leave]:
        """The member's leaves with a day in `first`..`last`, soonest first."""
        return list(self.s.scalars(select(Leave).where(Leave.member_id == member_id, Leave.first_day <= last,
                                                       Leave.last_day >= first).order_by(Leave.first_day)))

    def drop_leave(self, leave: Leave) -> None:
        self.s.delete(leave)

    def on_leave_among(self, member_ids: list[int], day: dt.date) -> set[int]:
        """Which of these members are on leave on `day`."""
        return set(self.s.scalars(select(Leave.member_id).where(
            Leave.member_id.in_(member_ids), Leave.first_day <= day, Leave.last_day >= day)))

    def audit(self, tenant_id: int, actor_id: int | None, action: str, entity: str,
              entity_id: int | None, *, at: dt.datetime | None = None, **detail) -> None:
        self.s.add(AuditLog(tenant_id=tenant_id, actor_id=actor_id, action=action, entity=entity,
                            entity_id=entity_id, detail={k: str(v) for k, v in detail.items()},
                            **({"at": at} if at else {})))


    def audit_entry(self, tenant_id: int, actor_id: int, action: str, at: dt.datetime) -> AuditLog | None:
        """The actor's latest audit entry of `action` made at `at` exactly."""
        return self.s.scalar(select(AuditLog).where(
            AuditLog.tenant_id == tenant_id, AuditLog.actor_id == actor_id, AuditLog.action == action,
            AuditLog.at == at).order_by(AuditLog.id.desc()).limit(1))

    def audited_since(self, tenant_id: int, actor_id: int, action: str,
                      since: dt.datetime) -> list[dt.datetime]:
        """When the actor did `action` after `since` (as audited)."""
        return list(self.s.scalars(select(AuditLog.at).where(
            AuditLog.tenant_id == tenant_id, AuditLog.actor_id == actor_id, AuditLog.action == action,
            AuditLog.at > since)))


class RunPeople(PeopleRepository):
    """The people reads of one job run, each made once: a run reads a stable team at one moment
    and writes no people, so every member's context shares them. `teams_of` for the run's
    members comes from one query for all of them."""

    def __init__(self, session: Session, member_ids):
        super().__init__(session)
        self._ids = set(member_ids)
        self._seen: dict = {}

    def _once(self, key, read):
        if key not in self._seen:
            self._seen[key] = read()
        return self._seen[key]

    def teams_of(self, member_id: int) -> list[Team]:
        if member_id not in self._ids:
            return super().teams_of(member_id)
        return list(self._once("teams_of", lambda: self.teams_of_many(self._ids))[member_id])

    def default_team(self, tenant_id: int) -> Team | None:
        return self._once(("default_team", tenant_id), lambda: super(RunPeople, self).default_team(tenant_id))

    def roster(self, team_id: int):
        return self._once(("roster", team_id), lambda: super(RunPeople, self).roster(team_id))

    def counted(self, team: Team):
        return list(self._once(("counted", team.id), lambda: super(RunPeople, self).counted(team)))

    def team_by_name(self, tenant_id: int, name: str) -> Team | None:
        return self._once(("team", tenant_id, name_key(name)),
                          lambda: super(RunPeople, self).team_by_name(tenant_id, name))
