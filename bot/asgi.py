"""The web process's front: Hypercorn (asyncio) reads every request, a thread pool runs the WSGI app.

Why not a threaded server: with one thread per connection, 40 clients that send their headers or
body a few bytes at a time hold every thread, and `/healthz` and real users wait for as long as
they stay connected. Here a connection costs a coroutine until its request is complete:
Hypercorn closes one whose headers are not in within `keep_alive_timeout` (bot/hypercorn_conf.py);
this front refuses a body larger than its route allows (413, before reading it when the length is
declared) and drops one that is not complete within `BODY_DEADLINE` (408). Only a whole request
takes a thread, so slow clients cannot starve the process (docs/security.md).
"""
from __future__ import annotations

import asyncio
import gc
import io
import os
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from bot.http import DEFERS, digits
from bot.web import body_limit

BODY_DEADLINE = 10.0  # seconds for a whole body: Slack and WeCom send theirs at once
#: Threads for whole requests. A request mostly waits for its inbox row's group commit
#: (bot/handoff.py), so as many threads as requests in flight let one commit carry them all.
#: Fewer save little memory: with 16 the Teams bench's web process ended 3 MB smaller (130 MB,
#: not 133) and acked at 0.54× the floor beside the worker, not 0.76× (bench/teams_web.py).
THREADS = 64


class _TooBig(Exception):
    pass


class _Gone(Exception):
    pass


def asgi(wsgi_app: Callable, threads: int | None = None) -> Callable:
    """An ASGI app that buffers each request (within its route's limits) and runs `wsgi_app`."""
    pool = ThreadPoolExecutor(threads or int(os.environ.get("WEB_THREADS", str(THREADS))),
                              thread_name_prefix="web")

    async def app(scope, receive, send) -> None:
        if scope["type"] == "lifespan":
            return await _lifespan(receive, send, getattr(wsgi_app, "close", None))
        if scope["type"] != "http":
            return None
        limit = body_limit(scope["path"])
        declared = _header(scope, b"content-length")
        if declared is not None and not digits(declared):
            return await _status(send, 400, b"Bad Request")
        if declared is not None and int(declared) > limit:
            return await _status(send, 413, b"Request Entity Too Large")
        try:
            body = await asyncio.wait_for(_body(receive, limit), BODY_DEADLINE)
        except _TooBig:
            return await _status(send, 413, b"Request Entity Too Large")
        except (asyncio.TimeoutError, TimeoutError):
            return await _status(send, 408, b"Request Timeout")
        except _Gone:
            return None
        loop = asyncio.get_running_loop()
        status, headers, chunks, until = await loop.run_in_executor(
            pool, _call, wsgi_app, {**_environ(scope, body), DEFERS: True})
        if until is not None:  # an ack once its inbox row is committed: awaited here, no thread
            try:  # sleeps for it (bot/group_commit.py)
                await asyncio.wrap_future(until)
            except Exception:  # nothing was recorded: served again, as without deferring
                status, headers, chunks, _ = await loop.run_in_executor(
                    pool, _call, wsgi_app, _environ(scope, body))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": b"".join(chunks)})

    return app


def create_app():
    """The Procfile's web app (`hypercorn … 'bot.asgi:create_app()'`)."""
    from bot.web import create_app as create_wsgi_app

    app = asgi(create_wsgi_app())
    # acks stay quick: start-up objects out of the collector's way (short GC pauses). The
    # collector keeps Python's own thresholds: with a young generation of 50,000 objects (as it
    # once had) the cycles each request leaves (frames, futures, sessions) piled up between
    # collections and the process kept ~11 MB more after the Teams bench's load.
    # (Not a shorter GIL switch interval, as under gunicorn's threads: with the event loop's
    # thread beside 64 request threads it cost throughput.)
    gc.collect()
    gc.freeze()
    return app


async def _body(receive, limit: int) -> bytes:
    body = bytearray()
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise _Gone
        body += message.get("body", b"")
        if len(body) > limit:
            raise _TooBig
        if not message.get("more_body"):
            return bytes(body)


def _call(wsgi_app: Callable, environ: dict) -> tuple[int, list, list[bytes], object]:
    started: list = []

    def start_response(status: str, headers, _exc_info=None):
        started[:] = [int(status.split(" ", 1)[0]),
                      [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers]]

    result = wsgi_app(environ, start_response)
    try:
        chunks = list(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    return started[0], started[1], chunks, getattr(result, "until", None)  # bot.http.Deferred


def _environ(scope: dict, body: bytes) -> dict:
    """PEP 3333's environ for a buffered request."""
    server = scope.get("server") or ("localhost", 80)
    client = scope.get("client") or ("", 0)
    environ = {
        "REQUEST_METHOD": scope["method"], "SCRIPT_NAME": "",
        "PATH_INFO": scope["path"].encode("utf-8").decode("latin-1"),
        "QUERY_STRING": scope["query_string"].decode("latin-1"),
        "SERVER_NAME": server[0], "SERVER_PORT": str(server[1]),
        "SERVER_PROTOCOL": f"HTTP/{scope.get('http_version', '1.1')}",
        "REMOTE_ADDR": client[0], "CONTENT_LENGTH": str(len(body)),
        "wsgi.version": (1, 0), "wsgi.url_scheme": scope.get("scheme", "http"),
        "wsgi.input": io.BytesIO(body), "wsgi.errors": sys.stderr,
        "wsgi.multithread": True, "wsgi.multiprocess": True, "wsgi.run_once": False,
    }
    for raw_name, raw_value in scope["headers"]:
        name = raw_name.decode("latin-1").upper().replace("-", "_")
        if name in ("CONTENT_LENGTH", "TRANSFER_ENCODING"):
            continue
        value = raw_value.decode("latin-1")
        if name == "CONTENT_TYPE":
            environ[name] = value
            continue
        key = f"HTTP_{name}"
        environ[key] = f"{environ[key]},{value}" if key in environ else value
    return environ


def _header(scope: dict, name: bytes) -> str | None:
    for key, value in scope["headers"]:
        if key == name:
            return value.decode("latin-1").strip()
    return None


async def _status(send, status: int, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


async def _lifespan(receive, send, close: Callable[[], None] | None) -> None:
    """Start-up needs nothing; at shutdown the WSGI app's `close` (bot/web.py: its background
    threads take no more work) runs off the event loop before Hypercorn is told it is done."""
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            if close is not None:
                await asyncio.get_running_loop().run_in_executor(None, close)
            await send({"type": "lifespan.shutdown.complete"})
            return
