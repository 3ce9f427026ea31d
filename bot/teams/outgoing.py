"""What the endpoint says by itself, and how this process sends what it queued.

Hello at an install, a welcome, a form to fill in, or the answer to a picture sent alone is
queued in the outbox under a key made from the activity (so a redelivered activity queues
nothing twice) and sent from here at once; an answer this process queued is its own to send for
`HELD`, after which a worker's outbox sends it.
"""
from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING

from microsoft_agents.activity import Activity
from sqlalchemy.exc import IntegrityError

from bot.handoff import Handoff
from bot.teams.activity import channel_of, conversation, delivery_id, language, timezone_of, unnamed
from bot.teams.naming import TeamsNames
from bot.teams.sender import PLATFORM, TeamsSender
from handlers.events import Answer
from handlers.outgoing import queue
from handlers.senders import UserRef, identify
from handlers.text.reply import Reply
from handlers.unit_of_work import answer_key
from storage.address import Address
from storage.db import locked
from storage.models.base import utcnow
from storage.people import PeopleRepository
from worker.delivery import DeliveryWorker

if TYPE_CHECKING:  # the composition root is handed in (`core`), never imported
    from bot.app import App

log = logging.getLogger(__name__)
HELD = dt.timedelta(seconds=30)  # an answer this process queued is its own to send for this long


class Outgoing:
    def __init__(self, core: App, handoff: Handoff, sender: TeamsSender, names: TeamsNames):
        self.core = core
        self.handoff = handoff
        self.names = names
        #: this process's sender of the answers it queued (a worker's outbox sends the rest)
        self.outbox = DeliveryWorker(core.session_factory, sender)

    def post(self, activity: Activity, tenant: str, what: str, reply: Reply,
             target: Address | None = None, once: str | None = None) -> None:
        """A message in the activity's conversation (or to `target`), once however often Teams
        sends the activity (or once per `once`)."""
        key = answer_key(PLATFORM, f"{once or delivery_id(activity)}:{what}")
        answer = Answer(key, channel_of(target or conversation(tenant, activity)), reply)
        for attempt in range(2):  # a new tenant: another process may make it at the same moment
            try:
                with self.core.session_factory.begin() as session:
                    found = PeopleRepository(session).tenant(PLATFORM, tenant)
                    if found is None:  # the bot's first activity here: its sender makes the tenant
                        found = self._first_of(session, activity, tenant)
                    queue(session, found, [answer], utcnow())
                break
            except IntegrityError:
                if attempt:
                    raise
        self.handoff.executor.submit(self.send_queued, key)

    def _first_of(self, session, activity: Activity, tenant: str):
        """The tenant, made with its first member: who sent the bot's first activity here."""
        sender = activity.from_property
        name = sender.name or self.names.looked_up(tenant, sender.id, conversation(tenant, activity),
                                                   activity.service_url)
        found, _member, _new = identify(session, UserRef(
            PLATFORM, tenant, sender.id, name or unnamed(sender.id), locale=language(activity.locale),
            timezone=timezone_of(activity)), self.core.defaults)
        return found

    def send_queued(self, key: str) -> None:
        """Send the answer queued under `key`, with its announcement and card update, from here."""
        try:
            self.outbox.send_now([key, f"{key}:announce", f"{key}:card"[:200]])
        except Exception as error:  # a worker sends it once the hold is over
            log.warning("could not send the answer %s from here", key, exc_info=not locked(error))
