"""The scheduled jobs. Each runs for one team (and, for per-member jobs, one timezone) at one fire
time, in one transaction, and only writes to the outbox under deterministic keys: running a job
twice, on two workers or after a restart, sends nothing twice.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import cached_property, partial
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from handlers import contests, notices, scorecards, tasks
from handlers import digest as digests
from handlers import format as fmt
from handlers.calendar import is_working_day, period_bounds
from handlers.commands import Period, Scope, ShowProgress, ShowScorecard
from handlers.context import Ctx
from handlers.dispatch import Defaults
from handlers.facts import fact_of
from handlers.messages import majority_locale
from handlers.reply import Reply
from handlers.reply_json import to_payload
from handlers.reports import handle_progress
from handlers.schedule_commands import standup_prompt
from handlers.schedule_rules import REMINDER_DAYS_BEFORE_END, job_runs_on, prompt_key, schedule_of
from storage import standups
from storage.destinations import Destination, MemberAddresses, team_destinations
from storage.models import PERIOD_KINDS, Member, Team, Tenant, utcnow
from storage.outbox import OutboxRepository
from storage.people import PeopleRepository, RunPeople
from storage.rates import RateRepository
from storage.reports import TargetRepository, metric_table


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
    queued: list[dict] = field(default_factory=list)

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
                  self.defaults.timezone, self.defaults.calendar, queued=True, shared=self.shared)
        ctx.people = self.people
        ctx.rates = ctx.once(("rates", ctx.today), lambda: RateRepository(self.session).of(
            self.tenant, ctx.today, self.defaults.timezone))
        return ctx

    def post(self, key: str, where: Destination | None, reply: Reply) -> None:
        """Queue a message; a chart goes as a message of its own (an image upload), so that a
        failed upload is retried without posting the text again."""
        if where is None:
            return
        parts = [(key, replace(reply, chart=None))]
        if reply.chart is not None:
            parts.append((f"{key}:chart", Reply(chart=reply.chart, locale=reply.locale)))
        self.queued += [{"key": part_key, "tenant_id": self.tenant.id, "platform": where.platform,
                         "workspace": where.workspace, "target": where.target,
                         "payload": to_payload(part), "fact": fact_of(part)} for part_key, part in parts]

    def flush(self) -> None:
        """Put what the run queued into the outbox, in one statement."""
        self.sent += OutboxRepository(self.session).enqueue_many(self.queued, self.clock())
        self.queued = []

    def to_member(self, key: str, member: Member, reply) -> None:
        """A direct message, in the member's language (its days are worded in it when sent)."""
        self.post(key, self.addresses.of(member.id), replace(reply, locale=member.locale))

    def to_team(self, key: str, reply) -> None:
        for where in self.destinations:
            self.post(f"{key}:{where.platform}", where, reply)

    @cached_property
    def destinations(self) -> list[Destination]:
        return team_destinations(self.session, self.tenant, self.team)

    @property
    def team_locale(self) -> str:
        """The language of team posts: that of most of the team."""
        return majority_locale(self.members)

    def runs_today(self, kind: str) -> bool:
        days = schedule_of(self.team.settings)[kind].days
        return self.forced or job_runs_on(kind, days, self.day, self.team.calendar)


def standup(run: Run) -> None:
    """The morning prompt to each rep in this timezone who is working today."""
    if not run.runs_today("standup"):
        return
    for rep in run.reps(here=True, working=True):
        run.to_member(prompt_key(run.team.id, rep.id, run.day), rep,
                      standup_prompt(rep.locale, rep.display_name, run.team.settings, run.day))


def nudge(run: Run) -> None:
    """One reminder to each prompted rep in this timezone who has not answered yet."""
    answered = _answered(run)
    prompted = _prompted(run, run.reps(here=True))
    for rep in prompted:
        if rep.id not in answered:
            run.to_member(f"standup-nudge:{run.team.id}:{rep.id}:{run.day}", rep,
                          notices.nudge(rep.locale, rep.display_name))


def summary(run: Run) -> None:
    """The team's answers in its channel, naming who was asked and did not answer."""
    asked = _prompted(run, run.reps())
    if not asked:
        return
    answers = _answered(run)
    reply = notices.standup_summary(
        run.team_locale, run.team.name, run.day,
        [(r.display_name, answers[r.id]) for r in asked if r.id in answers],
        [r.display_name for r in asked if r.id not in answers])
    run.to_team(f"standup-summary:{run.team.id}:{run.day}", reply)


def _prompted(run: Run, reps: list[Member]) -> list[Member]:
    """The reps who got today's prompt (one query for the team)."""
    keys = {rep.id: prompt_key(run.team.id, rep.id, run.day) for rep in reps}
    sent = OutboxRepository(run.session).existing(list(keys.values()))
    return [rep for rep in reps if keys[rep.id] in sent]


