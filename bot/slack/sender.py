"""Delivers outbox messages to Slack: `channel:C1` (or `channel:#name`), `user:U1` (a DM),
`thread:C1:TS` (a reply in a thread), `respond:MODE:U1:URL` (through a request's response_url).
The outbox does the waiting and the retrying: a 429 becomes RateLimited(Retry-After), and the
client makes one try of each call (no retries of its own under the outbox's)."""
from __future__ import annotations

import re
from collections.abc import Callable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook import WebhookClient

from bot.slack.render import fallback_text, render_slack
from handlers.text.reply import Reply
from storage.address import Address, Kind
from worker.delivery import RateLimited, Undeliverable

# Slack errors no later try can fix, and what an admin can do about them.
GONE = {"channel_not_found": "a private channel needs the bot invited: /invite @salesbot",
        "not_in_channel": "invite the bot to the channel: /invite @salesbot",
        "is_archived": "the channel is archived: `team set NAME channel #another`",
        "user_not_found": "", "account_inactive": "", "invalid_auth": "reinstall salesbot",
        "team_not_found": "reinstall salesbot"}
CHANNEL_ID = re.compile(r"^[CGD][A-Z0-9]{6,}$")
TARGET_LENGTH = 200  # the outbox's address column
PLATFORM_NAME = "slack"


def respond(workspace: str, mode: str, user_id: str, url: str | None) -> Address:
    """The address of an answer through a request's response_url (`_respond` reads it);
    without one (a click in App Home), or one too long to keep, the person's DM."""
    address = Address(PLATFORM_NAME, workspace, Kind.RESPOND, user_id, mode=mode, url=url or "")
    return address if url and len(address.target) <= TARGET_LENGTH else Address.user(
        PLATFORM_NAME, workspace, user_id)


def bot_tokens(core) -> Callable[[str], str | None]:
    """workspace id → bot token: the one token, or the workspace's installation (OAuth)."""
    settings = core.settings
    if not settings.slack_client_id:
        return lambda _workspace: settings.slack_bot_token
    from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore

    store = SQLAlchemyInstallationStore(client_id=settings.slack_client_id, engine=core.engine)

    def token_for(workspace: str) -> str | None:
        bot = (store.find_bot(enterprise_id=None, team_id=workspace)
               or store.find_bot(enterprise_id=workspace, team_id=None, is_enterprise_install=True))
        return bot.bot_token if bot else None
    return token_for


class SlackSender:
    def __init__(self, base_url: str, token_for: Callable[[str], str | None]):
        self.base_url = base_url
        self.token_for = token_for  # workspace id -> bot token (one token, or the installation's)

    def _client(self, workspace: str) -> WebClient:
        token = self.token_for(workspace)
        if not token:
            raise Undeliverable(f"salesbot is not installed in Slack workspace {workspace}")
        # no retries inside the client: the outbox retries, and a failing platform must be
        # seen in one try so that the sender goes on with other workspaces meanwhile
        return WebClient(token=token, base_url=self.base_url, timeout=10, retry_handlers=[])

    def send(self, to: Address, reply: Reply) -> str | None:
        """Post; the message's id (`CHANNEL_ID TS`, as chat.update and chat.delete take it) of a
        channel or thread post."""
        client = self._client(to.workspace)
        try:
            if to.kind is Kind.RESPOND:
                self._respond(client, to, reply)
            elif reply.chart is not None and not reply.text:
                self._upload_chart(client, to, reply)
            else:  # a user id posts into the DM; a thread's id is its channel's
                posted = client.chat_postMessage(channel=to.id, thread_ts=to.thread or None,
                                                 text=fallback_text(reply),
                                                 blocks=render_slack(reply, reply.locale))
                return f"{posted.get('channel')} {posted.get('ts')}" if posted.get("ts") else None
        except SlackApiError as error:
            self._raise(error)
        return None

    def fix(self, to: Address, message_id: str, reply: Reply | None) -> bool:
        """chat.update the post as `reply`, or chat.delete it (None); False when Slack will not
        (an edit window the workspace closed, a message gone)."""
        channel, _, ts = message_id.partition(" ")
        client = self._client(to.workspace)
        try:
            if reply is None:
                client.chat_delete(channel=channel, ts=ts)
            else:
                client.chat_update(channel=channel, ts=ts, text=fallback_text(reply),
                                   blocks=render_slack(reply, reply.locale))
        except SlackApiError as error:
            if error.response.status_code == 429:
                self._raise(error)
            return False
        return True

    @staticmethod
    def _raise(error: SlackApiError) -> None:
        if error.response.status_code == 429:
            raise RateLimited(float(error.response.headers.get("Retry-After", 1)),
                              "Slack rate limit") from None
        code = error.response.get("error")
        if code in GONE:
            raise Undeliverable(f"{code}: {GONE[code]}" if GONE[code] else code) from None
        raise error

    @staticmethod
    def _respond(client: WebClient, to: Address, reply: Reply) -> None:
        """Answer through a request's response_url (`respond:MODE:USER:URL`): ephemeral, or in the
        channel when MODE is `public`, or `auto` and the reply is a report meant for the channel.
        A URL Slack no longer takes (they last 30 minutes, 5 posts) gives way to the person's DM."""
        mode, user, url = to.mode, to.id, to.url
        public = mode == "public" or (mode == "auto" and reply.ok and reply.for_channel)
        text, blocks = fallback_text(reply), render_slack(reply, reply.locale)
        response = WebhookClient(url, timeout=10).send(
            text=text, blocks=blocks, response_type="in_channel" if public else "ephemeral",
            replace_original=False)
        if response.status_code == 429:
            raise RateLimited(float(response.headers.get("Retry-After", 1)), "Slack rate limit")
        if response.status_code in (404, 410) or response.body in ("expired_url", "used_url"):
            client.chat_postMessage(channel=user, text=text, blocks=blocks)
        elif response.status_code >= 400:
            raise RuntimeError(f"response_url answered {response.status_code}: {response.body}")

    @staticmethod
    def _upload_chart(client: WebClient, to: Address, reply: Reply) -> None:
        """Upload the chart image into the DM (opened first) or the channel, by channel id."""
        from bot.chart import render_png

        channel = to.id
        if to.kind is Kind.USER:
            channel = client.conversations_open(users=to.id)["channel"]["id"]
        elif not CHANNEL_ID.match(to.id):
            channel = _channel_id(client, to.id.lstrip("#"))
        client.files_upload_v2(channel=channel, content=render_png(reply.chart),
                               filename="chart.png", title=reply.chart.title)


def _channel_id(client: WebClient, name: str) -> str:
    """A channel's id from its name (uploads need the id; messages take the name)."""
    for page in client.conversations_list(types="public_channel,private_channel", limit=1000,
                                          exclude_archived=True):
        for channel in page["channels"]:
            if channel["name"] == name:
                return channel["id"]
    raise Undeliverable(f"no Slack channel named #{name}")
