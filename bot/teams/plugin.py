"""Microsoft Teams as a platform plugin (`bot/platforms.py`): the Bot Framework's messaging
endpoint, the connector as the sender, and `salesbot teams package`. The Agents SDK is imported
when a method is called, not when the CLI starts."""
from __future__ import annotations

import click

from bot.teams.settings import TeamsSettings


class Teams:
    name = "teams"
    prefix = "/api/messages"
    #: An activity is a message of at most ~28 KB, or a card's submitted inputs.
    body_limit = 256 * 1024
    settings = TeamsSettings

    def enabled(self, settings) -> bool:
        return settings.teams_enabled

    def serves_over_web(self, _settings) -> bool:
        return True

    def standalone(self, _settings) -> tuple[str, ...]:
        return ()

    def web(self, core, handoff):
        from bot.teams.endpoint import TeamsApp

        return TeamsApp(core, handoff)

    def sender(self, core):
        from bot.teams.sender import TeamsSender

        return TeamsSender(core)

    def inbox_runner(self, core):
        from bot.handoff import Handoff
        from bot.teams.endpoint import TeamsApp

        return TeamsApp(core, Handoff(core.session_factory, "teams")).handle

    def commands(self) -> list[click.Command]:
        return [_teams]


@click.group("teams")
def _teams() -> None:
    """Microsoft Teams app set-up."""


@_teams.command("package")
@click.option("--out", default="salesbot-teams.zip", show_default=True, help="The zip to write.")
@click.option("--app-id", envvar="TEAMS_APP_ID", required=True, help="The Azure bot's app id.")
@click.option("--host", default="", help="Where the web process is reachable (its domain).")
def _package(out: str, app_id: str, host: str) -> None:
    """Write the Teams app package (manifest and icons) to upload in Teams."""
    from bot.teams.package import write_package

    write_package(out, app_id, host)
    click.echo(f"Wrote {out}: in Teams, Apps → Manage your apps → Upload an app → Upload a custom app.")
