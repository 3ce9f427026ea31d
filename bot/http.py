"""Plain WSGI helpers the routes share (the platforms' and the CRM's): the body within its route's
limit, a plain-text answer. They know no platform: the web app (`bot/web.py`) puts the route's
limit in the request's environ before the route reads it."""
from __future__ import annotations

#: where `bot/web.py` puts the largest body the request's route takes
BODY_LIMIT = "salesbot.body_limit"
#: set by a server that can wait for a response's `until` (`Deferred`) off its threads (bot/asgi.py)
DEFERS = "salesbot.defers"
OTHER_BODY_LIMIT = 16 * 1024  # healthz, OAuth pages: no body


def digits(text: str) -> bool:
    """Whether a header is a plain number (`str.isdigit` also takes `¹` or `٣`, which int() does not)."""
    return text.isascii() and text.isdigit()


def read_body(environ) -> bytes | None:
    """The request body, or None when it is larger than its route allows (also when chunked)."""
    limit = environ.get(BODY_LIMIT, OTHER_BODY_LIMIT)
    declared = environ.get("CONTENT_LENGTH") or ""
    if digits(declared) and int(declared) > limit:
        return None
    body = environ["wsgi.input"].read(int(declared) if digits(declared) else limit + 1)
    return None if len(body) > limit else body


def plain(start_response, status: str, body: str = ""):
    data = body.encode()
    start_response(status, [("Content-Type", "text/plain; charset=utf-8"),
                            ("Content-Length", str(len(data)))])
    return [data]


class Deferred(list):
    """A response's chunks, to be sent once `until` (a concurrent Future) is done: the inbox
    commit it acks (bot/handoff.py). When `until` fails, nothing was recorded, and the server
    serves the request again without deferring (as a server that cannot wait would have)."""

    def __init__(self, chunks, until):
        super().__init__(chunks)
        self.until = until
