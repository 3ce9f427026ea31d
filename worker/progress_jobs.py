"""How sales stand against goals: pace reminders before a period ends, each target reached
(announced once), the week's and month's top sellers, and running contests' standings."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import partial

from handlers.events import ContestEnded, TargetReached
from handlers.grammar.commands import Period, Scope, ShowProgress
from handlers.rules.schedules import REMINDER_DAYS_BEFORE_END, schedule_of
from handlers.rules.working_days import is_working_day, period_bounds
from handlers.team import contests
from handlers.team import scheduled_posts as notices
from handlers.team.reports import handle_progress
from handlers.text import format as fmt
from storage.models.team import PERIOD_KINDS
from storage.rates import RateRepository
from storage.reports import TargetRepository, metric_table
from worker.run_context import Run


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
    run.emit(TargetReached(f"target-reached:{who_key}:{metric}:{kind}:{start}", run.team.id,
                           replace(reached, subject=f"target:{who_key}:{metric}:{kind}:{start}")))


def contests_standings(run: Run) -> None:
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
        run.emit(ContestEnded(contest.id, run.team.id, replace(  # the result follows corrections
            contests.standings(run.session, run.tenant, contest, locale, run.day, final=True),
            subject=f"contest:{contest.id}")))
        contest.announced_at = run.clock()

