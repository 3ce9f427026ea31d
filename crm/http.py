"""One small JSON-over-HTTPS helper the CRM clients share: timeouts, and transport failures and
5xx turned into `Unavailable`, so every client treats an outage alike."""
from __future__ import annotations

import requests

from crm.errors import Unavailable

TIMEOUT = (5, 30)  # connect, read (seconds)


def send(session: requests.Session, method: str, url: str, **kwargs) -> requests.Response:
    try:
        response = session.request(method, url, timeout=TIMEOUT, **kwargs)
    except requests.RequestException as failure:
        raise Unavailable(f"{method} {_path(url)}: {type(failure).__name__}") from None
    if response.status_code >= 500:
        raise Unavailable(f"{method} {_path(url)}: HTTP {response.status_code}")
    return response


def body(response: requests.Response) -> dict:
    try:
        found = response.json()
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def _path(url: str) -> str:
    """The URL without its query (where a token or a secret could be)."""
    return url.split("?", 1)[0]
