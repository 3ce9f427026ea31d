"""The `web` process: one WSGI app for Slack (`/slack/…`), WeCom (`/wecom/callback`) and
`/healthz`, served through `bot/asgi.py` by Hypercorn.

Stateless: every process reads and writes the same database, so any number can run behind a
load balancer. Client input never gets a 500: too big → 413, malformed → 400, unsigned or forged
→ 401/403 (docs/security.md), each with one warning line at most.
"""
from __future__ import annotations

import json
import logging

from sqlalchemy import text

from bot.app import App
from bot.handoff import Handoff
from bot.settings import Settings

log = logging.getLogger(__name__)

#: The largest body each route takes, sized for the platform's real payloads with room to spare:
#: Slack's biggest are events and form submissions with blocks (message text ≤ 40,000 characters,
#: ≤ 100 blocks), well under 1 MiB; a WeCom callback is one encrypted message (text ≤ 2,048 bytes,
#: about 4 KB once encrypted and wrapped). Anything else (healthz, OAuth pages) has no body.
BODY_LIMITS = {"/slack/": 1024 * 1024, "/wecom/": 64 * 1024}
OTHER_BODY_LIMIT = 16 * 1024


def body_limit(path: str) -> int:
    return next((limit for prefix, limit in BODY_LIMITS.items() if path.startswith(prefix)),
                OTHER_BODY_LIMIT)


def read_body(environ) -> bytes | None:
    """The request body, or None when it is larger than its route allows (also when chunked)."""
    limit = body_limit(environ.get("PATH_INFO", ""))
    declared = environ.get("CONTENT_LENGTH") or ""
    if declared.isdigit() and int(declared) > limit:
        return None
    body = environ["wsgi.input"].read(int(declared) if declared.isdigit() else limit + 1)
    return None if len(body) > limit else body


def plain(start_response, status: str, body: str = ""):
    data = body.encode()
    start_response(status, [("Content-Type", "text/plain; charset=utf-8"),
                            ("Content-Length", str(len(data)))])
    return [data]


def create_app(settings: Settings | None = None):
    """Build the WSGI callable (`bot.asgi:create_app()` serves it)."""
    core = App.build(settings)
    handoff = Handoff(core.session_factory, "chat-work")
    slack = None
    if core.settings.slack_enabled:
        from bot.slack.app import build_bolt
        from bot.slack.clients import TokenOwner
        from bot.slack.gate import SlackGate

        owner = TokenOwner(core.settings.slack_bot_token, core.settings.slack_api_url)
        slack = SlackGate(core, build_bolt(core, handoff, owner), owner)
    wecom = None
    if core.settings.wecom_enabled:
        from bot.wecom.callback import build_wecom
        from bot.wecom.client import shared_tokens

        wecom = build_wecom(core, shared_tokens(core.settings.redis_url, core.session_factory), handoff)

    def app(environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path == "/healthz":
            return _health(core, start_response)
        with handoff.serving():
            if slack is not None and path.startswith("/slack/"):
                return slack(environ, start_response)
            if wecom is not None and path == "/wecom/callback":
                return wecom(environ, start_response)
        return plain(start_response, "404 Not Found", "Not Found")

    app.core, app.wecom, app.handoff = core, wecom, handoff
    return app


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
