"""`salesbot`: the command line. Heavy modules are imported inside commands to keep start-up short."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from handlers.rules.schedules import RUNNABLE


def built_app(check_schema: bool = True):
    from bot.app import App
    from storage.db import SchemaBehind

    try:
        return App.build(check_schema=check_schema)
    except SchemaBehind as behind:
        raise click.ClickException(str(behind)) from None


class Runtime:
    """What every command is handed (`bot/runtime.py`): the app and the worker, built here."""

    def app(self, check_schema: bool = True):
        return built_app(check_schema)

    def worker(self, app, **options):
        from bot.worker import build_worker

        return build_worker(app, **options)

    def platform(self, name: str):
        from bot import platforms

        return platforms.named(name)


@click.group()
@click.pass_context
def main(ctx: click.Context) -> None:
    """salesbot: run a sales team from Slack, WeCom, Microsoft Teams or this console."""
    ctx.obj = Runtime()


@main.group()
def db() -> None:
    """Database schema commands."""


@db.command("upgrade")
def db_upgrade() -> None:
    """Bring the database schema up to date (the Procfile's release step)."""
    from storage.db import HEAD, upgrade

    app = built_app(check_schema=False)
    upgrade(app.engine)
    click.echo(f"Database at migration {HEAD}.")


@main.command()
@click.option("--user", "user", default="Ana", show_default=True, help="Who you are in the demo.")
@click.option("--reset", is_flag=True, help="Throw the demo data away and seed it again.")
@click.option("--no-chat", is_flag=True, help="Seed only; do not open the chat.")
def demo(user: str, reset: bool, no_chat: bool) -> None:
    """Seed a demo team (a manager, five reps, three months of history) and open the chat."""
    from bot.console.chat import run_chat
    from bot.demo import seed
    from storage.db import upgrade

    app = built_app(check_schema=False)
    upgrade(app.engine)
    made = seed(app.session_factory, app.defaults, reset=reset)
    where = app.engine.url.render_as_string(hide_password=True)
    click.echo(f"Demo data {'seeded' if made else 'already there'} in {where}.")
    if not no_chat:
        run_chat(app, Runtime(), user, None)


@main.command()
def start() -> None:
    """Run the bot: the web process and the worker for the platforms whose credentials are set
    (and what a platform runs beside, such as Slack's Socket Mode), else the local demo (whose
    chat runs the scheduler itself)."""
    import signal
    import subprocess

    from bot import platforms
    from bot.settings import Settings

    settings = Settings()
    enabled = [p for p in platforms.enabled(settings)
               if p.serves_over_web(settings) or p.standalone(settings)]
    if not enabled:  # the console alone
        click.echo("No Slack, WeCom or Microsoft Teams credentials set: starting the local demo "
                   "(docs/slack.md, docs/wecom.md and docs/teams.md say how to connect them).")
        demo.main(["--user", "Ana"], standalone_mode=False)
        return
    for line in live(settings, enabled):
        click.echo(line)
    from bot.app import App
    from storage.db import upgrade

    upgrade(App.build(settings, check_schema=False).engine)
    here = [sys.executable, "-m", "bot.cli"]
    commands = [[*here, "worker"]]  # the Procfile's worker
    commands += [[*here, *p.standalone(settings)] for p in enabled if p.standalone(settings)]
    if any(p.serves_over_web(settings) for p in enabled):  # the Procfile's web
        commands.append([str(Path(sys.executable).parent / "hypercorn"), "--config",
                         "python:bot.hypercorn_conf", "bot.asgi:create_app()"])
    children = [subprocess.Popen(command) for command in commands]
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stop the children with us
    try:
        children[-1].wait()
    finally:
        for child in children:
            child.terminate()
        for child in children:
            child.wait(timeout=30)


_LABELS = {"slack": "Slack", "wecom": "WeCom", "teams": "Microsoft Teams"}


def live(settings, enabled: list) -> list[str]:
    """What `salesbot start` runs: each platform and where it listens (the web process binds
    0.0.0.0:$PORT, 3000 by default: the public HTTPS address in front of it is what each
    platform is given)."""
    import os

    port = os.environ.get("PORT", "3000")
    # a platform that listens nowhere (the console: it is the operator's own terminal) is not "live"
    enabled = [p for p in enabled if p.serves_over_web(settings) or p.standalone(settings)]
    lines = [f"{_LABELS.get(p.name, p.name)}: "
             + (f"http://0.0.0.0:{port}{getattr(p, 'endpoint', p.prefix)}" if p.serves_over_web(settings)
                else "Socket Mode (an outbound connection: no public URL)") for p in enabled]
    if any(p.serves_over_web(settings) for p in enabled):
        lines.append(f"web process on 0.0.0.0:{port} (give each platform https://YOUR-HOST/… in front "
                     f"of it); /healthz, /privacy and /terms are served too.")
    return ["Live: " + lines[0], *lines[1:]] if lines else []


@main.group(invoke_without_command=True)
@click.pass_context
def deliveries(ctx) -> None:
    """List outgoing messages not sent yet (pending) or given up on (failed)."""
    if ctx.invoked_subcommand:
        return
    from storage.models.base import utcnow
    from storage.outbox import OutboxRepository

    with built_app().session_factory() as session:
        rows = OutboxRepository(session).unsent()
    if not rows:
        click.echo("Nothing pending or failed.")
    now = utcnow()
    for row in rows:
        if row.status == "failed":
            when = "given up (salesbot deliveries retry sends it again)"
        else:
            wait = max(0, int((row.next_attempt_at - now).total_seconds()))
            when = (f"next try {row.next_attempt_at:%Y-%m-%d %H:%M:%S}Z"
                    + (f" (in {wait // 60} min {wait % 60} s)" if wait else " (due now)"))
        click.echo(f"{row.status:8} {row.key}  → {row.platform}:{row.target}  tries {row.attempts}"
                   f"  {when}" + (f"  ({_one_line(row.last_error)})" if row.last_error else ""))


def _one_line(error: str, most: int = 300) -> str:
    """An error (a platform's 500 with its HTML body) on one line, and not a page long."""
    flat = " ".join(error.split())
    return flat if len(flat) <= most else flat[: most - 1] + "…"


@deliveries.command("retry")
def deliveries_retry() -> None:
    """Send failed deliveries again (with a fresh set of attempts)."""
    from storage.models.base import utcnow
    from storage.outbox import OutboxRepository

    with built_app().session_factory.begin() as session:
        count = OutboxRepository(session).requeue_failed(utcnow())
    click.echo(f"{count} failed deliveries queued again.")


@main.group(invoke_without_command=True)
@click.pass_context
def inbox(ctx) -> None:
    """Show chat requests a busy web process handed on: how many wait, and those given up on."""
    if ctx.invoked_subcommand:
        return
    from storage.inbox import InboxRepository

    with built_app().session_factory() as session:
        repo = InboxRepository(session)
        (waiting, oldest), failed = repo.waiting(), repo.failed()
    click.echo(f"Chat requests waiting for a worker: {waiting} (the oldest received "
               f"{oldest:%Y-%m-%d %H:%M:%S}Z)." if waiting else "No chat request waiting.")
    for row in failed:
        click.echo(f"failed   {row.key}  received {row.created_at:%Y-%m-%d %H:%M:%S}Z"
                   f"  tries {row.attempts}  ({_one_line(row.last_error)})")


@inbox.command("retry")
def inbox_retry() -> None:
    """Run failed chat requests again (nothing they stored before is stored twice)."""
    from storage.inbox import InboxRepository

    with built_app().session_factory.begin() as session:
        count = InboxRepository(session).requeue_failed()
    click.echo(f"Failed chat requests queued again: {count}.")


@main.command()
def worker() -> None:
    """Run the scheduler and the outbox sender (the Procfile's `worker`)."""
    import logging

    from bot.worker import run_worker

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    run_worker(built_app())


@main.command()
def jobs() -> None:
    """List each team's scheduled jobs with their next run in the team's timezone."""
    from zoneinfo import ZoneInfo

    from handlers.rules.schedules import days_label, next_run, schedule_of
    from handlers.workspace.holidays import calendar_warning, load_corrections
    from storage.models.base import utcnow
    from storage.models.team import Team
    from worker.plan import plan

    now = utcnow()
    with built_app().session_factory() as session:
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


@main.command("run-job")
@click.argument("kind", type=click.Choice(RUNNABLE))
@click.option("--team", "team_name", required=True, help="The team's name.")
def run_job(kind: str, team_name: str) -> None:
    """Run one job for one team now. What it already sent today is not sent again (outbox keys)."""
    from storage.models.base import name_key, utcnow
    from worker.plan import fire, plan

    app = built_app()
    with app.session_factory() as session:
        specs = [s for s in plan(session) if s.kind == kind and name_key(s.team_name) == name_key(
            team_name)]
    if not specs:
        raise click.ClickException(f"No {kind} job for a team named {team_name} (is it off, "
                                   f"or the team unknown? `salesbot jobs` lists them).")
    queued = sum(fire(app.session_factory, spec, utcnow(), app.defaults, manual=True) or 0
                 for spec in specs)
    click.echo(f"{kind} for {team_name}: {queued} new messages queued; the worker sends them.")


@main.command("import")
@click.argument("kind", type=click.Choice(["roster", "customers", "deals", "targets", "calendar"]))
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--tenant", default=None,
              help="PLATFORM:ID of the workspace to import into (default: the only one there is, "
                   "else the console's).")
