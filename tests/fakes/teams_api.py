"""Loopback fakes of what a Teams bot talks to, speaking their wire protocols:

- the Bot Framework's OpenID metadata and signing keys (`/v1/.well-known/…`): keys the test
  makes, with which `TeamsDriver` signs the channel's tokens;
- Microsoft Entra ID's token endpoint (over TLS, as MSAL insists on https: a certificate made
  here, trusted through REQUESTS_CA_BUNDLE): client credentials → an access token;
- the Bot Connector service (the activities' `serviceUrl`, `/teams/v3/conversations…`): takes
  activities with a valid token, records them, answers 429 to a chosen share of calls; takes an
  update (PUT) or a delete of an activity the bot sent, as the connector does (the new activity
  replaces the old under the same id; another id is 404); answers who a member is
  (`GET …/members/{id}`) from `members`, shaped as Microsoft's documented answer (given name and
  surname, no `name`).
"""
from __future__ import annotations

import datetime as dt
import ipaddress
import json
import random
import ssl
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, unquote

import jwt
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

ISSUER = "https://api.botframework.com"
KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)  # signs the channel's tokens
KID = "fake-key-1"
#: a key the metadata also publishes, endorsed for another channel only (the Bot Framework
#: publishes keys per channel: a key endorsed for `webchat` must not sign `msteams` activities)
WEBCHAT_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
WEBCHAT_KID = "fake-key-webchat"


@dataclass
class Posted:
    conversation: str
    activity: dict
    at: float = field(default_factory=time.monotonic)
    id: str = ""
    deleted: bool = False

    @property
    def text(self) -> str:
        """What a person reads: the text, or the card's plain-text fallback and its buttons."""
        if self.activity.get("text"):
            return self.activity["text"]
        cards = [a["content"] for a in self.activity.get("attachments") or ()
                 if a.get("contentType") == "application/vnd.microsoft.card.adaptive"]
        return "\n".join(c.get("fallbackText", "") for c in cards)

    def buttons(self) -> list[dict]:
        return [action for a in self.activity.get("attachments") or ()
                for action in a["content"].get("actions", ())]


