"""A loopback fake of the WeCom server API (`/cgi-bin/…`) with its error codes.

Tokens: `gettoken` issues `tok-N`; a call with any other token gets 42001 (expired) or 40014
(invalid). Tests can expire the current token, script error codes or HTTP failures, and slow an
endpoint down; every call is recorded.
"""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlparse

NEEDS_TOKEN = {"message/send", "message/recall", "appchat/send", "appchat/create", "user/get",
               "media/upload"}
RECALL_WINDOW = 24 * 3600  # message/recall takes an app message's msgid for 24 hours


@dataclass
class Call:
    endpoint: str
    query: dict
    body: dict
    at: float = field(default_factory=time.monotonic)
    wall: float = field(default_factory=time.time)  # the clock the outbox schedules retries by


class FakeWeCom:
    def __init__(self, corp_id: str, secret: str):
        self.corp_id, self.secret = corp_id, secret
        self.calls: list[Call] = []
        self.users: dict[str, str] = {}
        self.robots: set[str] = set()
        self.chats: dict[str, dict] = {}  # app group chats made with appchat/create
        self.delivered: dict[str, tuple[float, dict]] = {}  # msgid → (when, message/send body)
        self.clock = time.time  # tests move it to pass the recall window
        self.scripted: dict[str, list[dict | int]] = {}
        self.delay: dict[str, float] = {}
        self.issued = 0
        self.token: str | None = None
        self.lock = threading.Condition()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.api_url = f"http://127.0.0.1:{self.server.server_address[1]}/cgi-bin/"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()  # quick to stop

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def expire_token(self):
        """The current token stops working, as one does after 7200 s."""
        with self.lock:
            self.token = f"expired-{self.issued}"

    def script(self, endpoint: str, *answers: dict | int | None) -> None:
        """Answer the next calls with these bodies (`{"errcode": 45009}`) or HTTP statuses (None:
        that call as usual)."""
        self.scripted.setdefault(endpoint, []).extend(answers)

    def called(self, endpoint: str) -> list[Call]:
        with self.lock:
            return [c for c in self.calls if c.endpoint == endpoint]

    def sent(self) -> list[dict]:
        """Successful message/send bodies."""
        return [c.body for c in self.called("message/send") if c.body.get("_ok")]

    def wait_for(self, condition, timeout: float = 120.0):
        deadline = time.monotonic() + timeout
        with self.lock:
            while not (result := condition()):
                if deadline - time.monotonic() <= 0:
                    raise AssertionError("the fake WeCom did not see what the test waited for")
                self.lock.wait(deadline - time.monotonic())
        return result

    def _answer(self, endpoint: str, query: dict, body: dict) -> tuple[int, dict]:
        scripted = self.scripted[endpoint].pop(0) if self.scripted.get(endpoint) else None
        if scripted is not None:  # None in a script: that call is answered as usual
            return (scripted, {}) if isinstance(scripted, int) else (200, scripted)
        if endpoint == "gettoken":
            if query.get("corpid") != self.corp_id or query.get("corpsecret") != self.secret:
                return 200, {"errcode": 40001, "errmsg": "invalid credential"}
            self.issued += 1
            self.token = f"tok-{self.issued}"
            return 200, {"errcode": 0, "errmsg": "ok", "access_token": self.token, "expires_in": 7200}
        if endpoint in NEEDS_TOKEN and query.get("access_token") != self.token:
            expired = query.get("access_token", "").startswith("tok-")
            return 200, {"errcode": 42001 if expired else 40014,
                         "errmsg": "access_token expired" if expired else "invalid access_token"}
        if endpoint == "user/get":
            name = self.users.get(query.get("userid", ""))
            return 200, ({"errcode": 0, "errmsg": "ok", "userid": query["userid"], "name": name}
                         if name else {"errcode": 60111, "errmsg": "userid not found"})
        if endpoint == "webhook/send" and query.get("key") not in self.robots:
            return 200, {"errcode": 93000, "errmsg": "invalid webhook url"}
        keys = [b.get("key", "") for b in body.get("template_card", {}).get("button_list", [])]
        if endpoint == "message/send" and any(len(key.encode()) > 1024 for key in keys):
            return 200, {"errcode": 40058, "errmsg": "invalid Request Parameter: button key over 1024 bytes"}
        if endpoint == "appchat/create":  # 2 to 500 members; a chatid of ≤ 32 letters and digits, unique
            members = body.get("userlist") or []
            chat = body.get("chatid") or f"wrk{len(self.chats) + 1:05d}"
            if not 2 <= len(members) <= 500 or chat in self.chats or not chat.isalnum() or len(chat) > 32:
                return 200, {"errcode": 40035 if chat not in self.chats else 86215,
                             "errmsg": "invalid parameter"}
            self.chats[chat] = body
            return 200, {"errcode": 0, "errmsg": "ok", "chatid": chat}
        if endpoint == "media/upload":
            return 200, {"errcode": 0, "errmsg": "ok", "type": "image", "media_id": "media-1"}
        if endpoint == "message/recall":  # app messages only (appchat/send gives no msgid)
            sent = self.delivered.get(body.get("msgid", ""))
            if sent is None:
                return 200, {"errcode": 40008, "errmsg": "invalid message id"}
            if self.clock() - sent[0] > RECALL_WINDOW:
                return 200, {"errcode": 301059, "errmsg": "message can not be recalled after 24 hours"}
            del self.delivered[body["msgid"]]
            return 200, {"errcode": 0, "errmsg": "ok"}
        body["_ok"] = True
        if endpoint == "message/send":
            msgid = f"msg{len(self.delivered) + len(self.calls)}"
            self.delivered[msgid] = (self.clock(), body)
            return 200, {"errcode": 0, "errmsg": "ok", "invaliduser": "", "msgid": msgid}
        return 200, {"errcode": 0, "errmsg": "ok", "invaliduser": ""}

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args):
                pass

            def do_GET(self):  # noqa: N802 - http.server's name
                self._call(b"")

            def do_POST(self):  # noqa: N802
                self._call(self.rfile.read(int(self.headers.get("Content-Length") or 0)))

            def _call(self, raw: bytes):
                url = urlparse(self.path)
                endpoint = url.path.removeprefix("/cgi-bin/")
                query = dict(parse_qsl(url.query))
                body = json.loads(raw.decode() or "{}") if raw.strip().startswith(b"{") else \
                    {"_png": b"\x89PNG" in raw} if raw else {}
                time.sleep(fake.delay.get(endpoint, 0))
                with fake.lock:
                    status, answer = fake._answer(endpoint, query, body)
                    fake.calls.append(Call(endpoint, query, body))
                    fake.lock.notify_all()
                payload = json.dumps(answer, ensure_ascii=False).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        return Handler
