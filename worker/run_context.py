"""One run of one job (`Run`): the team, the fire time and timezone, whom it concerns (members,
managers, who is away), the handlers' context for each of them, and the events it emits
(handlers/events.py) under deterministic keys, queued by `flush` through `handlers.outgoing`.
The jobs themselves are in `worker/jobs.py` and the modules it names.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import cached_property
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from handlers.context import Ctx
from handlers.events import Notice, TeamPost
from handlers.outgoing import Places, queue, team_places
from handlers.rules.schedules import job_runs_on, schedule_of
from handlers.senders import Defaults
from handlers.text.strings import majority_locale
from storage.address import Address
from storage.destinations import MemberAddresses
from storage.models.base import utcnow
from storage.models.team import Team
from storage.models.workspace import Member, Tenant
from storage.people import PeopleRepository, RunPeople
from storage.rates import RateRepository


@dataclass
class Run:
    """One run of one job: the team, the scheduled time, and where its messages go."""

    session: Session
    team: Team
    fire_at: dt.datetime  # aware; the time the run was scheduled for
    zone_name: str  # the run's local timezone (a member zone for per-member jobs)
    defaults: Defaults = field(default_factory=Defaults)
    clock: object = utcnow
    forced: bool = False  # run whatever the day (`salesbot run-job`)
    sent: int = 0
    events: list = field(default_factory=list)

    @cached_property
    def tenant(self) -> Tenant:
        return self.session.get(Tenant, self.team.tenant_id)

    @cached_property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.zone_name)

    @property
    def day(self) -> dt.date:
        return self.fire_at.astimezone(self.zone).date()

    @cached_property
    def addresses(self) -> MemberAddresses:
        return MemberAddresses(self.session, self.tenant,
                               [m.id for m in self.members] + [m.id for m in self.managers()])

    @cached_property
    def members(self) -> list[Member]:
        """The team's active members who were in it at the run's time (someone who joined seconds
        after it waits for the next run), or all of them in a forced run."""
        return PeopleRepository(self.session).in_team(self.team.id, None if self.forced else self.fire_at)

    @cached_property
    def away(self) -> set[int]:
        """Members on leave on the run's day."""
        return PeopleRepository(self.session).on_leave_among([m.id for m in self.members], self.day)

    def here(self, member: Member) -> bool:
        return (member.timezone or self.team.timezone) == self.zone_name

    def reps(self, *, here: bool = False, working: bool = False) -> list[Member]:
        """The team's reps; `here`: in this run's timezone; `working`: not on leave today."""
        return [m for m in self.members if m.role == "rep" and (not here or self.here(m))
                and (not working or m.id not in self.away)]

    def managers(self) -> list[Member]:
        """The team's managers; a team with none of its own (the team everyone starts in, at
        first) is the admins' (who are in no team unless they join one)."""
        return self._managers

    @cached_property
    def _managers(self) -> list[Member]:
        own = [m for m in self.members if m.role in ("manager", "admin")]
        return own or PeopleRepository(self.session).admins(self.tenant.id)

    @cached_property
    def shared(self) -> dict:
        """What the members' contexts read once for the whole team (see `Ctx.shared`)."""
        return {"ids": frozenset([m.id for m in self.members] + [m.id for m in self.managers()])}

    @cached_property
    def people(self) -> RunPeople:
        """The run's people reads, made once and shared by every member's context."""
        return RunPeople(self.session, self.shared["ids"])

    def ctx(self, member: Member) -> Ctx:
        ctx = Ctx(self.session, self.tenant, member, member.locale, self.fire_at,
                  self.defaults.timezone, self.defaults.calendar, queued=True, shared=self.shared,
                  events=self.events)
        ctx.people = self.people
        ctx.rates = ctx.once(("rates", ctx.today), lambda: RateRepository(self.session).of(
            self.tenant, ctx.today, self.defaults.timezone))
        return ctx

    def emit(self, event) -> None:
        self.events.append(event)

    def flush(self) -> None:
        """Queue what the run emitted, the rows of a kind in one statement (its team's places and
        its members' addresses read once for the run)."""
        places = Places(self.session, self.tenant, self.addresses, {self.team.id: self.destinations})
        self.sent += len(queue(self.session, self.tenant, self.events, self.clock(), places=places))
        self.events.clear()

    def to_member(self, key: str, member: Member, reply) -> None:
        """A direct message, in the member's language (its days are worded in it when sent)."""
        self.emit(Notice(key, member.id, replace(reply, locale=member.locale)))

    def to_team(self, key: str, reply) -> None:
        self.emit(TeamPost(key, self.team.id, reply))

    @cached_property
    def destinations(self) -> list[Address]:
        return team_places(self.session, self.tenant, self.team)

    @property
    def team_locale(self) -> str:
        """The language of team posts: that of most of the team."""
        return majority_locale(self.members)

    def runs_today(self, kind: str) -> bool:
        days = schedule_of(self.team.settings)[kind].days
        return self.forced or job_runs_on(kind, days, self.day, self.team.calendar)
