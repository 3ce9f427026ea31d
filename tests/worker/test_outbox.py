"""The delivery outbox: each message once, across retries, workers and rate limits."""
import datetime as dt
import json
import re
import threading
from decimal import Decimal

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from bot.cli import main
from handlers.grammar.amounts import Money
from handlers.grammar.commands import DealRef, UpsertDeal
from handlers.text.reply import Bar, Button, Reply, Table
from handlers.text.reply_json import from_payload, to_payload
from storage.models.messaging import Delivery
from storage.models.workspace import Tenant
from storage.outbox import OutboxRepository
from support import NOW, count
from worker.delivery import DeliveryWorker, RateLimited, Undeliverable


class RecordingSender:
    """A platform sender as the worker sees it: records what it sends, fails when told to."""

    def __init__(self, failures=()):
        self.sent: list[tuple[str, str, str]] = []
        self.failures = list(failures)
        self.lock = threading.Lock()

    def send(self, to, reply):
        platform, target = to.platform, to.target
        with self.lock:
            if self.failures:
                raise self.failures.pop(0)
            self.sent.append((platform, target, reply.title))


class Clock:
    def __init__(self, now=NOW):
        self.now = now

    def __call__(self):
        return self.now


def enqueue(session_factory, *keys, now=NOW):
    with session_factory.begin() as s:
        tenant = s.scalar(select(Tenant)) or Tenant(platform="console", external_id="t")
        s.add(tenant)
        s.flush()
        outbox = OutboxRepository(s)
        return [outbox.enqueue(key=key, tenant_id=tenant.id, platform="slack", workspace="T1",
                               target="channel:C1", payload=to_payload(Reply(title=key)), now=now)
                for key in keys]


def statuses(session_factory):
    with session_factory() as s:
        return {d.key: d.status for d in s.scalars(select(Delivery))}


def test_the_same_key_twice_is_one_message(session_factory):
    assert enqueue(session_factory, "standup:1:2:2026-11-23", "standup:1:2:2026-11-23") == [True, False]
    assert count(session_factory, Delivery) == 1


def test_a_pending_message_is_sent_once(session_factory):
    enqueue(session_factory, "a", "b")
    sender = RecordingSender()
    worker = DeliveryWorker(session_factory, sender, clock=Clock())
    assert worker.run_once() == 2 and worker.run_once() == 0
    assert sender.sent == [("slack", "channel:C1", "a"), ("slack", "channel:C1", "b")]
    assert statuses(session_factory) == {"a": "sent", "b": "sent"}


def test_a_rate_limit_waits_exactly_as_long_as_asked(session_factory):
    enqueue(session_factory, "a")
    clock, sender = Clock(), RecordingSender([RateLimited(30)])
    worker = DeliveryWorker(session_factory, sender, clock=clock)
    worker.run_once()
    clock.now = NOW + dt.timedelta(seconds=29)
    assert worker.run_once() == 0 and sender.sent == []
    clock.now = NOW + dt.timedelta(seconds=30)
    assert worker.run_once() == 1 and sender.sent == [("slack", "channel:C1", "a")]


def test_an_answer_held_by_a_process_whose_platform_just_failed_is_left_for_a_worker(session_factory):
    """The web process sends the answers it queued itself (held from the worker for 30 s); when
    its platform failed a moment before, it leaves the answer due when that pause ends, so a
    worker sends it then, not once the 30 s hold is over."""
    with session_factory.begin() as s:
        tenant = Tenant(platform="console", external_id="t")
        s.add(tenant)
        s.flush()
        OutboxRepository(s).enqueue_many(
            [{"key": key, "tenant_id": tenant.id, "platform": "slack", "workspace": "T1",
              "target": "channel:C1", "payload": to_payload(Reply(title=key))} for key in ("a", "b")],
            NOW, due=NOW + dt.timedelta(seconds=30))
    clock = Clock()
    web = DeliveryWorker(session_factory, RecordingSender([ConnectionError("down")]), clock=clock)
    web.send_now(["a"])  # fails: the workspace is paused for the web process's `probe`
    assert web.send_now(["b"]) == 1 and web.sender.sent == []  # not tried during the pause
    sender = RecordingSender()
    worker = DeliveryWorker(session_factory, sender, clock=clock)
    clock.now = NOW + web.probe
    worker.run_once()
    assert ("slack", "channel:C1", "b") in sender.sent
    assert statuses(session_factory)["b"] == "sent"