def _answered(run: Run) -> dict[int, str]:
    return standups.answers(run.session, run.team.id, run.day)


def followups(run: Run) -> None:
    """Each member's to-do list on a morning something is due (a follow-up or a task, or any
    overdue), with buttons to mark them done."""
    if not run.runs_today("followups"):
        return
    _monthly_scorecards(run)
    for member in run.members:
        if not run.here(member) or member.id in run.away:
            continue
        ctx = run.ctx(member)
        if tasks.anything_due(ctx, run.day):
            run.to_member(f"followups:{member.id}:{run.day}", member, tasks.todo(ctx))


def _monthly_scorecards(run: Run) -> None:
    """From the month's first working day: last month's scorecard to each rep, the team's to its
    managers (with the morning list, so in each one's own morning). Someone on leave that day
    gets theirs on the first morning they are back."""
    first = run.day.replace(day=1)
    while not is_working_day(first, run.team.calendar):
        first += dt.timedelta(days=1)
    if run.day < first:
        return
    month = (first - dt.timedelta(days=1)).strftime("%Y-%m")
    last_month = Period("month", -1)
    # the team's members, and its managers who are not (an admin reading the default team)
    people = run.members + [m for m in run.managers() if m not in run.members]
    began = dt.datetime.combine(first, dt.time(), run.zone)
    keys = {m.id: (f"scorecard:{m.id}:{month}" if m.role == "rep" else
                   f"scorecard-team:{run.team.id}:{m.id}:{month}")
            for m in people if run.here(m) and m.id not in run.away}
    if run.day != first:  # later in the month: those on leave that day who have not had theirs
        were_away = PeopleRepository(run.session).on_leave_among(list(keys), first)
        had = OutboxRepository(run.session).existing([keys[i] for i in were_away])
        keys = {member_id: key for member_id, key in keys.items() if member_id in were_away
                and key not in had}
    for member in people:
        if member.id not in keys or member.created_at > began:
            continue
        ctx = run.ctx(member)
        scope = Scope() if member.role == "rep" else Scope("team", run.team.name)
        run.to_member(keys[member.id], member,
                      scorecards.handle_scorecard(ctx, ShowScorecard(scope, last_month)))


def reminders(run: Run) -> None:
    """Reps behind the pace their targets need, and everyone a few working days before a period
    ends, in one message a rep (a section per period); managers get the team view when anyone
    in it is behind."""
    if not run.runs_today("reminders"):
        return
    calendar = run.team.calendar
    anyone_behind = False
    for rep in run.reps(working=True):
        ctx = run.ctx(rep)
        sections = []
        for kind in PERIOD_KINDS:
            start, end = period_bounds(Period(kind), ctx.today)
            found = ctx.once(("targets", kind, start), partial(  # one read for the team
                TargetRepository(run.session).for_members, list(run.shared["ids"]), kind, start,
                summed=True, whole=True))
            targets = found.get(rep.id)  # a quarter without its own: its months', as in progress
            if not targets:
                continue
            paces, start, end, money = notices.member_paces(ctx, [rep.id], targets, kind, calendar)
            behind = any(not p.on_pace for p in paces.values())
            left = notices.working_days_left(ctx.today, end, calendar)
            ending = 0 < left <= REMINDER_DAYS_BEFORE_END
            anyone_behind |= behind
            if behind or ending:
                sections.append(notices.pace_reminder(ctx, kind, paces, start, end, calendar, money=money,
                                                      behind=behind, days_left=left if ending else 0,
                                                      summed_from=found.summed_from_of(rep.id)))
        if sections:
            run.to_member(f"reminder:{rep.id}:{ctx.today}", rep, notices.one_message(sections))
    if anyone_behind:
        for manager in run.managers():
            reply = handle_progress(run.ctx(manager), ShowProgress(Scope("team", run.team.name)))
            run.to_member(f"reminder-team:{run.team.id}:{manager.id}:{run.day}", manager, reply)


def recognition(run: Run) -> None:
    """Top sellers on the last working day of the week and of the month."""
    if not run.runs_today("recognition") or not run.members:
        return
    asker = (run.managers() or run.members)[0]
    ctx = run.ctx(asker)
    ctx.locale = run.team_locale
    for kind in ("week", "month"):
        start, end = period_bounds(Period(kind), run.day)
        if _last_working_day(run.day, end, run.team.calendar):
            reply = notices.top_sellers(ctx, run.team.name, kind)
            if reply is not None:
                run.to_team(f"top-{kind}:{run.team.id}:{start}", reply)


