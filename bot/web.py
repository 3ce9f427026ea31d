"""The `web` process: one WSGI app for Slack (`/slack/…`), WeCom (`/wecom/callback`) and
`/healthz`, served by gunicorn.

Stateless: every process reads and writes the same database, so any number can run behind a
load balancer.
"""
from __future__ import annotations

import json
import logging

from sqlalchemy import text

from bot.app import App
from bot.handoff import Handoff
from bot.settings import Settings

log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None):
    """Build the WSGI callable (gunicorn: `bot.web:create_app()`)."""
    core = App.build(settings)
    handoff = Handoff(core.session_factory, "chat-work")
    slack = None
    if core.settings.slack_enabled:
        from slack_bolt.adapter.wsgi import SlackRequestHandler

        from bot.slack.app import build_bolt

        slack = SlackRequestHandler(build_bolt(core, handoff))
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
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"Not Found"]

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
