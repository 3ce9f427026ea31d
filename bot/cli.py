"""`salesbot`: the command line. Heavy modules are imported inside commands to keep start-up short,
and the commands' own imports run out of the garbage collector's way (`uncollected`): the area
commands (the queues, the jobs, files, the CRM) are imported only when one of them runs or help
lists them (`AREA_COMMANDS`), so a `salesbot say` imports none of them."""
from __future__ import annotations

import atexit
import gc
import importlib
import sys
from pathlib import Path

import click

from bot.runtime import uncollected

#: Each area's commands, in its own module, by name: "module:attribute", imported when needed.
AREA_COMMANDS = {"deliveries": "bot.queues_cli:deliveries", "inbox": "bot.queues_cli:inbox",
                 "jobs": "bot.jobs_cli:jobs", "run-job": "bot.jobs_cli:run_job",
                 "import": "bot.files_cli:import_", "export": "bot.files_cli:export",
                 "crm": "bot.crm_cli:crm", "stages": "bot.crm_cli:stages"}


class _Commands(click.Group):
    """The top group: its own and the platforms' commands, and the areas' imported on demand."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *AREA_COMMANDS})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in AREA_COMMANDS:
            module, attribute = AREA_COMMANDS[name].split(":")
            with uncollected():
                command = getattr(importlib.import_module(module), attribute)
            self.add_command(command, name)
        return self.commands.get(name)


def built_app(check_schema: bool = True, platforms: bool = True):
    from bot.app import App
    from storage.db import SchemaBehind

    settings = None  # all of them, each platform's too
    if not platforms:
        from bot.core_settings import CoreSettings

        settings = CoreSettings.read()
    try:
        return App.build(settings, check_schema=check_schema)
    except SchemaBehind as behind:
        raise click.ClickException(str(behind)) from None


class Runtime:
    """What every command is handed (`bot/runtime.py`): the app and the worker, built here."""

    def app(self, check_schema: bool = True, *, platforms: bool = True):
        return built_app(check_schema, platforms)

    def worker(self, app, **options):
        from bot.worker import build_worker

        return build_worker(app, **options)

    def platform(self, name: str):
        from bot import platforms

        return platforms.named(name)


@click.group(cls=_Commands)
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


@main.command()
def worker() -> None:
    """Run the scheduler and the outbox sender (the Procfile's `worker`)."""
    import logging

    from bot.worker import run_worker

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    run_worker(built_app())


def _platform_commands() -> None:
    from bot.platforms import PLATFORMS

    for platform in PLATFORMS:
        for command in platform.commands():
            main.add_command(command)


with uncollected():
    _platform_commands()
atexit.register(gc.freeze)


if __name__ == "__main__":  # pragma: no cover
    main()
