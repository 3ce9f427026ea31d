"""The Procfile's `worker` (`salesbot worker`) as real processes on one PostgreSQL database,
posting to the loopback Slack fake: two at once, one killed with SIGKILL mid fan-out, restarts
inside and outside the grace, and Slack's rate limit. Messages are counted where they arrive."""
import collections
import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.engine import make_url

from databases import copy_database, drop_databases
from fakes.slack_api import FakeSlack
from fakes.slack_driver import SECRET
from handlers.rules.schedules import with_change
from storage.db import make_engine, make_session_factory
from storage.models.base import utcnow
from storage.models.team import Team, TeamMember
from storage.models.workspace import Identity, Member, Tenant
from support import ROOT, procfile_command, quiet

pytestmark = pytest.mark.slow  # real processes: run first (conftest.py)

ZONE = "Asia/Shanghai"


@pytest.fixture
def pg_factory(postgres_url):
    from sqlalchemy import text

    from storage.models.base import Base

    engine = make_engine(postgres_url)
    yield postgres_url, make_session_factory(engine)
    tables = ", ".join(t.name for t in Base.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture
def fake_slack():
    fake = FakeSlack()
    yield fake
    fake.close()


def seed(session_factory, reps: int, standup_ago: dt.timedelta, *, seconds: bool = False,
         users: str = "U", created: dt.datetime | None = None) -> None:
    """A Slack workspace with a team of `reps`, whose standup time was `standup_ago` ago (to the
    minute, as managers set it; or to the second, for tests of the moment a worker starts)."""
    local = (utcnow() - standup_ago).astimezone(ZoneInfo(ZONE))
    settings = with_change({}, "standup", time=dt.time(local.hour, local.minute), days="0123456")
    if seconds:
        settings["schedule"]["standup"]["time"] = local.strftime("%H:%M:%S")
    for kind in ("nudge", "summary", "followups", "reminders", "recognition", "daily", "digest"):
        settings = with_change(settings, kind, on=False)
    with session_factory.begin() as s:
        tenant = Tenant(platform="slack", external_id="T1", name="Acme")
        s.add(tenant)
        s.flush()
        team = Team(tenant_id=tenant.id, name="Sales", name_key="sales",
                    timezone=ZONE, holiday_calendar="", settings=settings,
                    created_at=created or utcnow() - dt.timedelta(days=1))
        s.add(team)
        for i in range(reps):
            member = Member(tenant_id=tenant.id, display_name=f"Rep {i:03}", name_key=f"rep {i:03}",
                            role="rep", locale="en", created_at=team.created_at)
            s.add(member)
            s.flush()
            s.add_all([Identity(tenant_id=tenant.id, member_id=member.id, platform="slack",
                                external_user_id=f"{users}{i:03}"),
                       TeamMember(team_id=team.id, member_id=member.id)])


def start_worker(url: str, fake: FakeSlack, log: Path, nice: int = 0, lease: int = 2) -> subprocess.Popen:
    """A `salesbot worker` as the Procfile starts it; at the CPU priority of the test (`nice` 0)
    unless a test is about its lowered one: at nice 19 on a machine busy with other work, a
    worker gets next to no CPU (by design: web processes go first), which no timeout allows for.
    Its claims on messages last `lease` seconds: short, so that a worker taking over a killed
    one's claims need not wait long."""
    env = {**os.environ, "DATABASE_URL": url, "SLACK_BOT_TOKEN": "xoxb-1",
           "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": fake.api_url,
           "SALESBOT_DELIVERY_LEASE": str(lease), "PYTHONUNBUFFERED": "1", "SALESBOT_WORKER_NICE": str(nice),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.Popen(procfile_command("worker"), cwd=ROOT, env=env, stdout=log.open("w"),
                            stderr=subprocess.STDOUT)


def prompts(fake: FakeSlack) -> collections.Counter:
    return collections.Counter(c.params["channel"] for c in fake.called("chat.postMessage")
                               if c.status == 200 and "Standup" in str(c.params.get("text", "")))


def stop(*workers: subprocess.Popen) -> None:
    for worker in workers:
        worker.send_signal(signal.SIGTERM)
    for worker in workers:
        worker.wait(timeout=60)


def test_two_workers_on_one_database_prompt_each_rep_once(pg_factory, fake_slack, tmp_path):
    url, session_factory = pg_factory
    seed(session_factory, reps=20, standup_ago=dt.timedelta(minutes=2))  # a restart inside grace
    # no worker dies here, so a claim need not run out soon: with the killed-worker test's 2 s, a
    # worker descheduled for 2 s between its post and marking it sent (a loaded machine) lets
    # the other take the message over and post it again, as it must when the first is dead
    workers = [start_worker(url, fake_slack, tmp_path / f"w{i}.log", lease=60) for i in range(2)]
    try:
        fake_slack.wait_for(lambda: len(prompts(fake_slack)) == 20)
        quiet(session_factory)  # every message sent: a duplicate would have arrived
    finally:
        stop(*workers)
    assert prompts(fake_slack) == {f"U{i:03}": 1 for i in range(20)}


def test_a_worker_killed_mid_fan_out_and_restarted_finishes_it(pg_factory, fake_slack, tmp_path):
    url, session_factory = pg_factory
    seed(session_factory, reps=30, standup_ago=dt.timedelta(minutes=1))
    fake_slack.delay["chat.postMessage"] = 0.1
    first = start_worker(url, fake_slack, tmp_path / "first.log")
    fake_slack.wait_for(lambda: len(prompts(fake_slack)) >= 5)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=60)
    assert len(prompts(fake_slack)) < 30  # it really was killed in the middle
    second = start_worker(url, fake_slack, tmp_path / "second.log")
    try:
        fake_slack.wait_for(lambda: len(prompts(fake_slack)) == 30)
        quiet(session_factory)
    finally:
        stop(second)
    counts = prompts(fake_slack)
    assert set(counts) == {f"U{i:03}" for i in range(30)}
    assert sum(counts.values()) - 30 <= 1  # at most the one message in flight at the kill


def test_a_standup_missed_by_hours_is_skipped_and_logged(pg_factory, fake_slack, tmp_path):
    url, session_factory = pg_factory
    seed(session_factory, reps=3, standup_ago=dt.timedelta(hours=3))
    log = tmp_path / "worker.log"
    worker = start_worker(url, fake_slack, log)
    try:
        deadline = time.monotonic() + 120  # bounds a failure only: a loaded machine starts it slowly
        while "skipped standup of team Sales" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(1)
    finally:
        stop(worker)
    assert "skipped standup of team Sales" in log.read_text()
    assert "past its grace of 0:30:00" in log.read_text()
    assert prompts(fake_slack) == {}


def test_every_message_arrives_under_the_rate_limit_never_before_retry_after(
        pg_factory, fake_slack, tmp_path):
    url, session_factory = pg_factory
    seed(session_factory, reps=12, standup_ago=dt.timedelta(minutes=1))
    fake_slack.per_second = 4
    worker = start_worker(url, fake_slack, tmp_path / "worker.log")
    try:
        fake_slack.wait_for(lambda: len(prompts(fake_slack)) == 12)
    finally:
        stop(worker)
    calls = fake_slack.called("chat.postMessage")
    limited = [c for c in calls if c.status == 429]
    assert limited, "the fake never rate-limited: the test proves nothing"
    for call in limited:
        again = [c for c in calls if c.at > call.at and c.params["channel"] == call.params["channel"]]
        assert again and again[0].at - call.at >= 1.0 - 0.01  # Retry-After: 1
    assert prompts(fake_slack) == {f"U{i:03}": 1 for i in range(12)}


OFFSETS = (-6, -2, -1, 0, 2)  # seconds from the standup's time at which a worker starts


# The scheduler's start is what is tested, not the database: on PostgreSQL, as a team runs it
# (the SQLite run doubled the suite's longest test for nothing the other does not show).
def test_a_worker_started_around_a_jobs_time_under_load_runs_it_once(postgres_template, fake_slack,
                                                                    tmp_path):
    """Each offset is a worker of its own database (a copy of the run's migrated template), started
    that many seconds from the standup's time while another process keeps a core busy (the
    workers' lowered priority makes their start slow; nice 5, not the Procfile's 19, which on a
    machine already busy gets them no CPU at all): every one of them runs the standup once."""
    urls = copy_database(postgres_template, *(f"{make_url(postgres_template).database}_offset{i}"
                                              for i in range(len(OFFSETS))))
    at = utcnow().replace(microsecond=0) + dt.timedelta(seconds=9)
    for n, url in enumerate(urls):
        engine = make_engine(url)
        seed(make_session_factory(engine), reps=3, standup_ago=utcnow() - at, seconds=True,
             users=f"D{n}U", created=utcnow())
        engine.dispose()
    load = [subprocess.Popen([sys.executable, "-c", "while True: pass"])]  # one core kept busy
    workers = []
    try:
        for n, offset in sorted(enumerate(OFFSETS), key=lambda item: item[1]):
            time.sleep(max(0.0, (at + dt.timedelta(seconds=offset) - utcnow()).total_seconds()))
            workers.append(start_worker(urls[n], fake_slack, tmp_path / f"w{n}.log", nice=5))
        expected = {f"D{n}U{i:03}": 1 for n in range(len(OFFSETS)) for i in range(3)}
        fake_slack.wait_for(lambda: len(prompts(fake_slack)) == len(expected), timeout=240)
        time.sleep(1)
    finally:
        for process in load:
            process.kill()
        stop(*workers)
        drop_databases(urls)
    logs = "".join((tmp_path / f"w{n}.log").read_text() for n in range(len(OFFSETS)))
    assert prompts(fake_slack) == expected, logs
    assert "skipped" not in logs
