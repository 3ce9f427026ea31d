"""`salesbot jobs` and `salesbot run-job`: each team's scheduled jobs, and one run now."""
from __future__ import annotations

import click

from bot.runtime import runtime
from handlers.rules.schedules import RUNNABLE


@click.command()
def jobs() -> None:
    """List each team's scheduled jobs with their next run in the team's timezone."""
    from zoneinfo import ZoneInfo

    from handlers.rules.schedules import days_label, next_run, schedule_of
    from handlers.workspace.holidays import calendar_warning, load_corrections
    from storage.models.base import utcnow
    from storage.models.team import Team
    from worker.plan import plan

    now = utcnow()
    with runtime().app().session_factory() as session:
        load_corrections(session)
        specs = plan(session)
        for team_id in dict.fromkeys(spec.team_id for spec in specs):
            team = session.get(Team, team_id)
            schedule = schedule_of(team.settings)
            click.echo(f"{team.name} ({team.timezone}, calendar {team.holiday_calendar})")
            warning = calendar_warning(team.calendar, now.astimezone(ZoneInfo(team.timezone)).date(), "en")
            if warning:
                click.echo(f"  {warning}")
            for spec in (s for s in specs if s.team_id == team_id and s.time is not None):
                kind = schedule[spec.kind]
                at = next_run(kind, now, ZoneInfo(spec.zone), team.calendar)
                local = at.astimezone(ZoneInfo(team.timezone)) if at else None
                where = f" for members in {spec.zone}" if spec.zone != team.timezone else ""
                head = f"  {spec.kind:12} {spec.time:%H:%M} {days_label(kind.days, 'en'):9}"
                click.echo(f"{head} next {local:%a %Y-%m-%d %H:%M %Z}{where}" if local
                           else f"{head} no run within a year")
    if not specs:
        click.echo("No teams yet: every job runs per team.")


@click.command("run-job")
@click.argument("kind", type=click.Choice(RUNNABLE))
@click.option("--team", "team_name", required=True, help="The team's name.")
def run_job(kind: str, team_name: str) -> None:
    """Run one job for one team now. What it already sent today is not sent again (outbox keys)."""
    from storage.models.base import name_key, utcnow
    from worker.plan import fire, plan

    app = runtime().app()
    with app.session_factory() as session:
        specs = [s for s in plan(session) if s.kind == kind and name_key(s.team_name) == name_key(
            team_name)]
    if not specs:
        raise click.ClickException(f"No {kind} job for a team named {team_name} (is it off, "
                                   f"or the team unknown? `salesbot jobs` lists them).")
    queued = sum(fire(app.session_factory, spec, utcnow(), app.defaults, manual=True) or 0
                 for spec in specs)
    said = "1 new message" if queued == 1 else f"{queued} new messages"
    click.echo(f"{kind} for {team_name}: {said} queued; the worker sends them.")