class _Server:
    def __init__(self, handler, tls: ssl.SSLContext | None = None):
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        if tls:
            self.server.socket = tls.wrap_socket(self.server.socket, server_side=True)
        scheme = "https" if tls else "http"
        self.url = f"{scheme}://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()  # quick to stop

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class FakeBotFramework:
    def __init__(self, app_id: str, secret: str, tenant: str = "botframework.com"):
        self.app_id, self.secret, self.tenant = app_id, secret, tenant
        self.posted: list[Posted] = []
        self.shown: dict[str, tuple[str, dict]] = {}  # activity id → (conversation, what it shows now)
        self.changes: list[tuple[str, str, str]] = []  # (PUT | DELETE, conversation, activity id)
        self.created: list[dict] = []
        self.updates: list[Posted] = []  # each PUT as it came (the activity, under its id)
        self.members: dict[str, dict] = {}  # user id → what GET …/members/{id} answers
        self.member_lookups = 0
        self.calls = 0
        self.limited = 0
        self.share_429 = 0.0
        self.random = random.Random(7)
        self.tokens: set[str] = set()
        self.token_requests = 0
        self.lock = threading.Condition()
        self.http = _Server(self._handler(self._get, self._post, self._change))
        self.ca_file, context = _certificate()
        self.login = _Server(self._handler(self._login_get, self._login_post, None), context)
        self.openid_url = f"{self.http.url}/v1/.well-known/openidconfiguration"
        self.service_url = f"{self.http.url}/teams/"
        self.login_url = self.login.url

    def close(self):
        self.http.close()
        self.login.close()

    # what the test reads ------------------------------------------------------------------------
    def to(self, conversation: str) -> list[Posted]:
        with self.lock:
            return [p for p in self.posted if p.conversation == conversation and not p.deleted]

    def wait_for(self, condition, timeout: float = 120.0):
        deadline = time.monotonic() + timeout
        with self.lock:
            while not (result := condition()):
                if deadline - time.monotonic() <= 0:
                    raise AssertionError("the fake Bot Connector did not see what the test waited for")
                self.lock.wait(deadline - time.monotonic())
        return result

    # OpenID metadata and keys ---------------------------------------------------------------------
    def _get(self, path: str, headers) -> tuple[int, dict, dict]:
        parts = path.split("/")
        connector = parts[:4] == ["", "teams", "v3", "conversations"] and len(parts) == 7
        if connector and parts[5] == "members":
            if headers.get("Authorization", "").removeprefix("Bearer ") not in self.tokens:
                return 401, {"error": {"code": "Unauthorized", "message": "bad token"}}, {}
            with self.lock:
                self.member_lookups += 1
                member = self.members.get(unquote(parts[6]))
            if member is None:
                return 404, {"error": {"code": "MemberNotFoundInConversation",
                                       "message": "The member is not in the conversation"}}, {}
            return 200, {"id": unquote(parts[6]), "tenantId": self.tenant, "userRole": "user", **member}, {}
        if path == "/v1/.well-known/openidconfiguration":
            return 200, {"issuer": ISSUER, "jwks_uri": f"{self.http.url}/v1/.well-known/keys",
                         "id_token_signing_alg_values_supported": ["RS256"]}, {}
        if path == "/v1/.well-known/keys":
            key = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(KEY.public_key()))
            webchat = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(WEBCHAT_KEY.public_key()))
            return 200, {"keys": [{**key, "kid": KID, "use": "sig", "endorsements": ["msteams"]},
                                  {**webchat, "kid": WEBCHAT_KID, "use": "sig",
                                   "endorsements": ["webchat"]}]}, {}
        return 404, {}, {}

    # the connector ------------------------------------------------------------------------------------
    def _post(self, path: str, headers, body: bytes) -> tuple[int, dict, dict]:
        if headers.get("Authorization", "").removeprefix("Bearer ") not in self.tokens:
            return 401, {"error": {"code": "Unauthorized", "message": "bad token"}}, {}
        data = json.loads(body or b"{}")
        with self.lock:
            self.calls += 1
            if self.share_429 and self.random.random() < self.share_429:
                self.limited += 1
                return 429, {"error": {"code": "TooManyRequests"}}, {"Retry-After": "1"}
            if path == "/teams/v3/conversations":
                conversation = f"a:personal-{len(self.created) + 1}-{data['members'][0]['id']}"
                self.created.append({**data, "id": conversation})
                self.lock.notify_all()
                return 201, {"id": conversation}, {}
            parts = path.split("/")
            if parts[:4] == ["", "teams", "v3", "conversations"] and parts[5:6] == ["activities"]:
                posted = Posted(unquote(parts[4]), data, id=f"1:reply-{len(self.posted) + 1}")
                self.posted.append(posted)
                self.shown[posted.id] = (posted.conversation, data)
                self.lock.notify_all()
                return 201, {"id": posted.id}, {}
        return 404, {"error": {"code": "NotFound"}}, {}

    def _change(self, method: str, path: str, headers, body: bytes) -> tuple[int, dict, dict]:
        """PUT or DELETE `/v3/conversations/{id}/activities/{activityId}` of a message the bot sent."""
        if headers.get("Authorization", "").removeprefix("Bearer ") not in self.tokens:
            return 401, {"error": {"code": "Unauthorized", "message": "bad token"}}, {}
        parts = path.split("/")
        if parts[:4] != ["", "teams", "v3", "conversations"] or len(parts) != 7 or parts[5] != "activities":
            return 404, {"error": {"code": "NotFound"}}, {}
        conversation, activity_id = unquote(parts[4]), unquote(parts[6])
        with self.lock:
            self.calls += 1
            sent = next((p for p in self.posted if p.id == activity_id and p.conversation == conversation
                         and not p.deleted), None)
            if sent is None:
                return 404, {"error": {"code": "ActivityNotFoundInConversation"}}, {}
            self.changes.append((method, conversation, activity_id))
            if method == "DELETE":
                sent.deleted = True
                del self.shown[activity_id]
            else:
                sent.activity = json.loads(body or b"{}")
                self.shown[activity_id] = (conversation, sent.activity)
                self.updates.append(Posted(conversation, sent.activity, id=activity_id))
            self.lock.notify_all()
        return 200, ({} if method == "DELETE" else {"id": activity_id}), {}

    # Entra ID ---------------------------------------------------------------------------------------
    def _login_get(self, path: str, _headers) -> tuple[int, dict, dict]:
        if path.endswith("/v2.0/.well-known/openid-configuration"):
            tenant = path.split("/")[1]
            base = f"{self.login.url}/{tenant}"
            return 200, {"token_endpoint": f"{base}/oauth2/v2.0/token",
                         "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
                         "issuer": f"{base}/v2.0"}, {}
        return 404, {}, {}

    def _login_post(self, path: str, _headers, body: bytes) -> tuple[int, dict, dict]:
        form = dict(parse_qsl(body.decode()))
        if path != f"/{self.tenant}/oauth2/v2.0/token":
            return 404, {"error": "invalid_tenant"}, {}
        if (form.get("client_id"), form.get("client_secret"), form.get("grant_type")) != (
                self.app_id, self.secret, "client_credentials"):
            return 401, {"error": "invalid_client", "error_description": "AADSTS7000215"}, {}
        if form.get("scope") != "https://api.botframework.com/.default":
            return 400, {"error": "invalid_scope"}, {}
        token = f"bf-{uuid.uuid4().hex}"
        with self.lock:
            self.tokens.add(token)
            self.token_requests += 1
        return 200, {"token_type": "Bearer", "expires_in": 3599, "ext_expires_in": 3599,
                     "access_token": token}, {}

    @staticmethod
    def _handler(get, post, change=None):
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                self._answer(*get(self.path.split("?")[0], self.headers))

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self._answer(*post(self.path.split("?")[0], self.headers, body))

            def do_PUT(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self._answer(*(change("PUT", self.path.split("?")[0], self.headers, body) if change
                               else (405, {}, {})))

            def do_DELETE(self):
                self._answer(*(change("DELETE", self.path.split("?")[0], self.headers, b"") if change
                               else (405, {}, {})))

            def _answer(self, status: int, body: dict, headers: dict):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *_args):
                pass
        return Handler


