"""Admins correct their holiday calendar from chat and CSV; the corrections count everywhere
(standups, pace, the schedule's next runs) and only in their own workspace; a calendar without an
official schedule for this year or next says so."""
import datetime as dt
import itertools
import logging

from click.testing import CliRunner
from sqlalchemy import select

from bot.cli import main
from storage.models.messaging import Delivery
from storage.models.workspace import AuditLog
from support import Chat
from worker.delivery import DeliveryWorker
from worker.plan import fire, plan
from worker.service import Worker

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
    assert "CN calendar: 2027-02-06 (Sat, Feb 6, 2027) now a working day." in out
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
        details = s.scalars(
            select(AuditLog.detail).where(AuditLog.action == "calendar.set").order_by(AuditLog.id))
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
    with caplog.at_level(logging.WARNING, logger="worker.service"):  # the demo chat quietens it
        worker.sync()
        worker.sync()
    assert len([r for r in caplog.records if "no official schedule for" in r.message]) == 1
    team_chat("calendar 2027-12-24 holiday", user="Mia")  # one company holiday enters no year
    assert warning in team_chat("schedule", user="Mia")
    assert "2027 is now entered in full" in team_chat("calendar 2027 official", user="Mia")
    assert warning not in team_chat("schedule", user="Mia")


def test_progress_says_a_years_working_days_are_estimated_until_it_is_entered(team_chat):
    team_chat.now = dt.datetime(2027, 3, 10, 2, 0, tzinfo=dt.timezone.utc)
    team_chat("target @Ana revenue 100k month", user="Mia")
    team_chat("calendar 2027-03-12 holiday", user="Mia")  # a company holiday: 2027 stays estimated
    estimated = "Working days of 2027 are estimated: the CN calendar has no official schedule for it yet."
    assert estimated in team_chat("progress", user="Ana")
    assert "2027 年的工作日为推算" in team_chat("进度", user="Ana", lang="zh")
    assert "2027 is now entered in full" in team_chat("calendar 2027 official", user="Mia")
    assert estimated not in team_chat("progress", user="Ana")
    team_chat.now = dt.datetime(2026, 11, 23, 2, 0, tzinfo=dt.timezone.utc)
    assert "estimated" not in team_chat("progress", user="Ana")  # 2026 is published


def test_a_year_too_far_off_is_not_declared_official(team_chat):
    assert ("2030 is too far off: a calendar's years can be set from 2025 to 2028."
            in team_chat("calendar 2030 official", user="Mia"))
    assert "2030 年超出范围" in team_chat("日历 2030 官方", user="Mia")
    assert "is now entered" not in team_chat("calendar 2027 offical", user="Mia")  # a typo: asked


def test_only_an_admin_declares_a_year_official(team_chat):
    out = team_chat("calendar 2027 official", user="Ana")
    assert "entered in full" not in out
    assert "The CN calendar has no official schedule for 2027" in team_chat("schedule", user="Mia")


def test_a_correction_outside_the_sane_window_is_refused_and_says_which(team_chat):
    for day in ("9999-01-01", "0001-01-01", "1900-01-01", "2029-01-01", "2024-12-31"):
        out = team_chat(f"calendar {day} holiday", user="Mia")
        assert f"{day} is too far off: a calendar can be corrected from 2025-01-01 to 2028-12-31." in out
        assert "now a day off" not in out
    assert "2029-01-01 is too far off" in team_chat("calendar 2029-01-01 holiday", user="Mia")
    assert "2029-01-01 超出范围" in team_chat("日历 2029-01-01 放假", user="Mia")
    assert "No corrections to CN" in team_chat("calendar", user="Mia")
    assert "2028-12-31 (" in team_chat("calendar 2028-12-31 holiday", user="Mia")  # the last one taken


def test_a_calendar_no_country_has_and_no_team_uses_is_refused(team_chat, session_factory):
    out = team_chat("calendar ZZ 2027-02-06 workday", user="Mia")
    assert "“ZZ” is not a holiday calendar; use a country code like CN, US or GB." in out
    assert "“ZZ”不是" in team_chat("日历 ZZ 2027-02-06 上班", user="Mia")
    assert "now a working day" in team_chat("calendar US 2027-02-06 workday", user="Mia")
    with session_factory() as s:
        from storage.models.workspace import CalendarDay

        assert set(s.scalars(select(CalendarDay.calendar))) == {"US"}


def test_a_reversed_range_is_said_plainly(team_chat):
    out = team_chat("calendar 2027-02-21..2027-02-15 holiday", user="Mia")
    assert "“2027-02-21..2027-02-15” ends before it starts: put the first day first." in out
    assert "couldn't read" not in out
    assert "结束日期早于开始日期" in team_chat("日历 2027-02-21..2027-02-15 放假", user="Mia")


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


def test_a_calendar_csv_with_nonsense_or_conflicting_rows_is_refused_whole(team_chat, db_url, monkeypatch,
                                                                           tmp_path):
    monkeypatch.setenv("DATABASE_URL", db_url)
    bad = tmp_path / "bad.csv"
    bad.write_text("day,last_day,kind,calendar\n2027-02-06,,workday,ZZ\n2027-02-07,,workday,cn-2027\n"
                   "9999-01-01,,holiday,CN\n2027-02-21,2027-02-15,holiday,CN\n")
    result = CliRunner().invoke(main, ["import", "calendar", str(bad)])
    assert result.exit_code == 1
    assert "line 2: “ZZ” is not a holiday calendar" in result.output
    assert "line 3: “CN-2027” is not a holiday calendar" in result.output
    assert "line 4: 9999-01-01 is too far off" in result.output
    assert "line 5: The range ends (2027-02-15) before it starts (2027-02-21)" in result.output
    twice = tmp_path / "twice.csv"
    twice.write_text("day,last_day,kind\n2027-02-01,2027-02-10,holiday\n2027-02-06,,workday\n"
                     "2027-02-08,,holiday\n")
    result = CliRunner().invoke(main, ["import", "calendar", str(twice)])
    assert result.exit_code == 1
    assert ("line 3: 2027-02-06 is a workday here but a holiday in line 2; keep one of them"
            in result.output)
    assert "line 4" not in result.output  # the same thing said twice is no conflict
    assert "No corrections to CN" in team_chat("calendar", user="Mia")


def test_importing_the_official_list_enters_its_year(team_chat, db_url, monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", db_url)
    warning = "The CN calendar has no official schedule for 2027"
    listing = tmp_path / "cn-2027.csv"
    listing.write_text("day,last_day,kind\n2027-02-06,,workday\n2027-02-15,2027-02-21,holiday\n")
    assert "Imported 2" in CliRunner().invoke(main, ["import", "calendar", str(listing)]).output
    assert warning in team_chat("schedule", user="Mia")  # corrections, not yet the official list
    result = CliRunner().invoke(main, ["import", "calendar", str(listing), "--official"])
    assert "Imported 2" in result.output
    assert warning not in team_chat("schedule", user="Mia")


def test_one_day_is_said_in_the_singular_and_several_in_the_plural(team_chat):
    assert team_chat("calendar 2027-02-06 workday", user="Mia").endswith("now a working day.")
    assert team_chat("日历 2027-02-07 上班", user="Mia").endswith("设为上班日。")
    assert "now a day off (2 days)." in team_chat("calendar 2027-03-01..2027-03-02 holiday", user="Mia")
