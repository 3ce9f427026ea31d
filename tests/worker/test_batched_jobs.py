"""A job reads its team's figures once for everyone (tests/worker/test_statement_counts.py),
and each member still reads only what is theirs in it. (The console tenant: Mia admin, Ana and Bo
reps in the Sales team, in Shanghai.)"""
import datetime as dt
from zoneinfo import ZoneInfo

from sqlalchemy import select

from handlers.text.reply_json import from_payload
from handlers.text.when_read import as_sent
from storage.models.messaging import Delivery
from worker.plan import fire, plan

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(day: str, time: str = "10:00") -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=SHANGHAI)


def run(session_factory, kind: str, when: dt.datetime) -> dict[str, str]:
    with session_factory() as s:
        [spec] = [p for p in plan(s) if p.kind == kind]
    fire(session_factory, spec, when, clock=lambda: when)
    with session_factory() as s:
        rows = s.execute(select(Delivery.key, Delivery.payload).order_by(Delivery.id)).all()
    return {key: as_sent(from_payload(payload), when).text for key, payload in rows}


def test_a_quarter_summed_from_one_reps_months_is_said_in_their_reminder_only(team_chat, session_factory):
    for day in ("2026-10-05", "2026-11-05", "2026-12-05"):
        team_chat.now = at(day)
        team_chat("target @Ana revenue 300k month", user="Mia")
    team_chat.now = at("2026-11-23")
    team_chat("target @Bo revenue 900k quarter", user="Mia")
    team_chat("target @Bo revenue 300k month", user="Mia")
    posts = run(session_factory, "reminders", at("2026-11-24", "16:00"))
    ana, bo = posts["reminder:2:2026-11-24"], posts["reminder:3:2026-11-24"]
    assert "Behind pace — Q4 2026" in ana and "Behind pace — Q4 2026" in bo
    assert "No target is set for Q4 2026 itself" in ana
    assert "No target is set for Q4 2026 itself" not in bo  # his own quarter target


def test_each_rep_is_reminded_of_their_own_figures_and_rates(team_chat, session_factory):
    team_chat("target @Ana revenue 100k month", user="Mia")
    team_chat("target @Bo revenue 100k month", user="Mia")
    team_chat("won +Acme 30k", user="Ana")
    team_chat("won +Globex 5000 USD", user="Bo")  # no USD rate: left out of Bo's revenue only
    posts = run(session_factory, "reminders", at("2026-11-24", "16:00"))
    ana, bo = posts["reminder:2:2026-11-24"], posts["reminder:3:2026-11-24"]
    assert "done ¥30K of ¥100K" in ana and "USD" not in ana
    assert "done ¥0 of ¥100K" in bo and "USD" in bo
