"""Slack's side of a conversation with the running app: requests signed exactly as Slack signs
them, and what the app sent back to the fake Slack Web API."""
from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import time
import urllib.error
import urllib.request
from urllib.parse import urlencode

from fakes.slack_api import FakeSlack, _all_text
from support import web_and_worker

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
TEAM = "T1"
_IDS = itertools.count(1)  # trigger ids and response URLs unique across drivers, as Slack's are


def sign(body: str, timestamp: int | None = None, secret: str = SECRET) -> dict[str, str]:
    """Slack's request signature: v0=HMAC-SHA256(secret, "v0:{timestamp}:{body}")."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret.encode(), f"v0:{timestamp}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": str(timestamp), "X-Slack-Signature": f"v0={digest}"}


class SlackDriver:
    """Sends what Slack would send to the running app; reads what the app sent to the fake."""

    def __init__(self, base_url: str, fake: FakeSlack, core):
        self.base_url = base_url
        self.fake = fake
        self.core = core
        self.team = TEAM
        self._ids = _IDS

    def post(self, path: str, body: str, content_type: str, headers: dict | None = None,
             signed: dict | None = None) -> tuple[int, str]:
        return self.post_bytes(path, body.encode(), content_type,
                               {**(signed or sign(body)), **(headers or {})})

    def post_bytes(self, path: str, body: bytes, content_type: str, signed: dict) -> tuple[int, str]:
        request = urllib.request.Request(self.base_url + path, data=body, method="POST",
                                         headers={"Content-Type": content_type, **signed})
        try:
            with urllib.request.urlopen(request, timeout=120) as response:  # bounds a failure only
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def get(self, path: str) -> tuple[int, str]:
        status, body, _ = self.get_page(path)
        return status, body

    def get_page(self, path: str, headers: dict | None = None):
        """A browser GET: (status, body, headers (any case)), redirects not followed."""
        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *_args, **_kwargs):
                return None
        opener = urllib.request.build_opener(NoRedirect)
        request = urllib.request.Request(self.base_url + path, headers=headers or {})
        try:
            with opener.open(request, timeout=120) as response:  # bounds a failure only
                return response.status, response.read().decode(), response.headers
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(), error.headers

    def command(self, command: str, text: str = "", user: str = "U1", channel_name: str = "sales",
                **signing) -> tuple[int, str]:
        """A slash command; returns (HTTP status, the response_url path its answers go to)."""
        n = next(self._ids)
        form = {"token": "legacy", "team_id": self.team, "team_domain": "acme", "channel_id": "C1",
                "channel_name": channel_name, "user_id": user, "user_name": user,
                "command": command, "text": text, "api_app_id": "A1", "trigger_id": f"trig-{n}",
                "response_url": f"{self.fake.url}/response/{n}"}
        body = urlencode(form)
        status, _ = self.post("/slack/events", body, "application/x-www-form-urlencoded",
                              signed=sign(body, **signing) if signing else None)
        return status, f"/response/{n}"

    def answers(self, response_path: str, count: int = 1, timeout: float = 120) -> list[dict]:
        """The posts to one response_url, once `count` of them arrived."""
        return self.fake.wait_for(lambda: (found := [r for r in self.fake.responses
                                                     if r["url"] == response_path])
                                  and len(found) >= count and found, timeout)

    def say(self, command: str, text: str = "", user: str = "U1", **kwargs) -> str:
        """Run a slash command and return all the text of its first answer."""
        status, path = self.command(command, text, user, **kwargs)
        assert status == 200
        return _all_text(self.answers(path)[0])

    def event(self, event: dict, event_id: str | None = None, retry: int | None = None,
              envelope: dict | None = None, **signing) -> int:
        payload = {"token": "legacy", "team_id": self.team, "api_app_id": "A1", **(envelope or {}),
                   "type": "event_callback",
                   "event_id": event_id or f"Ev{next(self._ids)}", "event_time": int(time.time()),
                   "event": {"event_ts": f"{time.time():.6f}", **event},
                   "authorizations": [{"team_id": self.team, "user_id": "UBOT", "is_bot": True}]}
        body = json.dumps(payload)
        headers = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"} \
            if retry else {}
        status, _ = self.post("/slack/events", body, "application/json", headers,
                              signed=sign(body, **signing) if signing else None)
        return status

    def dm(self, text: str, user: str = "U1", **kwargs) -> int:
        return self.event({"type": "message", "channel_type": "im", "channel": f"D{user}",
                           "user": user, "text": text, "ts": f"{time.time():.6f}"}, **kwargs)

    def interact(self, payload: dict) -> tuple[int, str]:
        base = {"team": {"id": self.team, "domain": "acme"}, "api_app_id": "A1", "token": "legacy"}
        body = urlencode({"payload": json.dumps({**base, **payload})})
        return self.post("/slack/events", body, "application/x-www-form-urlencoded")

    def click(self, value: str, user: str = "U1", home: bool = False) -> tuple[int, str]:
        """A button pressed in a message, or in App Home (no channel, no response_url there)."""
        n = next(self._ids)
        where = ({"container": {"type": "view", "view_id": "VHOME"}, "view": {"id": "VHOME", "type": "home"}}
                 if home else {"response_url": f"{self.fake.url}/response/{n}",
                               "container": {"type": "message"}, "channel": {"id": "C1"}})
        status, _ = self.interact({
            "type": "block_actions", "user": {"id": user, "team_id": self.team}, "trigger_id": f"trig-{n}",
            **where, "actions": [{"type": "button", "action_id": "salesbot.cmd.0", "block_id": "b",
                                  "value": value, "action_ts": f"{time.time():.6f}"}]})
        return status, f"/response/{n}"

    def submit(self, callback_id: str, values: dict[str, dict], user: str = "U1",
               locale: str = "en") -> tuple[int, str]:
        state = {block: {block: element} for block, element in values.items()}
        n = next(self._ids)  # as Slack sends it: each submission its trigger_id, each modal its view id
        return self.interact({"type": "view_submission", "user": {"id": user, "team_id": self.team},
                              "trigger_id": f"trig-{n}",
                              "view": {"id": f"V{n}", "type": "modal", "callback_id": callback_id,
                                       "hash": f"{n}.abc", "private_metadata": locale,
                                       "state": {"values": state}}})


def running(settings, fake):
    with web_and_worker(settings) as (url, app):
        driver = SlackDriver(url, fake, app.core)
        driver.web = app
        yield driver
