"""Platform users as salesbot members: looked up on the platform the first time the bot meets them,
then remembered per process (the database is the truth; this only saves lookups)."""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy.exc import IntegrityError

from handlers.senders import UserRef, identify
from storage.models.base import utcnow
from storage.models.workspace import Member
from storage.people import PeopleRepository

if TYPE_CHECKING:  # the composition root is handed in (`core`), never imported
    from bot.app import App

Lookup = Callable[[str], UserRef | None]  # user id -> what the platform says of them (None: an outsider)


class Directory:
    def __init__(self, core: App, platform: str, size: int = 10_000):
        self.core = core
        self.platform = platform
        self.size = size
        self._known: OrderedDict[tuple[str, str], UserRef] = OrderedDict()

    def user(self, tenant: str, user_id: str, lookup: Lookup) -> UserRef | None:
        """A member, or who the platform says they are; None when it cannot vouch for the id."""
        key = (tenant, user_id)
        if key in self._known:
            self._known.move_to_end(key)
            return self._known[key]
        ref = self.stored(tenant, user_id) or lookup(user_id)
        if ref is None:  # not one of the tenant's people: nothing remembered, nothing stored
            return None
        self._known[key] = ref
        if len(self._known) > self.size:
            self._known.popitem(last=False)
        return ref

    def register(self, tenant: str, user_ids: list[str], lookup: Lookup) -> None:
        """Make members of users a message names whom the bot has not met yet."""
        for user_id in user_ids:
            for _attempt in range(2):
                if (tenant, user_id) in self._known or self.stored(tenant, user_id):
                    break
                ref = lookup(user_id)
                if ref is None:  # not one of the workspace's people: never a member
                    break
                try:
                    with self.core.session_factory.begin() as session:
                        identify(session, ref, self.core.defaults)
                    break
                except IntegrityError:  # another thread made them, or the workspace, at the same
                    continue  # moment: look again (the workspace's first message races its mentions)

    def known_locale(self, tenant: str, user_id: str) -> str | None:
        known = self._known.get((tenant, user_id))
        return known.locale if known else None

    def _member(self, session, tenant: str, user_id: str) -> Member | None:
        people = PeopleRepository(session)
        row = people.tenant(self.platform, tenant)
        return people.by_identity(row.id, self.platform, user_id) if row else None

    def stored(self, tenant: str, user_id: str) -> UserRef | None:
        with self.core.session_factory() as session:
            member = self._member(session, tenant, user_id)
            return UserRef(self.platform, tenant, user_id, member.display_name) if member else None

    def note_home_opened(self, tenant: str, user_id: str) -> None:
        """Remember (in the database: any process may serve them next) that they use the home tab."""
        with self.core.session_factory.begin() as session:
            member = self._member(session, tenant, user_id)
            if member:
                member.home_opened_at = utcnow()

    def has_opened_home(self, tenant: str, user_id: str) -> bool:
        with self.core.session_factory() as session:
            member = self._member(session, tenant, user_id)
            return bool(member and member.home_opened_at)
