"""The `worker` process: the scheduler, the outbox sender and the inbox runner, given the senders
and runners of the platforms the settings set up (`bot/platforms.py`, the console's among them)."""
from __future__ import annotations

import datetime as dt
import logging
import os
import signal

from bot import platforms
from bot.app import App
from handlers.text.reply import Reply
from storage.address import Address
from worker.delivery import DeliveryWorker, Undeliverable
from worker.inbox import InboxWorker
from worker.service import Worker

log = logging.getLogger(__name__)


class PlatformSenders:
    """One Sender over several platforms: each delivery goes to its platform's sender."""

    def __init__(self, senders: dict):
        self.senders = senders

    def send(self, to: Address, reply: Reply, **progress) -> str | None:
        sender = self.senders.get(to.platform)
        if sender is None:
            raise Undeliverable(f"{to.platform} is not configured in this worker")
        return sender.send(to, reply, **progress)

    def fix(self, to: Address, message_id: str, reply: Reply | None) -> bool:
        fixer = getattr(self.senders.get(to.platform), "fix", None)
        return bool(fixer and fixer(to, message_id, reply))


def platform_senders(core: App) -> PlatformSenders:
    return PlatformSenders({platform.name: platform.sender(core)
                            for platform in platforms.enabled(core.settings)})


def inbox_runners(core: App) -> dict:
    """platform → how a worker runs that platform's requests left in the inbox."""
    runners = {platform.name: platform.inbox_runner(core) for platform in platforms.enabled(core.settings)}
    return {name: runner for name, runner in runners.items() if runner is not None}


def build_worker(core: App, **options) -> Worker:
    lease = dt.timedelta(seconds=core.settings.delivery_lease_seconds)
    # outgoing messages: short leases renewed while a batch is sent (a killed worker's are free
    # again within seconds); the setting can only shorten them
    delivery = DeliveryWorker(core.session_factory, platform_senders(core),
                              lease=min(lease, DeliveryWorker.lease))
    inbox = InboxWorker(core.session_factory, inbox_runners(core), lease=lease)
    return Worker(core.session_factory, delivery, core.defaults, inbox=inbox, **options)


def run_worker(core: App) -> None:
    """Run until SIGTERM or SIGINT (the Procfile's `worker`), at a lower CPU priority than web
    processes on the same host (`SALESBOT_WORKER_NICE`): acks are what must be quick."""
    if core.settings.worker_nice > 0:
        os.nice(core.settings.worker_nice)
    worker = build_worker(core)
    from crm.sync import CrmSync  # workspaces connected to a CRM: chat changes go there (docs/crm.md)

    crm_sync = CrmSync(core)
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: worker.stopping.set())
    worker.start()
    crm_sync.start()
    worker.wait()
    crm_sync.stop()
    worker.stop()
    log.info("worker stopped")
