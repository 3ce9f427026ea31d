"""A loopback fake of 纷享销客's OpenAPI (open.fxiaoke.com): JSON POSTs answered with `errorCode`.

`/cgi/corpAccessToken/get/V2` (appId, appSecret, permanentCode → corpAccessToken, corpId,
expiresIn 7200; the same token while it lives), `/cgi/user/list`, `/cgi/user/getByMobile`,
`/cgi/crm/v2/data/query` (search_query_info offset/limit, filters, orders; dates in ms), and
`/cgi/crm/v2/object/describe` (`data.apiName`, `includeDetail` → `data.describe.fields`, a select
field's `options` of `label` and `value`: 纷享's developer guide, "查询对象描述" and "Field Value
Description").
Token calls are counted (the real endpoint allows about ten a minute); an expired token answers
20016; tests script frequency limits and outages.
"""
from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

EXPIRED = 20016
FREQUENCY = 20038


@dataclass
class Call:
    path: str
    body: dict
    at: float = field(default_factory=time.time)


class FakeFxiaoke:
    def __init__(self, app_id: str = "FSAID_1", app_secret: str = "fsecret", permanent_code: str = "PERM"):
        self.app_id, self.app_secret, self.permanent_code = app_id, app_secret, permanent_code
        self.corp_id = "FSCID_77"
        self.users: list[dict] = []
        self.objects: dict[str, list[dict]] = {"AccountObj": [], "NewOpportunityObj": [],
                                               "ActiveRecordObj": []}
        #: NewOpportunityObj's `sales_stage` options, as its describe answers them (`label` shown,
        #: `value` stored: developer.fxiaoke.com "Field Value Description", select fields)
        self.stage_options: list[dict] = [{"label": label, "value": str(n)} for n, label in enumerate(
            ("线索", "初步接触", "需求挖掘", "方案呈现", "商务谈判", "赢单", "输单"), 1)]
        self.scripted: dict[str, list[int | dict]] = {}
        self.calls: list[Call] = []
        self.token: str | None = None
        self.issued = 0
        self.ids = itertools.count(1)
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def add_user(self, name: str, mobile: str, email: str = "", stopped: bool = False) -> dict:
        user = {"openUserId": f"FSUID_{next(self.ids):04X}", "name": name, "mobile": mobile,
                "email": email, "isStop": stopped, "department": [1000]}
        self.users.append(user)
        return user

    def edit(self, api_name: str, record_id: str, at_ms: int, **fields) -> None:
        """Someone edits a record in 纷享's own screens at `at_ms`."""
        with self.lock:
            record = next(r for r in self.objects[api_name] if r["_id"] == record_id)
            record.update(fields)
            record["last_modified_time"] = at_ms

    def expire_token(self):
        with self.lock:
            self.token = f"expired-{self.issued}"

    def script(self, path: str, *answers: int | dict) -> None:
        self.scripted.setdefault(path, []).extend(answers)

    def called(self, path: str) -> list[Call]:
        with self.lock:
            return [c for c in self.calls if c.path == path]

    def _answer(self, path: str, body: dict) -> tuple[int, dict]:
        if self.scripted.get(path):
            scripted = self.scripted[path].pop(0)
            return (scripted, {}) if isinstance(scripted, int) else (200, scripted)
        if path == "/cgi/corpAccessToken/get/V2":
            if (body.get("appId"), body.get("appSecret"), body.get("permanentCode")) != (
                    self.app_id, self.app_secret, self.permanent_code):
                return 200, {"errorCode": 20003, "errorMessage": "appSecret or permanentCode is wrong"}
            if self.token is None or self.token.startswith("expired"):
                self.issued += 1
                self.token = f"fxt-{self.issued}"
            return 200, {"errorCode": 0, "errorMessage": "success", "corpAccessToken": self.token,
                         "corpId": self.corp_id, "expiresIn": 7200}
        if body.get("corpAccessToken") != self.token or body.get("corpId") != self.corp_id:
            return 200, {"errorCode": EXPIRED, "errorMessage": "corpAccessToken is expired"}
        if path == "/cgi/user/list":
            return 200, {"errorCode": 0, "errorMessage": "success", "userList": self.users}
        if path == "/cgi/user/getByMobile":
            found = [u for u in self.users if u["mobile"] == body.get("mobile")]
            return 200, {"errorCode": 0, "errorMessage": "success", "empList": found}
        if path == "/cgi/crm/v2/data/query":
            return self._query(body)
        if path == "/cgi/crm/v2/object/describe":
            api_name = (body.get("data") or {}).get("apiName")
            if api_name not in self.objects:
                return 200, {"errorCode": 20040, "errorMessage": "object does not exist"}
            fields = {"name": {"api_name": "name", "type": "text", "label": "商机名称"}}
            if api_name == "NewOpportunityObj":
                fields["sales_stage"] = {"api_name": "sales_stage", "type": "select_one", "label": "商机阶段",
                                         "options": self.stage_options}
            return 200, {"errorCode": 0, "errorMessage": "success",
                         "data": {"describe": {"api_name": api_name, "fields": fields}}}
        if path in ("/cgi/crm/v2/data/create", "/cgi/crm/v2/data/update"):
            return self._write(path, body)
        return 404, {}

    def _write(self, path: str, body: dict) -> tuple[int, dict]:
        if not any(u["openUserId"] == body.get("currentOpenUserId") for u in self.users):
            return 200, {"errorCode": 20025, "errorMessage": "currentOpenUserId is invalid"}
        data = dict(body.get("data", {}).get("object_data", {}))
        rows = self.objects.get(data.pop("dataObjectApiName", None))
        if rows is None:
            return 200, {"errorCode": 20040, "errorMessage": "object does not exist"}
        now = int(time.time() * 1000)
        if path.endswith("create"):
            record = {"_id": f"{next(self.ids):024x}", "create_time": now, **data,
                      "last_modified_time": now}
            rows.append(record)
            return 200, {"errorCode": 0, "errorMessage": "success", "dataId": record["_id"]}
        found = next((r for r in rows if r["_id"] == data.get("_id")), None)
        if found is None:
            return 200, {"errorCode": 20041, "errorMessage": "data does not exist"}
        found.update(data)
        found["last_modified_time"] = now
        return 200, {"errorCode": 0, "errorMessage": "success"}

    def _query(self, body: dict) -> tuple[int, dict]:
        if not any(u["openUserId"] == body.get("currentOpenUserId") for u in self.users):
            return 200, {"errorCode": 20025, "errorMessage": "currentOpenUserId is invalid"}
        data = body.get("data", {})
        rows = self.objects.get(data.get("dataObjectApiName"))
        if rows is None:
            return 200, {"errorCode": 20040, "errorMessage": "object does not exist"}
        info = data.get("search_query_info", {})
        limit, offset = min(int(info.get("limit", 20)), 100), int(info.get("offset", 0))
        for f in info.get("filters", []):
            rows = [r for r in rows if _matches(r, f)]
        for order in reversed(info.get("orders", [])):
            rows = sorted(rows, key=lambda r, k=order["fieldName"]: r.get(k) or 0,
                          reverse=not order.get("isAsc", True))
        return 200, {"errorCode": 0, "errorMessage": "success",
                     "data": {"dataList": rows[offset:offset + limit], "total": len(rows),
                              "offset": offset, "limit": limit}}

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_args):
                pass

            def do_POST(self):  # noqa: N802 - http.server's name
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                body = json.loads(raw.decode() or "{}")
                with fake.lock:
                    status, answer = fake._answer(self.path, body)
                    fake.calls.append(Call(self.path, body))
                payload = json.dumps(answer, ensure_ascii=False).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        return Handler


def _matches(row: dict, rule: dict) -> bool:
    value, wanted, op = row.get(rule["field_name"]), rule.get("field_values", []), rule.get("operator")
    if op == "EQ":
        return value in wanted
    if op == "GT":
        return value is not None and value > wanted[0]
    if op == "GTE":
        return value is not None and value >= wanted[0]
    if op == "IN":
        return value in wanted
    if op == "NEQ":
        return value not in wanted
    return True
