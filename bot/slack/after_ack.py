"""Work a Slack request asks for after its ack, through the inbox (`bot/handoff.py`).

In the web process a listener acks, then turns the request into an `Inbound` (who, what, where
the answer goes, Slack's id for it) and records that under Slack's id for the request
(`event_id` for events: a retried event adds nothing; `trigger_id` for commands and clicks): run
here at once when the process is idle, else by a worker, which needs no bolt for it
(`inbox_runner`). Rows of version 1 (raw requests, replayed through bolt) are no longer run:
the inbox purges rows within 7 days, so none outlives the release that stopped writing them.

Not bolt's own lazy listeners in the web process: bolt deep-copies every request (its context, the
Web API client included) to hand it to a lazy listener, which cost more than all the rest of an ack.
"""
from __future__ import annotations

import logging
from collections.abc import Callable

from slack_bolt import BoltRequest

from bot.slack.clients import web_client
from bot.slack.sender import PLATFORM_NAME, bot_tokens
from handlers.inbound import VERSION, Inbound

log = logging.getLogger(__name__)

InboundOf = Callable[..., Inbound]  # (body, context), by name: what the request asks for
First = Callable[..., bool]  # (ack, body, client) → whether there is work to hand on


def ack_only(ack, body, client) -> bool:
    ack()
    return True


def after_ack(listen, runner, name: str, inbound_of: InboundOf, first: First = ack_only) -> None:
    """Register a listener on a decorator (`bolt.command("/visit")` …): `first` acks, `inbound_of`
    says what to run. `name`, a fixed word, keeps the listeners' inbox keys apart.

    Work left for a worker that none takes is run here from its row (`later`, as a worker runs
    it): what waits for that keeps nothing of the request. Kept as the request's own work (bolt's
    context, its Web API client), the thousands of requests a busy process acks while a worker
    catches up stayed in memory until their rows were looked at again: the bench's web process
    (bench/slack_web.py) ended its 22,200 requests at 137 MB, not 102 MB."""
    later = inbox_runner(runner.core, runner)

    def ack_and_hand_on(ack, body, request: BoltRequest) -> None:
        context = request.context
        if not first(ack, body, context.client):
            return
        inbound = inbound_of(body=body, context=context)
        runner.handoff.submit("slack", f"slack:{inbound.delivery}:{name}", inbound.payload(),
                              lambda: _run(runner, context.client, inbound), later=later)

    listen(ack_and_hand_on)


def _run(runner, client, inbound: Inbound) -> None:
    try:
        runner.run_inbound(client, inbound)
    except Exception:  # the inbox keeps the request: a worker runs it again after the hold
        log.exception("Slack work for %s failed", inbound.user)
        raise


def inbox_runner(core, runner):
    """The worker's runner for Slack rows of the inbox: the recorded `Inbound`, with a Web API
    client for the person's workspace."""
    tokens = bot_tokens(core)

    def run(payload: dict) -> None:
        if payload.get("v") != VERSION:
            log.warning("Slack inbox row of version %s left unrun: only version %s rows are run",
                        payload.get("v", 1), VERSION)
            return
        inbound = Inbound.of(payload, PLATFORM_NAME)
        token = tokens(inbound.workspace)
        if not token:
            raise RuntimeError(f"salesbot is not installed in Slack workspace {inbound.workspace}")
        runner.run_inbound(web_client(core.settings.slack_api_url, token), inbound)
    return run

