"""The bot's place in Teams conversations: the references it keeps to reach them, and what it
does when added, installed or removed.

The tenant's service URL and a person's own chat are kept as activities arrive (written only
when they changed). The bot added to a chat or a team, or installed, says hello once per
installation (Teams tells it twice: `conversationUpdate` and `installationUpdate`), in the channel
it was installed in; a person's own chat gets the help, as if they asked. Members added to a team
are welcomed. Removed, the bot sends nothing more there, and a later installation says hello again.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from microsoft_agents.activity import Activity
from sqlalchemy.exc import OperationalError

from bot.handoff import Handoff
from bot.recent import Recent
from bot.teams.activity import channel_of, conversation, digest, installed_in, language, personal, profile
from bot.teams.naming import TeamsNames
from bot.teams.outgoing import Outgoing
from bot.teams.sender import PLATFORM, SERVICE
from bot.teams.texts import teams_text
from handlers.inbound import Inbound
from handlers.text.reply import Reply
from storage import conversations, destinations
from storage.address import Address, Kind

if TYPE_CHECKING:  # the composition root is handed in (`core`), never imported
    from bot.app import App

log = logging.getLogger(__name__)


class Installs:
    def __init__(self, core: App, handoff: Handoff, names: TeamsNames, outgoing: Outgoing,
                 submit: Callable[[Inbound], None]):
        self.core = core
        self.handoff = handoff
        self.names = names
        self.outgoing = outgoing
        self.submit = submit  # a message to run as if the person had sent it (the help at install)
        #: references this process saved, as saved (the latest ones: bounded however many people)
        self._saved: Recent[tuple[str, str], dict] = Recent()

    def later(self, work, activity: Activity, tenant: str) -> None:
        """Work that asks the connector (names) before it answers: off the request, logged."""
        def run() -> None:
            try:
                work(activity, tenant)
            except Exception:
                log.warning("Teams %s not handled", activity.type, exc_info=True)
        self.handoff.executor.submit(run)

    def conversation_update(self, activity: Activity, tenant: str) -> None:
        bot = activity.recipient.id if activity.recipient else ""
        added = [m for m in activity.members_added or () if m.id != bot]
        if any(m.id == bot for m in activity.members_added or ()):
            self.installed(activity, tenant)
        if any(m.id == bot for m in activity.members_removed or ()):
            self.forget(activity, tenant)
        if added and not personal(activity):
            self.welcome(activity, tenant, added)

    def installed(self, activity: Activity, tenant: str) -> None:
        """The bot is in a new chat or team: keep the way there and say what it does, once per
        installation (a person's own chat gets the help, as if they asked; a team or group chat
        how to make it theirs, in the channel chosen at install)."""
        self.remember(activity, tenant)
        place = installed_in(activity)
        once = f"install:{digest(place)}:{self.removals(tenant, place)}"
        if personal(activity):
            sender = activity.from_property
            name = sender.name or self.names.looked_up(
                tenant, sender.id, conversation(tenant, activity), activity.service_url)
            mine = Address.user(PLATFORM, tenant, sender.id)
            self.submit(Inbound(tenant, sender.id, "help", once, answer=mine, keyword="help",  # ours:
                                **{**profile(activity), "name": name}))  # in the person's language
            return
        locale = language(activity.locale) or "en"
        hello = Reply(lines=(teams_text(locale, "teams_hello"),), locale=locale)
        self.outgoing.post(activity, tenant, "hello", hello,
                           Address(PLATFORM, tenant, Kind.CONV, place), once=once)

    def welcome(self, activity: Activity, tenant: str, added) -> None:
        for member in added:
            locale = self.names.stored_locale(tenant, member.id) or language(activity.locale) or "en"
            name = (member.name or self.names.stored_name(tenant, member.id)
                    or self.names.looked_up(tenant, member.id, conversation(tenant, activity),
                                            activity.service_url))
            line = teams_text(locale, "teams_welcome", name=name) if name \
                else teams_text(locale, "teams_welcome_unnamed")
            self.outgoing.post(activity, tenant, f"welcome:{member.id}", Reply(lines=(line,), locale=locale))

    def removals(self, tenant: str, place: str) -> int:
        """How often the bot was removed from `place`: an installation's number there."""
        with self.core.session_factory() as session:
            found = conversations.find(session, PLATFORM, tenant, f"removed:{digest(place)}")
        return int((found or {}).get("count", 0))

    def remember(self, activity: Activity, tenant: str) -> None:
        """Keep the tenant's service URL and, for a person's chat, its conversation and their
        Entra ID object id (written only when they changed: most activities change nothing)."""
        refs = {SERVICE: {"serviceUrl": activity.service_url}}
        if personal(activity):
            refs[Address.user(PLATFORM, tenant, activity.from_property.id).target] = {
                "serviceUrl": activity.service_url, "conversationId": activity.conversation.id,
                "aadObjectId": activity.from_property.aad_object_id}
        changed = {address: ref for address, ref in refs.items() if self._saved.get((tenant, address)) != ref}
        if not changed:
            return
        try:
            with self.core.session_factory.begin() as session:
                for address, ref in changed.items():
                    conversations.save(session, PLATFORM, tenant, address, ref)
        except OperationalError as error:  # busy or away: kept next time; the message says so itself
            log.warning("could not keep the Teams conversation reference: %s", str(error)[:80])
            return
        for address, ref in changed.items():
            self._saved.put((tenant, address), ref)

    def forget(self, activity: Activity, tenant: str) -> None:
        """The bot was removed: nothing more goes to that chat (a person's), or to that channel
        as a team's destination; the next installation there says hello again."""
        place = installed_in(activity)
        removals = self.removals(tenant, place)
        with self.core.session_factory.begin() as session:
            conversations.save(session, PLATFORM, tenant, f"removed:{digest(place)}",
                               {"count": removals + 1})
            if personal(activity):
                address = Address.user(PLATFORM, tenant, activity.from_property.id).target
                conversations.forget(session, PLATFORM, tenant, address)
                self._saved.pop((tenant, address))
            else:
                channel = channel_of(conversation(tenant, activity))
                destinations.forget_address(session, channel)
