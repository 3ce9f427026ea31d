"""`/api/messages`: the Bot Framework's activities from Teams.

Every request's bearer token is checked first (`bot/teams/auth.py`): anything else is 401 and
stores nothing. The body is read with the Agents SDK's `Activity` model. A message (typed in the
bot's chat, or with an @mention in a channel or group chat, or a card's button) is recorded in
the inbox under its conversation and activity id, so a redelivery stores and answers nothing
twice, and run here or by a worker like any platform's (`bot/handoff.py`); its answer leaves
through the outbox (`bot/teams/sender.py`). An `invoke` (a card's `Action.Execute`) is answered
in the HTTP response, as Teams expects. Teams waits 15 s and wants a 200: the answer never waits
for the work.

Beside this module: what an activity says (`activity.py`), who people are called (`naming.py`),
installs and the conversations kept (`installs.py`), what the endpoint says by itself
(`outgoing.py`) and a pressed card shown again without its buttons (`pressed.py`).
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import re
from typing import TYPE_CHECKING

from microsoft_agents.activity import Activity
from sqlalchemy.exc import OperationalError

from bot.directory import Directory
from bot.handoff import Handoff
from bot.http import plain, read_body
from bot.teams import forms
from bot.teams.activity import (
    attached,
    channel_of,
    conversation,
    delivery_id,
    one_tenant,
    personal,
    profile,
    tenant_of,
    text_and_mentions,
    well_formed,
)
from bot.teams.auth import NotEndorsed, TokenCheck, Unauthorized
from bot.teams.installs import Installs
from bot.teams.naming import TeamsNames
from bot.teams.outgoing import HELD, Outgoing
from bot.teams.pressed import show_pressed
from bot.teams.render import BUTTON_KEY
from bot.teams.sender import PLATFORM, TeamsSender
from bot.teams.texts import teams_text
from bot.trouble import trouble_reply
from handlers.dispatch import reply_locale
from handlers.forms import command_of, label
from handlers.grammar.command_json import encode
from handlers.inbound import Inbound
from handlers.text.reply import Reply
from handlers.unit_of_work import answer_key
from storage import pipelines
from storage.address import Address
from storage.people import PeopleRepository

if TYPE_CHECKING:  # the composition root is handed in (`core`), never imported
    from bot.app import App

log = logging.getLogger(__name__)
MESSAGE_RESPONSE = "application/vnd.microsoft.activity.message"  # an invoke answered with a text
ADDRESS_LIMIT = 200  # the outbox's address column: a longer conversation id is answered in the person's chat
CARD = "teams_card"  # in a press handed to a worker: the id of the card that was pressed
_CJK = re.compile(r"[\u3400-\u9fff]")
# the SDK logs a traceback for every activity its model refuses: one warning line of ours is enough
logging.getLogger("microsoft_agents.activity.activity").setLevel(logging.CRITICAL)


class TeamsApp:
    def __init__(self, core: App, handoff: Handoff):
        self.core = core
        self.handoff = handoff
        self.tokens = TokenCheck(core.settings)
        self.app_id = core.settings.teams_app_id
        self.sender = TeamsSender(core)
        self.directory = Directory(core, PLATFORM)
        self.names = TeamsNames(core, self.sender, self.directory)
        self.outgoing = Outgoing(core, handoff, self.sender, self.names)
        self.installs = Installs(core, handoff, self.names, self.outgoing, self._submit)

    # HTTP --------------------------------------------------------------------------------------
    def __call__(self, environ, start_response):
        if environ.get("REQUEST_METHOD") != "POST":
            return plain(start_response, "405 Method Not Allowed")
        authorization = environ.get("HTTP_AUTHORIZATION", "")
        if not authorization:
            return _refuse(start_response, "401 Unauthorized", "no token")
        body = read_body(environ)
        if body is None:
            return _refuse(start_response, "413 Request Entity Too Large", "too large")
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: nested deep
            return _refuse(start_response, "400 Bad Request", "not JSON")
        if not isinstance(data, dict) or not isinstance(data.get("serviceUrl"), str):
            return _refuse(start_response, "400 Bad Request", "not an activity")
        tenant = tenant_of(data)
        try:
            self.tokens.claims(authorization, data["serviceUrl"], tenant, data.get("channelId"))
        except Unauthorized as error:
            return _refuse(start_response, "401 Unauthorized", str(error))
        except NotEndorsed as error:
            return _refuse(start_response, "403 Forbidden", str(error))
        if not one_tenant(data):
            return _refuse(start_response, "403 Forbidden", "the activity's tenant fields disagree")
        try:
            activity = Activity.model_validate(data)
        except Exception:  # the SDK's model refuses it (a ValidationError, or its own checks)
            return _refuse(start_response, "400 Bad Request", "not an activity")
        if activity.channel_id != "msteams" or not tenant or not well_formed(activity):
            return _refuse(start_response, "400 Bad Request", "not a Teams activity")
        if activity.type == "invoke":
            status, answer = self.invoke(activity, tenant)
            return _json(start_response, status, answer)
        self.receive(activity, tenant)
        return plain(start_response, "200 OK")

    # activities ---------------------------------------------------------------------------------
    def receive(self, activity: Activity, tenant: str) -> None:
        kind = activity.type
        if kind == "message":
            self.installs.remember(activity, tenant)
            inbound = self.inbound(activity, tenant)
            if inbound is not None:
                pressed_card = activity.reply_to_id if inbound.pressed and activity.reply_to_id else None
                self._submit(inbound, pressed_card)
        elif kind == "conversationUpdate":
            self.installs.later(self.installs.conversation_update, activity, tenant)
        elif kind == "installationUpdate":
            if (activity.action or "").startswith("remove"):
                self.installs.forget(activity, tenant)
            else:
                self.installs.later(self.installs.installed, activity, tenant)

    def invoke(self, activity: Activity, tenant: str) -> tuple[str, dict]:
        """An invoke's answer (HTTP status, body). `adaptiveCard/action` (a card's Action.Execute)
        runs the button's command like a pressed Action.Submit and answers with a short text
        (Teams' AdaptiveCardInvokeResponse); another invoke (nothing of ours sends one) gets an empty
        200: client input never gets a 5xx here, where the SDK would answer 501."""
        if activity.name != "adaptiveCard/action":
            return "200 OK", {}
        self.installs.remember(activity, tenant)
        value = activity.value if isinstance(activity.value, dict) else {}
        action = value.get("action") if isinstance(value.get("action"), dict) else {}
        data = action.get("data") if isinstance(action.get("data"), dict) else {}
        locale = self.names.locale(activity, tenant)
        known = isinstance(data.get(BUTTON_KEY), str) or forms.submitted(data) is not None
        inbound = self.inbound(activity, tenant, value=data) if known else None
        if inbound is not None:
            self._submit(inbound)
        text = teams_text(locale, "teams_action_sent" if known else "teams_action_unknown")
        return "200 OK", {"statusCode": 200, "type": MESSAGE_RESPONSE, "value": text}

    def inbound(self, activity: Activity, tenant: str, value: dict | None = None) -> Inbound | None:
        """What a message asks: typed text (the bot's mention taken out, other mentions as
        `@id`), a card button's command, or a form's; None when it is answered here already (a
        form to fill in, a picture without text) or asks nothing."""
        sender = activity.from_property
        if value is None:
            value = activity.value if isinstance(activity.value, dict) else {}
        here = None if personal(activity) else conversation(tenant, activity)
        mine = Address.user(PLATFORM, tenant, sender.id)
        answer = mine if here is None or len(here.target) > ADDRESS_LIMIT else here
        said = {"answer": answer, "announce": answer, **profile(activity)}
        form = forms.submitted(value)
        if form is not None:  # a form's Save: its command, or the form again with what is wrong
            kind, values = form
            locale = self.names.locale(activity, tenant)
            command, errors = command_of(kind, values, locale)
            errors |= {name: label("not_text", locale) for name in forms.wrong_types(kind, value)}
            if errors:
                reply = forms.form_reply(kind, locale, values, errors, self._pipeline(tenant))
                self.outgoing.post(activity, tenant, "form", reply, answer)
                return None
            return Inbound(tenant, sender.id, encode(command), delivery_id(activity), pressed=True, **said)
        pressed = isinstance(value.get(BUTTON_KEY), str)
        text, mentioned = (value[BUTTON_KEY], ()) if pressed else text_and_mentions(activity)
        word = text.strip().lower()
        if not pressed and word in forms.WORDS:  # `visit` alone: the form to fill in
            locale = "zh" if _CJK.search(word) else self.names.locale(activity, tenant)
            reply = forms.form_reply(forms.WORDS[word], locale, pipeline=self._pipeline(tenant))
            self.outgoing.post(activity, tenant, "form", reply, answer)
            return None
        if not word:
            if not pressed and attached(activity):  # a photo or a file alone: say what works
                locale = self.names.locale(activity, tenant)
                reply = Reply(lines=(teams_text(locale, "teams_text_only"),), ok=False, locale=locale)
                self.outgoing.post(activity, tenant, "text-only", reply, answer)
            return None
        return Inbound(tenant, sender.id, text, delivery_id(activity), mentioned=mentioned, pressed=pressed,
                       here=channel_of(here), **said)

    def handle(self, payload: dict) -> None:
        """A message a web process left for a worker: run it (its answer queued in the outbox),
        and the card whose button it was, if it did what it said, updated through the outbox."""
        payload = dict(payload)
        card = payload.pop(CARD, None)
        self._run(Inbound.of(payload, PLATFORM), card if isinstance(card, str) else None)

    def _submit(self, inbound: Inbound, pressed_card: str | None = None) -> None:
        key = answer_key(PLATFORM, inbound.delivery)
        payload = {**inbound.payload(), **({CARD: pressed_card} if pressed_card else {})}
        future = self.handoff.submit(PLATFORM, f"{PLATFORM}:{inbound.delivery}", payload,
                                     lambda: self._run_here(inbound, pressed_card), later=self._late)
        if future is not None:
            future.add_done_callback(lambda _done: self.outgoing.send_queued(key))

    def _late(self, payload: dict) -> None:
        """A message left for a worker that none took (`payload` as recorded): run here, its
        answer (and the pressed card's update) sent from here."""
        payload = dict(payload)
        card = payload.pop(CARD, None)
        inbound = Inbound.of(payload, PLATFORM)
        self._run_here(inbound, card if isinstance(card, str) else None)
        self.outgoing.send_queued(answer_key(PLATFORM, inbound.delivery))

    def _run(self, inbound: Inbound, pressed_card: str | None, held: dt.timedelta | None = None):
        reply = inbound.run(self.core.session_factory, self.names.user(inbound), self.core.defaults,
                            held=held)
        if pressed_card:
            show_pressed(self.core, self.sender, self.names, inbound, pressed_card, held)
        return reply

    def _run_here(self, inbound: Inbound, pressed_card: str | None = None) -> Reply | None:
        """Run a message in this process; a database that cannot take it (SQLite's lock held by
        another writer past the timeout, or away) gets the person a friendly answer, sent
        straight to them (nothing can be queued), and nothing of the message is stored."""
        try:
            return self._run(inbound, pressed_card, held=HELD)
        except OperationalError as error:
            locale = inbound.locale or (self.directory.known_locale(inbound.workspace, inbound.user))
            reply = trouble_reply(error, reply_locale(inbound.message, locale) if locale else None, "Teams")
            try:
                self.sender.send(inbound.answer, reply)
            except Exception as failed:
                log.warning("could not tell %s the database is busy: %s", inbound.user,
                            failed.__class__.__name__)
            return None

    def _pipeline(self, tenant: str) -> pipelines.Pipeline:
        """The workspace's stages, for a form's stage choices."""
        with self.core.session_factory() as session:
            row = PeopleRepository(session).tenant(PLATFORM, tenant)
            return pipelines.of(session, row.id) if row else pipelines.DEFAULT


def _json(start_response, status: str, body: dict) -> list[bytes]:
    data = json.dumps(body, ensure_ascii=False).encode()
    start_response(status, [("Content-Type", "application/json; charset=utf-8"),
                            ("Content-Length", str(len(data)))])
    return [data]


def _refuse(start_response, status: str, why: str) -> list[bytes]:
    log.warning("Teams activity refused (%s): %s", status.split()[0], why)
    return plain(start_response, status)