def test_failures_back_off_then_end_failed_and_can_be_retried(session_factory, db_url, monkeypatch):
    enqueue(session_factory, "a")
    clock = Clock()
    worker = DeliveryWorker(session_factory, RecordingSender([ConnectionError("down")] * 3),
                            max_attempts=3, clock=clock)
    for _ in range(3):
        worker.run_once()
        clock.now += dt.timedelta(minutes=10)
    assert statuses(session_factory) == {"a": "failed"}
    monkeypatch.setenv("DATABASE_URL", db_url)
    listing = CliRunner().invoke(main, ["deliveries"]).output
    assert "failed   a  → slack:channel:C1  tries 3" in listing and "ConnectionError: down" in listing
    assert "1 failed delivery queued again." in CliRunner().invoke(main, ["deliveries", "retry"]).output
    worker.sender = RecordingSender()
    clock.now = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=1)  # the CLI used the real now
    worker.run_once()
    assert statuses(session_factory) == {"a": "sent"}


def test_deliveries_lists_a_platforms_error_page_on_one_line(session_factory, db_url, monkeypatch):
    enqueue(session_factory, "a")
    page = "500 Internal Server Error\n<html>\n  <body>\r\n<h1>Server\tError</h1>\n</body>\n</html>\n"
    DeliveryWorker(session_factory, RecordingSender([RuntimeError(page)]), clock=Clock()).run_once()
    monkeypatch.setenv("DATABASE_URL", db_url)
    [line] = CliRunner().invoke(main, ["deliveries"]).output.splitlines()
    assert line.startswith("pending  a  → slack:channel:C1  tries 1")
    assert line.endswith("(RuntimeError: 500 Internal Server Error <html> <body> <h1>Server Error</h1> "
                         "</body> </html>)")


def test_an_undeliverable_message_fails_at_once(session_factory):
    enqueue(session_factory, "a")
    DeliveryWorker(session_factory, RecordingSender([Undeliverable("channel_not_found")]),
                   clock=Clock()).run_once()
    with session_factory() as s:
        delivery = s.scalar(select(Delivery))
    assert (delivery.status, delivery.attempts, delivery.last_error) == ("failed", 1, "channel_not_found")


