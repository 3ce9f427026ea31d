"""Work a Slack request asks for after its ack, through the inbox (`bot/handoff.py`).

In the web process a listener acks, then records the request under Slack's id for it (`event_id`
for events: a retried event adds nothing; `trigger_id` for commands and clicks): run here at once
when the process is idle, else by a worker. In the worker the same work is the bolt lazy listener
a recorded request is dispatched to again, with bolt's lazy-only headers (as bolt does on AWS
Lambda), so it runs as the same user, with the same checks.

Not bolt's own lazy listeners in the web process: bolt deep-copies every request (its context, the
Web API client included) to hand it to a lazy listener, which cost more than all the rest of an ack.
"""
from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from slack_bolt import BoltRequest

from bot.handoff import Handoff
from bot.slack.clients import responder

log = logging.getLogger(__name__)

#: What bolt reads of a request's headers when it dispatches it again (the signature is not kept:
#: the web process verified it, and the worker's app takes only recorded requests).
KEPT_HEADERS = ("content-type", "x-slack-retry-num", "x-slack-retry-reason")
Work = Callable[..., None]  # (body, client, context, respond), passed by name; respond retries 429s
First = Callable[..., bool]  # (ack, body, client) → whether there is work to hand on


def ack_only(ack, body, client) -> bool:
    ack()
    return True


def after_ack(listen, handoff: Handoff | None, name: str, work: Work, first: First = ack_only) -> None:
    """Register `work` on a listener decorator (`bolt.command("/visit")` …): `first` acks. A
    request left in the inbox names the work by `name`, a fixed word, not a Python function's
    name: renaming code never strands a queued request."""
    if handoff is None:  # the worker: only recorded requests come here, lazy-only
        def lazy(body, client, context) -> None:
            _run(work, body, client, context)
        lazy.__name__ = name  # what the recorded request names
        listen(ack=lambda ack: ack(), lazy=[lazy])
        return

    def ack_and_hand_on(ack, body, request: BoltRequest) -> None:
        context = request.context
        if not first(ack, body, context.client):
            return
        key = f"slack:{body.get('event_id') or body.get('trigger_id') or uuid.uuid4().hex}:{name}"
        payload = {"mode": request.mode, "function": name,
                   "body": request.raw_body if request.mode == "http" else body,
                   "headers": {header: list(request.headers[header])
                               for header in KEPT_HEADERS if header in request.headers}}
        handoff.submit("slack", key, payload, lambda: _run(work, body, context.client, context))

    listen(ack_and_hand_on)


def _run(work: Work, body, client, context) -> None:
    try:
        work(body=body, client=client, context=context, respond=responder(context.response_url))
    except Exception:  # logged like bolt's lazy listeners; the next request is unaffected
        log.exception("Slack work %s failed", getattr(work, "__name__", work))


def inbox_runner(bolt):
    """The worker's runner for Slack rows of the inbox: `bolt` (built without a handoff)
    dispatches the recorded request again, lazy-only, to the work it names."""
    def run(payload: dict) -> None:
        headers = {**payload["headers"], "x-slack-bolt-lazy-only": ["1"],
                   "x-slack-bolt-lazy-function-name": [payload["function"]]}
        response = bolt.dispatch(BoltRequest(body=payload["body"], headers=headers,
                                             mode=payload["mode"]))
        if response.status >= 400:
            raise RuntimeError(f"bolt answered {response.status}: {response.body}")
    return run
