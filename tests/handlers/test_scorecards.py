"""Scorecards through the console, on SQLite and PostgreSQL: a rep's KPIs with the team median,
rank and change from last period; a team's by rep with a chart; who may see whose; the monthly
one on the first working day of the month.

fix29b: a win naming an unknown customer is asked (a new customer, or which open deal), so a win
that makes its customer here says +Name."""
import datetime as dt
from zoneinfo import ZoneInfo

from sqlalchemy import select, update

from handlers.text.reply_json import from_payload
from storage.models.messaging import Delivery
from storage.models.workspace import Member
from worker.plan import fire, plan

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _month(team_chat):
    """October: Ana won 30k. November: Ana won 60k and lost one, Bo won 20k; targets 100k each."""
    start = team_chat.now
    team_chat.now = start - dt.timedelta(days=30)
    team_chat("won +Acme 30k", user="Ana")
    team_chat.now = start
    for text, user in (('deal Globex "ERP" proposal 60k', "Ana"), ("won +Globex 60k", "Ana"),
                       ('deal Initech "BI" proposal 10k', "Ana"), ("lost Initech: price", "Ana"),
                       ("won +Umbrella 20k", "Bo"), ("visit Acme: demo", "Bo"),
                       ("visit Globex: call", "Bo"),
                       ('deal Hooli "CRM" proposal 80k', "Ana")):
        team_chat(text, user=user)
    team_chat("target @Ana revenue 100k month", user="Mia")
    team_chat("target @Bo revenue 100k month", user="Mia")


def test_a_reps_scorecard_beside_the_team_median_rank_and_last_month(team_chat):
    _month(team_chat)
    card = team_chat.reply("scorecard month", user="Ana")
    assert card.title == "Scorecard · Ana · November 2026"
    rows = {row[0]: row[1:] for row in card.table.rows}
    assert card.table.headers == ("KPI", "Value", "Team median", "Rank", "vs last")
    assert rows["Revenue"] == ("¥60K", "¥40K", "1/2", "▲ +100%")
    assert rows["Of target"][:3] == ("60%", "40%", "1/2")
    assert rows["Win rate"][:2] == ("50%", "75%") and rows["Win rate"][2] == "2/2"
    assert rows["Average deal"][0] == "¥60K" and rows["New leads"][0] == "3"
    assert rows["Pipeline coverage"][0] == "2.0×"  # 80k open against the 40k still to make
    zh = team_chat.reply("绩效 本月", user="Ana", lang="zh")
    assert zh.title == "绩效 · Ana · 2026年11月" and zh.table.rows[0][0] == "业绩"


def test_a_team_scorecard_for_managers_with_a_chart_and_who_may_see_whose(team_chat):
    _month(team_chat)
    card = team_chat.reply("scorecard team month", user="Mia")
    assert [row[0] for row in card.table.rows] == ["Ana", "Bo"]
    assert card.chart.values == (60000.0, 20000.0) and card.chart.targets == (100000.0, 100000.0)
    assert "¥60K" in team_chat("scorecard @ana month", user="Mia")
    assert team_chat("scorecard team month", lang="en") == "Sorry, only a manager can do that."
    assert "You can only see your own numbers" in team_chat("scorecard @bo month", lang="en")


def test_last_months_scorecards_go_out_on_the_first_working_day_of_the_month(team_chat, session_factory):
    _month(team_chat)
    with session_factory() as s:
        spec = next(p for p in plan(s) if p.kind == "followups")
    fire(session_factory, spec, dt.datetime(2026, 11, 30, 9, 0, tzinfo=SHANGHAI))  # not the 1st
    fire(session_factory, spec, dt.datetime(2026, 12, 1, 9, 0, tzinfo=SHANGHAI))
    fire(session_factory, spec, dt.datetime(2026, 12, 1, 9, 0, tzinfo=SHANGHAI))  # again: nothing new
    with session_factory() as s:
        rows = s.execute(select(Delivery.key, Delivery.target, Delivery.payload)
                         .where(Delivery.key.like("scorecard%")).order_by(Delivery.id)).all()
    assert sorted((key.split(":")[0], target, key.endswith(":chart")) for key, target, _ in rows) == [
        ("scorecard", "user:Ana", False), ("scorecard", "user:Bo", False),
        ("scorecard-team", "user:Mia", False), ("scorecard-team", "user:Mia", True)]  # with its chart
    texts = {target: from_payload(payload).text for key, target, payload in rows
             if not key.endswith(":chart")}
    assert "Scorecard · Ana · November 2026" in texts["user:Ana"]
    assert "Scorecard · Sales · November 2026" in texts["user:Mia"]


