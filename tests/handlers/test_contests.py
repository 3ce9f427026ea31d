"""Contests through the console, on SQLite and PostgreSQL: a manager starts one, anyone in the team
sees the standings, the team's channel gets them daily and the winner once it ends."""
import datetime as dt
from zoneinfo import ZoneInfo

from sqlalchemy import select

from handlers.text.reply_json import from_payload
from storage.models.messaging import Delivery
from storage.models.team import Contest
from worker.plan import fire, plan

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_a_manager_starts_a_contest_and_the_team_sees_live_standings(team_chat, session_factory):
    started = team_chat.reply("contest visits 11/23-11/30", user="Mia")
    assert started.lines == (
        "Contest for Sales started: Visits · Mon, Nov 23 – Mon, Nov 30. Standings: contest",)
    with session_factory() as s:  # the team's channel hears of it at once, with a Standings button
        [told] = s.scalars(select(Delivery.payload).where(Delivery.key.like("contest-start:1:%"))).all()
    told = from_payload(told)
    assert told.title == "🏁 A contest for Sales" and "Visits · Mon, Nov 23 – Mon, Nov 30." in told.text
    assert [(b.label, b.command) for b in told.buttons] == [("Standings", "contest")]
    for text, user in (("visit Acme: demo", "Ana"), ("visit Globex: intro", "Ana"),
                       ("visit Initech: call", "Bo")):
        team_chat(text, user=user)
    board = team_chat.press(told.buttons[0], user="Bo")
    assert board.title == "Contest · Sales · Visits · Mon, Nov 23 – Mon, Nov 30"
    assert board.table.rows[:2] == (("🥇", "Ana", "2"), ("🥈", "Bo", "1")) and "7 days to go." in board.text
    zh = team_chat("竞赛", user="Ana", lang="zh")
    assert "销售竞赛 · Sales" in zh and "还剩 7 天。" in zh
    with session_factory() as s:
        contest = s.scalar(select(Contest))
    assert (contest.metric, contest.starts_on, contest.ends_on) == ("visits", dt.date(2026, 11, 23),
                                                                    dt.date(2026, 11, 30))


def test_only_managers_start_contests_and_bad_days_are_refused(team_chat, session_factory):
    assert team_chat("contest visits 11/23-11/30") == "Sorry, only a manager can do that."
    assert team_chat("竞赛 拜访 11月23日-11月30日", lang="zh") == "抱歉，只有经理可以这样操作。"
    assert "at most 92 days" in team_chat("contest visits 11/23-3/30", user="Mia", lang="en")
    assert "contest visits 12/1-12/15" in team_chat("contest visits soon", user="Mia")
    assert "No contest yet" in team_chat("contest", lang="en")
    with session_factory() as s:
        assert s.scalar(select(Contest)) is None
    team_chat("contest visits 11/23-11/30", user="Mia")
    assert team_chat("contest visits 11/30-12/6", user="Mia").startswith(
        "Sales already has that contest: Visits · Mon, Nov 23 – Mon, Nov 30. One race per metric at a time.\n"
        "To give it these days instead: contest #1 11/30-12/6")
    assert "Contest for Sales started: Revenue" in team_chat("contest revenue 11/23-12/6", user="Mia")
    both = team_chat.reply("contest", user="Ana")  # the one ending last first, the other a tap away
    assert both.title.startswith("Contest · Sales · Revenue") and "Also running: Visits" in both.text
    assert team_chat.press(both.buttons[0]).title.startswith("Contest · Sales · Visits")
    assert team_chat.reply("竞赛 拜访", user="Ana", lang="zh").title.startswith("销售竞赛 · Sales · 拜访")
    with session_factory() as s:
        assert s.scalars(select(Contest.metric).order_by(Contest.id)).all() == ["visits", "revenue"]


def test_the_daily_post_carries_the_standings_and_the_winner_is_announced_once(team_chat, session_factory):
    team_chat("contest visits 11/23-11/27", user="Mia")
    team_chat("visit Acme: demo", user="Bo")
    with session_factory() as s:
        spec = next(p for p in plan(s) if p.kind == "daily")

    def evening(day: dt.date) -> list:
        fire(session_factory, spec, dt.datetime.combine(day, dt.time(18), SHANGHAI))
        with session_factory() as s:
            return s.execute(select(Delivery.key, Delivery.payload).where(
                Delivery.key.like("contest%"), Delivery.key.notlike("contest-start%"))
                             .order_by(Delivery.id)).all()

    for day in (26, 27, 28, 29):  # Thu, Fri (its last day), then the weekend: nothing
        rows = evening(dt.date(2026, 11, day))
    assert [key.rsplit(":", 1)[0] for key, _ in rows] == ["contest:1:2026-11-26", "contest:1:2026-11-27"]
    rows = evening(dt.date(2026, 11, 30))  # Monday: the winner
    assert evening(dt.date(2026, 12, 1)) == rows  # once
    assert rows[-1][0].startswith("contest-final:1")
    final = from_payload(rows[-1][1]).text
    assert "Contest over · Sales" in final and "🏆 Bo wins with 1!" in final


def test_a_contest_with_one_day_left_says_1_day(team_chat):
    team_chat("contest visits 11/23-11/24", user="Mia")
    assert "1 day to go." in team_chat("contest", user="Ana")
    assert "还剩 1 天。" in team_chat("竞赛", user="Ana", lang="zh")
