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
from concurrent.futures import TimeoutError as FutureTimeout
from urllib.parse import parse_qs
from xml.parsers.expat import ExpatError
from zoneinfo import ZoneInfo

import xmltodict
from sqlalchemy.exc import OperationalError
from wechatpy.enterprise.crypto import WeChatCrypto
from wechatpy.enterprise.exceptions import InvalidCorpIdException
from wechatpy.exceptions import InvalidSignatureException, WeChatClientException
from wechatpy.replies import TextReply

from bot.app import App
from bot.directory import Directory
from bot.handoff import Handoff
from bot.web import plain, read_body
from bot.wecom.client import WeComClient, with_backoff
from bot.wecom.render import render_markdown, render_plain, template_card
from handlers.command_json import pressed
from handlers.dispatch import UserRef, handle_message, reply_locale
from handlers.inbound import VERSION, Inbound
from handlers.messages import t
from handlers.reply import Reply
from scheduler.delivery import keep_answer

log = logging.getLogger(__name__)
PLATFORM = "wecom"
DEFAULT_ZONE = "Asia/Shanghai"  # a WeCom corp's day, for "once a day"
_NOT_TEXT = {"image", "voice", "video", "file", "location", "link"}
PASSIVE_WAIT = 3.5  # seconds: leaves WeCom's 5 s for the network and the encryption


class WeComApp:
    def __init__(self, core: App, client: WeComClient, crypto: WeChatCrypto, handoff: Handoff):
        self.core = core
        self.client = client
        self.crypto = crypto
        self.corp_id = core.settings.wecom_corp_id
        self.directory = Directory(core, PLATFORM)
        self.handoff = handoff

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
            inner = xml_fields(self.crypto.decrypt_message({"Encrypt": outer["Encrypt"]}, signature,
                                                           stamp, nonce))
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
        return plain(start_response, "200 OK", self.crypto.encrypt_message(reply_xml, nonce, stamp))

    # messages -----------------------------------------------------------------------------------
    def _answer(self, message: dict) -> str | None:
        """The passive text reply, or None (an empty 200: the answer, if any, goes via the API)."""
        job = self._job(message)
        if job is None:
            return None
        user_id, text, delivery = job
        future = self.handoff.submit(PLATFORM, f"{PLATFORM}:{delivery}",
                                     self._inbound(user_id, text, delivery).payload(),
                                     lambda: self.run(user_id, text, delivery))
        if future is None:  # a redelivery, or left for a worker, which answers through the API
            return None
        try:
            reply = future.result(timeout=PASSIVE_WAIT)
        except FutureTimeout:
            future.add_done_callback(lambda done: self._send_later(user_id, done.result()))
            return None
        if reply is None:
            return None
        pieces = render_plain(reply, reply.locale)
        passive = pieces[0] if len(pieces) == 1 else None
        if passive is None or reply.buttons:
            self.handoff.executor.submit(self._send_later, user_id, reply, passive is not None)
        return passive

    def handle(self, payload: dict) -> None:
        """A message a web process left for a worker: run it; the answer is queued in the outbox
        with what it stored (an older version's row held only user, text and delivery)."""
        inbound = (Inbound.of(payload) if payload.get("v") == VERSION
                   else self._inbound(payload["user"], payload["text"], payload["delivery"]))
        user = self.directory.user(self.corp_id, inbound.user, self._profile)
        inbound.run(self.core.session_factory, user, self.core.defaults)

    def _inbound(self, user_id: str, text: str, delivery: str) -> Inbound:
        return Inbound(self.corp_id, user_id, text, delivery, answer=f"user:{user_id}",
                       announce=f"user:{user_id}", pressed=delivery.startswith("card:"))

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
            key = raw.get("EventKey", "")
            return user, key, f"card:{user}:{raw.get('CreateTime')}:{raw.get('TaskId')}:{key}"
        return None

    def run(self, user_id: str, text: str, delivery: str) -> Reply | None:
        try:
            user = self.directory.user(self.corp_id, user_id, self._profile)
            message = pressed(text) if delivery.startswith("card:") else text
            return handle_message(self.core.session_factory, user, message,
                                  defaults=self.core.defaults, delivery=delivery)
        except OperationalError:
            log.warning("database unreachable while handling a WeCom message", exc_info=True)
            locale = reply_locale(text, self.directory.known_locale(self.corp_id, user_id) or "zh")
            return Reply(lines=(t(locale, "unavailable"),), ok=False, locale=locale)

    def _profile(self, user_id: str) -> UserRef:
        """`user/get` on first contact: the name; Chinese by default; the team's timezone."""
        try:
            name = with_backoff(lambda: self.client.user.get(user_id)).get("name") or user_id
        except WeChatClientException:
            name = user_id
        return UserRef(PLATFORM, self.corp_id, user_id, name, default_locale="zh")

    def _send_later(self, user_id: str, reply: Reply | None, answered: bool = False) -> None:
        """What did not go back passively, through the API: the answer as markdown in ≤ 2048-byte
        parts (unless `answered`) and its buttons as a card. An answer WeCom will not take now
        (after the client's own retries) goes to the outbox, sent once WeCom is back."""
        if reply is None:
            return
        sent = 0
        try:
            for part in () if answered else render_markdown(reply, reply.locale):
                self.send(user_id, {"msgtype": "markdown", "markdown": {"content": part}})
                sent += 1
            card = template_card(reply)
            if card:
                self.send(user_id, card)
        except (WeChatClientException, OSError):
            if answered or sent:  # part of it arrived: sending it whole again would repeat that
                log.exception("WeCom message/send failed part-way through a reply")
            else:
                log.warning("WeCom did not take an answer to %s: kept in the outbox", user_id)
                keep_answer(self.core.session_factory, PLATFORM, self.corp_id, user_id, reply)

    def send(self, user_id: str, msg: dict) -> dict:
        return with_backoff(lambda: self.client.message.send(self.client.agent_id, [user_id], msg=msg))


#: What reading a forged, foreign or garbled callback raises (wechatpy decodes base64, decrypts,
#: unpads and unpacks the ciphertext without checks of its own).
_UNREADABLE = (InvalidSignatureException, InvalidCorpIdException, ValueError, TypeError, KeyError,
               IndexError, struct.error)
#: Fields a message must carry as text, by kind; MsgId keys a message's redeliveries.
_REQUIRED = {"text": ("MsgId",), "event": ("Event",)}
_READ = ("Content", "Event", "EventKey", "TaskId", "CreateTime", "MsgId")  # text when present


def xml_fields(data: bytes | str | None) -> dict | None:
    """The fields of `<xml>…</xml>`, or None for anything else: not XML, another root, entities
    (xmltodict refuses every entity declaration, so no entity bomb or external entity)."""
    try:
        parsed = xmltodict.parse(data)
    except (ExpatError, ValueError, TypeError):
        return None
    fields = parsed.get("xml") if isinstance(parsed, dict) else None
    return fields if isinstance(fields, dict) else None


def _message(fields: dict | None) -> dict | None:
    """A message or event WeCom could have sent: who from and to as text, and its kind's keys."""
    if fields is None:
        return None
    kind = fields.get("MsgType")
    needed = ("ToUserName", "FromUserName", "MsgType", *_REQUIRED.get(kind, ()))
    if not all(isinstance(fields.get(key), str) and fields[key].strip() for key in needed):
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
    crypto = WeChatCrypto(settings.wecom_token, settings.wecom_encoding_aes_key,
                          settings.wecom_corp_id)
    return WeComApp(core, client, crypto, handoff or Handoff(core.session_factory, "wecom"))

