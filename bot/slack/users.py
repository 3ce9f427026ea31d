"""Who is talking on Slack, and Slack's markup turned into the grammar's words.

A user is looked up with `users.info` the first time the bot meets them (name, timezone, locale)
and becomes a member; after that the process remembers them. Mentioned users are registered the
same way, so `team add East @ana` works before Ana has talked to the bot.
"""
from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.directory import Directory
from handlers.senders import UserRef
from handlers.text.strings import t

if TYPE_CHECKING:  # the composition root is handed in (`core`), never imported
    from bot.app import App

PLATFORM = "slack"
_USER = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")
_CHANNEL = re.compile(r"<#([CG][A-Z0-9]+)(?:\|([^>]*))?>")
_LINK = re.compile(r"<(?:https?|mailto):[^|>]+\|([^>]+)>|<((?:https?|mailto):[^>]+)>")


def plain_text(text: str, bot_user_id: str | None = None) -> tuple[str, list[str]]:
    """(text with `<@U1>` as `@U1`, `<#C1|east>` as `#east`, links as text; mentioned user ids)."""
    if bot_user_id:
        text = text.replace(f"<@{bot_user_id}>", " ")
    mentioned = _USER.findall(text)
    text = _USER.sub(lambda m: f"@{m[1]}", text)
    text = _CHANNEL.sub(lambda m: f"#{m[2] or m[1]}", text)
    text = _LINK.sub(lambda m: m[1] or m[2], text)
    return html.unescape(text).strip(), mentioned


def tenant_of(context) -> str:
    """Tenant = Enterprise Grid org for org-wide installs, else the workspace."""
    if context.get("is_enterprise_install") and context.enterprise_id:
        return context.enterprise_id
    return context.team_id or context.enterprise_id or ""


class SlackDirectory(Directory):
    """Slack users as members: `users.info` on first contact (name, timezone, locale)."""

    def __init__(self, core: App):
        super().__init__(core, PLATFORM)

    def sender(self, client: WebClient, tenant: str, user_id: str) -> UserRef | None:
        """The member, registered on first contact; None for an id Slack cannot vouch for."""
        return self.user(tenant, user_id, lambda uid: profile(client, tenant, uid))

    def register_mentions(self, client: WebClient, tenant: str, user_ids: list[str]) -> None:
        """Members for the people a message mentions; someone of another organisation (in a
        Slack Connect channel) is not registered, so naming them is answered as unknown."""
        self.register(tenant, user_ids, lambda uid: profile(client, tenant, uid))

    def slack_locale(self, client: WebClient, tenant: str, user_id: str) -> str:
        """The user's language as Slack knows it: for answers when our database is away."""
        return (self.known_locale(tenant, user_id)
                or profile(client, tenant, user_id, insiders_only=False).locale or "en")


def outsider(team: object, own: set[str | None]) -> bool:
    """Whether a person's team (`event.user_team`, `user.team_id`) is another organisation's:
    Slack Connect brings people of other organisations into shared channels and DMs."""
    return isinstance(team, str) and bool(team) and team not in own


def outsider_lines() -> tuple[str, str]:
    """The one answer to someone of another organisation, in both languages (we do not know theirs)."""
    return t("en", "outsider"), t("zh", "outsider")


def own_teams(context) -> set[str | None]:
    """The receiving workspace and its Enterprise Grid org: where the bot's people come from."""
    ids = (context.team_id, context.enterprise_id, tenant_of(context))
    return {v for v in ids if isinstance(v, str) and v}


def of_the_org(client: WebClient, tenant: str, user_id: str) -> bool:
    """Whether Slack says the user belongs to the tenant: its workspace, or its Enterprise Grid org
    (an org-wide install's people come from any of its workspaces, each its own `user_team`)."""
    try:
        user = client.users_info(user=user_id)["user"]
    except SlackApiError:
        return False
    enterprise = (user.get("enterprise_user") or {}).get("enterprise_id")
    return tenant in (user.get("team_id"), enterprise)


#: What users.info answers for an id that is none of the workspace's people.
UNKNOWN = frozenset({"user_not_found", "user_not_visible", "users_not_found", "invalid_arguments"})


def profile(client: WebClient, tenant: str, user_id: str, *, insiders_only: bool = True) -> UserRef | None:
    """What Slack says of a user; None for an id Slack cannot vouch for as one of the tenant's
    people: not found, Slackbot or another bot, someone whose `team_id` is neither the workspace
    nor its Enterprise Grid org. Such an id never becomes a member (`insiders_only=False`: only
    for the language of an answer when the database is away)."""
    try:
        user = client.users_info(user=user_id, include_locale=True)["user"]
    except SlackApiError as error:
        if insiders_only and error.response.get("error") in UNKNOWN:
            return None
        if insiders_only:
            raise  # Slack is away: the inbox runs the request again later
        return UserRef(PLATFORM, tenant, user_id, user_id)
    enterprise = (user.get("enterprise_user") or {}).get("enterprise_id")
    if insiders_only and (user_id == "USLACKBOT" or user.get("is_bot") or user.get("deleted")
                          or (user.get("team_id") and tenant not in (user.get("team_id"), enterprise))):
        return None
    details = user.get("profile", {})
    name = (details.get("display_name") or details.get("real_name") or user.get("real_name")
            or user.get("name") or user_id)
    locale = "zh" if str(user.get("locale", "")).lower().startswith("zh") else "en"
    return UserRef(PLATFORM, tenant, user_id, name, locale=locale, timezone=user.get("tz"))
