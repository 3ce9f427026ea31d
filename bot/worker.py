"""The `worker` process: the scheduler, the outbox sender and the inbox runner, given the platform
senders and runners that the settings call for (Slack, WeCom, and the console for the local demo)."""
from __future__ import annotations

import datetime as dt
import logging
import os
import signal

from bot.app import App
from handlers.reply import Reply
from scheduler.delivery import DeliveryWorker, Undeliverable
from scheduler.inbox import InboxWorker
from scheduler.service import Worker

log = logging.getLogger(__name__)


class PlatformSenders:
    """One Sender over several platforms: each delivery goes to its platform's sender."""

    def __init__(self, senders: dict):
        self.senders = senders

    def send(self, platform: str, workspace: str, target: str, reply: Reply) -> None:
        sender = self.senders.get(platform)
        if sender is None:
            raise Undeliverable(f"{platform} is not configured in this worker")
        sender.send(platform, workspace, target, reply)


def platform_senders(core: App, console=None) -> PlatformSenders:
    settings = core.settings
    senders = {}
    if settings.slack_enabled:
        from bot.slack.sender import SlackSender

        senders["slack"] = SlackSender(settings.slack_api_url, _slack_tokens(core))
    if settings.wecom_enabled:
        from bot.wecom.client import WeComClient, shared_tokens
        from bot.wecom.sender import WeComSender

        senders["wecom"] = WeComSender(WeComClient(
            settings.wecom_corp_id, settings.wecom_secret, settings.wecom_agent_id,
            settings.wecom_api_url, shared_tokens(settings.redis_url, core.session_factory)))
    if console is not None:
        senders["console"] = console
    return PlatformSenders(senders)


def _slack_tokens(core: App):
    """workspace id → bot token: the one token, or the workspace's installation (OAuth)."""
    settings = core.settings
    if not settings.slack_client_id:
        return lambda _workspace: settings.slack_bot_token
    from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore

    store = SQLAlchemyInstallationStore(client_id=settings.slack_client_id, engine=core.engine)

    def token_for(workspace: str) -> str | None:
        bot = (store.find_bot(enterprise_id=None, team_id=workspace)
               or store.find_bot(enterprise_id=workspace, team_id=None, is_enterprise_install=True))
        return bot.bot_token if bot else None
    return token_for


def inbox_runners(core: App) -> dict:
    """platform → how a worker runs that platform's requests left in the inbox."""
    settings = core.settings
    runners = {}
    if settings.slack_enabled:
        from bot.slack.app import inbox_runner

        runners["slack"] = inbox_runner(core)
    if settings.wecom_enabled:
        from bot.wecom.callback import build_wecom
        from bot.wecom.client import shared_tokens

        runners["wecom"] = build_wecom(core, shared_tokens(settings.redis_url, core.session_factory)).handle
    return runners


def build_worker(core: App, console=None, **options) -> Worker:
    lease = dt.timedelta(seconds=core.settings.delivery_lease_seconds)
    delivery = DeliveryWorker(core.session_factory, platform_senders(core, console), lease=lease)
    inbox = InboxWorker(core.session_factory, inbox_runners(core), lease=lease)
    return Worker(core.session_factory, delivery, core.defaults, inbox=inbox, **options)


def run_worker(core: App, console=None) -> None:
    """Run until SIGTERM or SIGINT (the Procfile's `worker`), at a lower CPU priority than web
    processes on the same host (`SALESBOT_WORKER_NICE`): acks are what must be quick."""
    if core.settings.worker_nice > 0:
        os.nice(core.settings.worker_nice)
    worker = build_worker(core, console)
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: worker.stopping.set())
    worker.start()
    worker.wait()
    worker.stop()
    log.info("worker stopped")
