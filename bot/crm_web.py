"""The CRM's route on the web process: Zoho's change notifications (`crm/notifications.py`)."""
from __future__ import annotations

from bot.http import plain, read_body
from crm.notifications import PATH, receive
from storage.models.base import utcnow


def crm_route(core):
    """POST /crm/zoho/notify: checked, kept, answered at once; the worker reads the records."""

    def app(environ, start_response):
        if environ.get("PATH_INFO") != PATH:
            return plain(start_response, "404 Not Found", "Not Found")
        if environ.get("REQUEST_METHOD") != "POST":
            return plain(start_response, "405 Method Not Allowed", "POST only")
        body = read_body(environ)
        if body is None:
            return plain(start_response, "413 Content Too Large", "too large")
        status, text = receive(core.session_factory, body, utcnow())
        return plain(start_response, status, text)
    return app
