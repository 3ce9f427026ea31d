"""A quarter with no target of its own counts its months' targets summed, in the scheduled posts
as in `progress`: its target reached is announced and a rep behind its pace is reminded. (The
console tenant: Mia admin, Ana and Bo reps in the Sales team, in Shanghai.)"""
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
    """Fire the team's `kind` job at `when`: {key: text} of what it queued, as read then."""
    with session_factory() as s:
        [spec] = [p for p in plan(s) if p.kind == kind]
        before = set(s.scalars(select(Delivery.key)))
    fire(session_factory, spec, when, clock=lambda: when)
    with session_factory() as s:
        rows = s.execute(select(Delivery.key, Delivery.payload).order_by(Delivery.id)).all()
    return {key: as_sent(from_payload(payload), when).text for key, payload in rows if key not in before}


def monthly(team_chat, text: str) -> None:
    """`text` (a monthly target) said in October, November and December."""
    for day in ("2026-10-05", "2026-11-05", "2026-12-05"):
        team_chat.now = at(day)
        team_chat(text, user="Mia")
    team_chat.now = at("2026-11-23")


def test_a_quarter_target_summed_from_months_is_announced_when_reached(team_chat, session_factory):
    monthly(team_chat, "target @Ana revenue 100k month")
    team_chat.now = at("2026-10-20")
    team_chat("won +Acme 170k", user="Ana")
    team_chat.now = at("2026-11-23")
    assert "300K" in team_chat("progress @ana quarter", user="Mia")  # what progress shows
    assert "Q4 2026" not in " ".join(run(session_factory, "watch", at("2026-11-23", "10:00")).values())
    team_chat("won +Globex 140k", user="Ana")  # 310K of 300K in the quarter, 140K of 100K in November
    posts = run(session_factory, "watch", at("2026-11-23", "10:02"))
    quarter = posts["target-reached:m2:revenue:quarter:2026-10-01:console"]
    assert "🎯 Ana reached the Revenue won target for Q4 2026: ¥310K!" in quarter
    assert "Target ¥300K: 103% of it." in quarter
    assert "target-reached:m2:revenue:month:2026-11-01:console" in posts
    assert run(session_factory, "watch", at("2026-11-23", "10:04")) == {}  # once


def test_a_team_quarter_target_summed_from_its_months_is_announced_when_reached(team_chat, session_factory):
    monthly(team_chat, "target team revenue 200k month")
    team_chat("won +Acme 350k", user="Ana")
    team_chat("won +Globex 260k", user="Bo")
    posts = run(session_factory, "watch", at("2026-11-23", "10:02"))
    [team] = [text for key, text in posts.items()
              if key.startswith("target-reached:t") and ":quarter:" in key]
    assert "🎯 Sales reached the Revenue won target for Q4 2026: ¥610K!" in team


def test_a_rep_with_monthly_targets_only_is_reminded_of_the_quarters_pace(team_chat, session_factory):
    monthly(team_chat, "target @Ana revenue 300k month")
    monthly(team_chat, "target @Bo revenue 300k month")
    team_chat("language zh", user="Bo")
    progress = team_chat("progress @ana quarter", user="Mia")
    assert "¥0 of ¥900K" in progress and "behind by" in progress
    posts = run(session_factory, "reminders", at("2026-11-24", "16:00"))
    ana, bo = posts["reminder:2:2026-11-24"], posts["reminder:3:2026-11-24"]
    assert "Behind pace — November 2026" in ana and "Behind pace — Q4 2026" in ana
    assert "done ¥0 of ¥900K" in ana
    assert ("No target is set for Q4 2026 itself: it is the sum of the targets set for October 2026, "
            "November 2026, December 2026.") in ana
    assert "进度落后 — 2026年第4季度" in bo and "已完成 ¥0/¥90万" in bo
    assert "2026年第4季度本身未设目标" in bo


def test_a_quarter_with_one_months_target_is_not_announced_nor_reminded_as_the_quarters(
        team_chat, session_factory):
    team_chat("target @Ana revenue 300k month", user="Mia")  # November only
    assert "sum of the targets set for November 2026" in team_chat("progress @ana quarter", user="Mia")
    posts = run(session_factory, "reminders", at("2026-11-24", "16:00"))
    ana = posts["reminder:2:2026-11-24"]
    assert "Behind pace — November 2026" in ana and "Q4 2026" not in ana and "— 2026" not in ana
    team_chat("won +Acme 310k", user="Ana")
    posts = run(session_factory, "watch", at("2026-11-24", "16:02"))
    assert [key.split(":")[3] for key in posts] == ["month"]
