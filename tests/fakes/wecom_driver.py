"""WeCom's side of a conversation with the running app: callbacks encrypted exactly as WeCom
encrypts them (AES with the EncodingAESKey, SHA1 signature over token, time, nonce and cipher
text), and what the app sent to the fake WeCom API."""
from __future__ import annotations

import base64
import itertools
import time
import urllib.error
import urllib.request
from urllib.parse import urlencode

import xmltodict
from wechatpy.crypto import _get_signature
from wechatpy.enterprise.crypto import PrpCrypto, WeChatCrypto

from fakes.wecom_api import FakeWeCom
from support import quiet, web_and_worker

CORP = "ww1234567890abcdef"
SECRET = "app-secret"
TOKEN = "callback-token"
AES_KEY = base64.b64encode(bytes(range(32))).decode().rstrip("=")
AGENT = 1000002


class WeComDriver:
    """Sends what WeCom would send to the running app; reads what the app sent to the fake."""

    def __init__(self, base_url: str, fake: FakeWeCom, core, corp_id: str = CORP):
        self.base_url = base_url
        self.fake = fake
        self.core = core
        self.crypto = WeChatCrypto(TOKEN, AES_KEY, corp_id)
        self.corp_id = corp_id
        self._ids = itertools.count(7_000_000_000_000_000_001)

    def request(self, method: str, query: dict, body: bytes | None = None) -> tuple[int, str]:
        request = urllib.request.Request(f"{self.base_url}/wecom/callback?{urlencode(query)}",
                                         data=body, method=method)
        try:  # the timeout bounds a failure only: on a loaded machine a burst's answers take long
            with urllib.request.urlopen(request, timeout=120) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def verify_url(self, plain: str, signature: str | None = None) -> tuple[int, str]:
        echo = PrpCrypto(self.crypto.key).encrypt(plain, self.corp_id)
        echo = echo.decode() if isinstance(echo, bytes) else echo
        stamp, nonce = str(int(time.time())), "nonce123"
        return self.request("GET", {"msg_signature": signature or _get_signature(TOKEN, stamp, nonce, echo),
                                    "timestamp": stamp, "nonce": nonce, "echostr": echo})

    def post(self, fields: dict, *, forge: bool = False) -> tuple[int, str | None]:
        """Post one encrypted callback; returns (status, the decrypted passive reply text or None)."""
        inner = {"ToUserName": self.corp_id, "CreateTime": str(int(time.time())),
                 "AgentID": str(AGENT), **fields}
        xml = xmltodict.unparse({"xml": inner}, full_document=False)
        stamp, nonce = str(int(time.time())), f"n{next(self._ids) % 100000}"
        sealed = xmltodict.parse(self.crypto.encrypt_message(xml, nonce, stamp))["xml"]
        body = xmltodict.unparse({"xml": {"ToUserName": self.corp_id, "AgentID": str(AGENT),
                                          "Encrypt": sealed["Encrypt"]}}, full_document=False)
        signature = "0" * 40 if forge else sealed["MsgSignature"]
        status, answer = self.request("POST", {"msg_signature": signature, "timestamp": stamp,
                                               "nonce": nonce}, body.encode())
        if status != 200 or not answer:
            return status, None
        reply = xmltodict.parse(answer)["xml"]
        plain = self.crypto.decrypt_message(answer, reply["MsgSignature"], reply["TimeStamp"],
                                            reply["Nonce"])
        return status, xmltodict.parse(plain)["xml"]["Content"]

    def seal(self, inner: str, nonce: str = "n1") -> tuple[dict, bytes]:
        """(query, body) of a correctly signed callback around any inner plaintext."""
        stamp = str(int(time.time()))
        sealed = xmltodict.parse(self.crypto.encrypt_message(inner, nonce, stamp))["xml"]
        return self.signed_body(sealed["Encrypt"], stamp, nonce)

    def signed_body(self, encrypt: str, stamp: str | None = None, nonce: str = "n1"):
        """(query, body) carrying `encrypt` as the ciphertext, signed with the app's token."""
        stamp = stamp or str(int(time.time()))
        body = xmltodict.unparse({"xml": {"ToUserName": self.corp_id, "AgentID": str(AGENT),
                                          "Encrypt": encrypt}}, full_document=False)
        query = {"msg_signature": _get_signature(TOKEN, stamp, nonce, encrypt), "timestamp": stamp,
                 "nonce": nonce}
        return query, body.encode()

    def text(self, content: str, user: str = "zhangwei", msg_id: int | None = None, **kw):
        return self.post({"FromUserName": user, "MsgType": "text", "Content": content,
                          "MsgId": str(msg_id or next(self._ids))}, **kw)

    def event(self, event: str, user: str = "zhangwei", **fields):
        return self.post({"FromUserName": user, "MsgType": "event", "Event": event, **fields})

    def ask(self, content: str, user: str = "zhangwei", **kw) -> str:
        """What `user` reads after sending `content`: see `read`."""
        return self.read(user, lambda: self.text(content, user=user, **kw))

    def click(self, user: str = "zhangwei", **fields) -> str:
        """What `user` reads after clicking a card's button (`fields`: EventKey, TaskId …)."""
        return self.read(user, lambda: self.event("template_card_event", user=user, **fields))

    def read(self, user: str, send) -> str:
        """The answer to what `send()` sent, as `user` reads it once the app is done with it: the
        passive reply, or what came through message/send where there was none (the work took
        longer than a passive reply may wait, as on a loaded machine, or was left for a worker)."""
        before = len(self.sent_to(user))
        status, reply = send()
        assert status == 200
        quiet(self.core)  # a person reads the answer before the next message
        return reply if reply is not None else "\n".join(self.sent_to(user)[before:])

    def sent_to(self, user: str) -> list[str]:
        """The text of every message/send that reached `user` (markdown, text or card)."""
        out = []
        for body in self.fake.sent():
            if body.get("touser") == user:
                kind = body.get("msgtype")
                out.append(str(body.get(kind, {}).get("content") if kind in ("markdown", "text")
                               else body.get(kind)))
        return out


def running(settings, fake, corp_id=CORP):
    with web_and_worker(settings) as (url, app):
        driver = WeComDriver(url, fake, app.core, corp_id)
        driver.app, driver.web = app.routes["/wecom/callback"].app, app
        yield driver
