"""The edge of `/slack/…`: what reaches bolt was sent by Slack, for our workspace, in Slack's shape.

In order, each check before anything reads the body further: size (413), signature and timestamp
(401; a timestamp that is not a number is a bad signature, not a crash), UTF-8 and form/JSON
syntax (400), the fields bolt and our listeners read having the types Slack gives them (400), and
the workspace (403): in single-workspace mode only the workspace, or Enterprise Grid org, the bot
token belongs to (`auth.test`, asked once); with OAuth only installed workspaces. A refused
request stores nothing and makes no Web API call. Bolt's own verification is off behind this gate
(it would repeat the HMAC); Socket Mode has no HTTP and needs none. Bolt is handed the payload
the gate parsed and checked, not the body to parse again: what it dispatches on is what was
checked (bolt's own parser reads a form differently at the edges), and an ack parses once.
"""
from __future__ import annotations

import io
import json
import logging
import re
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl

from slack_bolt import App as BoltApp
from slack_bolt import BoltContext, BoltRequest
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.adapter.wsgi.http_request import WsgiHttpRequest
from slack_bolt.adapter.wsgi.http_response import WsgiHttpResponse
from slack_bolt.request.internals import (
    build_context,
    extract_enterprise_id,
    extract_is_enterprise_install,
    extract_team_id,
)
from slack_sdk.errors import SlackApiError
from slack_sdk.signature import SignatureVerifier

from bot.http import digits, plain, read_body
from bot.slack.clients import TokenOwner

if TYPE_CHECKING:  # the composition root is handed in (`core`), never imported
    from bot.app import App

log = logging.getLogger(__name__)

_OBJECTS = ("event", "view", "container", "message", "state")  # dicts when present
_REFERENCES = ("team", "enterprise", "user", "channel")  # an id string or an object with a string id
_STRINGS = ("type", "team_id", "user_id", "channel_id", "trigger_id", "response_url", "command",
            "text", "callback_id", "event_id", "api_app_id", "token", "channel_name", "enterprise_id",
            "user_team", "team_domain", "user_name", "private_metadata")
_INTERACTIONS = ("block_actions", "view_submission", "view_closed", "shortcut", "message_action",
                 "block_suggestion", "interactive_message")


class MalformedRequest(ValueError):
    pass


def parse(body: bytes, content_type: str) -> dict:
    """The payload Slack sent, or MalformedRequest: JSON (events) or a form (commands), whose
    `payload` field is JSON (interactivity)."""
    try:
        text = body.decode("utf-8")
        if content_type.split(";")[0].strip() == "application/json" or text.lstrip().startswith("{"):
            payload = json.loads(text)
        else:
            form = dict(parse_qsl(text, keep_blank_values=True))
            payload = json.loads(form["payload"]) if "payload" in form else form
    except (UnicodeDecodeError, ValueError, RecursionError) as error:  # RecursionError: nested deep
        raise MalformedRequest(error.__class__.__name__) from None
    check_shape(payload)
    return payload


def check_shape(payload) -> None:
    """Raise MalformedRequest unless the fields bolt and our listeners read have Slack's types."""
    if not isinstance(payload, dict):
        raise MalformedRequest("not an object")
    for key in ("event", "view"):  # bolt reads into them when present, null or not
        if key in payload and not isinstance(payload[key], dict):
            raise MalformedRequest(f"{key} is not an object")
    _check_fields(payload)
    kind = payload.get("type")
    if kind == "event_callback":
        event = payload.get("event")
        if not isinstance(event, dict) or not isinstance(event.get("type"), str):
            raise MalformedRequest("an event callback without an event")
        check_event(event)
    elif kind in _INTERACTIONS:
        user = payload.get("user")
        if not isinstance(user, dict) or not isinstance(user.get("id"), str) or not user["id"]:
            raise MalformedRequest(f"{kind} without a user")
        if kind == "block_actions" and not (payload.get("actions") and payload.get("trigger_id")):
            raise MalformedRequest("block_actions without actions or trigger_id")
        for action in payload.get("actions") or ():  # Slack's ids and values are strings
            if not isinstance(action.get("action_id"), str) or not isinstance(action.get("value", ""), str):
                raise MalformedRequest("an action whose id or value is not a string")
        view = payload.get("view")
        if kind in ("view_submission", "view_closed") and not (
                isinstance(view, dict) and isinstance(view.get("type"), str)):
            raise MalformedRequest(f"{kind} without a view")
    elif "command" in payload:  # Slack sends every command with these
        for key in ("user_id", "channel_id", "trigger_id", "response_url"):
            if not payload.get(key):
                raise MalformedRequest(f"a command without {key}")
    _check_ids(payload)


