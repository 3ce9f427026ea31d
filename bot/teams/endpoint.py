"""`/api/messages`: the Bot Framework's activities from Teams.

Every request's bearer token is checked first (`bot/teams/auth.py`): anything else is 401 and
stores nothing. The body is read with the Agents SDK's `Activity` model. A message (typed in the
bot's chat, or with an @mention in a channel or group chat, or a card's button) is recorded in
the inbox under its conversation and activity id, so a redelivery stores and answers nothing
twice, and run here or by a worker like any platform's (`bot/handoff.py`); its answer leaves
through the outbox (`bot/teams/sender.py`). The bot added to a chat or a team, or installed,
keeps the conversation's reference and says hello, once per installation (Teams tells it twice:
`conversationUpdate` and `installationUpdate`), in the channel it was installed in; members added
to a team are welcomed. A card's button that did what it said is shown again without buttons.
An `invoke` (a card's `Action.Execute`) is answered in the HTTP response, as Teams expects.
Teams waits 15 s and wants a 200: the answer never waits for the work.

Names: Teams sends `from.name` with messages but not with installs, and `membersAdded` carries
ids only. A person met without a name is looked up with the connector (`GET …/members/{id}`);
a later message's `from.name` renames someone whose name came from Teams (or never came).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import logging
import re
from dataclasses import replace

from microsoft_agents.activity import Activity
from sqlalchemy.exc import IntegrityError, OperationalError

from bot.app import App
from bot.directory import Directory
from bot.handoff import Handoff
from bot.teams import forms
from bot.teams.auth import NotEndorsed, TokenCheck, Unauthorized
from bot.teams.loop import LOOP, Loop
from bot.teams.render import BUTTON_KEY, BUTTON_LIMIT
from bot.teams.sender import PLATFORM, SERVICE, TeamsSender
from bot.trouble import trouble_reply
from bot.web import plain, read_body
from handlers.command_json import button_values, encode
from handlers.dispatch import UserRef, answer_key, identify, reply_locale
from handlers.forms import command_of, label
from handlers.inbound import Inbound
from handlers.messages import t
from handlers.reply import Reply
from handlers.reply_json import to_payload
from scheduler.delivery import DeliveryWorker
from storage import conversations, destinations, pipelines
from storage.db import locked
from storage.models import utcnow
from storage.outbox import OutboxRepository
from storage.people import PeopleRepository

log = logging.getLogger(__name__)
HELD = dt.timedelta(seconds=30)  # an answer this process queued is its own to send for this long
UNNAMED = "Teams user "  # + 4 letters of a hash: someone Teams never named to us (renamed when it does)
MESSAGE_RESPONSE = "application/vnd.microsoft.activity.message"  # an invoke answered with a text
ADDRESS_LIMIT = 200  # the outbox's address column: a longer conversation id is answered in the person's chat
CARD = "teams_card"  # in a press handed to a worker: the id of the card that was pressed
ID_LIMIT = 128  # a person's id as stored (identities)
MENTIONS_LIMIT = 25  # people named in one message that are read (more are left as their names)
_AT = re.compile(r"<at>(.*?)</at>", re.S)
_CJK = re.compile(r"[\u3400-\u9fff]")
# the SDK logs a traceback for every activity its model refuses: one warning line of ours is enough
logging.getLogger("microsoft_agents.activity.activity").setLevel(logging.CRITICAL)


class TeamsApp:
    def __init__(self, core: App, handoff: Handoff, loop: Loop = LOOP):
        self.core = core
        self.handoff = handoff
        self.loop = loop
        self.tokens = TokenCheck(core.settings, self.loop)
        self.app_id = core.settings.teams_app_id
        self.sender = TeamsSender(core, self.loop)
        #: this process's sender of the answers it queued (a worker's outbox sends the rest)
        self.outbox = DeliveryWorker(core.session_factory, self.sender)
        self._saved: dict[tuple[str, str], dict] = {}  # references this process saved, as saved
        self._names: dict[tuple[str, str], str] = {}  # the name Teams last gave each person, as stored
        self.directory = Directory(core, PLATFORM)

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
        tenant = _tenant_of(data)
        try:
            self.tokens.claims(authorization, data["serviceUrl"], tenant, data.get("channelId"))
        except Unauthorized as error:
            return _refuse(start_response, "401 Unauthorized", str(error))
        except NotEndorsed as error:
            return _refuse(start_response, "403 Forbidden", str(error))
        if not _one_tenant(data):
            return _refuse(start_response, "403 Forbidden", "the activity's tenant fields disagree")
        try:
            activity = Activity.model_validate(data)
        except Exception:  # the SDK's model refuses it (a ValidationError, or its own checks)
            return _refuse(start_response, "400 Bad Request", "not an activity")
        if activity.channel_id != "msteams" or not tenant or not _well_formed(activity):
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
            self._remember(activity, tenant)
            inbound = self.inbound(activity, tenant)
            if inbound is not None:
                pressed_card = activity.reply_to_id if inbound.pressed and activity.reply_to_id else None
                self._submit(inbound, pressed_card)
        elif kind == "conversationUpdate":
            self._later(self._conversation_update, activity, tenant)
        elif kind == "installationUpdate":
            if (activity.action or "").startswith("remove"):
                self._forget(activity, tenant)
            else:
                self._later(self._installed, activity, tenant)

    def invoke(self, activity: Activity, tenant: str) -> tuple[str, dict]:
        """An invoke's answer (HTTP status, body). `adaptiveCard/action` (a card's Action.Execute)
        runs the button's command like a pressed Action.Submit and answers with a short text
        (Teams' AdaptiveCardInvokeResponse); another invoke (nothing of ours sends one) gets an empty
        200: client input never gets a 5xx here, where the SDK would answer 501."""
        if activity.name != "adaptiveCard/action":
            return "200 OK", {}
        self._remember(activity, tenant)
        value = activity.value if isinstance(activity.value, dict) else {}
        action = value.get("action") if isinstance(value.get("action"), dict) else {}
        data = action.get("data") if isinstance(action.get("data"), dict) else {}
        locale = self._locale(activity, tenant)
        known = isinstance(data.get(BUTTON_KEY), str) or forms.submitted(data) is not None
        inbound = self.inbound(activity, tenant, value=data) if known else None
        if inbound is not None:
            self._submit(inbound)
        text = t(locale, "teams_action_sent" if known else "teams_action_unknown")
        return "200 OK", {"statusCode": 200, "type": MESSAGE_RESPONSE, "value": text}

    def inbound(self, activity: Activity, tenant: str, value: dict | None = None) -> Inbound | None:
        """What a message asks: typed text (the bot's mention taken out, other mentions as
        `@id`), a card button's command, or a form's; None when it is answered here already (a
        form to fill in, a picture without text) or asks nothing."""
        sender = activity.from_property
        if value is None:
            value = activity.value if isinstance(activity.value, dict) else {}
        here = None if _personal(activity) else f"conv:{activity.conversation.id}"
        answer = f"user:{sender.id}" if here is None or len(here) > ADDRESS_LIMIT else here
        said = {"answer": answer, "announce": answer, **_profile(activity)}
        form = forms.submitted(value)
        if form is not None:  # a form's Save: its command, or the form again with what is wrong
            kind, values = form
            locale = self._locale(activity, tenant)
            command, errors = command_of(kind, values, locale)
            errors |= {name: label("not_text", locale) for name in forms.wrong_types(kind, value)}
            if errors:
                reply = forms.form_reply(kind, locale, values, errors, self._pipeline(tenant))
                self._post(activity, tenant, "form", reply, answer)
                return None
            return Inbound(tenant, sender.id, encode(command), _delivery(activity), pressed=True, **said)
        pressed = isinstance(value.get(BUTTON_KEY), str)
        text, mentioned = (value[BUTTON_KEY], ()) if pressed else self._plain(activity, tenant)
        word = text.strip().lower()
        if not pressed and word in forms.WORDS:  # `visit` alone: the form to fill in
            locale = "zh" if _CJK.search(word) else self._locale(activity, tenant)
            self._post(activity, tenant, "form", forms.form_reply(forms.WORDS[word], locale,
                                                                  pipeline=self._pipeline(tenant)), answer)
            return None
        if not word:
            if not pressed and _attached(activity):  # a photo or a file alone: say what works
                locale = self._locale(activity, tenant)
                self._post(activity, tenant, "text-only", Reply(lines=(t(locale, "teams_text_only"),),
                                                                 ok=False, locale=locale), answer)
            return None
        return Inbound(tenant, sender.id, text, _delivery(activity), mentioned=mentioned, pressed=pressed,
                       here=_root(here), **said)

    def _plain(self, activity: Activity, tenant: str) -> tuple[str, tuple[str, ...]]:
        text = activity.text or ""
        bot = activity.recipient.id if activity.recipient else None
        mentioned = []
        for entity in activity.entities or ():
            if getattr(entity, "type", None) != "mention" or not getattr(entity, "mentioned", None):
                continue
            who, said = entity.mentioned, getattr(entity, "text", None) or ""
            if not said or not isinstance(said, str) or not _an_id(who.id):
                continue
            if who.id == bot:
                text = text.replace(said, " ")
            elif len(mentioned) < MENTIONS_LIMIT:  # the work of one message stays bounded
                text = text.replace(said, f"@{who.id}")
                mentioned.append((who.id, who.name if isinstance(who.name, str) and who.name
                                  else _unnamed(who.id)))
        text = html.unescape(_AT.sub(r"\1", text)).replace("\xa0", " ").strip()
        # a mention is the sender's word for who someone is: never a person by itself; whom the
        # connector vouches for becomes a member when the message runs (`_register_mentioned`)
        return text, tuple(dict.fromkeys(who for who, _name in mentioned))

    def handle(self, payload: dict) -> None:
        """A message a web process left for a worker: run it (its answer queued in the outbox),
        and the card whose button it was, if it did what it said, updated through the outbox."""
        payload = dict(payload)
        card = payload.pop(CARD, None)
        self._run(Inbound.of(payload), card if isinstance(card, str) else None)

    def _submit(self, inbound: Inbound, pressed_card: str | None = None) -> None:
        key = answer_key(PLATFORM, inbound.delivery)
        payload = {**inbound.payload(), **({CARD: pressed_card} if pressed_card else {})}
        future = self.handoff.submit(PLATFORM, f"{PLATFORM}:{inbound.delivery}", payload,
                                     lambda: self._run_here(inbound, pressed_card), later=self._late)
        if future is not None:
            future.add_done_callback(lambda _done: self._send_queued(key))

    def _late(self, payload: dict) -> None:
        """A message left for a worker that none took (`payload` as recorded): run here, its
        answer (and the pressed card's update) sent from here."""
        payload = dict(payload)
        card = payload.pop(CARD, None)
        inbound = Inbound.of(payload)
        self._run_here(inbound, card if isinstance(card, str) else None)
        self._send_queued(answer_key(PLATFORM, inbound.delivery))

    def _run(self, inbound: Inbound, pressed_card: str | None, held: dt.timedelta | None = None):
        reply = inbound.run(self.core.session_factory, self._user(inbound), self.core.defaults, held=held)
        if pressed_card:
            self._card_pressed(inbound, pressed_card, held)
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
                self.sender.send(PLATFORM, inbound.workspace, inbound.answer, reply)
            except Exception as failed:
                log.warning("could not tell %s the database is busy: %s", inbound.user,
                            failed.__class__.__name__)
            return None

    def _card_pressed(self, inbound: Inbound, activity_id: str, held: dt.timedelta | None) -> None:
        """The card whose button did what it said, shown again without its buttons and with what
        was pressed, by whom (a refused press leaves it as it was, for the right person). Read
        from the press's answer as stored, so that a press run again (a worker taking over a
        process that died) still updates it; queued in the outbox under the press's key, so the
        card is updated once, by whichever process sends it (PUT …/activities/{id})."""
        key = answer_key(PLATFORM, inbound.delivery)
        try:
            with self.core.session_factory() as session:
                answer = OutboxRepository(session).find(key)
            if answer is None or not answer.payload or not answer.payload.get("ok", True):
                return
            kept = self.sender.sent_card(inbound.workspace, activity_id)
            if kept is None:
                return
            target, card = kept
            label = next((b.label for b, value in button_values(card.buttons, BUTTON_LIMIT)
                          if value == inbound.message), None)
            if label is None:  # not one of this card's buttons
                return
            who = self._stored_name(inbound.workspace, inbound.user) or inbound.name
            done_line = t(card.locale, "teams_card_done", button=label, name=who)
            pressed = replace(card, buttons=(), notes=(*card.notes, done_line))
            now = utcnow()
            with self.core.session_factory.begin() as session:
                OutboxRepository(session).enqueue_many([{
                    "key": f"{key}:card"[:200], "tenant_id": answer.tenant_id, "platform": PLATFORM,
                    "workspace": inbound.workspace, "target": target,
                    "payload": {"fix": {"id": f"|{activity_id}", "reply": to_payload(pressed)}}}],
                    now, due=now + (held or dt.timedelta()))
        except Exception:  # the answer went out; an unchanged card is a small loss
            log.warning("could not update the pressed Teams card %s", activity_id, exc_info=True)

    def _user(self, inbound: Inbound) -> UserRef:
        """The sender as Teams described them (name, language, timezone); a name Teams left out
        is asked of the connector, and a newer name Teams gives renames them. People the message
        mentions whom the bot has not met are registered first, if Teams vouches for them."""
        self._register_mentioned(inbound)
        name = inbound.name
        if not name and self._stored_name(inbound.workspace, inbound.user) is None:
            name = self._looked_up(inbound.workspace, inbound.user, inbound.answer)
        elif name:
            self._rename(inbound.workspace, inbound.user, name)
        return UserRef(PLATFORM, inbound.workspace, inbound.user, name or _unnamed(inbound.user),
                       locale=inbound.locale, timezone=inbound.timezone)

    def _register_mentioned(self, inbound: Inbound) -> None:
        """Make members of the people a message mentions, only as the connector describes them
        (GET …/members/{id} in the conversation it was said in): an id Teams does not vouch for
        there is never stored, whatever name the mention gave it. Nothing is registered before
        the workspace has its first member (the sender, made by the message itself)."""
        if not inbound.mentioned or self.directory.stored(inbound.workspace, inbound.user) is None:
            return
        kind, _, ident = (inbound.here or "").partition(":")
        conversation = ident if kind == "conv" else None
        service_url = ""
        if conversation is None:  # said in the sender's own chat with the bot
            with self.core.session_factory() as session:
                ref = conversations.find(session, PLATFORM, inbound.workspace, f"user:{inbound.user}")
            conversation, service_url = (ref or {}).get("conversationId"), (ref or {}).get("serviceUrl", "")
        if not conversation:
            return

        def vouched(user_id: str) -> UserRef | None:
            name = self.sender.member(inbound.workspace, conversation, user_id, service_url)
            return None if name is None else UserRef(PLATFORM, inbound.workspace, user_id,
                                                     name or _unnamed(user_id))
        self.directory.register(inbound.workspace, [u for u in inbound.mentioned if u != inbound.user],
                                vouched)

    def _looked_up(self, tenant: str, user_id: str, address: str, service_url: str = "") -> str:
        """What the connector calls someone, in the conversation `address` (`conv:ID`, or their
        own chat for `user:ID`)."""
        kind, _, ident = (address or "").partition(":")
        conversation = ident if kind == "conv" else None
        if conversation is None:
            with self.core.session_factory() as session:
                ref = conversations.find(session, PLATFORM, tenant, f"user:{user_id}")
            conversation = (ref or {}).get("conversationId")
            service_url = service_url or (ref or {}).get("serviceUrl", "")
        return self.sender.member_name(tenant, conversation, user_id, service_url) if conversation else ""

    def _rename(self, tenant: str, user_id: str, name: str) -> None:
        """Rename a member to the newer name Teams gives, unless their name came from elsewhere
        (someone also on Slack or WeCom keeps theirs once Teams has no say)."""
        if self._names.get((tenant, user_id)) == name:
            return
        with self.core.session_factory.begin() as session:
            people = PeopleRepository(session)
            row = people.tenant(PLATFORM, tenant)
            member = people.by_identity(row.id, PLATFORM, user_id) if row else None
            if member is not None and member.display_name != name and (
                    member.display_name in (user_id, _unnamed(user_id))
                    or all(i.platform == PLATFORM for i in member.identities)):
                member.display_name = name
        self._names[(tenant, user_id)] = name

    def _send_queued(self, key: str) -> None:
        try:
            self.outbox.send_now([key, f"{key}:announce", f"{key}:card"[:200]])
        except Exception as error:  # a worker sends it once the hold is over
            log.warning("could not send the answer %s from here", key, exc_info=not locked(error))

    # the bot's place in conversations -------------------------------------------------------------
    def _later(self, work, activity: Activity, tenant: str) -> None:
        """Work that asks the connector (names) before it answers: off the request, logged."""
        def run() -> None:
            try:
                work(activity, tenant)
            except Exception:
                log.warning("Teams %s not handled", activity.type, exc_info=True)
        self.handoff.executor.submit(run)

    def _conversation_update(self, activity: Activity, tenant: str) -> None:
        bot = activity.recipient.id if activity.recipient else ""
        added = [m for m in activity.members_added or () if m.id != bot]
        if any(m.id == bot for m in activity.members_added or ()):
            self._installed(activity, tenant)
        if any(m.id == bot for m in activity.members_removed or ()):
            self._forget(activity, tenant)
        if added and not _personal(activity):
            self._welcome(activity, tenant, added)

    def _installed(self, activity: Activity, tenant: str) -> None:
        """The bot is in a new chat or team: keep the way there and say what it does, once per
        installation (a person's own chat gets the help, as if they asked; a team or group chat
        how to make it theirs, in the channel chosen at install)."""
        self._remember(activity, tenant)
        place = _installed_in(activity)
        once = f"install:{_digest(place)}:{self._removals(tenant, place)}"
        if _personal(activity):
            sender = activity.from_property
            name = sender.name or self._looked_up(tenant, sender.id, f"conv:{activity.conversation.id}",
                                                  activity.service_url)
            self._submit(Inbound(tenant, sender.id, "help", once, answer=f"user:{sender.id}",
                                 **{**_profile(activity), "name": name}))
            return
        locale = _language(activity.locale) or "en"
        self._post(activity, tenant, "hello", Reply(lines=(t(locale, "teams_hello"),), locale=locale),
                   f"conv:{place}", once=once)

    def _welcome(self, activity: Activity, tenant: str, added) -> None:
        for member in added:
            locale = self._stored_locale(tenant, member.id) or _language(activity.locale) or "en"
            name = (member.name or self._stored_name(tenant, member.id)
                    or self._looked_up(tenant, member.id, f"conv:{activity.conversation.id}",
                                       activity.service_url))
            line = t(locale, "teams_welcome", name=name) if name else t(locale, "teams_welcome_unnamed")
            self._post(activity, tenant, f"welcome:{member.id}", Reply(lines=(line,), locale=locale))

    def _post(self, activity: Activity, tenant: str, what: str, reply: Reply,
              target: str | None = None, once: str | None = None) -> None:
        """A message in the activity's conversation (or to `target`), once however often Teams
        sends the activity (or once per `once`)."""
        key = answer_key(PLATFORM, f"{once or _delivery(activity)}:{what}")
        row = {"key": key, "platform": PLATFORM, "workspace": tenant, "payload": to_payload(reply),
               "target": _root(target or f"conv:{activity.conversation.id}")}
        for attempt in range(2):  # a new tenant: another process may make it at the same moment
            try:
                with self.core.session_factory.begin() as session:
                    found = PeopleRepository(session).tenant(PLATFORM, tenant)
                    if found is None:  # the bot's first activity here: its sender makes the tenant
                        found = self._first_of(session, activity, tenant)
                    OutboxRepository(session).enqueue_many([{**row, "tenant_id": found.id}], utcnow())
                break
            except IntegrityError:
                if attempt:
                    raise
        self.handoff.executor.submit(self._send_queued, key)

    def _first_of(self, session, activity: Activity, tenant: str):
        """The tenant, made with its first member: who sent the bot's first activity here."""
        sender = activity.from_property
        name = sender.name or self._looked_up(tenant, sender.id, f"conv:{activity.conversation.id}",
                                              activity.service_url)
        found, _member, _new = identify(session, UserRef(
            PLATFORM, tenant, sender.id, name or _unnamed(sender.id), locale=_language(activity.locale),
            timezone=_timezone(activity)), self.core.defaults)
        return found

    def _removals(self, tenant: str, place: str) -> int:
        """How often the bot was removed from `place`: an installation's number there."""
        with self.core.session_factory() as session:
            found = conversations.find(session, PLATFORM, tenant, f"removed:{_digest(place)}")
        return int((found or {}).get("count", 0))

    def _locale(self, activity: Activity, tenant: str) -> str:
        """The sender's language: theirs as stored, else their Teams client's."""
        return (self._stored_locale(tenant, activity.from_property.id) or _language(activity.locale)
                or "en")

    def _pipeline(self, tenant: str) -> pipelines.Pipeline:
        """The workspace's stages, for a form's stage choices."""
        with self.core.session_factory() as session:
            row = PeopleRepository(session).tenant(PLATFORM, tenant)
            return pipelines.of(session, row.id) if row else pipelines.DEFAULT

    def _stored_name(self, tenant: str, user_id: str) -> str | None:
        with self.core.session_factory() as session:
            people = PeopleRepository(session)
            row = people.tenant(PLATFORM, tenant)
            member = people.by_identity(row.id, PLATFORM, user_id) if row else None
            return member.display_name if member else None

    def _stored_locale(self, tenant: str, user_id: str) -> str | None:
        with self.core.session_factory() as session:
            people = PeopleRepository(session)
            row = people.tenant(PLATFORM, tenant)
            member = people.by_identity(row.id, PLATFORM, user_id) if row else None
            return member.locale if member else None

    def _remember(self, activity: Activity, tenant: str) -> None:
        """Keep the tenant's service URL and, for a person's chat, its conversation and their
        Entra ID object id (written only when they changed: most activities change nothing)."""
        refs = {SERVICE: {"serviceUrl": activity.service_url}}
        if _personal(activity):
            refs[f"user:{activity.from_property.id}"] = {
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
        self._saved.update({(tenant, address): ref for address, ref in changed.items()})

    def _forget(self, activity: Activity, tenant: str) -> None:
        """The bot was removed: nothing more goes to that chat (a person's), or to that channel
        as a team's destination; the next installation there says hello again."""
        place = _installed_in(activity)
        removals = self._removals(tenant, place)
        with self.core.session_factory.begin() as session:
            conversations.save(session, PLATFORM, tenant, f"removed:{_digest(place)}",
                               {"count": removals + 1})
            if _personal(activity):
                address = f"user:{activity.from_property.id}"
                conversations.forget(session, PLATFORM, tenant, address)
                self._saved.pop((tenant, address), None)
            else:
                destinations.forget_address(session, PLATFORM, _root(f"conv:{activity.conversation.id}"))


def _unnamed(user_id: str) -> str:
    """A name for someone Teams has not named to us yet: never their raw id."""
    return UNNAMED + hashlib.sha256(user_id.encode()).hexdigest()[:4]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def _installed_in(activity: Activity) -> str:
    """Where the bot was installed: the channel picked at install (a team's), else the chat."""
    data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    settings = data.get("settings") if isinstance(data.get("settings"), dict) else {}
    chosen = settings.get("selectedChannel") if isinstance(settings.get("selectedChannel"), dict) else {}
    found = chosen.get("id")
    return found if isinstance(found, str) and 0 < len(found) <= 150 else _root(activity.conversation.id)


def _attached(activity: Activity) -> bool:
    """Whether a message carries a picture or a file (what Teams sends for a pasted image or an
    upload), beside the HTML copy of the message it adds."""
    return any((getattr(a, "content_type", "") or "") not in ("text/html", "")
               for a in activity.attachments or ())


def _json(start_response, status: str, body: dict) -> list[bytes]:
    data = json.dumps(body, ensure_ascii=False).encode()
    start_response(status, [("Content-Type", "application/json; charset=utf-8"),
                            ("Content-Length", str(len(data)))])
    return [data]


def _well_formed(activity: Activity) -> bool:
    """What every Teams activity has: a sender and a conversation, each with an id that fits
    (ids are at most 128 characters where we keep them)."""
    sender, conversation = activity.from_property, activity.conversation
    return (sender is not None and _an_id(sender.id) and conversation is not None
            and isinstance(conversation.id, str) and bool(conversation.id))


def _an_id(value: object) -> bool:
    return isinstance(value, str) and 0 < len(value) <= ID_LIMIT


def _user(inbound: Inbound) -> UserRef:
    """The sender as Teams described them with the message: name, language, timezone."""
    return UserRef(PLATFORM, inbound.workspace, inbound.user, inbound.name or _unnamed(inbound.user),
                   locale=inbound.locale, timezone=inbound.timezone)


def _profile(activity: Activity) -> dict:
    """What Teams says of the sender with every activity: name, language, timezone."""
    return {"name": activity.from_property.name or "", "locale": _language(activity.locale),
            "timezone": _timezone(activity)}


def _tenant_of(data: dict) -> str | None:
    """The Teams tenant of a raw activity (the conversation's, else the channel data's)."""
    conversation = data.get("conversation") if isinstance(data.get("conversation"), dict) else {}
    channel_data = data.get("channelData") if isinstance(data.get("channelData"), dict) else {}
    tenant = channel_data.get("tenant") if isinstance(channel_data.get("tenant"), dict) else {}
    found = conversation.get("tenantId") or tenant.get("id")
    # a tenant id is a GUID: one tenant whatever the case of its letters (kept in lower case)
    return found.lower() if isinstance(found, str) and 0 < len(found) <= 64 else None


def _one_tenant(data: dict) -> bool:
    """Whether every tenant an activity names is the same one: the conversation's `tenantId`, the
    channel data's `tenant` (when sent, an object with an id) and the sender's `tenantId`."""
    named = []
    for holder, key in ((data.get("conversation"), "tenantId"), (data.get("from"), "tenantId")):
        if isinstance(holder, dict) and holder.get(key) is not None:
            named.append(holder[key])
    channel_data = data.get("channelData")
    if isinstance(channel_data, dict) and "tenant" in channel_data:
        tenant = channel_data["tenant"]
        named.append(tenant.get("id") if isinstance(tenant, dict) else None)
    return None not in named and len({str(v).lower() for v in named}) <= 1


def _personal(activity: Activity) -> bool:
    return (activity.conversation.conversation_type or "personal") == "personal"


def _root(address: str | None) -> str | None:
    """A channel thread's address without the thread: the channel itself."""
    return address.split(";messageid=")[0] if address else None


def _delivery(activity: Activity) -> str:
    """Teams' id for an activity: its id within its conversation (a redelivery has the same)."""
    conversation = hashlib.sha256(activity.conversation.id.encode()).hexdigest()[:20]
    return f"{conversation}:{activity.id or activity.timestamp}"[:150]


def _language(locale: str | None) -> str | None:
    return None if not locale else "zh" if locale.lower().startswith("zh") else "en"


def _timezone(activity: Activity) -> str | None:
    """The client's timezone: `localTimezone`, or the clientInfo entity's (Teams sends both)."""
    from zoneinfo import ZoneInfo

    found = activity.local_timezone or next(
        (getattr(e, "timezone", None) for e in activity.entities or ()
         if getattr(e, "type", "") == "clientInfo"), None)
    try:
        return found if isinstance(found, str) and found and ZoneInfo(found) else None
    except (ValueError, KeyError, OSError):
        return None


def _refuse(start_response, status: str, why: str) -> list[bytes]:
    log.warning("Teams activity refused (%s): %s", status.split()[0], why)
    return plain(start_response, status)
