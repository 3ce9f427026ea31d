"""Microsoft Teams as a platform plugin (`bot/platforms.py`): the Bot Framework's messaging
endpoint, the connector as the sender, and `salesbot teams package`. The Agents SDK is imported
when a method is called, not when the CLI starts."""
from __future__ import annotations

import click

from handlers.places import Place

#: A Teams channel can't be named by typing: a manager says `team set East channel here` in it.
PLACE = Place("teams", frozenset({"channel", "teams", "频道"}), ("Teams", "Teams"),
              ("say it in the channel itself, mentioning the bot: team set NAME channel here",
               "请在该频道里 @机器人 发送：团队 设置 团队名 频道 这里"),
              example=("channel here", "频道 这里"))


class Teams:
    name = "teams"
    prefix = "/api/messages"
    #: An activity is a message of at most ~28 KB, or a card's submitted inputs.
    body_limit = 256 * 1024

    @property
    def settings(self) -> type:
        """Its fields of `bot.settings.Settings` (pydantic: imported when the settings are made)."""
        from bot.teams.settings import TeamsSettings

        return TeamsSettings
    place = PLACE

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
@click.option("--app-id", envvar="TEAMS_APP_ID", default="",
              help="The Azure bot's Microsoft App ID (default: TEAMS_APP_ID).")
@click.option("--host", default="", help="Where the web process is reachable (its domain).")
@click.option("--version", "version", default="",
              help="The app's version, MAJOR.MINOR.PATCH (default: salesbot's). Raise it to roll out "
                   "an updated package.")
def _package(out: str, app_id: str, host: str, version: str) -> None:
    """Write the Teams app package (manifest and icons) to upload in Teams."""
    from bot.teams.package import GUID, VERSION, default_version, host_of, write_package

    if not app_id.strip():
        raise click.UsageError("TEAMS_APP_ID is not set: set it to the Microsoft App ID of your Azure "
                               "Bot (Azure portal → the bot → Configuration), or pass --app-id. "
                               "See docs/teams.md.")
    if not GUID.match(app_id.strip()):
        raise click.BadParameter(f"{app_id!r} is not a Microsoft App ID: it looks like "
                                 "00000000-0000-0000-0000-000000000000 (Azure portal → the bot → "
                                 "Configuration).", param_hint="TEAMS_APP_ID / --app-id")
    try:
        domain = host_of(host)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--host") from None
    version = version.strip() or default_version()
    if not VERSION.match(version):
        raise click.BadParameter(f"{version!r} is not MAJOR.MINOR.PATCH (like 1.2.0).",
                                 param_hint="--version")
    write_package(out, app_id.strip(), domain, version)
    click.echo(f"Wrote {out} (version {version}, host {domain or 'YOUR-HOST: pass --host'}): in Teams, "
               "Apps → Manage your apps → Upload an app → Upload a custom app.")
