"""Pacing a workspace's sends after the platform said "too many" (HTTP 429, WeCom 45009)."""
from __future__ import annotations

import collections
import logging
import time

log = logging.getLogger(__name__)


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
