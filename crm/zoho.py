"""A small typed client of Zoho CRM's REST API (v8), one per workspace.

Why not Zoho's Python SDK (`zohocrmsdk`): its `Initializer` is process-wide state; serving many
workspaces means `Initializer.switch_user(...)` before each call, and Zoho's own docs say only one
user can send requests at a time that way. It keeps tokens in its own file or MySQL store, and its
data centres are fixed classes, so pointing it at another base URL (as our tests do, and as a
proxy would) means subclassing internals. This client is per workspace, thread-safe by having no
globals, shares the access token through our database, and takes its URLs as arguments.

Facts it relies on (Zoho's docs): the refresh-token grant is a POST to
`{accounts server}/oauth/v2/token` with `grant_type=refresh_token`, `client_id`, `client_secret`,
`refresh_token`, answered with `access_token`, `expires_in` (3600) and `api_domain` (the data
centre's API host, `https://www.zohoapis.com.cn` for China); a refresh token makes at most ten
access tokens in ten minutes, so processes share one. Calls carry `Authorization: Zoho-oauthtoken
…`; an expired token is HTTP 401 `INVALID_TOKEN`; too many calls is HTTP 429; list calls page with
`page`/`per_page` (≤ 200) and `info.more_records`, with `page_token` past 2,000 records.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

import requests

from crm.errors import AuthFailed, RateLimited, Rejected
from crm.http import body, send

VERSION = "v8"
PER_PAGE = 200
#: Accounts servers by data centre; the API host comes back with each token as `api_domain`.
DATA_CENTRES = {
    "us": "https://accounts.zoho.com", "eu": "https://accounts.zoho.eu",
    "in": "https://accounts.zoho.in", "au": "https://accounts.zoho.com.au",
    "jp": "https://accounts.zoho.jp", "ca": "https://accounts.zohocloud.ca",
    "cn": "https://accounts.zoho.com.cn",
}
#: Codes Zoho answers when the org's API credits for the day are spent (they renew over a rolling
#: 24 hours): waited out like a rate limit, for longer.
CREDIT_CODES = ("LIMIT_EXCEEDED", "LIMIT_REACHED")
CREDIT_WAIT = 3600.0


class TokenStore(Protocol):
    def get(self, key: str) -> str | None: ...
    def refresh(self, key: str, stale: str | None, fetch) -> str: ...


@dataclass(frozen=True)
class ZohoCredentials:
    client_id: str
    client_secret: str
    refresh_token: str

    def dumps(self) -> str:
        return json.dumps({"client_secret": self.client_secret, "refresh_token": self.refresh_token})

    @classmethod
    def loads(cls, client_id: str, secret: str) -> ZohoCredentials:
        found = json.loads(secret)
        return cls(client_id, found["client_secret"], found["refresh_token"])


def exchange_grant_code(accounts_url: str, client_id: str, client_secret: str, code: str,
                        session: requests.Session | None = None) -> tuple[str, str]:
    """A Self Client's grant code (Zoho API console) → (refresh token, api_domain)."""
    response = send(session or requests.Session(), "POST", f"{accounts_url.rstrip('/')}/oauth/v2/token",
                    data={"grant_type": "authorization_code", "client_id": client_id,
                          "client_secret": client_secret, "code": code})
    found = body(response)
    if "refresh_token" not in found:
        raise AuthFailed(f"Zoho refused the grant code: {found.get('error', response.status_code)}")
    return found["refresh_token"], found.get("api_domain", "")


