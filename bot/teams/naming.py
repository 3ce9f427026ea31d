"""Who the people of a Teams tenant are called, and in what language they read.

Teams sends `from.name` with messages but not with installs, and `membersAdded` carries ids only.
A person met without a name is looked up with the connector (`GET …/members/{id}`); a later
message's `from.name` renames someone whose name came from Teams (or never came). People a
message mentions become members only as the connector describes them.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from microsoft_agents.activity import Activity

from bot.directory import Directory
from bot.recent import Recent
from bot.teams.activity import language, unnamed
from bot.teams.sender import PLATFORM, TeamsSender
from handlers.inbound import Inbound
from handlers.senders import UserRef
from storage import conversations
from storage.address import Address, Kind
from storage.people import PeopleRepository

if TYPE_CHECKING:  # the composition root is handed in (`core`), never imported
    from bot.app import App


class TeamsNames:
    def __init__(self, core: App, sender: TeamsSender, directory: Directory):
        self.core = core
        self.sender = sender
        self.directory = directory
        #: the name Teams last gave each person, as stored (the latest people: bounded)
        self._names: Recent[tuple[str, str], str] = Recent()

    def user(self, inbound: Inbound) -> UserRef:
        """The sender as Teams described them (name, language, timezone); a name Teams left out
        is asked of the connector, and a newer name Teams gives renames them. People the message
        mentions whom the bot has not met are registered first, if Teams vouches for them."""
        self.register_mentioned(inbound)
        name = inbound.name
        if not name and self.stored_name(inbound.workspace, inbound.user) is None:
            name = self.looked_up(inbound.workspace, inbound.user, inbound.answer)
        elif name:
            self.rename(inbound.workspace, inbound.user, name)
        return UserRef(PLATFORM, inbound.workspace, inbound.user, name or unnamed(inbound.user),
                       locale=inbound.locale, timezone=inbound.timezone)

    def register_mentioned(self, inbound: Inbound) -> None:
        """Make members of the people a message mentions, only as the connector describes them
        (GET …/members/{id} in the conversation it was said in): an id Teams does not vouch for
        there is never stored, whatever name the mention gave it. Nothing is registered before
        the workspace has its first member (the sender, made by the message itself)."""
        if not inbound.mentioned or self.directory.stored(inbound.workspace, inbound.user) is None:
            return
        here = inbound.here
        conversation = here.id if here is not None and here.kind is Kind.CONV else None
        service_url = ""
        if conversation is None:  # said in the sender's own chat with the bot
            with self.core.session_factory() as session:
                ref = conversations.find(session, PLATFORM, inbound.workspace,
                                         Address.user(PLATFORM, inbound.workspace, inbound.user).target)
            conversation, service_url = (ref or {}).get("conversationId"), (ref or {}).get("serviceUrl", "")
        if not conversation:
            return

        def vouched(user_id: str) -> UserRef | None:
            name = self.sender.member(inbound.workspace, conversation, user_id, service_url)
            return None if name is None else UserRef(PLATFORM, inbound.workspace, user_id,
                                                     name or unnamed(user_id))
        self.directory.register(inbound.workspace, [u for u in inbound.mentioned if u != inbound.user],
                                vouched)

    def looked_up(self, tenant: str, user_id: str, address: Address | None, service_url: str = "") -> str:
        """What the connector calls someone, in the conversation `address` (a conversation, or
        their own chat for their user address)."""
        conversation = address.id if address is not None and address.kind is Kind.CONV else None
        if conversation is None:
            with self.core.session_factory() as session:
                ref = conversations.find(session, PLATFORM, tenant,
                                         Address.user(PLATFORM, tenant, user_id).target)
            conversation = (ref or {}).get("conversationId")
            service_url = service_url or (ref or {}).get("serviceUrl", "")
        return self.sender.member_name(tenant, conversation, user_id, service_url) if conversation else ""

    def rename(self, tenant: str, user_id: str, name: str) -> None:
        """Rename a member to the newer name Teams gives, unless their name came from elsewhere
        (someone also on Slack or WeCom keeps theirs once Teams has no say)."""
        if self._names.get((tenant, user_id)) == name:
            return
        with self.core.session_factory.begin() as session:
            people = PeopleRepository(session)
            row = people.tenant(PLATFORM, tenant)
            member = people.by_identity(row.id, PLATFORM, user_id) if row else None
            if member is not None and member.display_name != name and (
                    member.display_name in (user_id, unnamed(user_id))
                    or all(i.platform == PLATFORM for i in member.identities)):
                member.display_name = name
        self._names.put((tenant, user_id), name)

    def locale(self, activity: Activity, tenant: str) -> str:
        """The sender's language: theirs as stored, else their Teams client's."""
        return (self.stored_locale(tenant, activity.from_property.id) or language(activity.locale)
                or "en")

    def stored_name(self, tenant: str, user_id: str) -> str | None:
        return self._stored(tenant, user_id, "display_name")

    def stored_locale(self, tenant: str, user_id: str) -> str | None:
        return self._stored(tenant, user_id, "locale")

    def _stored(self, tenant: str, user_id: str, field: str) -> str | None:
        """What the bot keeps of a Teams user (their name, their language), None for a stranger."""
        with self.core.session_factory() as session:
            people = PeopleRepository(session)
            row = people.tenant(PLATFORM, tenant)
            member = people.by_identity(row.id, PLATFORM, user_id) if row else None
            return getattr(member, field) if member else None
