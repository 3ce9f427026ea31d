"""A loopback fake of Zoho CRM: the accounts server's token endpoint and the CRM REST API (v8).

One server plays both hosts: `accounts_url` for `/oauth/v2/token`, whose answers carry
`api_domain` (this same server, as a China-DC org's would carry `https://www.zohoapis.com.cn`),
and `/crm/v8/…` for users, the org, records (pages of `per_page` with `info.more_records`) and
upserts. Tokens are `zat-N`; a call with an old one gets HTTP 401 `INVALID_TOKEN`. Tests script
HTTP 429s, credit exhaustion and outages, and every call is recorded (without the secrets' values
needing to be read back: `calls` keeps what was sent, for assertions that nothing leaked).
"""
from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlparse


@dataclass
class Call:
    method: str
    path: str
    query: dict
    body: dict
    headers: dict
    at: float = field(default_factory=time.time)


class FakeZoho:
    def __init__(self, client_id: str = "1000.CLIENT", client_secret: str = "zsecret",
                 refresh_token: str = "1000.refresh", grant_code: str = "1000.grant"):
        self.client_id, self.client_secret = client_id, client_secret
        self.refresh_tokens = {refresh_token}
        self.grant_codes = {grant_code: refresh_token}
        self.org = {"id": "org-4242", "company_name": "Acme Trading", "time_zone": "Asia/Shanghai"}
        self.users: list[dict] = []
        self.records: dict[str, list[dict]] = {"Accounts": [], "Deals": [], "Meetings": []}
        self.scripted: dict[str, list[int | tuple[int, dict]]] = {}
        self.channels: dict[str, dict] = {}  # actions/watch subscriptions, by channel id
        #: the Deals' default pipeline, as `GET settings/pipeline?layout_id=` answers its `maps`
        #: (the shape of Zoho's documented examples, getPipelines in its OpenAPI specification:
        #: display_value, actual_value, sequence_number, forecast_type, forecast_category; no
        #: probability; a missing or wrong layout_id is 400 INVALID_DATA "Invalid layoutid")
        self.stages: list[dict] = [_stage(n, name, kind) for n, (name, kind) in enumerate((
            ("Qualification", "Open"), ("Needs Analysis", "Open"), ("Value Proposition", "Open"),
            ("Proposal/Price Quote", "Open"), ("Negotiation/Review", "Open"), ("Closed Won", "Closed Won"),
            ("Closed Lost", "Closed Lost"), ("Closed Lost to Competition", "Closed Lost")), 1)]
        #: the Deals' other pipelines (each `actual_value`, `maps`): a deal in one has `Pipeline`
        #: {"name", "id"}, and an update may set only a `Stage` of its pipeline (else INVALID_DATA)
        self.other_pipelines: list[dict] = []
        self.calls: list[Call] = []
        self.issued = 0
        self.token: str | None = None
        self.ids = itertools.count(5_000_000_000_000_000)
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.accounts_url = self.url
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    # test controls -------------------------------------------------------------------------
    def add_user(self, full_name: str, email: str, mobile: str = "") -> dict:
        user = {"id": str(next(self.ids)), "full_name": full_name, "email": email, "mobile": mobile,
                "status": "active", "role": {"name": "Standard"}}
        self.users.append(user)
        return user

    def expire_token(self):
        with self.lock:
            self.token = f"expired-{self.issued}"

    def revoke(self):
        """The admin revoked the connection in Zoho: the refresh token stops working."""
        self.refresh_tokens.clear()
        self.expire_token()

    def edit(self, module: str, record_id: str, at: str, **fields) -> None:
        """Someone edits a record in Zoho's own screens at `at` (ISO, with its offset)."""
        with self.lock:
            record = next(r for r in self.records[module] if r["id"] == record_id)
            record.update(fields)
            record["Modified_Time"] = at

    def notify(self, module: str, ids: list[str], operation: str = "update", token: str | None = None) -> int:
        """Post a change notification to every channel watching `module`, as Zoho does (its
        documented body: ids, module, operation, channel_id, token, server_time); returns the
        HTTP status of the last post."""
        import urllib.error
        import urllib.request

        status = 0
        for channel in list(self.channels.values()):
            if not any(e.split(".")[0] == module for e in channel.get("events", [])):
                continue
            body = {"server_time": int(time.time() * 1000), "query_params": {}, "module": module,
                    "resource_uri": f"{self.url}/crm/v8/{module}", "ids": ids, "affected_fields": [],
                    "operation": operation, "channel_id": channel["channel_id"],
                    "token": channel.get("token") if token is None else token}
            request = urllib.request.Request(channel["notify_url"], data=json.dumps(body).encode(),
                                             headers={"Content-Type": "application/json"}, method="POST")
            try:
                with urllib.request.urlopen(request, timeout=10) as answer:
                    status = answer.status
            except urllib.error.HTTPError as refused:
                status = refused.code
        return status

    def script(self, path: str, *answers: int | tuple[int, dict]) -> None:
        """Answer the next calls to `path` (`users`, `Deals/upsert`, `oauth`) with these HTTP
        statuses, or (status, body) pairs."""
        self.scripted.setdefault(path, []).extend(answers)

    def called(self, path: str) -> list[Call]:
        with self.lock:
            return [c for c in self.calls if c.path == path]

    # the wire ------------------------------------------------------------------------------
    def _answer(self, method: str, path: str, query: dict, body: dict, headers: dict) -> tuple[int, dict]:
        short = "oauth" if path == "/oauth/v2/token" else path.removeprefix("/crm/v8/")
        if self.scripted.get(short):
            scripted = self.scripted[short].pop(0)
            if isinstance(scripted, tuple):
                return scripted
            return scripted, _error_body(scripted)
        if path == "/oauth/v2/token":
            return self._token(query | body)
        if not path.startswith("/crm/v8/"):
            return 404, {"code": "INVALID_URL_PATTERN", "status": "error"}
        if headers.get("authorization") != f"Zoho-oauthtoken {self.token}" or self.token is None:
            return 401, {"code": "INVALID_TOKEN", "details": {}, "message": "invalid oauth token",
                         "status": "error"}
        if short == "org":
            return 200, {"org": [self.org]}
        if short == "actions/watch" and method == "POST":
            answers = []
            for channel in body.get("watch", []):
                self.channels[str(channel["channel_id"])] = channel
                answers.append({"code": "SUCCESS", "status": "success",
                                "message": "Successfully subscribed for actions-watch of the given module",
                                "details": {"events": [{"channel_expiry": channel.get("channel_expiry"),
                                                        "resource_name": e.split(".")[0],
                                                        "channel_id": channel["channel_id"]}
                                                       for e in channel.get("events", [])]}})
            return 200, {"watch": answers}
        if short == "users":
            return self._page(self.users, query, "users")
        if short == "settings/layouts":
            if query.get("module") != "Deals":
                return 400, {"code": "INVALID_MODULE", "details": {}, "message": "invalid module",
                             "status": "error"}
            return 200, {"layouts": [{"id": "4150868000000091055", "name": "Standard",
                                      "visible": True, "status": "active"}]}
        if short == "settings/pipeline":
            if query.get("layout_id") != "4150868000000091055":
                return 400, {"code": "INVALID_DATA", "details": {"param_name": "layout_id"},
                             "message": "Invalid layoutid", "status": "error"}
            return 200, {"pipeline": [{"display_value": "Standard", "actual_value": "Standard",
                                       "default": True, "id": "4150868000000091023", "maps": self.stages},
                                      *self.other_pipelines]}
        module, _, action = short.partition("/")
        if module not in self.records:
            return 400, {"code": "INVALID_MODULE", "details": {}, "message": "the module name given "
                         "seems to be invalid", "status": "error"}
        if method == "GET" and action == "actions/count":
            return 200, {"count": len(self.records[module])}
        if method == "GET" and not action:
            if "fields" not in query:
                return 400, {"code": "REQUIRED_PARAM_MISSING", "details": {"param": "fields"},
                             "message": "One of the expected parameter is missing", "status": "error"}
            rows = self.records[module]
            if query.get("ids"):
                wanted = query["ids"].split(",")
                rows = [r for r in rows if r["id"] in wanted]
            if headers.get("if-modified-since"):
                since = _time(headers["if-modified-since"])
                rows = [r for r in rows if _time(r.get("Modified_Time")) >= since]
                if not rows:
                    return 304, {}
            if query.get("sort_by") == "Modified_Time":
                rows = sorted(rows, key=lambda r: _time(r.get("Modified_Time")),
                              reverse=query.get("sort_order") == "desc")
            return self._page(rows, query, "data")
        if method == "GET" and action == "search":
            field_name, _, value = query.get("criteria", "").strip("()").partition(":equals:")
            found = [r for r in self.records[module] if str(r.get(field_name)) == value]
            return (200, {"data": found, "info": {"more_records": False, "count": len(found)}}) if found \
                else (204, {})
        if method == "POST" and not action:
            return 201, {"data": [self._upsert(module, r, []) for r in body.get("data", [])]}
        if method == "PUT" and not action:
            return 200, {"data": [self._update(module, r) for r in body.get("data", [])]}
        if method == "POST" and action == "upsert":
            return 200, {"data": [self._upsert(module, r, body.get("duplicate_check_fields") or [])
                                  for r in body.get("data", [])]}
        return 404, {"code": "INVALID_URL_PATTERN", "status": "error"}

    def _token(self, form: dict) -> tuple[int, dict]:
        if form.get("client_id") != self.client_id or form.get("client_secret") != self.client_secret:
            return 200, {"error": "invalid_client"}
        if form.get("grant_type") == "authorization_code":
            refresh = self.grant_codes.pop(form.get("code", ""), None)
            if refresh is None:
                return 200, {"error": "invalid_code"}
            self.issued += 1
            self.token = f"zat-{self.issued}"
            return 200, {"access_token": self.token, "refresh_token": refresh, "api_domain": self.url,
                         "token_type": "Bearer", "expires_in": 3600}
        if form.get("grant_type") != "refresh_token" or form.get("refresh_token") not in self.refresh_tokens:
            return 200, {"error": "invalid_code"}
        self.issued += 1
        self.token = f"zat-{self.issued}"
        return 200, {"access_token": self.token, "api_domain": self.url, "token_type": "Bearer",
                     "expires_in": 3600}

    @staticmethod
    def _page(rows: list[dict], query: dict, key: str) -> tuple[int, dict]:
        per_page = min(int(query.get("per_page", 200)), 200)
        page = int(query.get("page", 1))
        chunk = rows[(page - 1) * per_page: page * per_page]
        if not chunk:
            return 204, {}
        return 200, {key: chunk, "info": {"per_page": per_page, "count": len(chunk), "page": page,
                                          "more_records": page * per_page < len(rows)}}

    def _upsert(self, module: str, record: dict, check: list[str]) -> dict:
        rows = self.records[module]
        found = next((r for r in rows if check and all(r.get(f) == record.get(f) for f in check)), None)
        now = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())
        if found is None:
            found = {"id": str(next(self.ids)), "Created_Time": now}
            rows.append(found)
            action = "insert"
        else:
            action = "update"
        found.update(record)
        found["Modified_Time"] = now
        return {"code": "SUCCESS", "duplicate_field": check[0] if action == "update" and check else None,
                "action": action, "details": {"id": found["id"], "Modified_Time": now},
                "message": f"record {'added' if action == 'insert' else 'updated'}", "status": "success"}

    def _update(self, module: str, record: dict) -> dict:
        found = next((r for r in self.records[module] if r["id"] == record.get("id")), None)
        if found is None:
            return {"code": "INVALID_DATA", "details": {"api_name": "id"}, "message": "the related id given "
                    "seems to be invalid", "status": "error"}
        if module == "Deals" and "Stage" in record and record["Stage"] not in self._stages_of(found):
            return {"code": "INVALID_DATA", "details": {"api_name": "Stage"}, "message": "invalid data",
                    "status": "error"}
        found.update(record)
        found["Modified_Time"] = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())
        return {"code": "SUCCESS", "details": {"id": found["id"], "Modified_Time": found["Modified_Time"]},
                "message": "record updated", "status": "success"}

    def _stages_of(self, deal: dict) -> set[str]:
        name = (deal.get("Pipeline") or {}).get("name")
        other = next((p for p in self.other_pipelines if p["actual_value"] == name), None)
        return {m["actual_value"] for m in (other["maps"] if other else self.stages)}

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args):
                pass

            def do_GET(self):  # noqa: N802 - http.server's name
                self._call("GET", b"")

            def do_POST(self):  # noqa: N802
                self._call("POST", self.rfile.read(int(self.headers.get("Content-Length") or 0)))

            def do_PUT(self):  # noqa: N802
                self._call("PUT", self.rfile.read(int(self.headers.get("Content-Length") or 0)))

            def _call(self, method: str, raw: bytes):
                url = urlparse(self.path)
                query = dict(parse_qsl(url.query))
                text = raw.decode()
                body = json.loads(text) if text.strip().startswith("{") else dict(parse_qsl(text))
                headers = {k.lower(): v for k, v in self.headers.items()}
                with fake.lock:
                    status, answer = fake._answer(method, url.path, query, body, headers)
                    fake.calls.append(Call(method, url.path, query, body, headers))
                payload = b"" if status in (204, 304) else json.dumps(answer, ensure_ascii=False).encode()
                self.send_response(status)
                if status == 429:
                    self.send_header("Retry-After", "7")
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        return Handler


def _stage(n: int, name: str, forecast_type: str) -> dict:
    category = {"Open": "Pipeline", "Closed Won": "Closed"}.get(forecast_type, "Omitted")
    return {"display_value": name, "sequence_number": n, "actual_value": name,
            "id": str(4150868000000007100 + n), "forecast_type": forecast_type,
            "forecast_category": {"name": category, "id": str(4150868000000007090 + n)}}


def _error_body(status: int) -> dict:
    # 429 `TOO_MANY_REQUESTS`: Zoho's answer past its concurrency limits (help.zoho.com, "Kaizen #203 -
    # Handling API Limits and Error Responses"); 401 `INVALID_TOKEN`: an expired access token.
    if status == 429:
        return {"code": "TOO_MANY_REQUESTS", "details": {}, "message": "too many requests",
                "status": "error"}
    if status == 401:
        return {"code": "INVALID_TOKEN", "details": {}, "message": "invalid oauth token", "status": "error"}
    return {"code": "INTERNAL_ERROR", "details": {}, "message": "internal error", "status": "error"}


def _time(value: str | None):
    import datetime as dt

    return dt.datetime.fromisoformat(value) if value else dt.datetime.min.replace(tzinfo=dt.timezone.utc)
