"""Who is talking on Slack, and Slack's markup turned into the grammar's words.

A user is looked up with `users.info` the first time the bot meets them (name, timezone, locale)
and becomes a member; after that the process remembers them. Mentioned users are registered the
same way, so `team add East @ana` works before Ana has talked to the bot.
"""
from __future__ import annotations

import html
import re
from collections import OrderedDict

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.app import App
from handlers.dispatch import UserRef, identify
from storage.models import utcnow
from storage.people import PeopleRepository

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


class SlackDirectory:
    """Slack users as salesbot members, remembered per process (at most `size` of them)."""

    def __init__(self, core: App, size: int = 10_000):
        self.core = core
        self.size = size
        self._known: OrderedDict[tuple[str, str], UserRef] = OrderedDict()

    def user(self, client: WebClient, tenant: str, user_id: str) -> UserRef:
        key = (tenant, user_id)
        if key in self._known:
            self._known.move_to_end(key)
            return self._known[key]
        ref = self._stored(tenant, user_id) or self._from_slack(client, tenant, user_id)
        self._known[key] = ref
        if len(self._known) > self.size:
            self._known.popitem(last=False)
        return ref

    def slack_locale(self, client: WebClient, tenant: str, user_id: str) -> str:
        """The user's language as Slack knows it: for answers when our database is away."""
        known = self._known.get((tenant, user_id))
        return (known and known.locale) or self._from_slack(client, tenant, user_id).locale or "en"

    def register(self, client: WebClient, tenant: str, user_ids: list[str]) -> None:
        """Make members of mentioned users the bot has not met yet."""
        for user_id in user_ids:
            if (tenant, user_id) in self._known or self._stored(tenant, user_id):
                continue
            ref = self._from_slack(client, tenant, user_id)
            with self.core.session_factory.begin() as session:
                identify(session, ref, self.core.defaults)

    def note_home_opened(self, context, user_id: str) -> None:
        """Remember (in the database: any process may serve them next) that they use App Home."""
        with self.core.session_factory.begin() as session:
            people = PeopleRepository(session)
            tenant = people.tenant(PLATFORM, tenant_of(context))
            member = tenant and people.by_identity(tenant.id, PLATFORM, user_id)
            if member:
                people.home_opened(member.id, utcnow())

    def has_opened_home(self, context, user_id: str) -> bool:
        with self.core.session_factory() as session:
            people = PeopleRepository(session)
            tenant = people.tenant(PLATFORM, tenant_of(context))
            return bool(tenant) and people.has_opened_home(tenant.id, PLATFORM, user_id)

    def _stored(self, tenant: str, user_id: str) -> UserRef | None:
        with self.core.session_factory() as session:
            people = PeopleRepository(session)
            row = people.tenant(PLATFORM, tenant)
            member = row and people.by_identity(row.id, PLATFORM, user_id)
            return UserRef(PLATFORM, tenant, user_id, member.display_name) if member else None

    @staticmethod
    def _from_slack(client: WebClient, tenant: str, user_id: str) -> UserRef:
        try:
            user = client.users_info(user=user_id, include_locale=True)["user"]
        except SlackApiError:  # still a member, named by id, until Slack tells us more
            return UserRef(PLATFORM, tenant, user_id, user_id)
        profile = user.get("profile", {})
        name = (profile.get("display_name") or profile.get("real_name") or user.get("real_name")
                or user.get("name") or user_id)
        locale = "zh" if str(user.get("locale", "")).lower().startswith("zh") else "en"
        return UserRef(PLATFORM, tenant, user_id, name, locale=locale, timezone=user.get("tz"))