_ID = re.compile(r"[A-Z0-9]{1,32}")  # Slack's user and channel ids: `U024BE7LH`, `C1`, `D0123`
_TOKEN = re.compile(r"[\x21-\x7e]{1,255}")  # ids, timestamps, trigger ids: printable ASCII
_URL = ("https://", "http://")


def _check_ids(payload: dict) -> None:
    """User and channel ids as Slack writes them, and URLs that are URLs: they become addresses
    (`respond:MODE:USER:URL`, `thread:CHANNEL:TS`), where any other character could mean another."""
    event = payload.get("event") if isinstance(payload.get("event"), dict) else {}
    user = payload.get("user") if isinstance(payload.get("user"), dict) else {}
    for value in (payload.get("user_id"), payload.get("channel_id"), event.get("user"), event.get("channel"),
                  user.get("id")):
        if value is not None and not (isinstance(value, str) and _ID.fullmatch(value)):
            raise MalformedRequest("an id Slack would not send")
    for value in (payload.get("event_id"), payload.get("trigger_id"), payload.get("team_id"),
                  payload.get("enterprise_id"), event.get("ts"), event.get("thread_ts"),
                  event.get("client_msg_id"), event.get("user_team")):
        if value is not None and not (isinstance(value, str) and _TOKEN.fullmatch(value)):
            raise MalformedRequest("an id or timestamp Slack would not send")
    url = payload.get("response_url")
    if url is not None and not (isinstance(url, str) and url.startswith(_URL)):
        raise MalformedRequest("a response_url that is no URL")


def _check_fields(obj: dict, depth: int = 0) -> None:
    """The fields' types, here and in the objects bolt reads ids from as well (the event, the
    user, the view, the first authorization …), a few levels down."""
    for key in _OBJECTS:
        if obj.get(key) is not None and not isinstance(obj[key], dict):
            raise MalformedRequest(f"{key} is not an object")
    for key in _REFERENCES:
        value = obj.get(key)
        if value is not None and not isinstance(value, str) and not (
                isinstance(value, dict) and isinstance(value.get("id", ""), str | None)):
            raise MalformedRequest(f"{key} is neither an id nor an object")
    for key in _STRINGS:
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise MalformedRequest(f"{key} is not a string")
    for key in ("authorizations", "actions"):
        value = obj.get(key)
        if value is not None and not (isinstance(value, list) and all(isinstance(v, dict) for v in value)):
            raise MalformedRequest(f"{key} is not a list of objects")
    if depth < 3:
        nested = [obj[key] for key in (*_OBJECTS, *_REFERENCES) if isinstance(obj.get(key), dict)]
        for inner in nested + list(obj.get("authorizations") or ())[:1]:
            _check_fields(inner, depth + 1)


def check_event(event: dict) -> None:
    for key in ("user", "text", "channel", "channel_type", "ts", "thread_ts", "subtype", "bot_id",
                "client_msg_id", "team", "user_team", "tab"):
        if event.get(key) is not None and not isinstance(event[key], str):
            raise MalformedRequest(f"event.{key} is not a string")
    said = event["type"] == "app_mention" or (  # a mention always names who, where and when
        event["type"] == "message" and not event.get("subtype") and not event.get("bot_id"))
    if said and not (event.get("user") and event.get("channel") and event.get("ts")):
        raise MalformedRequest(f"a {event['type']} event without a user, channel or ts")
    if event["type"] == "app_home_opened" and not event.get("user"):
        raise MalformedRequest("app_home_opened without a user")


def _slacks_own_check(payload: dict) -> bool:
    """Slack's URL verification and SSL check: signed, but of no workspace."""
    return payload.get("type") == "url_verification" or payload.get("ssl_check") == "1"


