"""The pacer under a controlled clock, against a platform that takes a fixed number of messages a
second (a fixed window, as the fakes and Slack's per-channel limit behave)."""
import datetime as dt

from storage.outbox import OutboxRepository
from support import NOW
from worker.delivery import DeliveryWorker
from worker.pacing import Pacer


class Platform:
    """Takes `per_second` sends in each whole second of the fake clock; `refuse` lists send
    numbers (1-based) answered 429 whatever the rate."""

    def __init__(self, per_second: int, refuse: tuple[int, ...] = ()):
        self.per_second, self.refuse = per_second, set(refuse)
        self.window, self.count, self.sends = -1, 0, 0

    def send(self, now: float) -> bool:
        self.sends += 1
        second = int(now)
        if second != self.window:
            self.window, self.count = second, 0
        if self.sends in self.refuse or self.count >= self.per_second:
            return False
        self.count += 1
        return True


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def fan_out(pacer: Pacer, clock: Clock, platform: Platform, messages: int, cost: float = 0.002) -> float:
    """Send `messages` as the delivery loop does (a limit pauses until the next whole second,
    as Retry-After: 1 does); returns how long it took on the fake clock."""
    started, left = clock.now, messages
    while left:
        pacer.wait()
        clock.now += cost  # the HTTP call itself
        if platform.send(clock.now):
            pacer.record(True, False)
            left -= 1
        else:
            pacer.record(False, True)
            clock.now = int(clock.now) + 1.0
    return clock.now - started


def test_without_limits_nothing_is_paced():
    clock = Clock()
    pacer = Pacer(clock=clock, sleep=clock.sleep)
    assert fan_out(pacer, clock, Platform(1000), 200) < 0.5 and pacer.rate is None


def test_one_early_429_costs_seconds_not_minutes():
    clock = Clock()
    pacer = Pacer(clock=clock, sleep=clock.sleep)
    clean = fan_out(Pacer(clock=clock, sleep=clock.sleep), clock, Platform(60), 200)
    early = fan_out(pacer, clock, Platform(60, refuse=(3,)), 200)
    assert early < clean + 3, (early, clean)


def test_a_real_limit_settles_just_under_the_platforms_rate():
    clock = Clock()
    pacer = Pacer(clock=clock, sleep=clock.sleep)
    platform = Platform(50)
    took = fan_out(pacer, clock, platform, 1000)
    assert 40 <= pacer.rate <= 52
    assert took < 1000 / 50 * 1.15  # within 15% of the best the platform allows
    assert platform.sends - 1000 < 15  # few sends wasted on 429s


def test_the_pace_is_forgotten_after_a_quiet_minute():
    clock = Clock()
    pacer = Pacer(clock=clock, sleep=clock.sleep)
    fan_out(pacer, clock, Platform(20), 100)
    assert pacer.rate
    clock.now += 61
    pacer.wait()
    assert pacer.rate is None


def test_remembered_rates_expire_after_an_hour(session_factory):
    with session_factory.begin() as s:
        OutboxRepository(s).remember_rate("slack", "T1", 42.5, NOW)
        OutboxRepository(s).remember_rate("slack", "T1", 40.0, NOW)  # a later limit replaces it
    with session_factory() as s:
        repo = OutboxRepository(s)
        assert repo.learnt_rate("slack", "T1", NOW + dt.timedelta(minutes=59)) == 40.0
        assert repo.learnt_rate("slack", "T1", NOW + dt.timedelta(minutes=61)) is None
        assert repo.learnt_rate("slack", "T2", NOW) is None
    worker = DeliveryWorker(session_factory, sender=None, clock=lambda: NOW)
    assert worker._pacer(("slack", "T1")).rate == 0.97 * 40.0  # just under it, probing up
