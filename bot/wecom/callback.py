"""`/wecom/callback`: WeCom's URL check, and encrypted messages and events from the app.

WeCom waits 5 s for an answer, then drops the connection and redelivers (3 times in all). Every
delivery is first recorded in the inbox (`bot/handoff.py`) under its key (MsgId; events by sender,
time, event and their own key fields), so a redelivery never stores anything twice nor gets a
second answer. When this process is idle it runs the message at once, and an answer ready within
a few seconds that fits a passive text reply goes back encrypted; anything else (and everything a
worker runs under load) gets an empty 200 and arrives through `message/send`.
"""
from __future__ import annotations

import datetime as dt
import logging
import struct
import threading
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TYPE_CHECKING
from urllib.parse import parse_qs
from xml.parsers import expat
from xml.parsers.expat import ExpatError
from zoneinfo import ZoneInfo

from sqlalchemy.exc import OperationalError
from wechatpy.enterprise.exceptions import InvalidCorpIdException
from wechatpy.exceptions import InvalidSignatureException, WeChatClientException
from wechatpy.replies import TextReply

from bot.directory import Directory
from bot.handoff import Handoff
from bot.http import plain, read_body
from bot.trouble import trouble_reply
from bot.wecom.client import WeComClient, with_backoff
from bot.wecom.render import render_plain, template_card
from bot.wecom.seal import CallbackSeal
from bot.wecom.sender import WeComSender
from handlers.dispatch import reply_locale
from handlers.inbound import VERSION, Inbound
from handlers.senders import UserRef
from handlers.text.reply import Reply
from handlers.text.strings import t
from handlers.unit_of_work import answer_key
from storage.address import Address, Kind
from storage.db import locked
from worker.delivery import DeliveryWorker

if TYPE_CHECKING:  # the composition root is handed in (`core`), never imported
    from bot.app import App

log = logging.getLogger(__name__)
PLATFORM = "wecom"
DEFAULT_ZONE = "Asia/Shanghai"  # a WeCom corp's day, for "once a day"
_NOT_TEXT = {"image", "voice", "video", "file", "location", "link"}
PASSIVE_WAIT = 3.5  # seconds: leaves WeCom's 5 s for the network and the encryption
HELD = dt.timedelta(seconds=30)  # an answer this process queued is its own to send for this long
USER_NOT_FOUND = 60111  # user/get: "userid not found"