class ZohoClient:
    def __init__(self, *, accounts_url: str, credentials: ZohoCredentials, tokens: TokenStore,
                 token_key: str, api_url: str = "", session: requests.Session | None = None):
        self.accounts_url = accounts_url.rstrip("/")
        self.credentials = credentials
        self.tokens, self.token_key = tokens, token_key
        self.api_url = api_url.rstrip("/")  # ZOHO_API_URL, else the token's api_domain
        self.session = session or requests.Session()

    # tokens --------------------------------------------------------------------------------
    def _fetch_token(self) -> tuple[str, int]:
        response = send(self.session, "POST", f"{self.accounts_url}/oauth/v2/token", data={
            "grant_type": "refresh_token", "client_id": self.credentials.client_id,
            "client_secret": self.credentials.client_secret,
            "refresh_token": self.credentials.refresh_token})
        found = body(response)
        if "access_token" not in found:
            raise AuthFailed(f"Zoho refused the refresh token: {found.get('error', response.status_code)}")
        if not self.api_url and found.get("api_domain"):
            self.api_url = found["api_domain"].rstrip("/")
        # the api_domain travels with the token, so every process learns its data centre
        return f"{found['access_token']} {found.get('api_domain', '')}", int(found.get("expires_in", 3600))

    def _token(self, stale: str | None = None) -> str:
        value = None if stale else self.tokens.get(self.token_key)
        value = value or self.tokens.refresh(self.token_key, stale, self._fetch_token)
        token, _, domain = value.partition(" ")
        if not self.api_url and domain:
            self.api_url = domain.rstrip("/")
        return value

    # calls ---------------------------------------------------------------------------------
    def call(self, method: str, path: str, *, params: dict | None = None, payload: dict | None = None,
             headers: dict | None = None) -> dict:
        """One API call; an expired access token is refreshed once and the call made again."""
        value = self._token()
        for attempt in (1, 2):
            token = value.partition(" ")[0]
            response = send(self.session, method, f"{self.api_url}/crm/{VERSION}/{path.lstrip('/')}",
                            params=params, json=payload,
                            headers={**(headers or {}), "Authorization": f"Zoho-oauthtoken {token}"})
            found = body(response)
            if response.status_code == 401 and found.get("code") == "INVALID_TOKEN" and attempt == 1:
                value = self._token(stale=value)
                continue
            return self._checked(response, found, path)
        raise AuthFailed("Zoho refused a fresh access token")  # pragma: no cover - loop returns

    def _checked(self, response: requests.Response, found: dict, path: str) -> dict:
        code = found.get("code", "")
        if response.status_code == 429:
            raise RateLimited(f"Zoho: too many requests ({path})",
                              float(response.headers.get("Retry-After") or 60))
        if code in CREDIT_CODES:
            raise RateLimited(f"Zoho: the org's API credits are spent ({code})", CREDIT_WAIT)
        if response.status_code == 401:
            raise AuthFailed(f"Zoho: {code or 'unauthorised'}")
        if response.status_code in (204, 304):  # nothing (304: nothing modified since)
            return {}
        if response.status_code >= 400:
            raise Rejected(f"Zoho: {code or response.status_code} {found.get('message', '')}".strip())
        return found

    # reads ---------------------------------------------------------------------------------
    def pages(self, path: str, key: str, params: dict | None = None, headers: dict | None = None
              ) -> Iterator[list[dict]]:
        """Every page of a list call: `page`/`per_page`, then `page_token` where Zoho gives one."""
        params = {**(params or {}), "per_page": PER_PAGE, "page": 1}
        while True:
            found = self.call("GET", path, params=params, headers=headers)
            yield found.get(key, [])
            info = found.get("info", {})
            if not info.get("more_records"):
                return
            if info.get("next_page_token"):
                params = {k: v for k, v in params.items() if k != "page"}
                params["page_token"] = info["next_page_token"]
            else:
                params["page"] = params.get("page", 1) + 1

    def users(self) -> list[dict]:
        """The org's active users: `id`, `full_name`, `email`, `phone`/`mobile`."""
        return [user for page in self.pages("users", "users", {"type": "ActiveUsers"}) for user in page]

    def org(self) -> dict:
        found = self.call("GET", "org").get("org", [])
        return found[0] if found else {}

    def records(self, module: str, fields: tuple[str, ...]) -> Iterator[list[dict]]:
        return self.pages(module, "data", {"fields": ",".join(fields)})

    def count(self, module: str) -> int | None:
        """How many records a module has (`actions/count`), for a progress bar; None if unknown."""
        try:
            return int(self.call("GET", f"{module}/actions/count").get("count"))
        except (Rejected, TypeError, ValueError):
            return None

    def pipelines(self) -> list[dict]:
        """The Deals' pipelines, the default first: each `display_value`, `actual_value`,
        `default` and `maps`, its stages in order: each `display_value`, `actual_value` (what a
        deal's `Stage` holds), `sequence_number` and `forecast_type` (`Open`, `Closed Won`,
        `Closed Lost`). Zoho's pipeline API wants a Deals layout id, so the layouts come first; an
        org without pipelines answers none."""
        try:
            layouts = self.call("GET", "settings/layouts", params={"module": "Deals"}).get("layouts", [])
            if not layouts:
                return []
            found = self.call("GET", "settings/pipeline", params={"layout_id": layouts[0]["id"]})
        except Rejected:
            return []
        ordered = sorted(found.get("pipeline", []), key=lambda p: not p.get("default"))
        return [{**p, "maps": sorted(p.get("maps", []), key=lambda m: m.get("sequence_number", 0))}
                for p in ordered]

    def pipeline(self) -> list[dict]:
        """The stages of the Deals' default pipeline, in order (see `pipelines`)."""
        found = self.pipelines()
        return found[0]["maps"] if found else []

    # writes --------------------------------------------------------------------------------
    def upsert(self, module: str, records: list[dict], duplicate_check_fields: tuple[str, ...]
               ) -> list[dict]:
        """Insert or update by the duplicate-check fields (our `salesbot_id`): a retried write
        updates the record it made the first time instead of making another."""
        found = self.call("POST", f"{module}/upsert", payload={
            "data": records, "duplicate_check_fields": list(duplicate_check_fields)})
        return _each_ok(found)

    def insert(self, module: str, records: list[dict]) -> list[dict]:
        return _each_ok(self.call("POST", module, payload={"data": records}))

    def update(self, module: str, records: list[dict]) -> list[dict]:
        """Update records by their `id`."""
        return _each_ok(self.call("PUT", module, payload={"data": records}))

    def search(self, module: str, criteria: str) -> list[dict]:
        """Records matching `(field:equals:value)`; none is HTTP 204."""
        return self.call("GET", f"{module}/search", params={"criteria": criteria}).get("data", [])


def _each_ok(found: dict) -> list[dict]:
    """A write answers per record; one the CRM refused is `Rejected` with Zoho's words."""
    rows = found.get("data", [])
    for row in rows:
        if row.get("status") != "success":
            raise Rejected(f"Zoho: {row.get('code', '')} {row.get('message', '')} {row.get('details', '')}")
    return rows
