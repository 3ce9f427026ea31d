"""The delivery loop: claim due outbox rows, hand each to the platform sender the worker was given,
and record the outcome. Rate limits wait exactly as long as the platform asks (Retry-After, WeCom's
frequency errors); other failures back off, doubling, and end in a visible `failed` state.

Only the sender touches a platform: it is built in `bot/` and passed in.
"""
from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import logging
import time
from collections.abc import Callable
from typing import Protocol

from sqlalchemy.orm import Session, sessionmaker

from handlers.reply import Bar, Button, Chart, Reply, Table
from storage.models import utcnow
from storage.outbox import OutboxRepository

log = logging.getLogger(__name__)
RATE_LIMITED = "rate limited"


class RateLimited(Exception):
    """The platform said: not now, try again in `retry_after` seconds."""

    def __init__(self, retry_after: float, detail: str = ""):
        super().__init__(detail or f"rate limited for {retry_after} s")
        self.retry_after = retry_after


class Undeliverable(Exception):
    """No later try can succeed (a channel that does not exist, a user who left)."""


class Sender(Protocol):
    def send(self, platform: str, workspace: str, target: str, reply: Reply) -> None: ...


def to_payload(reply: Reply) -> dict:
    """A Reply as JSON-ready data, for the outbox (a shallow walk: `asdict` deep-copies, and a
    fan-out makes thousands of these)."""
    return _plain(reply)


def _plain(value):
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [_plain(item) for item in value]
    return value


def from_payload(data: dict) -> Reply:
    fields = dict(data)
    fields["lines"] = tuple(fields.get("lines", ()))
    fields["fields"] = tuple(tuple(pair) for pair in fields.get("fields", ()))
    fields["bars"] = tuple(Bar(**bar) for bar in fields.get("bars", ()))
    fields["buttons"] = tuple(Button(**button) for button in fields.get("buttons", ()))
    if fields.get("table"):
        table = fields["table"]
        fields["table"] = Table(tuple(table["headers"]), tuple(tuple(r) for r in table["rows"]))
    if fields.get("chart"):
        fields["chart"] = Chart(**{k: tuple(v) if isinstance(v, list) else v
                                   for k, v in fields["chart"].items()})
    if fields.get("announcement"):
        fields["announcement"] = from_payload(fields["announcement"])
    return Reply(**fields)


@dataclasses.dataclass
class DeliveryWorker:
    """Sends due deliveries one at a time, each marked sent as soon as the platform took it: a
    worker killed mid fan-out repeats at most the one message it had in flight.

    A rate limit pauses the whole workspace until the time the platform gave, so the rest of a
    fan-out waits instead of hitting the limit again message by message; after that the
    workspace is paced a little under the rate it was sending at when it was limited (Retry-After
    is in whole seconds: pausing and bursting again would waste most of each second).
    """

    session_factory: sessionmaker[Session]
    sender: Sender
    max_attempts: int = 5
    lease: dt.timedelta = dt.timedelta(seconds=60)
    clock: Callable[[], dt.datetime] = utcnow
    paused: dict[tuple[str, str], dt.datetime] = dataclasses.field(default_factory=dict)
    pacers: dict[tuple[str, str], Pacer] = dataclasses.field(default_factory=dict)

    def run_once(self, limit: int = 20) -> int:
        """Send what is due now; returns how many deliveries were attempted."""
        now = self.clock()
        self.paused = {space: until for space, until in self.paused.items() if until > now}
        with self.session_factory.begin() as session:
            claimed = [(d.id, d.key, (d.platform, d.workspace, d.target), d.payload, d.attempts)
                       for d in OutboxRepository(session).claim(now, limit, self.lease,
                                                                skip=dict(self.paused))]
        for delivery_id, key, where, payload, attempts in claimed:
            space = where[:2]
            pacer = self.pacers.setdefault(space, Pacer())
            if space in self.paused:  # limited by an earlier message of this batch
                status, when, error = "retry", self.paused[space], f"{RATE_LIMITED}: waiting"
            else:
                pacer.wait()
                status, when, error = self._attempt(where, payload, attempts)
                pacer.record(status == "sent", error.startswith(RATE_LIMITED))
            with self.session_factory.begin() as session:
                outbox = OutboxRepository(session)
                if status == "sent":
                    outbox.mark_sent(delivery_id, self.clock())
                elif status == "retry":
                    outbox.retry_at(delivery_id, when, error)
                    if error.startswith(RATE_LIMITED):
                        self.paused[space] = max(when, self.paused.get(space, when))
                else:
                    log.warning("delivery %s failed for good: %s", key, error)
                    outbox.mark_failed(delivery_id, error)
        return len(claimed)

    def _attempt(self, where: tuple[str, str, str], payload: dict,
                 attempts: int) -> tuple[str, dt.datetime | None, str]:
        """("sent", None, ""), ("retry", when, why) or ("failed", None, why)."""
        try:
            self.sender.send(*where, from_payload(payload))
            return "sent", None, ""
        except RateLimited as limited:
            return ("retry", self.clock() + dt.timedelta(seconds=limited.retry_after),
                    f"{RATE_LIMITED}: {limited}")
        except Undeliverable as error:
            return "failed", None, str(error) or error.__class__.__name__
        except Exception as error:  # any other failure may pass: back off, within bounds
            why = f"{error.__class__.__name__}: {error}"
            if attempts >= self.max_attempts:
                return "failed", None, why
            return "retry", self.clock() + dt.timedelta(seconds=min(300, 2 ** attempts)), why