def test_after_national_day_each_gets_theirs_on_the_first_working_morning(team_chat, session_factory):
    """October 2026 opens with seven days off in China: September's scorecards go out on Thursday
    8 October, in each one's own morning (Ana works from New York)."""
    team_chat.now = dt.datetime(2026, 9, 15, 2, 0, tzinfo=dt.timezone.utc)
    team_chat("won +Acme 30k", user="Ana")
    team_chat("won +Umbrella 20k", user="Bo")
    with session_factory.begin() as s:
        s.execute(update(Member).where(Member.display_name == "Ana").values(timezone="America/New_York"))
    with session_factory() as s:
        specs = {p.zone: p for p in plan(s) if p.kind == "followups"}
    assert set(specs) == {"Asia/Shanghai", "America/New_York"}

    def morning(zone: str, day: int) -> list[str]:
        spec = specs[zone]
        fire(session_factory, spec, dt.datetime.combine(dt.date(2026, 10, day), spec.time, ZoneInfo(zone)))
        with session_factory() as s:
            return s.scalars(select(Delivery.target).where(Delivery.key.like("scorecard%"),
                                                           Delivery.key.notlike("%:chart"))).all()

    for day in range(1, 8):  # 国庆: nothing, in either timezone
        assert morning("Asia/Shanghai", day) == [] and morning("America/New_York", day) == []
    assert sorted(morning("Asia/Shanghai", 8)) == ["user:Bo", "user:Mia"]  # Ana's morning is not yet
    assert sorted(morning("America/New_York", 8)) == ["user:Ana", "user:Bo", "user:Mia"]
    assert sorted(morning("America/New_York", 9)) == ["user:Ana", "user:Bo", "user:Mia"]  # once
    with session_factory() as s:
        ana = s.scalar(select(Delivery.payload).where(Delivery.target == "user:Ana",
                                                      Delivery.key.like("scorecard:%")))
    card = from_payload(ana)
    assert card.title == "Scorecard · Ana · September 2026"
    assert {row[0]: row[1] for row in card.table.rows}["Revenue"] == "¥30K"


def test_a_rep_on_leave_on_the_first_working_day_gets_the_scorecard_when_back(team_chat, session_factory):
    _month(team_chat)
    team_chat("leave 12/1-12/2", user="Bo")
    with session_factory() as s:
        spec = next(p for p in plan(s) if p.kind == "followups")

    def scorecards_of(day: int) -> list[str]:
        fire(session_factory, spec, dt.datetime(2026, 12, day, 9, 0, tzinfo=SHANGHAI))
        with session_factory() as s:
            return sorted(s.scalars(select(Delivery.target).where(
                Delivery.key.like("scorecard:%"), Delivery.key.like("%:2026-11"))))
    assert scorecards_of(1) == ["user:Ana"]
    assert scorecards_of(2) == ["user:Ana"]  # still on leave
    assert scorecards_of(3) == ["user:Ana", "user:Bo"]  # back: November's, once
    assert scorecards_of(4) == ["user:Ana", "user:Bo"]
    with session_factory() as s:
        [bo] = s.scalars(select(Delivery.payload).where(Delivery.key.like("scorecard:%"),
                                                         Delivery.target == "user:Bo")).all()
    assert "Scorecard · Bo · November 2026" in from_payload(bo).text