class SlackGate:
    """WSGI: size, signature, shape and workspace checks, then bolt."""

    def __init__(self, core: App, bolt: BoltApp, owner: TokenOwner | None = None):
        settings = core.settings
        self.handler = SlackRequestHandler(bolt)
        self.verifier = SignatureVerifier(settings.slack_signing_secret)
        self.installations = bolt.installation_store if settings.slack_client_id else None
        self.owner = owner or TokenOwner(settings.slack_bot_token, settings.slack_api_url)

    def __call__(self, environ, start_response):
        if environ.get("REQUEST_METHOD") != "POST":  # the OAuth install pages
            return self.handler(environ, start_response)
        body = read_body(environ)
        if body is None:
            return self._refuse(start_response, "413 Request Entity Too Large", "too large")
        stamp = environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP", "")
        signature = environ.get("HTTP_X_SLACK_SIGNATURE", "")
        try:  # a signature that is not ASCII is no hex digest (and hmac cannot compare it)
            valid = digits(stamp) and signature.isascii() and self.verifier.is_valid(body, stamp, signature)
        except UnicodeDecodeError:  # Slack sends UTF-8
            return self._refuse(start_response, "400 Bad Request", "not UTF-8")
        if not valid:
            return self._refuse(start_response, "401 Unauthorized", "bad or stale signature")
        try:
            payload = parse(body, environ.get("CONTENT_TYPE", ""))
        except MalformedRequest as error:
            return self._refuse(start_response, "400 Bad Request", f"malformed ({error})")
        ours = True if _slacks_own_check(payload) else self._ours(payload)
        if ours is None:  # Slack unreachable to tell: it retries events; a person tries again
            return self._refuse(start_response, "503 Service Unavailable", "auth.test failed")
        if not ours:
            return self._refuse(start_response, "403 Forbidden", "another workspace")
        environ["wsgi.input"], environ["CONTENT_LENGTH"] = io.BytesIO(body), str(len(body))
        try:
            return self._dispatch(environ, start_response, body, payload)
        except Exception as error:  # a shape bolt cannot take that the checks above let through
            log.warning("Slack request refused: %s: %s", error.__class__.__name__, error)
            log.debug("Slack request failed", exc_info=True)
            return plain(start_response, "400 Bad Request")

    def _dispatch(self, environ, start_response, body: bytes, payload: dict):
        """Bolt's WSGI handler for a checked POST, given the payload as parsed here."""
        request = WsgiHttpRequest(environ)
        if request.path != self.handler.path or not request.protocol.startswith("HTTP"):
            return self.handler(environ, start_response)  # its 404 or 400
        bolt_request = BoltRequest(body="", query=request.query_string, headers=request.get_headers())
        bolt_request.raw_body, bolt_request.body = body.decode("utf-8"), payload
        bolt_request.context = build_context(BoltContext({}), payload)
        answer = self.handler.app.dispatch(bolt_request)
        response = WsgiHttpResponse(status=answer.status, headers=answer.headers, body=answer.body)
        start_response(response.status, response.get_headers())
        return response.get_body()

    def _ours(self, payload: dict) -> bool | None:
        """Whether the request is of our workspace (None: Slack could not be asked)."""
        team_id, enterprise_id = extract_team_id(payload), extract_enterprise_id(payload)
        if self.installations is None:
            try:
                return self.owner.owns(team_id, enterprise_id)
            except SlackApiError as error:  # our own token refused: nobody is let in
                log.warning("auth.test failed: %s", error.response.get("error"))
                return False
            except OSError as error:  # Slack unreachable (slack_sdk raises URLError, an OSError)
                log.warning("auth.test unreachable: %s", error.__class__.__name__)
                return None
        found = self.installations.find_installation(
            enterprise_id=enterprise_id, team_id=team_id,
            is_enterprise_install=extract_is_enterprise_install(payload))
        return found is not None

    @staticmethod
    def _refuse(start_response, status: str, why: str):
        log.warning("Slack request refused (%s): %s", status.split()[0], why)
        return plain(start_response, status)
