"""Pacing a workspace's sends after the platform said "too many" (HTTP 429, WeCom 45009)."""
from __future__ import annotations

import collections
import logging
import time
from collections.abc import Callable

log = logging.getLogger(__name__)


class Pacer:
    """Spacing for one workspace's sends, learnt from its rate limits, as TCP learns a link's:

    - Until a limit, no pacing at all.
    - A limit after a real sample (at least MIN_SAMPLE sends accepted in the last second, or
      sending for a second or more) measures the platform's rate: the pace goes to 97% of it (85% when the
      last limit was only seconds ago: that estimate was high), and it is the ceiling for the next
      minute; every few seconds without a limit the pace rises 3%, up to 97% of the ceiling for
      that minute, freely after (the measurement may have caught this worker slow for reasons of
      its own).
    - A limit after only a few sends (the 3rd message of a fan-out, a platform's hiccup) measures
      nothing: the first such is taken as a hiccup (after the platform's Retry-After, sending goes
      on as before); another within BLIP_WINDOW starts the pace from what was sent and doubles it
      every half second (slow start) until the next limit measures the rate. So one early 429
      costs its Retry-After, not minutes.
    - A minute without sending forgets the pace. `learnt` is the rate an earlier run measured (the
      worker keeps it in the database): a restarted worker starts just under it and probes up.
    """

    WINDOW = 1.0
    PROBE_EVERY = 4.0
    DOUBLE_EVERY = 0.5
    MIN_SAMPLE = 5
    FORGET_AFTER = 60.0
    BLIP_WINDOW = 10.0

    def __init__(self, learnt: float | None = None, *, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep):
        self.clock, self.sleep = clock, sleep
        now = clock()
        self.rate = 0.97 * learnt if learnt else None  # sends per second; None: not limited
        self.ceiling: float | None = learnt  # the rate the last measured limit came at
        self.limited = -1e9  # when the last limit came
        self.blip = -1e9  # when the last limit that measured nothing came
        self.accepted: collections.deque[float] = collections.deque()
        self.changed = now
        self.last = now
        self.turn = now  # when the current send's turn came
        self.resumed: float | None = None  # first send after the last limit

    def wait(self) -> None:
        """Sleep until this send's turn: turns are 1/rate apart on a schedule, so time spent
        between sends (claiming the next batch) is made up, not lost."""
        now = self.clock()
        if self.rate and now - self.last > self.FORGET_AFTER:
            self.rate = self.ceiling = None  # quiet for a minute: the limit's window has long passed
        if self.rate:
            self._speed_up(now)
            self.turn = max(self.turn + 1 / self.rate, now - 1 / self.rate)
            if self.turn > now:
                self.sleep(self.turn - now)
        self.last = self.clock()

    def _speed_up(self, now: float) -> None:
        if self.ceiling is None:  # slow start
            if now - self.changed >= self.DOUBLE_EVERY:
                self.rate, self.changed = self.rate * 2, now
            return
        if now - self.changed > self.PROBE_EVERY:
            cap = 0.97 * self.ceiling if now - self.limited < 60 else float("inf")
            self.rate, self.changed = min(self.rate * 1.03, cap), now

    def record(self, sent: bool, limited: bool) -> None:
        now = self.clock()
        while self.accepted and self.accepted[0] < now - self.WINDOW:
            self.accepted.popleft()
        if sent:
            self.accepted.append(now)
            if self.resumed is None:
                self.resumed = now
            return
        if not limited:
            return
        # what was accepted in the last second: paced, per the time since sending resumed; a
        # burst (not paced yet) per whole second, as platforms count
        sample = [at for at in self.accepted if self.resumed is None or at >= self.resumed]
        elapsed = now - self.resumed if self.resumed is not None else 0.0
        if len(sample) >= self.MIN_SAMPLE or elapsed >= self.WINDOW:
            span = self.WINDOW if self.rate is None else max(min(self.WINDOW, elapsed), 0.2)
            measured = len(sample) / span
            self.ceiling = measured if self.rate is None else min(self.rate, measured)
            soon = now - self.limited < 10
            self.rate = max(1.0, (0.85 if soon else 0.97) * self.ceiling)
        elif self.rate is None and now - self.blip > self.BLIP_WINDOW:  # a hiccup, as far as we know
            self.blip = now
            self.resumed = None
            return
        else:  # too few sends to tell the rate: start from what went through, and probe
            self.ceiling = None
            self.rate = max(1.0, len(sample) / (self.WINDOW / 2), (self.rate or 0) / 2)
        self.resumed = None
        self.changed = self.limited = now
        log.info("rate limited: pacing at %.0f/s (%d accepted in the %.1f s before)", self.rate,
                 len(sample), elapsed)