class WeComApp:
    def __init__(self, core: App, client: WeComClient, crypto: CallbackSeal, handoff: Handoff):
        self.core = core
        self.client = client
        self.crypto = crypto
        self.corp_id = core.settings.wecom_corp_id
        self.directory = Directory(core, PLATFORM)
        self.handoff = handoff
        #: this process's sender of the answers it queued (a worker's outbox sends the rest)
        self.outbox = DeliveryWorker(core.session_factory, WeComSender(client))

    # HTTP --------------------------------------------------------------------------------------
    def __call__(self, environ, start_response):
        query = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
        signature, stamp, nonce = (query.get(k, "") for k in ("msg_signature", "timestamp", "nonce"))
        if environ.get("REQUEST_METHOD") == "GET":
            try:
                echo = self.crypto.check_signature(signature, stamp, nonce, query.get("echostr", ""))
            except _UNREADABLE as error:
                return _refuse(start_response, "403 Forbidden", error)
            return plain(start_response, "200 OK", echo)
        body = read_body(environ)
        if body is None:
            return _refuse(start_response, "413 Request Entity Too Large", "too large")
        outer = xml_fields(body)
        if outer is None or not isinstance(outer.get("Encrypt"), str):
            return _refuse(start_response, "400 Bad Request", "not WeCom's XML")
        try:  # the signature covers the ciphertext; the AES key and the CorpID inside it are ours
            inner = xml_fields(self.crypto.open(outer["Encrypt"], signature, stamp, nonce))
        except _UNREADABLE as error:  # forged, for another corp, or not WeCom's ciphertext
            return _refuse(start_response, "403 Forbidden", error)
        message = _message(inner)
        if message is None:
            return _refuse(start_response, "400 Bad Request", "not a WeCom message")
        if message["ToUserName"] != self.corp_id:
            return _refuse(start_response, "403 Forbidden", "another corp")
        if message.get("MsgType") in _NOT_TEXT:  # a photo, a voice note …: say what works
            user = message["FromUserName"]
            answer = t(self.directory.known_locale(self.corp_id, user) or "zh", "text_only")
        else:
            answer = self._answer(message)
        if answer is None:
            return plain(start_response, "200 OK", "")
        reply_xml = TextReply(source=self.corp_id, target=message["FromUserName"],
                              content=answer).render()
        return plain(start_response, "200 OK", self.crypto.seal(reply_xml, nonce, stamp))

    # messages -----------------------------------------------------------------------------------
    def _answer(self, message: dict) -> str | None:
        """The passive text reply, or None (an empty 200: the answer, if any, goes via the API).
        Either way the answer is an outbox row, queued with what the message stored: answered
        passively, it is marked sent (its buttons still go as a card); else it is sent from here
        at once, or by a worker when this process left the message to one."""
        job = self._job(message)
        if job is None:
            return None
        inbound, waiting = self._inbound(*job), _Waiting()
        future = self.handoff.submit(PLATFORM, f"{PLATFORM}:{inbound.delivery}", inbound.payload(),
                                     lambda: self.run(inbound, waiting), later=self._late)
        if future is None:  # a redelivery, or left for a worker
            return None
        try:
            reply = future.result(timeout=PASSIVE_WAIT)
        except FutureTimeout:
            if waiting.give_up():  # too slow for a passive reply: all of it through the API
                future.add_done_callback(lambda _done: self._send_queued(inbound))
                return None
            reply = future.result()  # promised as passive: its transaction is committing now
        if reply is None:
            return None
        passive = _passive(reply)
        said_here = any(key.endswith(":announce") for key in waiting.caused)  # a celebration in the DM
        if passive is None or template_card(reply) or said_here:
            self.handoff.executor.submit(self._send_queued, inbound)
        return passive

    def _late(self, payload: dict) -> None:
        """A message left for a worker that none took (`payload` as recorded): run here, its
        answer sent from here (the callback is long answered: nothing goes passively)."""
        inbound = Inbound.of(payload, PLATFORM)
        waiting = _Waiting()
        waiting.give_up()
        self.run(inbound, waiting)
        self._send_queued(inbound)

    def handle(self, payload: dict) -> None:
        """A message a web process left for a worker: run it; the answer is queued in the outbox
        with what it stored. Rows of version 1 are not run (the inbox purges rows within 7 days)."""
        if payload.get("v") != VERSION:
            log.warning("WeCom inbox row of version %s left unrun", payload.get("v", 1))
            return
        inbound = Inbound.of(payload, PLATFORM)
        user = self.directory.user(self.corp_id, inbound.user, self._profile)
        if user is None:  # none of the corp's people: nothing stored (a web process said so)
            log.info("a WeCom user id the corp does not have was refused")
            return
        inbound.run(self.core.session_factory, user, self.core.defaults)

    def _inbound(self, user_id: str, text: str, delivery: str) -> Inbound:
        me = Address.user(PLATFORM, self.corp_id, user_id)
        return Inbound(self.corp_id, user_id, text, delivery, answer=me, announce=me,
                       pressed=delivery.startswith("card:"))

    @staticmethod
    def _job(raw: dict) -> tuple[str, str, str] | None:
        """(user, command text, delivery key) of a message or event the bot answers."""
        user = raw.get("FromUserName", "")
        if raw.get("MsgType") == "text":
            return user, raw.get("Content") or "", f"msg:{raw.get('MsgId')}"
        event = (raw.get("Event") or "").lower()
        if event == "enter_agent":  # opening the app: a short help, the first time each day
            today = dt.datetime.now(ZoneInfo(DEFAULT_ZONE)).date()
            return user, "帮助", f"enter_agent:{user}:{today}"
        if event == "template_card_event":  # a card button: its key is the command
            key = raw.get("EventKey") or ""
            if not key:  # a button that sends nothing asks nothing
                return None
            return user, key, f"card:{user}:{raw.get('CreateTime')}:{raw.get('TaskId')}:{key}"
        return None

    def run(self, inbound: Inbound, waiting: _Waiting) -> Reply | None:
        """Run a message in this process, its answer held for this process to give: passively
        when it fits and the callback still waits, the rest (or all of it) through the API."""
        def in_request(reply: Reply) -> Address | None:
            if _passive(reply) is None or not waiting.promise():
                return inbound.answer
            card = Address(PLATFORM, inbound.workspace, Kind.CARD, inbound.user)
            return card if template_card(reply) else None

        try:
            user = self.directory.user(self.corp_id, inbound.user, self._profile)
            if user is None:  # none of the corp's people: one answer in both languages, nothing stored
                log.info("a WeCom user id the corp does not have was refused")
                return Reply(lines=(t("zh", "outsider"), t("en", "outsider")), ok=False, locale="zh")
            return inbound.run(self.core.session_factory, user, self.core.defaults, held=HELD,
                               in_request=in_request, caused=waiting.caused)
        except OperationalError as error:
            known = self.directory.known_locale(self.corp_id, inbound.user)
            return trouble_reply(error, reply_locale(inbound.message, known or "zh"), "WeCom")

    def _profile(self, user_id: str) -> UserRef | None:
        """`user/get` on first contact: the name; Chinese by default; the team's timezone. None
        for an id the corp does not have (errcode 60111): never a member."""
        try:
            name = with_backoff(lambda: self.client.user.get(user_id)).get("name") or user_id
        except WeChatClientException as error:
            if error.errcode == USER_NOT_FOUND:
                return None
            name = user_id
        return UserRef(PLATFORM, self.corp_id, user_id, name, default_locale="zh")

    def _send_queued(self, inbound: Inbound) -> None:
        key = answer_key(PLATFORM, inbound.delivery)
        try:
            self.outbox.send_now([key, f"{key}:announce"])
        except Exception as error:  # a worker sends it once the hold is over
            log.warning("could not send the answer %s from here", key, exc_info=not locked(error))


