"""Slack Web API clients that wait out rate limits and retry failures, bounded; whose the token is."""
from __future__ import annotations

import threading

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)


def retries() -> list:
    """Wait out 429s (Retry-After) and retry 5xx and dropped connections, bounded."""
    return [ConnectionErrorRetryHandler(max_retry_count=2), RateLimitErrorRetryHandler(max_retry_count=3),
            ServerErrorRetryHandler(max_retry_count=2)]


def web_client(base_url: str, token: str | None = None) -> WebClient:
    return WebClient(token=token, base_url=base_url, timeout=10, retry_handlers=retries())


class TokenOwner:
    """The workspace (and Grid org) of the one bot token, from `auth.test`, asked once."""

    def __init__(self, token: str, base_url: str):
        self.token, self.base_url = token, base_url
        self._found: dict | None = None
        self._lock = threading.Lock()

    def identity(self) -> dict:
        if self._found is None:
            with self._lock:
                if self._found is None:
                    self._found = dict(web_client(self.base_url, self.token).auth_test().data)
        return self._found

    def owns(self, team_id: str | None, enterprise_id: str | None) -> bool:
        mine = self.identity()
        if mine.get("enterprise_id") and enterprise_id == mine["enterprise_id"]:
            return True
        return team_id is not None and team_id == mine.get("team_id")