class Pacer:
    """Spacing for one workspace's sends, learnt from its rate limits (additive-increase,
    multiplicative-decrease, as TCP does): a limit sets the pace to 97% of what was accepted in
    the second before it (or of the pace it came at, if lower; 85% when the last limit was only
    seconds ago, as that estimate was too high); every few seconds without one, it
    speeds up by 3%: up to that 97% for the next minute, freely after that (the pace may have been
    set while this worker was slow for reasons of its own). With several workers, each learns its
    own share.
    """

    WINDOW = 1.0
    PROBE_EVERY = 4.0

    def __init__(self):
        self.rate: float | None = None  # sends per second; None: not limited yet
        self.ceiling = 0.0  # the rate the last limit came at
        self.limited = 0.0  # when
        self.accepted: collections.deque[float] = collections.deque()
        self.changed = 0.0
        self.last = 0.0
        self.turn = 0.0  # when the current send's turn came
        self.resumed: float | None = None  # first send after the last limit

    def wait(self) -> None:
        """Sleep until this send's turn: turns are 1/rate apart on a schedule, so time spent
        between sends (claiming the next batch) is made up, not lost."""
        now = time.monotonic()
        if self.rate and now - self.last > 60:
            self.rate = None  # quiet for a minute: the limit's window has long passed
        if self.rate and now - self.changed > self.PROBE_EVERY:
            cap = 0.97 * self.ceiling if now - self.limited < 60 else float("inf")
            self.rate, self.changed = min(self.rate * 1.03, cap), now
        if self.rate:
            self.turn = max(self.turn + 1 / self.rate, now - 1 / self.rate)
            if self.turn > now:
                time.sleep(self.turn - now)
        self.last = time.monotonic()

    def record(self, sent: bool, limited: bool) -> None:
        now = time.monotonic()
        while self.accepted and self.accepted[0] < now - self.WINDOW:
            self.accepted.popleft()
        if sent:
            self.accepted.append(now)
            if self.resumed is None and self.rate is not None:
                self.resumed = now
        elif limited:
            # what was accepted per second lately; after a pause, only the time since it counts
            span = min(self.WINDOW, now - self.resumed) if self.resumed else self.WINDOW
            recent = len(self.accepted) / max(span, 0.2)
            self.resumed = None
            self.ceiling = recent if self.rate is None else min(self.rate, recent)
            # limited again soon after: the estimate was high (a second spanning two windows)
            cut = 0.85 if self.rate is not None and now - self.limited < 10 else 0.97
            self.rate = max(1.0, cut * self.ceiling)
            self.changed = self.limited = now
            log.info("rate limited: pacing at %.0f/s (%.0f accepted in the last second)", self.rate,
                     recent)
