"""Standup fan-out: 10,000 reps in 200 teams, prompted by `salesbot worker` processes through the
loopback Slack fake, which accepts a fixed number of chat.postMessage calls per clock second and
answers the rest 429 + Retry-After.

Floor: the time that limit alone sets (messages / limit). The workers are started first, as they
run in production; the wall time counts from the standup's time (the next whole minute at least
30 s away) to the last message accepted. Goals: wall time ≤ 1.1× the floor, 0
lost, 0 duplicates, on SQLite with one worker and on PostgreSQL with two; each worker's resident
memory ≤ 150 MB during the run. The same on SQLite with the fake answering 429 to the 3rd message
whatever the rate (one early limit must cost seconds, not minutes), and with the worker stopped
after 3,000 messages and started again (it starts at the rate it learnt, kept in the database);
with the worker SIGKILLed at 40 % and started again at once (goal ≤ 1.2× the floor, 0 lost, at
most the one message in flight twice: the dead worker's claims are short leases); and with Slack
down (500s) for the first `--outage` seconds (2 minutes by default) of a standup to 150 reps:
goal, every prompt delivered within 10 s of the recovery, none twice.
"""
from __future__ import annotations

import collections
import datetime as dt
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo

from bench.web_load import ROOT

sys.path.insert(0, str(ROOT / "tests"))
TEAMS, PER_TEAM, LIMIT = 200, 50, 200  # LIMIT: calls per second the fake accepts
ZONE = "Asia/Shanghai"


def run(kinds: tuple[str, ...], tmp_dir: Path, outage: float = 120.0,
        only: tuple[str, ...] = ()) -> list[str]:
    """`only`: some of the SQLite cases by name (plain, 429, restart, kill, outage); all by default."""
    lines = [f"standup fan-out: {TEAMS * PER_TEAM} reps in {TEAMS} teams, Slack fake at {LIMIT}/s "
             f"(floor {TEAMS * PER_TEAM / LIMIT:.1f} s)"]
    if only:
        for case in only:
            lines.append(_case(case, tmp_dir, outage))
        return lines
    if "sqlite" in kinds:
        lines.append(_one(f"sqlite:///{tmp_dir / 'fanout.sqlite3'}", workers=1, label="SQLite, 1 worker",
                          tmp_dir=tmp_dir))
        lines.append(_one(f"sqlite:///{tmp_dir / 'fanout-429.sqlite3'}", workers=1,
                          label="SQLite, 1 worker, 429 at the 3rd message", tmp_dir=tmp_dir, refuse={3}))
        lines.append(_one(f"sqlite:///{tmp_dir / 'fanout-restart.sqlite3'}", workers=1,
                          label="SQLite, 1 worker, restarted after 3,000", tmp_dir=tmp_dir,
                          restart_after=3000))
        lines.append(_case("kill", tmp_dir, outage))
        lines.append(_case("outage", tmp_dir, outage))
    if "postgresql" in kinds:
        with _postgres() as url:
            lines.append(_one(url, workers=2, label="PostgreSQL, 2 workers", tmp_dir=tmp_dir))
        with _postgres() as url:
            lines.append(_one(url, workers=2, label="PostgreSQL, 2 workers, one SIGKILLed at 40 %",
                              tmp_dir=tmp_dir, kill_at=0.4))
    return lines


def _case(name: str, tmp_dir: Path, outage: float) -> str:
    url = f"sqlite:///{tmp_dir / f'fanout-{name}.sqlite3'}"
    if name == "kill":
        return _one(url, workers=1, label="SQLite, 1 worker, SIGKILLed at 40 % and started again",
                    tmp_dir=tmp_dir, kill_at=0.4)
    if name == "outage":
        return _one(url, workers=1, label=f"SQLite, 1 worker, 150 reps, Slack down for the first "
                    f"{outage:.0f} s", tmp_dir=tmp_dir, outage=outage, teams=3)
    if name == "429":
        return _one(url, workers=1, label="SQLite, 1 worker, 429 at the 3rd message", tmp_dir=tmp_dir,
                    refuse={3})
    if name == "restart":
        return _one(url, workers=1, label="SQLite, 1 worker, restarted after 3,000", tmp_dir=tmp_dir,
                    restart_after=3000)
    return _one(url, workers=1, label="SQLite, 1 worker", tmp_dir=tmp_dir)


