"""Delivers outbox messages to Teams through the Bot Connector (`bot/teams/connector.py`):
`user:ID` to the person's chat with the bot (created the first time: a proactive message),
`conv:ID` to a channel, its thread or a group chat. The service URL of each tenant and the chat
of each person are conversation references (`storage/conversations.py`), saved from activities.

A sent message can be changed or taken back: `send` returns the ids the connector gave its
activities, and `update` (PUT) and `delete` take such an id with the same address (a correction
or an undo can call them). A card with buttons is kept (`card:ID`) so that the card a person
pressed can be shown again without its buttons (`bot/teams/pressed.py`).

Teams limits each conversation (7 messages a second, 8 in two, 60 in thirty) and says 429 past
them: this paces each conversation below those numbers, and a 429 becomes RateLimited (its
Retry-After, else a short pause) for the outbox to wait out.
"""
from __future__ import annotations

import collections
import logging
import threading
import time

from bot.teams.auth import BotToken
from bot.teams.connector import Connector, ConnectorError
from bot.teams.render import activities
from handlers.text.reply import Reply
from handlers.text.reply_json import from_payload, to_payload
from storage import conversations
from storage.address import Address, Kind
from worker.delivery import RateLimited, Undeliverable

log = logging.getLogger(__name__)
PLATFORM = "teams"
SERVICE = "service"  # the address of a tenant's service URL among its conversation references
#: (messages, seconds) a conversation takes, a little under what Teams documents
WINDOWS = ((6, 1.0), (7, 2.0), (55, 30.0))
PAUSE_429 = 2.0  # seconds, when a 429 names no Retry-After
GONE = {403, 404}  # the bot was removed, the conversation or person is no more


class ConversationPace:
    """Waits before a send that would pass a conversation's limits (or says how long, when that
    is longer than a moment: the outbox waits instead)."""

    MOST_WAIT = 2.0

    def __init__(self, clock=time.monotonic, sleep=time.sleep):
        self.clock, self.sleep = clock, sleep
        self._sent: dict[str, collections.deque] = {}
        self._lock = threading.Lock()

    def wait(self, conversation: str) -> None:
        with self._lock:
            sent = self._sent.setdefault(conversation, collections.deque(maxlen=WINDOWS[-1][0]))
            now = self.clock()
            wait = max((sent[-count] + seconds - now for count, seconds in WINDOWS if len(sent) >= count),
                       default=0.0)
        if wait > self.MOST_WAIT:
            raise RateLimited(wait, "pacing a Teams conversation")
        if wait > 0:
            self.sleep(wait)
        with self._lock:
            sent.append(self.clock())
            if len(self._sent) > 10_000:  # forget quiet conversations
                self._sent = {k: v for k, v in self._sent.items() if v and v[-1] > self.clock() - 30}


