"""Admins correct their holiday calendar from chat and CSV; the corrections count everywhere
(standups, pace, the schedule's next runs) and only in their own workspace; a calendar without an
official schedule for this year or next says so."""
import datetime as dt
import itertools
import logging

from click.testing import CliRunner
from sqlalchemy import select

from bot.cli import main
from scheduler.delivery import DeliveryWorker
from scheduler.plan import fire, plan
from scheduler.service import Worker
from storage.models import AuditLog, Delivery
from support import Chat

SAT_MAKE_UP = dt.date(2027, 2, 6)  # a Saturday an admin makes a working day


RUNS = itertools.count()


def standup_targets(session_factory, day: dt.date) -> list[str]:
    """Who the standup of `day` prompts (each call a run of its own: a run happens once)."""
    with session_factory() as s:
        [spec] = [p for p in plan(s) if p.kind == "standup"]
    when = dt.datetime.combine(day, dt.time(9, 30, next(RUNS)), dt.timezone(dt.timedelta(hours=8)))
    fire(session_factory, spec, when)
    with session_factory() as s:
        return sorted(s.scalars(select(Delivery.target).where(Delivery.key.like(f"%:{day.isoformat()}"))))


def test_a_corrected_calendar_moves_standups_and_pace(team_chat, session_factory):
    assert standup_targets(session_factory, SAT_MAKE_UP) == []  # a Saturday: no standup
    out = team_chat("calendar 2027-02-06 workday", user="Mia")
    assert "CN calendar: 2027-02-06 (Sat, Feb 6, 2027) now a working day (1 days)." in out
    assert standup_targets(session_factory, SAT_MAKE_UP) == ["user:Ana", "user:Bo"]
    assert "now a day off (7 days)" in team_chat("calendar 2027-02-15..2027-02-21 holiday", user="Mia")
    assert standup_targets(session_factory, dt.date(2027, 2, 15)) == []
    team_chat.now = dt.datetime(2027, 2, 26, 2, 0, tzinfo=dt.timezone.utc)
    team_chat("target @Ana visits 20 month", user="Mia")
    # February 2027: 20 weekdays, minus the Spring Festival weekdays the calendar has (Feb 5, 8–10)
    # and the 5 of Feb 15–19 made days off, plus the Saturday made a working day
    assert "12 of 12 working days gone" in team_chat("progress", user="Ana")


def test_only_an_admin_corrects_and_each_change_is_audited(team_chat, session_factory):
    reply = team_chat.reply("calendar 2027-02-06 workday", user="Ana")
    assert not reply.ok and "admin" in reply.text.lower()
    assert "CN 日历：2027-02-06" in team_chat("日历 2027-02-06 上班", user="Mia")
    assert "back to the published calendar" in team_chat("calendar 2027-02-06 reset", user="Mia")
    with session_factory() as s:
        details = s.scalars(select(AuditLog.detail).where(AuditLog.action == "calendar.set"))
        kinds = [d["kind"] for d in details]
    assert kinds == ["workday", "reset"]


def test_corrections_stay_in_their_workspace(team_chat, session_factory):
    team_chat("calendar 2027-02-06 workday", user="Mia")
    other = Chat(session_factory, "other")
    other.team(manager="Olga", reps=("Oscar",))
    listing = other("calendar", user="Olga")
    assert "No corrections to CN" in listing
    with session_factory() as s:
        specs = [p for p in plan(s) if p.kind == "standup"]
    when = dt.datetime(2027, 2, 6, 1, 30, tzinfo=dt.timezone.utc)
    for spec in specs:
        fire(session_factory, spec, when)
    with session_factory() as s:
        targets = set(s.scalars(select(Delivery.target).where(Delivery.key.like("%:2027-02-06"))))
    assert targets == {"user:Ana", "user:Bo"}  # not Oscar


def test_a_year_without_an_official_schedule_is_warned_of(team_chat, session_factory, db_url, monkeypatch,
                                                         caplog):
    warning = "The CN calendar has no official schedule for 2027"
    assert warning in team_chat("schedule", user="Mia")
    assert "⚠️ CN 日历还没有 2027 年的官方安排" in team_chat("设置", user="Mia")
    monkeypatch.setenv("DATABASE_URL", db_url)
    assert warning in CliRunner().invoke(main, ["jobs"]).output
    worker = Worker(session_factory, DeliveryWorker(session_factory, sender=None))
    with caplog.at_level(logging.WARNING, logger="scheduler.service"):  # the demo chat quietens it
        worker.sync()
        worker.sync()
    assert len([r for r in caplog.records if "no official schedule for" in r.message]) == 1
    team_chat("calendar 2027-10-08 workday", user="Mia")  # the admin has entered 2027's days
    assert warning not in team_chat("schedule", user="Mia")


def test_a_calendar_csv_is_imported_whole_or_not_at_all(team_chat, session_factory, db_url, monkeypatch,
                                                       tmp_path):
    monkeypatch.setenv("DATABASE_URL", db_url)
    bad = tmp_path / "bad.csv"
    bad.write_text("day,last_day,kind\n2027-02-06,,workday\n2027-02-31,,holiday\n2027-03-01,,maybe\n")
    result = CliRunner().invoke(main, ["import", "calendar", str(bad)])
    assert result.exit_code == 1
    assert "line 3: day “2027-02-31” is not a date" in result.output
    assert "line 4: kind “maybe”" in result.output
    assert "No corrections to CN" in team_chat("calendar", user="Mia")
    good = tmp_path / "cn-2027.csv"
    good.write_text("day,last_day,kind\n2027-02-06,,上班\n2027-02-15,2027-02-19,holiday\n")
    assert "Imported 2 calendar rows" in CliRunner().invoke(main, ["import", "calendar", str(good)]).output
    listing = team_chat("calendar", user="Ana")
    assert "2027-02-06 (Sat, Feb 6, 2027): working day" in listing
    assert "2027-02-19 (Fri, Feb 19, 2027): day off" in listing
