"""A small typed client of 纷享销客's OpenAPI (open.fxiaoke.com), one per workspace. 纷享 has no
maintained Python SDK.

Facts it relies on (纷享's open-platform guide and published clients): every call is a JSON POST
and answers `errorCode` (0 is success) and `errorMessage`. The corp access token comes from
`/cgi/corpAccessToken/get/V2` with `appId`, `appSecret`, `permanentCode` (a self-built app's
three values), answered with `corpAccessToken`, `corpId` and `expiresIn` (7200 s); asking again
within its life returns the same token, and the endpoint allows only about ten calls a minute, so
the token is cached in our database for every process. CRM calls also carry `currentOpenUserId`,
whose data permissions they run with (the CRM admin's, to see every record). Users:
`/cgi/user/list` (`departmentId` 999999 is the whole company). Records:
`/cgi/crm/v2/data/query` with `data.dataObjectApiName` (`AccountObj`, `NewOpportunityObj`,
`ActiveRecordObj`) and `search_query_info` (`limit`, `offset`, `filters` of `field_name`,
`operator`, `field_values`, `orders`), answered with `data.dataList` and `data.total`. Dates are
milliseconds since the epoch. A single endpoint allows about 60-100 calls per 20 seconds.

Not confirmed against 纷享's error-code table in this session (docs/crm.md, *Limits*): the code for
an expired token and the code for the frequency limit; both sets are here, in one place.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass

import requests

from crm.errors import AuthFailed, RateLimited, Rejected
from crm.http import body, send
from crm.zoho import TokenStore

PAGE = 100
WHOLE_COMPANY = 999999
TOKEN_EXPIRED = frozenset({20016, 20017})  # the corp access token expired or is unknown
FREQUENCY_LIMITED = frozenset({20038, 10010})  # called too often
FREQUENCY_WAIT = 20.0  # the limit is counted per 20 seconds
BAD_CREDENTIALS = frozenset({20002, 20003, 20004})  # appId, appSecret or permanentCode refused


@dataclass(frozen=True)
class FxiaokeCredentials:
    app_id: str
    app_secret: str
    permanent_code: str

    def dumps(self) -> str:
        return json.dumps({"app_secret": self.app_secret, "permanent_code": self.permanent_code})

    @classmethod
    def loads(cls, app_id: str, secret: str) -> FxiaokeCredentials:
        found = json.loads(secret)
        return cls(app_id, found["app_secret"], found["permanent_code"])


def millis(at: dt.datetime) -> int:
    """An aware datetime as 纷享's milliseconds since the epoch."""
    return int(at.timestamp() * 1000)


def from_millis(value) -> dt.datetime | None:
    return dt.datetime.fromtimestamp(int(value) / 1000, dt.timezone.utc) if value else None