class TeamsSender:
    def __init__(self, core, token: BotToken | None = None):
        self.settings = core.settings
        self.session_factory = core.session_factory
        self.token = token or BotToken(core.settings)
        self.connector = Connector(self.token)
        self.pace = ConversationPace()

    def send(self, to: Address, reply: Reply) -> str | None:
        """Post `reply` to `to`; the ids of the activities the connector made for it
        (`conversation|id,id`), which `fix` takes to update or delete them."""
        service_url, conversation = self._where(to)
        ids = []
        for activity in activities(reply):
            self.pace.wait(conversation)
            sent = self._call(self.connector.send, service_url, conversation, activity)
            if isinstance(sent.get("id"), str) and sent["id"]:
                ids.append(sent["id"])
        if reply.buttons and ids and len(ids[-1]) < 180:  # a card someone may press: kept to update
            with self.session_factory.begin() as session:
                conversations.save(session, PLATFORM, to.workspace, _card(to.workspace, ids[-1]),
                                   {"target": to.target, "reply": to_payload(reply)})
        return f"{conversation}|{','.join(ids)}" if ids else None

    def fix(self, to: Address, message_id: str, reply: Reply | None) -> bool:
        """Update the post's first activity with `reply`, or delete its activities (`reply`
        None); False when the connector refuses (then a short correction follows). `message_id`
        is what `send` returned (`conversation|id,id`), or `|id` for one activity."""
        _conversation, _, ids = message_id.partition("|")
        ids = [i for i in ids.split(",") if i]
        try:
            if reply is None:
                for activity_id in ids:
                    self.delete(to, activity_id)
            else:
                self.update(to, ids[0], reply)
        except ConnectorError as error:
            if error.status >= 500:  # Teams is failing, not refusing: the outbox tries again later
                raise
            return False
        except (Undeliverable, ValueError, IndexError):
            return False
        return True

    def update(self, to: Address, activity_id: str, reply: Reply) -> None:
        """Show `reply` in place of the message `activity_id` the bot sent to `to` (Teams
        takes a new activity for the same id: PUT …/activities/{id})."""
        service_url, conversation = self._where(to)
        activity = {**activities(reply)[0], "id": activity_id}
        self.pace.wait(conversation)
        self._call(self.connector.update, service_url, conversation, activity_id, activity)

    def delete(self, to: Address, activity_id: str) -> None:
        """Take back the message `activity_id` the bot sent to `to` (DELETE …/activities/{id})."""
        service_url, conversation = self._where(to)
        self.pace.wait(conversation)
        self._call(self.connector.delete, service_url, conversation, activity_id)

    def sent_card(self, workspace: str, activity_id: str) -> tuple[Address, Reply] | None:
        """(address, reply) of a card with buttons this bot sent as `activity_id`, if it kept it."""
        with self.session_factory() as session:
            kept = conversations.find(session, PLATFORM, workspace, _card(workspace, activity_id))
        if not kept:
            return None
        return Address.parse(PLATFORM, workspace, kept["target"]), from_payload(kept["reply"])

    def member_name(self, workspace: str, conversation: str, user_id: str, service_url: str = "") -> str:
        """The name Teams shows for a member of a conversation (GET …/members/{id}), or "" when
        the connector does not say (Teams leaves names out of installs and `membersAdded`)."""
        return self.member(workspace, conversation, user_id, service_url) or ""

    def member(self, workspace: str, conversation: str, user_id: str, service_url: str = "") -> str | None:
        """What the connector vouches for: the name of a member of the conversation ("" when it
        gives none), or None when it does not know them there (or could not be asked)."""
        if not service_url:
            with self.session_factory() as session:
                service = conversations.find(session, PLATFORM, workspace, SERVICE)
            service_url = (service or {}).get("serviceUrl") or self.settings.teams_service_url
        try:
            member = self._call(self.connector.member, service_url, conversation, user_id)
        except Undeliverable:  # not a member there (404): not vouched for, which is no fault
            log.info("Teams knows no member %s in that conversation", user_id)
            return None
        except Exception:  # Teams could not say: not vouched for either
            log.warning("Teams did not say who %s is", user_id, exc_info=True)
            return None
        # the documented answer has givenName and surname, maybe no name
        given = " ".join(str(member.get(k) or "").strip() for k in ("givenName", "surname")).strip()
        return (str(member.get("name") or "").strip() or given)[:100]

    def _where(self, to: Address) -> tuple[str, str]:
        """(service URL, conversation id) of an address; a person's chat is made the first time."""
        workspace, target, kind, ident = to.workspace, to.target, to.kind, to.id
        with self.session_factory() as session:
            service = conversations.find(session, PLATFORM, workspace, SERVICE)
            mine = conversations.find(session, PLATFORM, workspace, target) if kind is Kind.USER else None
        service_url = (service or {}).get("serviceUrl") or self.settings.teams_service_url
        if kind is Kind.CONV and ident:
            return service_url, ident
        if kind is not Kind.USER or not ident:
            raise Undeliverable(f"no Teams address: {target}")
        if mine:
            return mine["serviceUrl"], mine["conversationId"]
        created = self._call(self.connector.create_conversation, service_url, {
            "isGroup": False, "bot": {"id": f"28:{self.settings.teams_app_id}"}, "members": [{"id": ident}],
            "tenantId": workspace, "channelData": {"tenant": {"id": workspace}}})
        if not isinstance(created.get("id"), str) or not created["id"]:
            raise ConnectorError(502, {}, "the connector made a conversation without an id")
        reference = {"serviceUrl": service_url, "conversationId": created["id"]}
        with self.session_factory.begin() as session:
            conversations.save(session, PLATFORM, workspace, target, reference)
        return service_url, created["id"]

    def _call(self, call, *args):
        try:
            return call(*args)
        except ConnectorError as error:
            if error.status == 429:
                after = error.headers.get("Retry-After", "")
                raise RateLimited(float(after) if after.isdigit() else PAUSE_429,
                                  "Teams said 429") from None
            if error.status in GONE:
                raise Undeliverable(f"Teams {error.status}: {error.message}") from None
            raise


def _card(workspace: str, activity_id: str) -> str:
    """Where a sent card with buttons is kept: the conversation store's key for activity `activity_id`."""
    return Address(PLATFORM, workspace, Kind.CARD, activity_id).target