class _Waiting:
    """Whether a callback still waits for its passive reply: the work promises to give it there
    (and marks it given in its transaction) only if the callback has not given up, and a
    callback that was promised waits for it."""

    def __init__(self):
        self._lock = threading.Lock()
        self._gave_up = self._promised = False
        self.caused: list[str] = []  # the keys the message queued besides its answer

    def promise(self) -> bool:
        with self._lock:
            self._promised = not self._gave_up
            return self._promised

    def give_up(self) -> bool:
        with self._lock:
            self._gave_up = not self._promised
            return self._gave_up


def _passive(reply: Reply) -> str | None:
    """The reply as a passive text reply, when it fits in one."""
    pieces = render_plain(reply, reply.locale)
    return pieces[0] if len(pieces) == 1 else None


#: What reading a forged, foreign or garbled callback raises (wechatpy decodes base64, decrypts,
#: unpads and unpacks the ciphertext without checks of its own).
_UNREADABLE = (InvalidSignatureException, InvalidCorpIdException, ValueError, TypeError, KeyError,
               IndexError, struct.error)
#: Fields a message must carry as text, by kind; MsgId keys a message's redeliveries.
_REQUIRED = {"text": ("MsgId",), "event": ("Event",)}
_READ = ("Content", "Event", "EventKey", "TaskId", "CreateTime", "MsgId")  # text when present
USER_ID_LIMIT = 64


def xml_fields(data: bytes | str | None) -> dict | None:
    """The fields of `<xml>…</xml>` as WeCom sends them (flat: a field is text, or None when
    empty), or None for anything else: not XML, another root, entity declarations (refused, so
    no entity bomb or external entity). A field with attributes or children of its own is a dict
    and a repeated one a list, which the callers refuse where they read text. One pass of expat
    with no tree built: this runs twice for every message WeCom sends (the envelope, then what
    it encrypts), before the ack."""
    fields: dict = {}
    depth, field, texts = 0, None, []

    def start(name: str, attributes: dict) -> None:
        nonlocal depth, field
        depth += 1
        if depth == 1 and name != "xml":
            raise ValueError("another root")
        if depth == 2:
            field = [name, bool(attributes)]
            texts.clear()
        elif depth > 2:
            field[1] = True  # nested: not a text field

    def end(_name: str) -> None:
        nonlocal depth
        depth -= 1
        if depth == 1:
            name, nested = field
            value = {} if nested else ("".join(texts).strip() or None)
            fields[name] = [fields[name], value] if name in fields else value

    def text(data: str) -> None:
        if depth == 2:
            texts.append(data)

    def refuse(*_args) -> None:
        raise ValueError("entities are refused")

    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.CharacterDataHandler, parser.EntityDeclHandler = text, refuse
    try:
        parser.Parse(data, True)
    except (ExpatError, ValueError, TypeError, RecursionError):
        return None
    return fields


def _message(fields: dict | None) -> dict | None:
    """A message or event WeCom could have sent: who from and to as text, and its kind's keys."""
    if fields is None:
        return None
    kind = fields.get("MsgType")
    kind = kind if isinstance(kind, str) else ""  # an element where WeCom sends text: refused below
    needed = ("ToUserName", "FromUserName", "MsgType", *_REQUIRED.get(kind, ()))
    if not all(isinstance(fields.get(key), str) and fields[key].strip() for key in needed):
        return None
    if len(fields["FromUserName"]) > USER_ID_LIMIT:  # WeCom's user ids are at most 64 bytes
        return None
    if any(fields.get(key) is not None and not isinstance(fields[key], str) for key in _READ):
        return None  # a repeated or nested field where WeCom sends text
    return fields


def _refuse(start_response, status: str, why) -> list[bytes]:
    reason = why if isinstance(why, str) else why.__class__.__name__  # nothing decrypted is logged
    log.warning("WeCom callback refused (%s): %s", status.split()[0], reason)
    return plain(start_response, status)


def build_wecom(core: App, tokens, handoff: Handoff | None = None) -> WeComApp:
    """The callback app of a web process (its `handoff`), or the worker's runner of WeCom work."""
    settings = core.settings
    client = WeComClient(settings.wecom_corp_id, settings.wecom_secret, settings.wecom_agent_id,
                         settings.wecom_api_url, tokens)
    crypto = CallbackSeal(settings.wecom_token, settings.wecom_encoding_aes_key,
                          settings.wecom_corp_id)
    return WeComApp(core, client, crypto, handoff or Handoff(core.session_factory, "wecom"))

