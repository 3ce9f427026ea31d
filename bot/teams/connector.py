"""The Bot Connector REST calls the bot makes, over `requests` (one pooled Session per sender).

Each call goes to the tenant's service URL (from its activities) with the bot's bearer token
(`bot/teams/auth.py`'s BotToken), JSON in and out. The paths, from Microsoft's "API reference for
the Bot Framework Connector service"
(https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference):

- create conversation:    POST   /v3/conversations
- send to conversation:   POST   /v3/conversations/{conversationId}/activities
- update activity:        PUT    /v3/conversations/{conversationId}/activities/{activityId}
- delete activity:        DELETE /v3/conversations/{conversationId}/activities/{activityId}
- get conversation member: GET   /v3/conversations/{conversationId}/members/{memberId}

An answer other than 2xx raises ConnectorError with its status and headers (the sender turns a
429 into a wait of its Retry-After, 403/404 into undeliverable, and lets the outbox retry the rest).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

import requests

TIMEOUT = (10.0, 30.0)  # seconds: connecting, then reading an answer
#: calls made at once, each on one of the connector's own threads, so that what an HTTPS call leaves
#: in a thread's malloc arena is kept in a few arenas, not in each of the web process's 64 threads'
#: (the web process measured 101 MB at start and 122 MB after the Teams bench with it; its share of
#: that is not measured apart)
THREADS = 4


class ConnectorError(Exception):
    """The connector answered with an error status."""

    def __init__(self, status: int, headers: Mapping[str, str], message: str):
        super().__init__(f"{status}: {message}")
        self.status, self.headers, self.message = status, headers, message


class Connector:
    """The Bot Connector for the bot: `token` gives its current bearer token."""

    def __init__(self, token: Callable[[], str]):
        self.token = token
        self.session = requests.Session()  # one for all threads: a few connections, one TLS setup each
        self.session.mount("https://", requests.adapters.HTTPAdapter(pool_maxsize=THREADS))
        self.session.headers.update({"Accept": "application/json"})
        self._threads = ThreadPoolExecutor(THREADS, thread_name_prefix="teams-connector")

    def create_conversation(self, service_url: str, parameters: dict) -> dict:
        return self._call("POST", service_url, "v3/conversations", parameters)

    def send(self, service_url: str, conversation: str, activity: dict) -> dict:
        return self._call("POST", service_url, f"v3/conversations/{_q(conversation)}/activities", activity)

    def update(self, service_url: str, conversation: str, activity_id: str, activity: dict) -> dict:
        return self._call("PUT", service_url,
                          f"v3/conversations/{_q(conversation)}/activities/{_q(activity_id)}", activity)

    def delete(self, service_url: str, conversation: str, activity_id: str) -> None:
        self._call("DELETE", service_url, f"v3/conversations/{_q(conversation)}/activities/{_q(activity_id)}")

    def member(self, service_url: str, conversation: str, member_id: str) -> dict:
        return self._call("GET", service_url, f"v3/conversations/{_q(conversation)}/members/{_q(member_id)}")

    def _call(self, method: str, service_url: str, path: str, body: dict | None = None) -> dict:
        return self._threads.submit(self._request, method, service_url, path, body).result()

    def _request(self, method: str, service_url: str, path: str, body: dict | None) -> dict:
        url = f"{service_url.rstrip('/')}/{path}"
        response = self.session.request(method, url, json=body, timeout=TIMEOUT,
                                        headers={"Authorization": f"Bearer {self.token()}"})
        if not 200 <= response.status_code < 300:
            raise ConnectorError(response.status_code, response.headers, response.text[:200])
        try:
            answer = response.json() if response.content else {}
        except ValueError:
            answer = {}
        return answer if isinstance(answer, dict) else {}


def _q(segment: str) -> str:
    """An id as one path segment (Teams' ids hold ':', '@', ';' and '=', kept as they are)."""
    return quote(segment, safe=":@;=,")