@click.option("--official", is_flag=True,
              help="calendar: the file is the official schedule (the State Council's list) of the "
                   "years it covers; their working days no longer count as estimated.")
@click.option("--dry-run", is_flag=True,
              help="Check every row and say what would be imported; store nothing.")
def import_(kind: str, path: Path, tenant: str | None, official: bool, dry_run: bool) -> None:
    """Import a CSV file (customers and deals: a Zoho or 纷享销客 export too, CSV or .xlsx); a bad
    row is reported by line and nothing of the file is stored."""
    from bot import csv_import
    from crm.workspaces import ImportProblems

    def progress(items):
        if len(items) < 200:
            return items
        return _with_bar(items, f"Importing {kind}")

    app = built_app()
    try:
        count = csv_import.import_file(app, kind, path, tenant, progress, official=official,
                                       dry_run=dry_run)
    except ImportProblems as problems:
        for problem in problems.problems:
            click.echo(problem, err=True)
        raise click.ClickException(
            f"{path}: nothing imported ({len(problems.problems)} problems).") from None
    if dry_run:
        click.echo(f"Dry run: all {count} {kind} rows of {path} are good; nothing stored. "
                   f"Run again without --dry-run to import them.")
        return
    click.echo(f"Imported {count} {kind} rows from {path}.")


