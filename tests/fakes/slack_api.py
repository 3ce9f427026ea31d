"""A loopback fake of the Slack Web API and of `response_url`, speaking Slack's wire protocol.

It records every call; tests tell it to answer with errors, 429 + Retry-After, 5xx or slowness.
The app reaches it only through the configured base URL (and the response_url Slack would send).
"""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl


@dataclass
class Call:
    method: str
    params: dict
    token: str
    at: float = field(default_factory=time.monotonic)
    status: int = 200


class FakeSlack:
    def __init__(self):
        self.calls: list[Call] = []
        #: what is in the channels now, by (channel id, ts): chat.update rewrites, chat.delete removes
        self.messages: dict[tuple[str, str], str] = {}
        self.channel_ids: dict[str, str] = {}  # `#name` → the id Slack answers with
        self.responses: list[dict] = []  # posts to response_url
        self.uploads: list[bytes] = []  # file bytes posted to an upload URL
        self.users: dict[str, dict] = {}
        self.scripted: dict[str, list[tuple[int, dict, dict]]] = {}
        self.delay: dict[str, float] = {}
        self.socket_url = ""  # where apps.connections.open sends Socket Mode clients
        self.per_second: int | None = None  # chat.postMessage calls allowed per clock second
        self.refuse_posts: set[int] = set()  # chat.postMessage calls (1-based) answered 429 anyway
        self.posts = 0
        self.down_until: float | None = None  # epoch seconds: chat.postMessage answers 500 until then
        self._window = (0, 0)  # (second, calls in it)
        self.lock = threading.Condition()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.api_url = f"{self.url}/api/"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()  # quick to stop

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    # what tests arrange ---------------------------------------------------------------------
    def add_user(self, user_id: str, name: str, *, tz: str = "Asia/Shanghai", locale: str = "en-US"):
        self.users[user_id] = {"id": user_id, "name": name.lower(), "real_name": name, "tz": tz,
                               "locale": locale, "profile": {"display_name": name, "real_name": name}}

    def script(self, method: str, *answers: tuple[int, dict, dict]) -> None:
        """Answer the next calls of `method` with these (status, headers, body), then normally."""
        self.scripted.setdefault(method, []).extend(answers)

    def rate_limit(self, method: str, times: int = 1, retry_after: int = 1) -> None:
        self.script(method, *[(429, {"Retry-After": str(retry_after)},
                               {"ok": False, "error": "ratelimited"})] * times)

    # what tests read ------------------------------------------------------------------------
    def called(self, method: str) -> list[Call]:
        with self.lock:
            return [c for c in self.calls if c.method == method]

    def wait_for(self, condition, timeout: float = 120.0):
        """Wait until `condition()` is truthy (the app's lazy listeners run in the background)."""
        deadline = time.monotonic() + timeout
        with self.lock:
            while not (result := condition()):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError("the fake Slack did not see what the test waited for")
                self.lock.wait(left)
        return result

    def texts(self, method: str = "chat.postMessage") -> list[str]:
        return [_all_text(c.params) for c in self.called(method)]

    # the server ----------------------------------------------------------------------------
    def _channel_id(self, channel: str) -> str:
        if not channel.startswith("#"):
            return channel
        return self.channel_ids.setdefault(channel, f"C{len(self.channel_ids) + 1:08d}")

    def _answer(self, method: str, params: dict) -> tuple[int, dict, dict]:
        if self.scripted.get(method):
            return self.scripted[method].pop(0)
        if method == "auth.test":
            return 200, {}, {"ok": True, "user_id": "UBOT", "bot_id": "BBOT", "team_id": "T1"}
        if method == "users.info":
            user = self.users.get(params.get("user"))
            return 200, {}, {"ok": True, "user": user} if user else {"ok": False, "error": "user_not_found"}
        if method == "apps.connections.open":
            return 200, {}, {"ok": True, "url": self.socket_url}
        if method == "oauth.v2.access":
            return 200, {}, {"ok": True, "access_token": "xoxb-installed", "token_type": "bot",
                             "scope": "chat:write,commands", "bot_user_id": "UBOT2", "app_id": "A1",
                             "team": {"id": "T2", "name": "Rival Inc"}, "enterprise": None,
                             "is_enterprise_install": False, "authed_user": {"id": "U9"}}
        if method == "chat.postMessage":
            self.posts += 1
            if self.down_until is not None and time.time() < self.down_until:  # an outage
                return 500, {}, {"ok": False, "error": "internal_error"}
            if self.posts in self.refuse_posts:  # a 429 whatever the rate (a hiccup of Slack's)
                return 429, {"Retry-After": "1"}, {"ok": False, "error": "ratelimited"}
            if self.per_second is not None:
                now = time.time()
                second, calls = self._window
                calls = calls + 1 if int(now) == second else 1
                self._window = (int(now), calls)
                if calls > self.per_second:  # Slack's Retry-After is whole seconds
                    return 429, {"Retry-After": "1"}, {"ok": False, "error": "ratelimited"}
            # Slack answers with the channel's id even when the post named it (`#east-sales`)
            channel = self._channel_id(params.get("channel", ""))
            ts = f"{time.time():.6f}"
            while (channel, ts) in self.messages:
                ts = f"{float(ts) + 0.000001:.6f}"
            self.messages[(channel, ts)] = _all_text(params)
            return 200, {}, {"ok": True, "channel": channel, "ts": ts}
        if method in ("chat.update", "chat.delete"):  # by channel id only, as Slack takes them
            where = (params.get("channel"), params.get("ts"))
            if not str(where[0]).startswith(("C", "G", "D")):
                return 200, {}, {"ok": False, "error": "channel_not_found"}
            if where not in self.messages:
                return 200, {}, {"ok": False, "error": "message_not_found"}
            if method == "chat.delete":
                del self.messages[where]
                return 200, {}, {"ok": True, "channel": where[0], "ts": where[1]}
            self.messages[where] = _all_text(params)
            return 200, {}, {"ok": True, "channel": where[0], "ts": where[1], "text": params.get("text")}
        if method == "conversations.open":
            return 200, {}, {"ok": True, "channel": {"id": "D" + params.get("users", "X")[1:]}}
        if method == "files.getUploadURLExternal":
            return 200, {}, {"ok": True, "upload_url": f"{self.url}/upload/F1", "file_id": "F1"}
        if method == "files.completeUploadExternal":
            files = json.loads(params["files"]) if isinstance(params.get("files"), str) else params["files"]
            return 200, {}, {"ok": True, "files": [{"id": f["id"], "title": f.get("title")}
                                                   for f in files]}
        return 200, {}, {"ok": True}

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args):
                pass

            def do_GET(self):  # noqa: N802 - http.server's name (users.info is a GET)
                path, _, query = self.path.partition("?")
                self._call(path, dict(parse_qsl(query)))

            def do_POST(self):  # noqa: N802
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                body = raw.decode(errors="replace")
                if self.headers.get("Content-Type", "").startswith("application/json"):
                    params = json.loads(body or "{}")
                else:
                    params = dict(parse_qsl(body))
                    for key in ("blocks", "view"):
                        if isinstance(params.get(key), str):
                            params[key] = json.loads(params[key])
                if self.path.startswith("/upload/"):
                    with fake.lock:
                        fake.uploads.append(raw)
                        fake.lock.notify_all()
                    return self._send(200, {}, {"ok": True})
                if self.path.startswith("/response/"):  # scripted as "response_url"
                    with fake.lock:
                        status, headers, answer = fake._answer("response_url", params)
                        fake.calls.append(Call("response_url", params, "", status=status))
                        if status == 200:
                            fake.responses.append({"url": self.path, **params})
                        fake.lock.notify_all()
                    return self._send(status, headers, answer)
                self._call(self.path, params)

            def _call(self, path, params):
                method = path.removeprefix("/api/")
                time.sleep(fake.delay.get(method, 0))
                token = self.headers.get("Authorization", "").removeprefix("Bearer ")
                with fake.lock:
                    status, headers, answer = fake._answer(method, params)
                    fake.calls.append(Call(method, params, token, status=status))
                    fake.lock.notify_all()
                self._send(status, headers, answer)

            def _send(self, status, headers, answer):
                payload = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        return Handler


def _all_text(params: dict) -> str:
    """Every text a message or view carries (blocks included), for assertions."""
    out = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "text" and isinstance(value, str):
                    out.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)
    walk(params)
    return "\n".join(out)
