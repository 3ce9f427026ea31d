"""Each person's own briefing, in their own morning or evening: a member's to-do list (and, from
the month's first working day, last month's scorecard) and a manager's daily or weekly digest."""
from __future__ import annotations

import datetime as dt

from handlers.grammar.commands import Period, Scope, ShowScorecard
from handlers.rules.working_days import is_working_day
from handlers.sales import tasks
from handlers.team import digest as digests
from handlers.team import scorecards
from storage.outbox import OutboxRepository
from storage.people import PeopleRepository
from worker.run_context import Run


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


def digest(run: Run) -> None:
    """The weekly manager digest."""
    manager_digest(run, weekly=True)


def manager_digest(run: Run, *, weekly: bool) -> None:
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

