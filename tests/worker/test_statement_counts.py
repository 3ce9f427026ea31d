"""A job run and a team report cost the same number of SQL statements for a team of 3 reps as
for one of 30: their queries are batched per team (one query for all members), not per member.

Two console tenants, `small` (3 reps) and `big` (30), have the same figures per rep
(tests/statements.py); each job is fired at its scheduled time for each team and each report asked
by the admin, counting the statements sent to the engine, and what the big team gets is checked.
"""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from statements import grown_team, statements

from handlers.text.reply_json import from_payload
from storage.models.messaging import Delivery
from storage.models.team import Team
from storage.models.workspace import Tenant
from support import Chat
from worker.plan import fire, plan

SHANGHAI = ZoneInfo("Asia/Shanghai")
SMALL, BIG = 3, 30

#: each job at its time on a day it has work: a Monday; the month's first working day for the
#: to-do list (with last month's scorecards); a Friday for the week's digest; the month's last
#: working day for its top sellers
WHEN = {"standup": ("2026-11-23", "09:30"), "nudge": ("2026-11-23", "10:30"),
        "summary": ("2026-11-23", "11:00"), "followups": ("2026-12-01", "09:00"),
        "reminders": ("2026-11-23", "16:00"), "recognition": ("2026-11-30", "17:30"),
        "daily": ("2026-11-23", "18:00"), "digest": ("2026-11-27", "17:00"),
        "watch": ("2026-11-23", "16:02")}
BEFORE = {"nudge": ("standup",), "summary": ("standup",)}  # runs whose work a job follows up


@pytest.fixture
def teams(session_factory):
    """{size: the console tenant of that team}."""
    for size in (SMALL, BIG):
        grown_team(session_factory, f"t{size}", size)
    return {size: f"t{size}" for size in (SMALL, BIG)}


def _fire(session_factory, tenant: str, kind: str) -> list[tuple[str, str, str]]:
    """Fire the tenant's team's `kind` job at its time in WHEN; (key, target, text) it queued."""
    day, time = WHEN[kind]
    when = dt.datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=SHANGHAI)
    with session_factory() as s:
        team_id = s.scalar(select(Team.id).join(Tenant, Tenant.id == Team.tenant_id)
                           .where(Tenant.external_id == tenant))
        [spec] = [p for p in plan(s) if p.kind == kind and p.team_id == team_id]
        before = s.scalar(select(Delivery.id).order_by(Delivery.id.desc()).limit(1)) or 0
    fire(session_factory, spec, when)
    with session_factory() as s:
        rows = s.execute(select(Delivery.key, Delivery.target, Delivery.payload)
                         .where(Delivery.id > before).order_by(Delivery.id))
        return [(key, target, from_payload(payload).text) for key, target, payload in rows]


def _counted(engine, session_factory, tenant: str, kind: str):
    for earlier in BEFORE.get(kind, ()):
        _fire(session_factory, tenant, earlier)
    with statements(engine) as seen:
        rows = _fire(session_factory, tenant, kind)
    return len(seen), rows


def _dms(rows, prefix: str) -> list[str]:
    return sorted(target for key, target, _text in rows if key.startswith(prefix))


REPS = ["user:Ana", "user:Bo", *(f"user:Rep {i:02d}" for i in range(1, BIG - 1))]


@pytest.mark.parametrize("kind", list(WHEN))
def test_a_job_costs_the_same_statements_for_3_reps_as_for_30(engine, session_factory, teams, kind):
    small, _ = _counted(engine, session_factory, teams[SMALL], kind)
    big, rows = _counted(engine, session_factory, teams[BIG], kind)
    assert big == small, f"{kind}: {small} statements for {SMALL} reps, {big} for {BIG}"
    texts = {target: text for _key, target, text in rows}
    if kind == "standup":
        assert _dms(rows, "standup-prompt") == sorted(REPS)
    elif kind == "nudge":
        assert rows == []  # everyone answered
    elif kind == "summary":
        [summary] = [text for _k, _t, text in rows]
        assert all(f"calling customer {i}" in summary for i in range(BIG))
    elif kind == "followups":
        assert _dms(rows, "followups:") == sorted(REPS)
        assert _dms(rows, "scorecard:") == sorted(REPS)
        assert set(_dms(rows, "scorecard-team:")) == {"user:Mia"}
        todo = {target: text for key, target, text in rows if key.startswith("followups:")}
        assert "send the quote" in todo["user:Rep 07"] and "Customer 08" in todo["user:Rep 07"]
        cards = {target: text for key, target, text in rows if key.startswith("scorecard:")}
        assert "30/30" in cards["user:Ana"] and "30/30" not in cards["user:Rep 28"]  # revenue rank
    elif kind == "reminders":
        assert _dms(rows, "reminder:") == sorted(REPS)
        assert _dms(rows, "reminder-team:") == ["user:Mia"]
        assert "done ¥16K of ¥100K" in texts["user:Rep 05"] and "done ¥10K of" in texts["user:Ana"]
    elif kind == "recognition":
        [(_key, _target, top)] = [row for row in rows if row[0].startswith("top-month")]
        assert "Rep 28" in top and "¥735K" in top
    elif kind in ("daily", "digest"):
        assert any(target == "user:Mia" for _k, target, _t in rows)
    elif kind == "watch":
        reached = [key for key, *_ in rows if key.startswith("target-reached:m")]
        assert len(reached) == BIG  # each rep's deals-won target


#: each team report, and what the 30-rep team's answer holds
REPORTS = {"targets team": "Rep 28", "pipeline team": "Open deals: 30 · ¥1.5M",
           "progress team": "¥735K of ¥3M", "scorecard team month": "Rep 28",
           "leaderboard month": "Rep 28", "due visits team": "Customer 19 (A)", "tasks": "Rep 28"}


@pytest.mark.parametrize("report", list(REPORTS))
def test_a_team_report_costs_the_same_statements_for_3_reps_as_for_30(engine, session_factory, teams,
                                                                      report):
    counts, answers = [], []
    for size in (SMALL, BIG):
        chat = Chat(session_factory, tenant=teams[size])
        with statements(engine) as seen:
            answers.append(chat(report, user="Mia"))
        counts.append(len(seen))
    assert counts[1] == counts[0], f"{report}: {counts[0]} statements for {SMALL} reps, {counts[1]} for {BIG}"
    assert REPORTS[report] in answers[1]
