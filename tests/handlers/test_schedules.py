"""Team schedules from chat, in English and Chinese; only managers change them."""
import datetime as dt

from handlers.grammar import commands as c
from handlers.grammar.reading import parse
from storage.models.team import Team
from worker.plan import plan


def test_the_schedule_grammar_in_both_languages():
    assert parse("schedule standup 09:30 mon-fri") == c.ConfigureSchedule(
        "standup", None, dt.time(9, 30), "workdays", True)
    assert parse("设置 周报 周五 17:00") == c.ConfigureSchedule("digest", None, dt.time(17), "4", True)
    assert parse("设置 提醒 关闭") == c.ConfigureSchedule("reminders", None, None, None, False)
    assert parse("schedule East summary 11:30") == c.ConfigureSchedule(
        "summary", "East", dt.time(11, 30), None, True)
    assert parse("设置 站会 9点半") == c.ConfigureSchedule("standup", None, dt.time(9, 30), None, True)
    assert parse("schedule standup questions Wins？ | Plan?") == c.ConfigureSchedule(
        "standup", None, questions=("Wins？", "Plan?"))
    assert parse("站会 昨天：拜访 今天：演示") == c.AnswerStandup("昨天：拜访 今天：演示")


def test_a_manager_moves_the_standup_and_the_worker_plan_follows(team_chat, session_factory):
    out = team_chat("schedule standup 08:45 mon,wed,fri", user="Mia")
    assert "Saved. The worker uses the new schedule within a minute." in out
    assert "▸ Standup prompt  08:45  Mon, Wed, Fri  on" in out
    with session_factory() as s:
        [spec] = [p for p in plan(s) if p.kind == "standup"]
    assert spec.time == dt.time(8, 45)


def test_turning_a_job_off_removes_it_from_the_plan(team_chat, session_factory):
    assert "目标提醒" in team_chat("设置 提醒 关闭", user="Mia")
    with session_factory() as s:
        assert not [p for p in plan(s) if p.kind == "reminders"]
        assert s.query(Team).one().settings["schedule"]["reminders"] == {"on": False}


def test_a_rep_sees_the_schedule_but_cannot_change_it(team_chat, session_factory):
    assert "Schedule of Sales" in team_chat("schedule", user="Ana")
    assert "only a manager can do that" in team_chat("schedule standup 07:00", user="Ana")
    with session_factory() as s:
        assert (s.query(Team).one().settings or {}).get("schedule") is None


def test_a_word_that_is_no_time_or_day_gets_the_right_forms(team_chat):
    out = team_chat("schedule standup soonish", user="Mia")
    assert "I couldn't read “soonish”" in out and "schedule standup 09:30 mon-fri" in out
    assert "没看懂“很快”" in team_chat("设置 站会 很快", user="Mia")
