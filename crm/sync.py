"""The worker's CRM loop: for each connected workspace, queue what the CRM lacks (`storage/
crm_outbox.py`) and write it, in order, with backoff.

A rate limit or spent credits hold the workspace's writes for as long as the CRM says; an outage
backs off (5 s, 10 s, … up to 15 minutes); refused credentials hold them until an admin reconnects
(retried every 15 minutes); nothing is dropped. A write the CRM refuses for what it says (a missing
required field) fails alone, with the CRM's words in `crm`, and the rest go on.
"""
from __future__ import annotations

import datetime as dt
import logging
import threading
from zoneinfo import ZoneInfo

from crm.connect import CrmUrls, client_for
from crm.errors import AuthFailed, RateLimited, Rejected, Unavailable
from crm.push import Pusher
from storage.crm import CrmRepository
from storage.crm_outbox import CrmOutbox
from storage.models.base import utcnow
from storage.models.workspace import Tenant

log = logging.getLogger(__name__)

BATCH = 50
MAX_BACKOFF = 900.0
AUTH_RETRY = 900.0


class CrmSync:
    def __init__(self, app, urls: CrmUrls | None = None, *, every: float = 5.0, poll_every: float = 30.0,
                 lease: dt.timedelta = dt.timedelta(seconds=60)):
        self.app, self.urls = app, urls or CrmUrls.of(app.settings)
        self.every, self.poll_every, self.lease = every, poll_every, lease
        self._polled: dict[int, dt.datetime] = {}  # tenant → last poll (a restart polls at once)
        self._accounts_polled: dict[int, dt.datetime] = {}  # tenant → last poll of accounts
        #: tenant → when to try again after the CRM refused the credentials (its token endpoint
        #: is limited: a revoked token is not tried every pass)
        self._refused: dict[int, dt.datetime] = {}
        self.stopping = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="crm-sync", daemon=True)

    def start(self) -> None:
        from crm.secrets import encrypt_stored

        try:  # secrets stored before they were encrypted, encrypted now
            encrypt_stored(self.app)
        except Exception:  # the sync still runs (plain ones are read as they are); said, never shown
            log.exception("encrypting stored CRM secrets failed")
        self._thread.start()

    def stop(self) -> None:
        self.stopping.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)

    def _loop(self) -> None:
        while not self.stopping.is_set():
            try:
                self.tick()
            except Exception:  # one bad pass must not end the loop; the next one retries
                log.exception("CRM sync pass failed")
            self.stopping.wait(self.every)

    def tick(self, now: dt.datetime | None = None) -> int:
        """One pass over every connected workspace; returns how many writes were made."""
        now = now or utcnow()
        with self.app.session_factory() as session:
            tenants = [c.tenant_id for c in CrmRepository(session).connections()]
        return sum(self.sync_tenant(tenant_id, now) for tenant_id in tenants)

    def sync_tenant(self, tenant_id: int, now: dt.datetime) -> int:
        if tenant_id in self._refused and now < self._refused[tenant_id]:
            return 0
        self._refused.pop(tenant_id, None)
        with self.app.session_factory.begin() as session:
            connection = CrmRepository(session).connection(tenant_id)
            CrmOutbox(session).scan(tenant_id, connection.created_at, now,
                                    connection.settings.get("visits_after", 0))
            waiting = CrmOutbox(session).pending(tenant_id)
        client = client_for(self.app, connection, self.urls)
        if connection.crm == "zoho":
            self._notified(tenant_id, client, now)
        last = self._polled.get(tenant_id)
        if waiting or last is None or (now - last).total_seconds() >= self.poll_every:
            # the CRM's changes first: a deal changed on both sides is settled by the conflict
            # rule before ours goes out (a write the CRM's newer change made stale is skipped)
            self._poll(tenant_id, client, now, connection)
        with self.app.session_factory.begin() as session:
            writes = CrmOutbox(session).claim(tenant_id, now, BATCH, self.lease)
        if not writes:
            return 0
        zone = ZoneInfo(self.app.defaults.timezone)
        made = 0
        for index, write in enumerate(writes):
            outcome = self._write(tenant_id, connection, client, write, now, zone)
            made += outcome is None
            if outcome == "held":  # the rest wait behind it, in order
                self._release([w.id for w in writes[index + 1:]])
                break
        return made

    def _notified(self, tenant_id: int, client, now: dt.datetime) -> None:
        """Zoho: keep the notification channel alive, and read the deals it named."""
        from crm import notifications
        from crm.incoming import fetch

        try:
            if self.app.settings.crm_public_url:
                notifications.renew_if_due(self.app, tenant_id, client, self.app.settings.crm_public_url, now)
            ids = notifications.take_pending(self.app, tenant_id)
            if ids:
                fetch(self.app, tenant_id, client, ids, now)
        except (RateLimited, Unavailable, AuthFailed, Rejected) as failure:
            self._failed(tenant_id, now, failure)

    def _failed(self, tenant_id: int, now: dt.datetime, failure: Exception) -> None:
        if isinstance(failure, AuthFailed):
            self._refused[tenant_id] = now + dt.timedelta(seconds=AUTH_RETRY)
        with self.app.session_factory.begin() as session:
            CrmRepository(session).record_sync(tenant_id, now, str(failure),
                                               waiting=not isinstance(failure, AuthFailed))

    def _poll(self, tenant_id: int, client, now: dt.datetime, connection) -> None:
        """Deals every pass that polls; accounts too, unless Zoho notifies their changes (then
        only as a safety net, every `ACCOUNTS_SAFETY_POLL`)."""
        from crm import notifications
        from crm.incoming import poll

        last_accounts = self._accounts_polled.get(tenant_id)
        accounts = not (connection.crm == "zoho" and notifications.live(connection.settings, now)) \
            or last_accounts is None or now - last_accounts >= notifications.ACCOUNTS_SAFETY_POLL
        try:
            poll(self.app, tenant_id, client, now, accounts=accounts)
            self._polled[tenant_id] = now
            if accounts:
                self._accounts_polled[tenant_id] = now
        except (RateLimited, Unavailable, AuthFailed, Rejected) as failure:
            self._failed(tenant_id, now, failure)

    def _write(self, tenant_id, connection, client, write, now, zone) -> str | None:
        outbox_error = ""
        try:
            with self.app.session_factory.begin() as session:
                tenant = session.get(Tenant, tenant_id)
                Pusher(session, tenant, connection, client, now, zone).push(write)
                CrmOutbox(session).done(write.id, now)
                CrmRepository(session).record_sync(tenant_id, now)
            return None
        except RateLimited as limited:
            wait, outbox_error = limited.retry_after, str(limited)
        except Unavailable as down:
            wait, outbox_error = min(MAX_BACKOFF, 5.0 * 2 ** max(0, write.attempts - 1)), str(down)
        except AuthFailed as refused:
            wait, outbox_error = AUTH_RETRY, str(refused)
            self._refused[tenant_id] = now + dt.timedelta(seconds=AUTH_RETRY)
        except Rejected as refused:  # this write alone: the status counts it, the sync goes on
            with self.app.session_factory.begin() as session:
                CrmOutbox(session).failed(write.id, str(refused))
            return "failed"
        with self.app.session_factory.begin() as session:
            CrmOutbox(session).retry_at(write.id, now + dt.timedelta(seconds=wait), outbox_error)
            CrmRepository(session).record_sync(tenant_id, now, outbox_error,
                                               waiting=tenant_id not in self._refused)
        return "held"

    def _release(self, write_ids: list[int]) -> None:
        """Writes claimed but not tried (behind a held one) go back, due as they were."""
        with self.app.session_factory.begin() as session:
            CrmOutbox(session).release(write_ids)
