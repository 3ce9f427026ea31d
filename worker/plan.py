"""Which jobs exist: one per team and kind (per member timezone for per-member kinds), built from
the teams' schedules in the database, and how one run of a job is carried out exactly once."""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from handlers.rules.schedules import WATCH, JobKind, job_runs_on, schedule_of
from handlers.senders import Defaults
from handlers.workspace.holidays import load_corrections
from storage import pipelines
from storage.models.base import utcnow
from storage.models.messaging import JobRun
from storage.models.team import Team, TeamMember
from storage.models.workspace import Member
from worker.jobs import JOBS
from worker.run_context import Run

log = logging.getLogger(__name__)
WATCH_EVERY = dt.timedelta(minutes=2)  # how soon a reached target is announced
LOOKBACK = dt.timedelta(days=1)  # how far back a restart looks for a run it missed


@dataclass(frozen=True)
class JobSpec:
    kind: str
    team_id: int
    team_name: str
    zone: str
    time: dt.time | None  # None: every WATCH_EVERY
    grace: dt.timedelta
    days: str = "0123456"  # on which days the job has work (see handlers.rules.schedules.job_runs_on)
    calendar: str = ""
    since: dt.datetime | None = None  # when the team was created: nothing is caught up before

    @property
    def id(self) -> str:
        """Stable across workers and restarts: `standup:3:Asia/Shanghai`."""
        return f"{self.kind}:{self.team_id}:{self.zone}"

    @property
    def recorded(self) -> bool:
        """Timed runs are recorded (once each, caught up after downtime); the watch is not."""
        return self.time is not None

    def fire_times(self, since: dt.datetime, until: dt.datetime) -> list[dt.datetime]:
        """The trigger's times in (since, until], aware, in the job's zone (DST-correct): every
        day (the job itself skips days off, so a change of calendar applies at once)."""
        if self.time is None:
            return []
        zone, out = ZoneInfo(self.zone), []
        day = since.astimezone(zone).date()
        while True:
            at = dt.datetime.combine(day, self.time, zone)
            # A time skipped by a DST jump does not exist: run it at the first instant after.
            at = at.astimezone(dt.timezone.utc).astimezone(zone)
            if at > until:
                return out
            if at > since:
                out.append(at)
            day += dt.timedelta(days=1)


def plan(session: Session) -> list[JobSpec]:
    """Every job every team's schedule asks for, now."""
    specs = []
    zones = _member_zones(session)
    for team in session.scalars(select(Team).order_by(Team.id)):
        schedule = schedule_of(team.settings)
        for name, kind in schedule.items():
            if kind.on:
                for zone in sorted(zones.get(team.id, set()) or {team.timezone}) \
                        if kind.per_member else [team.timezone]:
                    specs.append(_spec(name, kind, team, zone or team.timezone))
        if schedule["recognition"].on:
            specs.append(JobSpec(WATCH, team.id, team.name, team.timezone, None, WATCH_EVERY))
    return specs


def _spec(name: str, kind: JobKind, team: Team, zone: str) -> JobSpec:
    return JobSpec(name, team.id, team.name, zone, kind.time, kind.grace, kind.days,
                   team.calendar, team.created_at)


def _member_zones(session: Session) -> dict[int, set[str | None]]:
    """{team id: the timezones its active members live in (None: the team's own)}."""
    out: dict[int, set] = {}
    rows = session.execute(select(TeamMember.team_id, Member.timezone, Team.timezone)
                           .join(Member, Member.id == TeamMember.member_id)
                           .join(Team, Team.id == TeamMember.team_id)
                           .where(Member.active.is_(True)))
    for team_id, member_zone, team_zone in rows:
        out.setdefault(team_id, set()).add(member_zone or team_zone)
    return out


def fire(session_factory: sessionmaker[Session], spec: JobSpec, fire_at: dt.datetime,
         defaults: Defaults = Defaults(), clock=utcnow, *, manual: bool = False) -> int | None:
    """Carry out one run in one transaction; None when this run was already done (by this or
    another worker: on PostgreSQL the second insert of the run waits for the first to commit).
    `manual` (`salesbot run-job`): run whatever the day, without recording a scheduled run.
    A scheduled run belongs to the team and members that existed at `fire_at`, checked here
    whatever the worker read before: a team or member made seconds after it waits for the next."""
    recorded = spec.recorded and not manual
    with session_factory() as session:
        if recorded:
            record = JobRun(job_id=spec.id, fire_at=fire_at, ran_at=clock())
            session.add(record)
            try:
                session.flush()
            except IntegrityError:
                session.rollback()
                return None
        team = session.get(Team, spec.team_id)
        if team is None or (not manual and team.created_at > fire_at):
            # a team made after the run's time (a worker read the schedule before it existed):
            # the run is not its own; recorded as done, with nothing sent
            session.commit()
            return 0
        load_corrections(session, team.tenant_id)
        run = Run(session, team, fire_at, spec.zone, defaults, clock, forced=manual)
        with pipelines.use(pipelines.of(session, team.tenant_id)):  # its stages, as chat shows them
            JOBS[spec.kind](run)
        run.flush()
        if recorded:
            record.sent = run.sent
        session.commit()
    if run.sent:
        log.info("%s for %s at %s: %d messages", spec.kind, spec.team_name, fire_at, run.sent)
    return run.sent


def was_run(session: Session, spec: JobSpec, fire_at: dt.datetime) -> bool:
    return session.scalar(select(JobRun.id).where(JobRun.job_id == spec.id,
                                                  JobRun.fire_at == fire_at)) is not None


def last_missed(session: Session, spec: JobSpec, now: dt.datetime) -> dt.datetime | None:
    """The last scheduled time, on a day the job had work and the team existed, that did not run
    (after downtime)."""
    times = [t for t in spec.fire_times(now - LOOKBACK, now)
             if job_runs_on(spec.kind, spec.days, t.date(), spec.calendar)
             and (spec.since is None or t >= spec.since)]
    if times and not was_run(session, spec, times[-1]):
        return times[-1]
    return None
