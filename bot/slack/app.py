"""The bolt app: one workspace from SLACK_BOT_TOKEN, or many through OAuth installs stored in our
database by slack_sdk's SQLAlchemy stores. Every Web API call goes to `SLACK_API_URL`.

Work after an ack goes through the inbox (`bot/slack/after_ack.py`): the web process records what
the verified request asks for (`handlers.inbound.Inbound`); this process runs it when idle, else a
worker does, without bolt.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from slack_bolt import App as BoltApp
from slack_bolt.authorization import AuthorizeResult
from slack_bolt.oauth import OAuthFlow
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

from bot.handoff import Handoff
from bot.slack import after_ack, listeners
from bot.slack.clients import TokenOwner, web_client
from bot.slack.users import SlackDirectory

if TYPE_CHECKING:  # the composition root is handed in (`core`), never imported
    from bot.app import App

BOT_SCOPES = ("app_mentions:read", "channels:read", "chat:write", "chat:write.public", "commands",
              "groups:read", "im:history", "im:read", "im:write", "users:read", "files:write")
#: The events the app subscribes to (listeners.py, home.py): a DM, a mention, the Home tab opened.
BOT_EVENTS = ("app_home_opened", "app_mention", "message.im")


def build_bolt(core: App, handoff: Handoff, owner: TokenOwner | None = None) -> BoltApp:
    """The web process's app (`handoff` takes the work after each ack). Requests over HTTP are
    verified before bolt sees them (`bot/slack/gate.py`)."""
    settings = core.settings
    client = web_client(settings.slack_api_url)
    # Acks run in the request's own thread and return at once (by default bolt runs them on a
    # pool, where they would queue behind other work).
    ack_first = {"process_before_response": True, "request_verification_enabled": False}
    if settings.slack_client_id:
        installations = SQLAlchemyInstallationStore(client_id=settings.slack_client_id,
                                                    engine=core.engine)
        states = SQLAlchemyOAuthStateStore(expiration_seconds=600, engine=core.engine)
        bolt = BoltApp(signing_secret=settings.slack_signing_secret, client=client,
                       installation_store=installations, **ack_first,
                       oauth_flow=OAuthFlow(client=client, settings=OAuthSettings(
                           client_id=settings.slack_client_id,
                           client_secret=settings.slack_client_secret, scopes=list(BOT_SCOPES),
                           installation_store=installations, state_store=states)))
    else:
        bolt = BoltApp(signing_secret=settings.slack_signing_secret, client=client, **ack_first,
                       authorize=single_workspace(owner or TokenOwner(settings.slack_bot_token,
                                                                 settings.slack_api_url)))
    listeners.register(bolt, listeners.SlackRunner(core, SlackDirectory(core), handoff))
    return bolt


def inbox_runner(core: App):
    """The worker's runner for Slack requests a web process left in the inbox."""
    runner = listeners.SlackRunner(core, SlackDirectory(core), None)
    return after_ack.inbox_runner(core, runner)


def socket_mode_handler(core: App):
    """Slack over Socket Mode (SLACK_APP_TOKEN): the same bolt app and listeners, no public URL.
    `apps.connections.open` goes to SLACK_API_URL like every other call."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    return SocketModeHandler(build_bolt(core, Handoff(core.session_factory, "slack")),
                             core.settings.slack_app_token)


def single_workspace(owner: TokenOwner):
    """Authorize requests of the token's own workspace (or Grid org) with the one bot token, and
    nobody else's (Socket Mode too); `auth.test` once, on first use, not at start."""
    def authorize(enterprise_id=None, team_id=None, **_kwargs) -> AuthorizeResult | None:
        if not owner.owns(team_id, enterprise_id):
            return None
        mine = owner.identity()
        return AuthorizeResult(enterprise_id=enterprise_id, team_id=team_id, bot_token=owner.token,
                               bot_user_id=mine.get("user_id"), bot_id=mine.get("bot_id"))
    return authorize