def _with_bar(items, label):
    with click.progressbar(items, label=label, file=sys.stderr) as bar:
        yield from bar


@main.command("export")
@click.argument("kind", type=click.Choice(["customers", "deals", "visits", "targets", "scorecards"]))
@click.option("--period", default=None, help="For scorecards: a month (2026-11) or a quarter (2026-Q4).")
@click.option("--crm", type=click.Choice(["zoho", "fxiaoke"]), default=None,
              help="Write the file this CRM imports as it is (its headers, stages, owners, dates); "
                   "with -o FILE.xlsx, an Excel workbook (纷享销客 imports .xlsx).")
@click.option("--csv", is_flag=True, expose_value=False, help="CSV (the default format).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write; standard output when omitted.")
@click.option("--tenant", default=None,
              help="PLATFORM:ID of the workspace to export (default: the only one there is).")
def export(kind: str, period: str | None, crm: str | None, output: Path | None,
           tenant: str | None) -> None:
    """Export customers, deals, visits or targets as CSV a CRM (Zoho, 纷享销客) can import;
    scorecards for HR."""
    from bot import csv_export
    from crm.workspaces import ImportProblems

    if kind == "scorecards" and not period:
        raise click.UsageError("scorecards need --period, a month (2026-11) or a quarter (2026-Q4).")
    if crm:
        _export_for_crm(crm, kind, output, tenant)
        return
    write = ((lambda out: csv_export.export_scorecards(app, out, tenant, period)) if kind == "scorecards"
             else (lambda out: csv_export.export(app, kind, out, tenant)))
    app = built_app()
    try:
        if output:
            with output.open("w", newline="", encoding="utf-8-sig") as out:
                count = write(out)
            click.echo(f"Wrote {count} {kind} to {output}.", err=True)
        else:
            write(sys.stdout)
    except ImportProblems as problems:
        raise click.ClickException(" ".join(problems.problems)) from None


def _export_for_crm(crm: str, kind: str, output: Path | None, tenant: str | None) -> None:
    from crm import exports
    from crm.workspaces import ImportProblems

    if kind not in exports.KINDS:
        raise click.UsageError(f"--crm {crm} exports customers, deals or visits, not {kind}.")
    app = built_app()
    try:
        count = exports.write(app, crm, kind, tenant, out=sys.stdout, path=output)
    except ImportProblems as problems:
        raise click.ClickException(" ".join(problems.problems)) from None
    if output:
        click.echo(f"Wrote {count} {kind} to {output} for {exports.NAMES[crm]}.", err=True)


def _platform_commands() -> None:
    from bot.platforms import PLATFORMS

    for platform in PLATFORMS:
        for command in platform.commands():
            main.add_command(command)


_platform_commands()


def _crm_commands() -> None:
    from bot.crm_cli import crm, stages

    main.add_command(crm)
    main.add_command(stages)


_crm_commands()


if __name__ == "__main__":  # pragma: no cover
    main()
