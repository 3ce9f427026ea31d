"""Zoho's change notifications (`actions/watch`): Zoho POSTs the ids of changed deals and accounts
to `{SALESBOT_PUBLIC_URL}/crm/zoho/notify`; the web process checks the channel's token, keeps the
ids (`crm_inbox`) and answers at once; the worker reads those records within its next pass
(seconds) and applies them as it applies polled ones (`crm/incoming.py`: dedupe, conflict rule).
With a live channel, accounts are no longer polled every pass, only as a safety net
(`ACCOUNTS_SAFETY_POLL`); a channel made before accounts were watched is renewed at once.

A channel is per workspace: its id is derived from the workspace, its token is random and kept in
the connection's settings, its expiry is set 23 hours ahead and renewed when less than 2 hours are
left. Without `SALESBOT_PUBLIC_URL` no channel is made and the worker's polling carries the changes.
A notification with an unknown channel or a wrong token is refused (403) and changes nothing.
"""
from __future__ import annotations

import datetime as dt
import hmac
import json
import secrets

from sqlalchemy import select, update

from crm.zoho import ZohoClient
from storage.crm import CrmRepository
from storage.models.crm import CrmNotice
from storage.upsert import insert_for

LIFE = dt.timedelta(hours=23)
RENEW_BEFORE = dt.timedelta(hours=2)
EVENTS = ("Deals.all", "Accounts.all")
MODULES = ("Accounts", "Deals")  # accounts first: a changed deal may name a changed account
ACCOUNTS_SAFETY_POLL = dt.timedelta(minutes=15)
PATH = "/crm/zoho/notify"


def channel_id(tenant_id: int) -> str:
    return str(8_000_000_000 + tenant_id)


def renew_if_due(app, tenant_id: int, client: ZohoClient, public_url: str, now: dt.datetime) -> bool:
    """Make or renew the workspace's channel when it is missing or expires within two hours."""
    with app.session_factory() as session:
        watch = CrmRepository(session).connection(tenant_id).settings.get("watch") or {}
    if watch and dt.datetime.fromisoformat(watch["expires_at"]) - now > RENEW_BEFORE \
            and tuple(watch.get("events") or ("Deals.all",)) == EVENTS:
        return False
    token = watch.get("token") or secrets.token_urlsafe(30)[:40]
    expires = now + LIFE
    client.call("POST", "actions/watch", payload={"watch": [{
        "channel_id": channel_id(tenant_id), "events": list(EVENTS), "token": token,
        "channel_expiry": expires.isoformat(timespec="seconds"),
        "notify_url": public_url.rstrip("/") + PATH}]})
    with app.session_factory.begin() as session:
        connection = CrmRepository(session).connection(tenant_id)
        connection.settings = {**connection.settings, "watch": {
            "channel_id": channel_id(tenant_id), "token": token, "expires_at": expires.isoformat(),
            "events": list(EVENTS)}}
    return True


def live(settings: dict, now: dt.datetime) -> bool:
    """Whether the workspace's channel watches accounts and has not expired."""
    watch = settings.get("watch") or {}
    return bool(watch) and tuple(watch.get("events") or ()) == EVENTS \
        and dt.datetime.fromisoformat(watch["expires_at"]) > now


def receive(session_factory, body: bytes, now: dt.datetime) -> tuple[str, str]:
    """(HTTP status, text) for a notification Zoho posted."""
    try:
        notice = json.loads(body.decode("utf-8"))
        channel, token = str(notice["channel_id"]), str(notice.get("token", ""))
        ids = [str(i) for i in notice.get("ids", [])][:1000]
        module = str(notice.get("module", ""))[:32]
    except (ValueError, KeyError, TypeError, AttributeError):
        return "400 Bad Request", "not a Zoho notification"
    with session_factory.begin() as session:
        connection = next((c for c in CrmRepository(session).connections("zoho")
                           if (c.settings.get("watch") or {}).get("channel_id") == channel), None)
        expected = ((connection.settings.get("watch") or {}).get("token", "") if connection else "")
        if connection is None or not hmac.compare_digest(expected.encode(), token.encode()):
            return "403 Forbidden", "unknown channel or token"
        if module not in MODULES or not ids:
            return "200 OK", "ignored"
        sent = str(notice.get("server_time", ""))
        insert = insert_for(session.bind.dialect.name)
        tenant = connection.tenant_id
        session.execute(insert(CrmNotice).on_conflict_do_nothing(index_elements=["key"]), [
            {"tenant_id": tenant, "key": f"zoho:{tenant}:{module}:{i}:{sent}"[:200], "module": module,
             "remote_id": i[:64], "status": "pending", "created_at": now} for i in ids])
    return "200 OK", "ok"


def take_pending(app, tenant_id: int, limit: int = 100) -> dict[str, list[str]]:
    """The ids notified and not read yet, by module (accounts first); they are marked read (a
    fetch that fails is covered by the next poll, which reads by modified time)."""
    with app.session_factory.begin() as session:
        rows = list(session.execute(
            select(CrmNotice.id, CrmNotice.module, CrmNotice.remote_id)
            .where(CrmNotice.tenant_id == tenant_id, CrmNotice.status == "pending")
            .order_by(CrmNotice.id).limit(limit)))
        if rows:
            session.execute(update(CrmNotice).where(CrmNotice.id.in_([r[0] for r in rows]))
                            .values(status="done"))
    return {module: list(dict.fromkeys(r[2] for r in rows if r[1] == module))
            for module in MODULES if any(r[1] == module for r in rows)}
