"""Slack as a platform plugin (`bot/platforms.py`). Bolt and slack_sdk are imported when a method
is called, not when the CLI starts."""
from __future__ import annotations

import click

from handlers.places import Place
from storage.address import Address, Kind


def _channel(value: str) -> Address | None:
    """The address of a channel named with # (a team's destination has no workspace)."""
    if not value.startswith("#") or len(value) < 2:
        return None
    return Address("slack", "", Kind.CHANNEL, value)


#: `team set East channel #east-sales` · `团队 设置 华东 频道 #华东销售`
PLACE = Place("slack", frozenset({"channel", "slack", "频道"}), ("Slack", "Slack"),
              ("a channel named with #, e.g. #east-sales", "以 # 开头的频道名，例如 #华东销售"),
              address=_channel, shown=lambda address: address.id,
              example=("channel #east-sales", "频道 #华东销售"))


class Slack:
    name = "slack"
    prefix = "/slack/"
    endpoint = "/slack/events"  # the URL Slack is given (start-up names it)
    #: Slack's biggest bodies are events and form submissions with blocks (message text ≤ 40,000
    #: characters, ≤ 100 blocks), well under 1 MiB.
    body_limit = 1024 * 1024

    @property
    def settings(self) -> type:
        """Its fields of `bot.settings.Settings` (pydantic: imported when the settings are made)."""
        from bot.slack.settings import SlackSettings

        return SlackSettings
    place = PLACE

    def enabled(self, settings) -> bool:
        return settings.slack_enabled

    def serves_over_web(self, settings) -> bool:
        return not settings.slack_app_token

    def standalone(self, settings) -> tuple[str, ...]:
        """Socket Mode when SLACK_APP_TOKEN is set: events come over a websocket, not the web."""
        return ("socket",) if settings.slack_app_token else ()

    def web(self, core, handoff):
        from bot.slack.app import build_bolt
        from bot.slack.clients import TokenOwner
        from bot.slack.gate import SlackGate

        owner = TokenOwner(core.settings.slack_bot_token, core.settings.slack_api_url)
        return SlackGate(core, build_bolt(core, handoff, owner), owner)

    def sender(self, core):
        from bot.slack.sender import SlackSender, bot_tokens

        return SlackSender(core.settings.slack_api_url, bot_tokens(core))

    def inbox_runner(self, core):
        from bot.slack.app import inbox_runner

        return inbox_runner(core)

    def commands(self) -> list[click.Command]:
        return [_slack, _socket]


@click.group("slack")
def _slack() -> None:
    """Slack app set-up."""


@_slack.command("manifest")
@click.option("--host", default="YOUR-HOST", help="Where the web process is reachable.")
@click.option("--socket", is_flag=True, help="For Socket Mode (`salesbot socket`): no URLs at all.")
@click.option("--org-deploy", is_flag=True,
              help="Let an Enterprise Grid org admin install it org-wide (org_deploy_enabled).")
def _manifest(host: str, socket: bool, org_deploy: bool) -> None:
    """Print the Slack app manifest (paste it at api.slack.com/apps → From a manifest)."""
    from bot.slack.manifest import manifest

    host = host.strip().removeprefix("https://").removeprefix("http://").split("/")[0] or "YOUR-HOST"
    click.echo(manifest(host, socket=socket, org_deploy=org_deploy), nl=False)


@click.command("socket")
def _socket() -> None:
    """Serve Slack over Socket Mode (SLACK_APP_TOKEN): no public URL needed."""
    from bot.runtime import runtime
    from bot.slack.app import socket_mode_handler

    app = runtime().app()
    if not app.settings.slack_app_token:
        raise click.ClickException("Socket Mode needs SLACK_APP_TOKEN (xapp-…).")
    socket_mode_handler(app).start()