def channel_token(app_id: str, service_url: str, *, issuer: str = ISSUER, key=None, kid: str = KID,
                  lifetime: int = 3600, **claims) -> str:
    """A token as the Bot Framework signs it for a request to the bot."""
    now = int(time.time())
    body = {"iss": issuer, "aud": app_id, "serviceurl": service_url, "nbf": now - 5, "iat": now - 5,
            "exp": now + lifetime, **claims}
    return jwt.encode(body, key or KEY, algorithm="RS256", headers={"kid": kid})


_CERT: tuple[str, ssl.SSLContext] | None = None


def _certificate() -> tuple[str, ssl.SSLContext]:
    """A self-signed certificate for 127.0.0.1: (its PEM file, a server context with it)."""
    global _CERT
    if _CERT is None:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "fake login.microsoftonline.com")])
        now = dt.datetime.now(dt.timezone.utc)
        cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
                .not_valid_after(now + dt.timedelta(days=30))
                .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                               critical=False)
                .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                .sign(key, hashes.SHA256()))
        folder = Path(tempfile.mkdtemp(prefix="fake-entra-"))
        (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        (folder / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                                           serialization.PrivateFormat.PKCS8,
                                                           serialization.NoEncryption()))
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(folder / "cert.pem", folder / "key.pem")
        _CERT = (str(folder / "cert.pem"), context)
    return _CERT