class FxiaokeClient:
    def __init__(self, *, api_url: str, credentials: FxiaokeCredentials, tokens: TokenStore,
                 token_key: str, open_user_id: str = "", session: requests.Session | None = None):
        self.api_url = api_url.rstrip("/")
        self.credentials = credentials
        self.tokens, self.token_key = tokens, token_key
        self.open_user_id = open_user_id  # the CRM admin the CRM calls run as
        self.session = session or requests.Session()

    def _fetch_token(self) -> tuple[str, int]:
        found = self._post("/cgi/corpAccessToken/get/V2", {
            "appId": self.credentials.app_id, "appSecret": self.credentials.app_secret,
            "permanentCode": self.credentials.permanent_code})
        code = found.get("errorCode")
        if code != 0 or "corpAccessToken" not in found:
            raise AuthFailed(f"纷享销客 refused the app's credentials: {code} "
                             f"{found.get('errorMessage', '')}")
        return f"{found['corpAccessToken']} {found.get('corpId', '')}", int(found.get("expiresIn", 7200))

    def _token(self, stale: str | None = None) -> tuple[str, str]:
        value = None if stale else self.tokens.get(self.token_key)
        value = value or self.tokens.refresh(self.token_key, stale, self._fetch_token)
        token, _, corp_id = value.partition(" ")
        return token, corp_id

    def corp_id(self) -> str:
        return self._token()[1]

    def _post(self, path: str, payload: dict) -> dict:
        response = send(self.session, "POST", f"{self.api_url}{path}", json=payload)
        if response.status_code == 429:
            raise RateLimited("纷享销客: too many requests", FREQUENCY_WAIT)
        return body(response)

    def call(self, path: str, payload: dict, *, as_user: bool = False) -> dict:
        """One call with the corp token (and the admin's openUserId for CRM data); an expired token
        is fetched again once."""
        token, corp_id = self._token()
        for attempt in (1, 2):
            sent = {"corpAccessToken": token, "corpId": corp_id, **payload}
            if as_user:
                sent["currentOpenUserId"] = self.open_user_id
            found = self._post(path, sent)
            code = found.get("errorCode")
            if code in TOKEN_EXPIRED and attempt == 1:
                token, corp_id = self._token(stale=f"{token} {corp_id}")
                continue
            return self._checked(found, path)
        raise AuthFailed("纷享销客 refused a fresh corp access token")  # pragma: no cover

    @staticmethod
    def _checked(found: dict, path: str) -> dict:
        code = found.get("errorCode")
        if code == 0:
            return found
        message = f"纷享销客 {path}: {code} {found.get('errorMessage', '')}".strip()
        if code in FREQUENCY_LIMITED:
            raise RateLimited(message, FREQUENCY_WAIT)
        if code in TOKEN_EXPIRED or code in BAD_CREDENTIALS:
            raise AuthFailed(message)
        raise Rejected(message)

    # reads ---------------------------------------------------------------------------------
    def users(self) -> list[dict]:
        """Every employee: `openUserId`, `name`, `mobile`, `email`, `isStop`."""
        found = self.call("/cgi/user/list", {"departmentId": WHOLE_COMPANY, "fetchChild": True})
        return [u for u in found.get("userList", []) if not u.get("isStop")]

    def user_by_mobile(self, mobile: str) -> dict | None:
        found = self.call("/cgi/user/getByMobile", {"mobile": mobile})
        users = found.get("empList", [])
        return users[0] if users else None

    def find(self, api_name: str, field: str, value: str) -> dict | None:
        """The first record whose `field` equals `value` (query-then-write: 纷享 has no upsert)."""
        found = self.call("/cgi/crm/v2/data/query", {"data": {
            "dataObjectApiName": api_name,
            "search_query_info": {"limit": 1, "offset": 0, "filters": [
                {"field_name": field, "operator": "EQ", "field_values": [value]}]}}}, as_user=True)
        rows = (found.get("data") or {}).get("dataList", [])
        return rows[0] if rows else None

    def create(self, api_name: str, fields: dict) -> str:
        """A new record; returns its `_id` (`dataId`)."""
        found = self.call("/cgi/crm/v2/data/create", {"data": {"object_data": {
            "dataObjectApiName": api_name, **fields}}}, as_user=True)
        return str(found.get("dataId", ""))

    def update(self, api_name: str, record_id: str, fields: dict) -> None:
        self.call("/cgi/crm/v2/data/update", {"data": {"object_data": {
            "dataObjectApiName": api_name, "_id": record_id, **fields}}}, as_user=True)

    def options(self, api_name: str, field: str) -> list[dict]:
        """A select field's options (`label`, `value`) from the object's describe: a deal's
        `sales_stage` holds the value; the label is what people see."""
        found = self.call("/cgi/crm/v2/object/describe", {"data": {"apiName": api_name,
                                                                    "includeDetail": False}}, as_user=True)
        fields = ((found.get("data") or {}).get("describe") or {}).get("fields") or {}
        return [o for o in (fields.get(field) or {}).get("options", []) if not o.get("not_usable")]

    def pages(self, api_name: str, filters: tuple[dict, ...] = (), order_by: str = "last_modified_time"
              ) -> Iterator[tuple[list[dict], int]]:
        """Every page of an object's records (`offset`/`limit`), oldest change first, with the
        total the CRM counts."""
        offset = 0
        while True:
            found = self.call("/cgi/crm/v2/data/query", {"data": {
                "dataObjectApiName": api_name,
                "search_query_info": {"limit": PAGE, "offset": offset, "filters": list(filters),
                                      "orders": [{"fieldName": order_by, "isAsc": True}]}}},
                as_user=True)
            data = found.get("data") or {}
            page, total = data.get("dataList", []), int(data.get("total", 0))
            yield page, total
            offset += len(page)
            if not page or offset >= total:
                return
