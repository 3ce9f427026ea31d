"""Work a Slack request asks for after its ack, through the inbox (`bot/handoff.py`).

In the web process a listener acks, then turns the request into an `Inbound` (who, what, where
the answer goes, Slack's id for it) and records that under Slack's id for the request
(`event_id` for events: a retried event adds nothing; `trigger_id` for commands and clicks): run
here at once when the process is idle, else by a worker, which needs no bolt for it
(`inbox_runner`). Rows an older version recorded as raw requests are dispatched again through
bolt, lazy-only (as bolt does on AWS Lambda), to the listener they name.

Not bolt's own lazy listeners in the web process: bolt deep-copies every request (its context, the
Web API client included) to hand it to a lazy listener, which cost more than all the rest of an ack.
"""
from __future__ import annotations

import logging
from collections.abc import Callable

from slack_bolt import BoltRequest

from bot.slack.clients import web_client
from bot.slack.sender import bot_tokens
from handlers.inbound import VERSION, Inbound

log = logging.getLogger(__name__)

InboundOf = Callable[..., Inbound]  # (body, context), by name: what the request asks for
First = Callable[..., bool]  # (ack, body, client) → whether there is work to hand on


def ack_only(ack, body, client) -> bool:
    ack()
    return True


def after_ack(listen, runner, name: str, inbound_of: InboundOf, first: First = ack_only) -> None:
    """Register a listener on a decorator (`bolt.command("/visit")` …): `first` acks, `inbound_of`
    says what to run. `name`, a fixed word, is the listener a raw row of an older version names."""
    if runner.handoff is None:  # the worker's bolt: only raw rows of an older version come here
        def lazy(body, client, context) -> None:
            _run(runner, client, inbound_of(body=body, context=context))
        lazy.__name__ = name
        listen(ack=lambda ack: ack(), lazy=[lazy])
        return

    def ack_and_hand_on(ack, body, request: BoltRequest) -> None:
        context = request.context
        if not first(ack, body, context.client):
            return
        inbound = inbound_of(body=body, context=context)
        runner.handoff.submit("slack", f"slack:{inbound.delivery}:{name}", inbound.payload(),
                              lambda: _run(runner, context.client, inbound))

    listen(ack_and_hand_on)


def _run(runner, client, inbound: Inbound) -> None:
    try:
        runner.run_inbound(client, inbound)
    except Exception:  # the inbox keeps the request: a worker runs it again after the hold
        log.exception("Slack work for %s failed", inbound.user)
        raise


def inbox_runner(core, runner, legacy: Callable[[], object]):
    """The worker's runner for Slack rows of the inbox: the recorded `Inbound`, with a Web API
    client for the person's workspace; a raw request of an older version through `legacy()`'s
    bolt, built on first need."""
    tokens = bot_tokens(core)
    bolt = None

    def run(payload: dict) -> None:
        nonlocal bolt
        if payload.get("v") != VERSION:
            bolt = bolt or legacy()
            _dispatch_raw(bolt, payload)
            return
        inbound = Inbound.of(payload)
        token = tokens(inbound.workspace)
        if not token:
            raise RuntimeError(f"salesbot is not installed in Slack workspace {inbound.workspace}")
        runner.run_inbound(web_client(core.settings.slack_api_url, token), inbound)
    return run


def _dispatch_raw(bolt, payload: dict) -> None:
    headers = {**payload["headers"], "x-slack-bolt-lazy-only": ["1"],
               "x-slack-bolt-lazy-function-name": [payload["function"]]}
    response = bolt.dispatch(BoltRequest(body=payload["body"], headers=headers, mode=payload["mode"]))
    if response.status >= 400:
        raise RuntimeError(f"bolt answered {response.status}: {response.body}")