def _last_working_day(day: dt.date, end: dt.date, calendar: str) -> bool:
    later = day + dt.timedelta(days=1)
    while later < end:
        if is_working_day(later, calendar):
            return False
        later += dt.timedelta(days=1)
    return True


def watch(run: Run) -> None:
    """Announce each target reached, once per member (or team), metric and period."""
    if not schedule_of(run.team.settings)["recognition"].on or not run.members:
        return
    ids = [m.id for m in run.members]
    names = {m.id: m.display_name for m in run.members}
    repo = TargetRepository(run.session)
    locale = run.team_locale
    rates = None  # read once, and only when some target is set
    for kind in PERIOD_KINDS:
        start, end = period_bounds(Period(kind), run.day)
        per_member = repo.for_members(ids, kind, start, summed=True, whole=True)  # as progress counts
        team_targets = repo.for_team(run.team.id, kind, start, summed=True, whole=True)  # whole ones
        if not per_member and not team_targets:
            continue
        since, until = (dt.datetime.combine(d, dt.time(), run.zone) for d in (start, end))
        rates = rates or RateRepository(run.session).of(run.tenant, run.day, run.defaults.timezone)
        table = metric_table(run.session, ids, since, until, rates)
        last = _last_period(run, ids, kind, rates)
        for member_id, targets in per_member.items():
            for metric, amount in targets.items():
                if amount and table[member_id][metric] >= amount:
                    _announce_reached(run, f"m{member_id}", names[member_id], metric, kind, start,
                                      (table[member_id][metric], amount, last()[member_id][metric]), locale)
        for metric, amount in team_targets.items():
            done = sum(row[metric] for row in table.values())
            if amount and done >= amount:
                before = sum(row[metric] for row in last().values())
                _announce_reached(run, f"t{run.team.id}", run.team.name, metric, kind, start,
                                  (done, amount, before), locale)


def _last_period(run: Run, ids: list[int], kind: str, rates):
    """The members' figures of the period before, read the first time an announcement needs them."""
    table = []

    def read():
        if not table:
            start, end = period_bounds(Period(kind, -1), run.day)
            since, until = (dt.datetime.combine(d, dt.time(), run.zone) for d in (start, end))
            table.append(metric_table(run.session, ids, since, until, rates))
        return table[0]
    return read


def _announce_reached(run: Run, who_key: str, who: str, metric: str, kind: str, start: dt.date,
                      figures, locale: str) -> None:
    """`figures`: (done, target, the period before's)."""
    done, target, before = figures
    value = lambda amount: fmt.metric_value(metric, amount, run.tenant.currency, locale)
    reached = notices.target_reached(locale, who, metric, kind, start, value(done), value(target),
                                     float(done / target), value(before))
    run.to_team(f"target-reached:{who_key}:{metric}:{kind}:{start}",
                replace(reached, subject=f"target:{who_key}:{metric}:{kind}:{start}"))


def daily(run: Run) -> None:
    _digest(run, weekly=False)
    _contests(run)


def _contests(run: Run) -> None:
    """Each running contest's standings in the team's channels, with the daily post (working
    days); a finished one's winner, once, on the first working day after it ended."""
    if not run.runs_today("daily"):
        return
    running, ended = contests.running_or_just_ended(run.session, run.team.id, run.day)
    locale = run.team_locale
    for contest in running:
        run.to_team(f"contest:{contest.id}:{run.day}",
                    contests.standings(run.session, run.tenant, contest, locale, run.day, queued=True))
    for contest in ended:
        run.to_team(f"contest-final:{contest.id}",
                    replace(contests.standings(run.session, run.tenant, contest, locale, run.day, final=True),
                            subject=f"contest:{contest.id}"))  # the result follows corrections
        contest.announced_at = run.clock()


def digest(run: Run) -> None:
    _digest(run, weekly=True)


def _digest(run: Run, *, weekly: bool) -> None:
    """The manager digest, to each manager of the team."""
    if not run.runs_today("digest" if weekly else "daily"):
        return
    ids = [m.id for m in run.members]
    if not ids:
        return
    start = run.day - dt.timedelta(days=run.day.weekday()) if weekly else run.day
    since = dt.datetime.combine(start, dt.time(), run.zone)
    until = dt.datetime.combine(run.day + dt.timedelta(days=1), dt.time(), run.zone)
    for manager in run.managers():
        reply = digests.digest(run.ctx(manager), run.team.name, ids, since, until, weekly)
        key = "digest-weekly" if weekly else "digest-daily"
        run.to_member(f"{key}:{run.team.id}:{manager.id}:{start}", manager, reply)


JOBS = {"standup": standup, "nudge": nudge, "summary": summary, "followups": followups,
        "reminders": reminders, "recognition": recognition, "daily": daily, "digest": digest,
        "watch": watch}