def test_two_workers_at_once_send_each_message_once(session_factory):
    keys = [f"k{i}" for i in range(60)]
    enqueue(session_factory, *keys)
    sender = RecordingSender()
    workers = [DeliveryWorker(session_factory, sender, clock=Clock()) for _ in range(2)]
    threads = [threading.Thread(target=lambda w=w: [w.run_once(limit=7) for _ in range(10)])
               for w in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(title for _, _, title in sender.sent) == sorted(keys)


def test_a_claim_whose_worker_died_is_taken_over_after_its_lease(session_factory):
    enqueue(session_factory, "a")
    with session_factory.begin() as s:  # a worker claimed it, then was killed before sending
        OutboxRepository(s).claim(NOW, 10, dt.timedelta(seconds=60))
    clock, sender = Clock(NOW + dt.timedelta(seconds=30)), RecordingSender()
    worker = DeliveryWorker(session_factory, sender, clock=clock)
    assert worker.run_once() == 0
    clock.now = NOW + dt.timedelta(seconds=61)
    assert worker.run_once() == 1 and statuses(session_factory) == {"a": "sent"}


class Killed(BaseException):
    """The process ended mid-send (SIGKILL): nothing after it runs."""


class DyingSender(RecordingSender):
    def __init__(self, after: int):
        super().__init__()
        self.after = after

    def send(self, to, reply):
        if len(self.sent) == self.after:
            raise Killed()
        super().send(to, reply)


def test_the_claims_of_a_worker_killed_mid_batch_are_free_again_within_seconds(session_factory):
    keys = [f"k{i:02}" for i in range(20)]
    enqueue(session_factory, *keys)
    clock = Clock()
    dead = DeliveryWorker(session_factory, DyingSender(after=5), clock=clock)
    with pytest.raises(Killed):
        dead.run_once()
    assert dead.lease <= dt.timedelta(seconds=10)
    other = DeliveryWorker(session_factory, RecordingSender(), clock=clock)
    clock.now = NOW + dead.lease - dt.timedelta(milliseconds=1)
    assert other.run_once() == 0  # still the dead worker's, for a few seconds
    clock.now = NOW + dead.lease + dt.timedelta(milliseconds=1)
    other.run_once()
    assert sorted(t for _, _, t in dead.sender.sent + other.sender.sent) == keys  # each once
    assert set(statuses(session_factory).values()) == {"sent"}


class SlowSender(RecordingSender):
    """Each message takes a second of the clock; midway, another worker looks for work."""

    def __init__(self, clock, other=None):
        super().__init__()
        self.clock, self.other, self.other_got = clock, other, []

    def send(self, to, reply):
        self.clock.now += dt.timedelta(seconds=1)
        if self.other is not None:
            self.other_got.append(self.other.run_once())
        super().send(to, reply)


def test_a_batch_that_takes_longer_than_the_lease_keeps_its_claims_renewed(session_factory):
    keys = [f"k{i:02}" for i in range(20)]
    enqueue(session_factory, *keys)
    clock = Clock()
    other = DeliveryWorker(session_factory, RecordingSender(), clock=clock)
    slow = DeliveryWorker(session_factory, SlowSender(clock, other), clock=clock)
    assert slow.run_once() == 20 and clock.now - NOW > 3 * slow.lease
    assert other.sender.sent == [] and set(slow.sender.other_got) == {0}  # never taken over
    assert sorted(t for _, _, t in slow.sender.sent) == keys


class Outage(RecordingSender):
    """One workspace's platform refuses connections while `down`; the others answer."""

    def __init__(self, down_workspace):
        super().__init__()
        self.down_workspace, self.down, self.tries = down_workspace, True, []

    def send(self, to, reply):
        workspace = to.workspace
        self.tries.append(workspace)
        if workspace == self.down_workspace and self.down:
            raise ConnectionError("connection refused")
        super().send(to, reply)


def enqueue_to(session_factory, workspace, keys):
    with session_factory.begin() as s:
        tenant = s.scalar(select(Tenant)) or Tenant(platform="console", external_id="t")
        s.add(tenant)
        s.flush()
        OutboxRepository(s).enqueue_many(
            [{"key": key, "tenant_id": tenant.id, "platform": "slack", "workspace": workspace,
              "target": "channel:C1", "payload": to_payload(Reply(title=key))} for key in keys], NOW)


def test_a_failing_platform_costs_one_try_and_the_sender_goes_on_with_the_others(session_factory):
    enqueue_to(session_factory, "T1", [f"down{i:02}" for i in range(10)])
    enqueue_to(session_factory, "T2", [f"up{i:02}" for i in range(10)])
    sender = Outage("T1")
    worker = DeliveryWorker(session_factory, sender, clock=Clock())
    worker.run_once()
    assert sender.tries.count("T1") == 1  # one try tells that T1 is down
    assert sorted(t for _, _, t in sender.sent) == [f"up{i:02}" for i in range(10)]
    with session_factory() as s:  # the untried ones are not counted as tried
        assert sorted(s.scalars(select(Delivery.attempts).where(Delivery.workspace == "T1"))) == [0] * 9 + [1]


def test_after_a_two_minute_outage_everything_goes_within_seconds_of_recovery(session_factory):
    keys = [f"k{i:03}" for i in range(150)]
    enqueue_to(session_factory, "T1", keys)
    clock, sender = Clock(), Outage("T1")
    worker = DeliveryWorker(session_factory, sender, clock=clock)
    while clock.now < NOW + dt.timedelta(minutes=2):  # the loop polls every half second
        worker.run_once()
        clock.now += dt.timedelta(milliseconds=500)
    assert sender.sent == [] and len(sender.tries) <= 2 * 60 / worker.probe.total_seconds() + 1
    sender.down = False
    recovered = clock.now
    while len(sender.sent) < len(keys) and clock.now < recovered + dt.timedelta(minutes=5):
        if not worker.run_once():
            clock.now += dt.timedelta(milliseconds=500)
    assert clock.now - recovered <= dt.timedelta(seconds=10)
    assert sorted(t for _, _, t in sender.sent) == keys  # each once
    assert set(statuses(session_factory).values()) == {"sent"}


def test_a_reply_survives_the_outbox_whole():
    reply = Reply(title="站会", lines=("a", "b"), fields=(("k", "v"),), bars=(Bar("业绩", 0.5, "d", 0.6),),
                  table=Table(("h1", "h2"), (("1", "2"),)), locale="zh", for_channel=True,
                  buttons=(Button("完成", "完成 3", "primary"),
                           Button("Big 5 Ltd", "deal Big 5 Ltd", action=UpsertDeal(
                               DealRef(words=("Big 5 Ltd",)), amount=Money(Decimal(5))))),
                  notes=("1 USD = 7.1 CNY",))
    assert from_payload(json.loads(json.dumps(to_payload(reply)))) == reply


def test_a_platform_outage_is_retried_for_hours_and_listed_with_the_next_try(session_factory, db_url,
                                                                            monkeypatch):
    enqueue(session_factory, "a")
    clock = Clock()
    worker = DeliveryWorker(session_factory, RecordingSender([ConnectionError("down")] * 9), clock=clock)
    tries = 0
    while statuses(session_factory) == {"a": "pending"} and clock.now < NOW + dt.timedelta(hours=6):
        tries += worker.run_once()
        with session_factory() as s:
            clock.now = max(clock.now, s.scalar(select(Delivery.next_attempt_at)))
    assert statuses(session_factory) == {"a": "sent"} and tries == 10
    assert clock.now - NOW > dt.timedelta(minutes=40)  # nine failures spanned more than half an hour
    enqueue(session_factory, "b", now=dt.datetime.now(dt.timezone.utc))
    worker.sender = RecordingSender([ConnectionError("down")])
    clock.now = dt.datetime.now(dt.timezone.utc) + dt.timedelta(seconds=1)
    worker.run_once()
    monkeypatch.setenv("DATABASE_URL", db_url)
    listing = CliRunner().invoke(main, ["deliveries"]).output
    assert "pending  b  → slack:channel:C1  tries 1  next try" in listing
    assert re.search(r"\(in 0 min [3-5] s\)", listing)  # 5 s after the first failure


def test_a_rate_learnt_from_a_limit_is_where_a_restarted_worker_starts(session_factory):
    enqueue(session_factory, *[f"k{i:02}" for i in range(12)])
    clock = Clock()
    first = DeliveryWorker(session_factory, RecordingSender(), clock=clock)
    first.run_once(limit=6)
    first.sender.failures = [RateLimited(1)]
    first.run_once(limit=6)
    learnt = first.pacers[("slack", "T1")].ceiling
    assert learnt is not None
    clock.now += dt.timedelta(seconds=2)  # past the Retry-After
    restarted = DeliveryWorker(session_factory, RecordingSender(), clock=clock)
    restarted.run_once()
    assert restarted.pacers[("slack", "T1")].rate == pytest.approx(0.97 * learnt, abs=0.01)
