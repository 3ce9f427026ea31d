"""Job statements: the scheduled jobs for a team of 1,000 reps, each with the figures of
tests/statements.py (targets behind and reached, a follow-up, a task, a customer due a visit, an
open and a won deal), fired at their time through `worker.plan.fire` as the worker does: the SQL
statements each run sends (counted on the engine) and its time, against the same job for 10 reps.

Goals: reminders for 1,000 reps in ≤ 50 statements and ≤ 2 s on SQLite; every job the same
statements for 1,000 reps as for 10 (ratio 1.00). The time is the median of the runs on the days
in `DAYS` (a run is once a day); the statements, those of the first.
"""
from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from zoneinfo import ZoneInfo

from bench.report_latency import database
from bench.web_load import ROOT
from storage.db import make_session_factory, upgrade

sys.path.insert(0, str(ROOT / "tests"))
REPS, FEW = 1_000, 10
ZONE = ZoneInfo("Asia/Shanghai")
#: each job at its time; reminders on three working days (a run is once a day), the median kept
DAYS = {"reminders": ("2026-11-23", "2026-11-24", "2026-11-25"), "followups": ("2026-12-01",),
        "standup": ("2026-11-23",), "digest": ("2026-11-27",), "watch": ("2026-11-23",)}
TIMES = {"reminders": "16:00", "followups": "09:00", "standup": "09:30", "digest": "17:00",
         "watch": "16:02"}
GOALS = {"reminders": (50, 2.0)}  # statements, seconds (SQLite)


def _runs(factory, engine, tenant: str, kind: str) -> tuple[int, float]:
    """(statements of the first run, median seconds) of the tenant's team's `kind` job."""
    from sqlalchemy import select
    from statements import statements

    from storage.models.team import Team
    from storage.models.workspace import Tenant
    from worker.plan import fire, plan

    with factory() as s:
        team_id = s.scalar(select(Team.id).join(Tenant, Tenant.id == Team.tenant_id)
                           .where(Tenant.external_id == tenant))
        [spec] = [p for p in plan(s) if p.kind == kind and p.team_id == team_id]
    counts, times = [], []
    for day in DAYS[kind]:
        when = dt.datetime.fromisoformat(f"{day}T{TIMES[kind]}").replace(tzinfo=ZONE)
        with statements(engine) as seen:
            start = time.perf_counter()
            fire(factory, spec, when)
            times.append(time.perf_counter() - start)
        counts.append(len(seen))
    return counts[0], statistics.median(times)


def run(kinds: tuple[str, ...], tmp_dir) -> list[str]:
    from statements import grown_team

    lines = []
    for kind in kinds:
        with database(kind, tmp_dir) as engine:
            upgrade(engine)
            factory = make_session_factory(engine)
            grown_team(factory, "few", FEW)
            grown_team(factory, "many", REPS)
            lines.append(f"job statements · {kind} · a team of {REPS:,} reps against one of {FEW}")
            for job in DAYS:
                few, _ = _runs(factory, engine, "few", job)
                many, seconds = _runs(factory, engine, "many", job)
                goal = GOALS.get(job)
                limits = (f"  (goal ≤ {goal[0]} statements, ≤ {goal[1]:.0f} s on SQLite)"
                          if goal else "")
                lines.append(f"  {job:10} {many:4d} statements  {seconds:6.2f} s  for {FEW} reps "
                             f"{few:4d}  ratio {many / few:4.2f} (goal 1.00){limits}")
    return lines