def _one(url: str, workers: int, label: str, tmp_dir: Path, refuse: set[int] = frozenset(),
         restart_after: int | None = None, kill_at: float | None = None, outage: float | None = None,
         teams: int = TEAMS) -> str:
    from fakes.slack_api import FakeSlack
    from storage.db import make_engine, upgrade

    engine = make_engine(url)
    upgrade(engine)
    due = _next_minute(30)
    _seed(engine, due, teams)
    engine.dispose()
    fake = FakeSlack()
    fake.per_second = LIMIT
    fake.refuse_posts = set(refuse)
    if outage:
        fake.down_until = due + outage
    total = teams * PER_TEAM
    kill_after = int(total * kill_at) if kill_at else None
    env = {**os.environ, "DATABASE_URL": url, "SLACK_BOT_TOKEN": "xoxb-bench",
           "SLACK_SIGNING_SECRET": "bench", "SLACK_API_URL": fake.api_url}
    started = time.monotonic()
    logs = [tmp_dir / f"fanout-{Path(url).stem}-worker-{i}.log" for i in range(workers)]
    start = lambda log: subprocess.Popen([sys.executable, "-m", "bot.cli", "worker"], cwd=ROOT, env=env,
                                         stdout=log.open("a"), stderr=subprocess.STDOUT)
    processes = [start(log) for log in logs]
    peak = 0.0
    started = time.monotonic() + (due - time.time())  # the standup's time, on the fake's clock
    patience = 20 * total / LIMIT + (outage or 0)
    try:
        while _delivered(fake) < total and time.monotonic() - started < patience:
            peak = max(peak, *(_rss_mb(p.pid) for p in processes))
            if restart_after and _delivered(fake) >= restart_after:
                restart_after = None
                processes[0].send_signal(signal.SIGTERM)
                processes[0].wait(timeout=30)
                processes[0] = start(logs[0])
            if kill_after and _delivered(fake) >= kill_after:  # killed mid fan-out, restarted at once
                kill_after = None
                processes[0].kill()
                processes[0].wait(timeout=30)
                processes[0] = start(logs[0])
            time.sleep(0.05 if restart_after or kill_after else 0.5)
        time.sleep(2)  # a duplicate would show up now
    finally:
        problems = [line for log in logs for line in log.read_text().splitlines()
                    if " ERROR " in line or "database busy" in line]
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            process.wait(timeout=30)
        fake.close()
    calls = fake.called("chat.postMessage")
    first = min((c.at for c in calls), default=started) - started
    wall = max((c.at for c in calls if c.status == 200), default=started) - started
    counts = collections.Counter(c.params["channel"] for c in fake.called("chat.postMessage")
                                 if c.status == 200)
    lost = total - len(counts)
    duplicates = sum(counts.values()) - len(counts)
    floor = total / LIMIT
    if outage:
        tried = len({c.params["channel"] for c in calls if c.at - started < outage})
        return (f"  {label}: last message {wall - outage:.1f} s after the recovery (goal ≤ 10 s); "
                f"{tried} of {total} tried during the outage, "
                f"{sum(1 for c in calls if c.status == 500)} tries answered 500; "
                f"lost {lost}, duplicates {duplicates}")
    return (f"  {label}: {wall:.1f} s from the standup's time to the last message = "
            f"{wall / floor:.2f}× floor (first message after {first:.2f} s); "
            f"lost {lost}, duplicates {duplicates}, 429s {sum(1 for c in calls if c.status == 429)}; "
            f"peak worker RSS {peak:.0f} MB" + (f"; {len(problems)} problems logged, first: "
                                                 f"{problems[0]}" if problems else ""))


def _delivered(fake) -> int:
    return len({c.params["channel"] for c in fake.called("chat.postMessage") if c.status == 200})


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except FileNotFoundError:
        pass
    return 0.0


def _next_minute(lead: float) -> float:
    """The first whole minute at least `lead` seconds from now (epoch seconds)."""
    return (int(time.time() + lead) // 60 + 1) * 60


def _seed(engine, due: float, teams: int = TEAMS) -> None:
    """`teams` teams of 50 reps on Slack, whose standup is at `due`."""
    from handlers.rules.schedules import KINDS, with_change
    from storage.models.base import utcnow
    from storage.models.team import Team, TeamMember
    from storage.models.workspace import Identity, Member, Tenant

    local = dt.datetime.fromtimestamp(due, ZoneInfo(ZONE))
    settings = with_change({}, "standup", time=dt.time(local.hour, local.minute), days="0123456")
    for kind in KINDS:
        if kind != "standup":
            settings = with_change(settings, kind, on=False)
    with engine.begin() as conn:
        [tenant_id] = conn.execute(Tenant.__table__.insert().returning(Tenant.id), [
            {"platform": "slack", "external_id": "T1", "name": "Bench", "currency": "CNY",
             "created_at": utcnow()}]).scalars()
        team_ids = conn.execute(Team.__table__.insert().returning(Team.id), [
            {"tenant_id": tenant_id, "name": f"Team {t}", "name_key": f"team {t}",
             "timezone": ZONE, "holiday_calendar": "", "stall_days": 14, "settings": settings,
             "created_at": utcnow()} for t in range(teams)]).scalars().all()
        member_ids = conn.execute(Member.__table__.insert().returning(Member.id), [
            {"tenant_id": tenant_id, "display_name": f"Rep {i}", "name_key": f"rep {i}", "role": "rep",
             "locale": "en", "active": True, "created_at": utcnow()}
            for i in range(teams * PER_TEAM)]).scalars().all()
        conn.execute(Identity.__table__.insert(), [
            {"tenant_id": tenant_id, "member_id": m, "platform": "slack", "external_user_id": f"U{m}"}
            for m in member_ids])
        conn.execute(TeamMember.__table__.insert(), [
            {"team_id": team_ids[i // PER_TEAM], "member_id": m, "weight": 1}
            for i, m in enumerate(member_ids)])


class _postgres:
    """A throwaway PostgreSQL database for the run."""

    def __enter__(self) -> str:
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        admin_url = os.environ.get("SALESBOT_TEST_POSTGRES_URL",
                                   "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
        self.admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        self.name = f"salesbot_fanout_{uuid.uuid4().hex[:8]}"
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{self.name}"'))
        return make_url(admin_url).set(database=self.name).render_as_string(hide_password=False)

    def __exit__(self, *_exc) -> None:
        from sqlalchemy import text

        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        self.admin.dispose()
