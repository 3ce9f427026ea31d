"""The `web` process: one WSGI app for each platform's routes (`/slack/…`, `/wecom/callback`: see
`bot/platforms.py`), `/healthz`, and the `/privacy` and `/terms` pages (`bot/pages.py`), served
through `bot/asgi.py` by Hypercorn.

Each platform's app is built, and its SDK imported, with the platform's first request
(`OnFirstRequest`): a process set up for Slack, WeCom and Teams that only one of them speaks to
carries only that one's. (A platform that serves no route over the web, as Slack in Socket Mode,
is built at start.)

Stateless: every process reads and writes the same database, so any number can run behind a
load balancer. Client input never gets a 500: too big → 413, malformed → 400, unsigned or forged
→ 401/403 (docs/security.md), each with one warning line at most.
"""
from __future__ import annotations

import functools
import json
import logging
import threading
from collections.abc import Callable

from sqlalchemy import text

from bot import pages, platforms
from bot.app import App
from bot.handoff import Handoff
from bot.http import BODY_LIMIT, DEFERS, OTHER_BODY_LIMIT, Deferred, plain
from bot.settings import Settings

log = logging.getLogger(__name__)

#: a web process runs short writes on many threads: on SQLite each of its connections (the pool's
#: and the inbox writer's) keeps a 512 KiB page cache, not SQLite's 2 MiB (the worker's reports
#: keep the default)
SQLITE_CACHE_KIB = 512


def body_limit(path: str) -> int:
    """The largest body a route takes: its platform's, sized for its real payloads with room to
    spare (`bot/<platform>/plugin.py`)."""
    return next((platform.body_limit for platform in platforms.PLATFORMS if path.startswith(platform.prefix)),
                OTHER_BODY_LIMIT)


def create_app(settings: Settings | None = None):
    """Build the WSGI callable (`bot.asgi:create_app()` serves it)."""
    core = App.build(settings, sqlite_cache_kib=SQLITE_CACHE_KIB)
    handoff = Handoff(core.session_factory, "chat-work", sqlite_cache_kib=SQLITE_CACHE_KIB,
                      stopping=core.stopping)
    routes = {}
    for platform in platforms.enabled(core.settings):
        if platform.serves_over_web(core.settings):
            routes[platform.prefix] = OnFirstRequest(functools.partial(platform.web, core, handoff))
        elif (app := platform.web(core, handoff)) is not None:
            routes[platform.prefix] = app
    if core.settings.crm_public_url:  # Zoho's change notifications reach us there (docs/crm.md)
        from bot.crm_web import crm_route

        routes["/crm/"] = crm_route(core)

    def app(environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path == "/healthz":
            return _health(core, start_response)
        if path in pages.PAGES:  # the privacy and terms pages an app listing links to
            return pages.page(path, start_response)
        route = next((prefix for prefix in routes if path.startswith(prefix)), None)
        if route is not None:
            environ[BODY_LIMIT] = body_limit(path)  # what the route's `read_body` takes
            with handoff.serving(defer=environ.get(DEFERS, False)) as served:
                result = routes[route](environ, start_response)
            if served.pending:  # acked once its inbox rows are committed: the server waits for
                return _deferred(result, served.until())  # that, not a thread (bot/asgi.py)
            return result
        return plain(start_response, "404 Not Found", "Not Found")

    def close() -> None:
        """The process winds down (Hypercorn's lifespan shutdown): work left for a worker stays
        the workers', background threads take nothing new, the database's connections close."""
        handoff.stop()
        core.close()

    app.core, app.routes, app.handoff, app.close = core, routes, handoff, close
    return app


class OnFirstRequest:
    """A platform's WSGI app, built when the platform's first request comes: a process set up
    for several platforms loads each one's SDK and state (slack-bolt, wechatpy, the Agents SDK:
    a few MB each) only once that platform speaks to it."""

    def __init__(self, build: Callable[[], Callable]):
        self._build = build
        self._app: Callable | None = None
        self._lock = threading.Lock()

    @property
    def app(self) -> Callable:
        if self._app is None:
            with self._lock:
                if self._app is None:
                    self._app = self._build()
        return self._app

    def __call__(self, environ, start_response):
        return self.app(environ, start_response)


def _deferred(result, until) -> Deferred:
    try:
        return Deferred(result, until)
    finally:
        if hasattr(result, "close"):
            result.close()


def _health(core: App, start_response):
    """200 when the database answers, 503 when it does not (load balancers take us out)."""
    try:
        with core.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        status, body = "200 OK", {"status": "ok", "database": "ok"}
    except Exception as error:  # any failure to reach the database is "down"
        log.warning("health check: database unreachable: %s", error.__class__.__name__)
        status, body = "503 Service Unavailable", {"status": "degraded", "database": "unreachable"}
    start_response(status, [("Content-Type", "application/json")])
    return [json.dumps(body).encode()]
