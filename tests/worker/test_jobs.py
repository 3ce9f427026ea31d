"""The scheduled jobs under a controllable clock: each run is fired at a chosen instant and what it
queued in the outbox is read back (the console tenant: `user:NAME` DMs, `channel:TEAM` posts)."""
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from apscheduler.triggers.cron import CronTrigger
from sqlalchemy import func, select, update

from handlers.text.reply_json import from_payload
from handlers.text.when_read import as_sent
from storage.models.messaging import Delivery, JobRun
from storage.models.sales import Visit
from storage.models.team import StandupAnswer, Team
from storage.models.workspace import Member
from support import count
from worker.delivery import DeliveryWorker, Undeliverable
from worker.plan import fire, plan

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(day: str, time: str, zone=SHANGHAI) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=zone)


def run(session_factory, kind: str, when: dt.datetime, zone: str | None = None):
    """Fire the team's `kind` job (for `zone`'s members) at `when`; returns what it queued (as
    read at once)."""
    with session_factory() as s:
        [spec] = [p for p in plan(s) if p.kind == kind and (zone is None or p.zone == zone)]
    before = {key for key, *_ in sent(session_factory)}
    fire(session_factory, spec, when)
    return [row for row in sent(session_factory, when) if row[0] not in before]


def sent(session_factory, read_at: dt.datetime | None = None) -> list[tuple[str, str, str]]:
    """(key, target, text) of every queued message, its days worded as of `read_at` (default: now)."""
    read_at = read_at or dt.datetime.now(dt.timezone.utc)
    with session_factory() as s:
        rows = s.execute(select(Delivery.key, Delivery.target, Delivery.payload).order_by(Delivery.id))
        return [(key, target, as_sent(from_payload(payload), read_at).text) for key, target, payload in rows]


def targets(rows) -> list[str]:
    return sorted(target for _key, target, _text in rows)


def set_team(session_factory, **values):
    with session_factory.begin() as s:
        s.execute(update(Team).values(**values))


def set_member(session_factory, name: str, **values):
    with session_factory.begin() as s:
        s.execute(update(Member).where(Member.display_name == name).values(**values))


# standups ------------------------------------------------------------------------------------
def test_standup_prompts_each_rep_on_a_working_day_and_not_the_manager(team_chat, session_factory):
    rows = run(session_factory, "standup", at("2026-11-24", "09:30"))
    assert targets(rows) == ["user:Ana", "user:Bo"]
    assert "Standup, Ana — Tue, Nov 24" in rows[0][2]
    assert "What will you do today?" in rows[0][2]


def test_no_standup_on_a_weekend_or_in_the_spring_festival_but_on_make_up_saturdays(
        team_chat, session_factory):
    assert run(session_factory, "standup", at("2026-11-28", "09:30")) == []  # a Saturday
    assert run(session_factory, "standup", at("2026-02-17", "09:30")) == []  # 春节
    assert run(session_factory, "standup", at("2026-02-23", "09:30")) == []  # still the holiday
    assert targets(run(session_factory, "standup", at("2026-02-14", "09:30"))) == [
        "user:Ana", "user:Bo"]  # 调休: a Saturday that is a working day
    assert len(run(session_factory, "standup", at("2026-02-28", "09:30"))) == 2


def test_a_rep_on_leave_gets_no_prompt(team_chat, session_factory):
    team_chat("leave 11/24-11/25", user="Bo")
    assert targets(run(session_factory, "standup", at("2026-11-24", "09:30"))) == ["user:Ana"]
    assert targets(run(session_factory, "standup", at("2026-11-26", "09:30"))) == [
        "user:Ana", "user:Bo"]


def test_a_rep_set_inactive_is_neither_prompted_nor_named_as_missing(team_chat, session_factory):
    team_chat("role @Bo inactive", user="Mia")
    assert targets(run(session_factory, "standup", at("2026-11-24", "09:30"))) == ["user:Ana"]
    [(_, _, summary)] = run(session_factory, "summary", at("2026-11-24", "11:00"))
    assert "Ana" in summary and "Bo" not in summary


def test_a_rep_in_another_timezone_is_asked_at_the_teams_time_in_their_own(team_chat,
                                                                         session_factory):
    set_member(session_factory, "Ana", timezone="America/New_York")
    with session_factory() as s:
        zones = sorted(p.zone for p in plan(s) if p.kind == "standup")
    assert zones == ["America/New_York", "Asia/Shanghai"]
    shanghai = run(session_factory, "standup", at("2026-11-24", "09:30"), "Asia/Shanghai")
    assert targets(shanghai) == ["user:Bo"]
    new_york = run(session_factory, "standup", at("2026-11-24", "09:30", ZoneInfo("America/New_York")),
                   "America/New_York")
    assert targets(new_york) == ["user:Ana"]


@pytest.mark.parametrize("zone, day_before, day_after, utc_before, utc_after", [
    ("America/New_York", "2026-03-06", "2026-03-09", 14, 13),  # EST → EDT on Sunday March 8
    ("Europe/London", "2026-03-27", "2026-03-30", 9, 8),  # GMT → BST on Sunday March 29
    ("America/New_York", "2026-10-30", "2026-11-02", 13, 14),  # EDT → EST on Sunday November 1
])
def test_standup_stays_at_0930_local_across_a_dst_change(team_chat, session_factory, zone,
                                                          day_before, day_after, utc_before, utc_after):
    set_team(session_factory, timezone=zone, holiday_calendar="GB" if "London" in zone else "US")
    with session_factory() as s:
        [spec] = [p for p in plan(s) if p.kind == "standup"]
    since = dt.datetime.fromisoformat(f"{day_before}T00:00+00:00")
    times = spec.fire_times(since, since + dt.timedelta(days=4))
    assert [t.astimezone(dt.timezone.utc).hour for t in (times[0], times[-1])] == [utc_before, utc_after]
    assert all((t.hour, t.minute) == (9, 30) for t in times)
    trigger = CronTrigger(hour=9, minute=30, timezone=ZoneInfo(zone))  # what the worker schedules
    assert trigger.get_next_fire_time(None, times[-1] - dt.timedelta(hours=12)) == times[-1]
    prompted = run(session_factory, "standup", times[-1])
    assert targets(prompted) == ["user:Ana", "user:Bo"]


def deliver(session_factory, failing: bool = False) -> None:
    """What the worker's outbox sender does with what is queued (the platform refusing it all)."""
    class Platform:
        def send(self, *_message):
            if failing:
                raise Undeliverable("no such user")

    DeliveryWorker(session_factory, Platform()).run_once(limit=100)


def test_free_text_answers_a_prompt_only_once_the_prompt_reached_the_rep(team_chat, session_factory):
    run(session_factory, "standup", at("2026-11-24", "09:30"))
    team_chat.now = at("2026-11-24", "09:40")
    assert "Sorry, I didn't get that" in team_chat("Called Acme today", user="Ana")  # still queued
    deliver(session_factory, failing=True)
    assert "Sorry, I didn't get that" in team_chat("Called Acme today", user="Ana")  # never got it
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(StandupAnswer)) == 0


def test_answers_by_reply_or_command_and_one_nudge_then_the_summary_names_who_is_missing(
        team_chat, session_factory):
    run(session_factory, "standup", at("2026-11-24", "09:30"))
    deliver(session_factory)
    team_chat.now = at("2026-11-24", "09:40")
    assert "Your standup answer is in" in team_chat("Called Acme, demo for Initech today", user="Ana")
    nudged = run(session_factory, "nudge", at("2026-11-24", "10:30"))
    assert targets(nudged) == ["user:Bo"]
    assert run(session_factory, "nudge", at("2026-11-24", "10:30")) == []  # once
    summary = run(session_factory, "summary", at("2026-11-24", "11:00"))
    [(key, target, text)] = summary
    assert (key, target) == ("standup-summary:1:2026-11-24:console", "channel:Sales")
    assert "Ana: Called Acme, demo for Initech today" in text
    assert "No answer from: Bo" in text


def test_standup_command_answers_in_chinese_and_a_second_answer_replaces_the_first(
        team_chat, session_factory):
    team_chat.now = at("2026-11-24", "08:00")
    assert "今天的站会回答已记录" in team_chat("站会 昨天：拜访华为 今天：演示 困难：无", user="Bo")
    team_chat("standup y: visited Huawei t: demo b: none", user="Bo")
    run(session_factory, "standup", at("2026-11-24", "09:30"))
    [(_k, _t, text)] = run(session_factory, "summary", at("2026-11-24", "11:00"))
    assert "Bo: y: visited Huawei t: demo b: none" in text
    assert "拜访华为" not in text


def test_free_text_without_a_prompt_is_still_not_understood(team_chat):
    assert "Sorry, I didn't get that" in team_chat("Called Acme today", user="Ana")


def test_edited_questions_are_asked(team_chat, session_factory):
    team_chat("schedule standup questions Wins? | Plan? | Help needed?", user="Mia")
    [(_k, _t, text), _] = run(session_factory, "standup", at("2026-11-24", "09:30"))
    assert "1. Wins?" in text and "3. Help needed?" in text


def test_standup_questions_are_asked_in_each_members_language(team_chat, session_factory):
    team_chat("language zh", user="Bo")
    out = team_chat("schedule standup questions Wins? | Plan? | Help needed?", user="Mia")
    assert "Members who read Chinese get these in English until you set the Chinese version" in out
    assert "设置 站会 问题" in out
    rows = run(session_factory, "standup", at("2026-11-24", "09:30"))
    assert "1. Wins?" in dict((t, x) for _k, t, x in rows)["user:Bo"]  # only English ones so far
    out = team_chat("设置 站会 问题 成果？| 计划？| 需要帮助？", user="Mia")
    assert "请再设置" not in out
    rows = run(session_factory, "standup", at("2026-11-25", "09:30"))
    texts = dict((t, x) for _k, t, x in rows)
    assert "1. 成果？" in texts["user:Bo"] and "1. Wins?" in texts["user:Ana"]


# reminders -----------------------------------------------------------------------------------
def test_a_rep_behind_pace_is_told_the_numbers_and_the_manager_gets_the_team_view(
        team_chat, session_factory):
    team_chat("target @Ana revenue 300k month", user="Mia")
    team_chat("target @Bo revenue 100k month", user="Mia")
    team_chat("won +Initech 100k", user="Bo")
    rows = run(session_factory, "reminders", at("2026-11-24", "16:00"))
    assert targets(rows) == ["user:Ana", "user:Mia"]
    ana = next(text for _k, target, text in rows if target == "user:Ana")
    assert "Behind pace — November 2026" in ana
    assert "done ¥0 of ¥300K, needed by today ¥242.9K, gap ¥242.9K" in ana
    mia = next(text for _k, target, text in rows if target == "user:Mia")
    assert "Sales · November 2026" in mia


def test_working_days_before_the_month_and_quarter_end(team_chat, session_factory):
    team_chat("target @Ana visits 2 month", user="Mia")
    team_chat("target @Ana visits 2 quarter", user="Mia")
    team_chat("visit Acme: intro", user="Ana")
    team_chat("visit Initech: intro", user="Ana")
    assert run(session_factory, "reminders", at("2026-11-24", "16:00")) == []  # on pace, 4 days left
    [(key, _t, text)] = run(session_factory, "reminders", at("2026-11-26", "16:00"))
    assert key == "reminder:2:2026-11-26"
    assert "2 working days left in November 2026." in text
    assert "Visits: 100% done, on pace" in text
    [(_k, _t, text)] = run(session_factory, "reminders", at("2026-12-29", "16:00"))  # Q4 ends Dec 31
    assert "2 working days left in Q4 2026." in text and "December" not in text  # it has no target


def test_a_rep_gets_one_reminder_for_every_period_and_none_for_a_zero_gap(team_chat, session_factory):
    team_chat("target @Ana revenue 300k month", user="Mia")
    team_chat("target @Ana revenue 900k quarter", user="Mia")
    rows = run(session_factory, "reminders", at("2026-11-24", "16:00"))
    [ana] = [text for _k, target, text in rows if target == "user:Ana"]
    assert "Behind pace — November 2026" in ana and "Behind pace — Q4 2026" in ana
    team_chat("target @Bo visits 2 month", user="Mia")
    early = run(session_factory, "reminders", at("2026-11-02", "16:00"))  # 1 of 21 days: 0 needed
    assert "user:Bo" not in targets(early)


def test_a_reminder_says_what_its_revenue_left_out_for_want_of_a_rate(team_chat, session_factory):
    team_chat("target @Ana revenue 300k month", user="Mia")
    team_chat("target @Ana revenue 900k quarter", user="Mia")
    team_chat("won +Globex $20k", user="Ana")
    rows = run(session_factory, "reminders", at("2026-11-24", "16:00"))
    [ana] = [text for _k, target, text in rows if target == "user:Ana"]
    assert ana.count("Not in the totals (no exchange rate set): $20K.") == 1  # month and quarter: once
    assert "An admin sets a rate with “rate USD N” (1 USD = N CNY)." in ana


# recognition ---------------------------------------------------------------------------------
def test_top_sellers_on_the_last_working_day_of_the_week_and_of_the_month(team_chat,
                                                                          session_factory):
    team_chat.now = at("2026-11-16", "10:00")  # the week before: Ana's 40k
    team_chat("won +Globex 40k", user="Ana")
    team_chat.now = at("2026-11-23", "10:00")
    team_chat("won +Acme 50k", user="Ana")
    team_chat("won +Initech 80k", user="Bo")
    assert run(session_factory, "recognition", at("2026-11-26", "17:30")) == []  # a Thursday
    [(key, target, text)] = run(session_factory, "recognition", at("2026-11-27", "17:30"))
    assert (key, target) == ("top-week:1:2026-11-23:console", "channel:Sales")
    assert "Top sellers of the week" in text and "Congratulations Bo" in text
    assert "Ahead of the next by ¥30K." in text  # by how much
    assert "Team revenue ¥130K; the period before ¥40K (+225%)." in text  # against last week
    [(key, _t, text)] = run(session_factory, "recognition", at("2026-11-30", "17:30"))
    assert key == "top-month:1:2026-11-01:console" and "Bo" in text


def test_a_leaderboard_by_share_of_target_ranks_the_smaller_target_met_first(team_chat):
    team_chat("target @Ana revenue 100k month", user="Mia")
    team_chat("target @Bo revenue 400k month", user="Mia")
    team_chat("won +Acme 80k", user="Ana")
    team_chat("won +Initech 120k", user="Bo")
    board = team_chat.reply("leaderboard % month", user="Mia")
    assert board.table.headers[2] == "% of target · Revenue won"
    assert board.table.rows == (("🥇", "Ana", "80% · ¥80K"), ("🥈", "Bo", "30% · ¥120K"))
    assert team_chat.reply("leaderboard month", user="Mia").table.rows[0][1] == "Bo"  # by amount
    zh = team_chat.reply("排行榜 完成率 本月", user="Mia", lang="zh")
    assert zh.table.headers[2].startswith("目标完成率") and zh.table.rows[0][1] == "Ana"


def test_a_target_reached_is_announced_once(team_chat, session_factory):
    team_chat("target @Ana revenue 100k month", user="Mia")
    assert run(session_factory, "watch", at("2026-11-24", "10:00")) == []
    team_chat("won +Acme 120k", user="Ana")
    [(key, target, text)] = run(session_factory, "watch", at("2026-11-24", "10:02"))
    assert (key, target) == ("target-reached:m2:revenue:month:2026-11-01:console", "channel:Sales")
    assert "🎯 Ana reached the Revenue won target for November 2026: ¥120K!" in text
    assert "Target ¥100K: 120% of it." in text and "Last period: ¥0." in text
    team_chat("won +Initech 10k", user="Ana")
    assert run(session_factory, "watch", at("2026-11-24", "10:04")) == []


# digest and follow-ups -------------------------------------------------------------------------
def test_the_weekly_digest_reaches_managers_with_reasons_and_a_chart(team_chat, session_factory):
    team_chat.now = at("2026-11-24", "10:00")
    team_chat("target @Ana revenue 100k month", user="Mia")
    team_chat("won +Acme 48k: beat them on delivery time", user="Ana")
    team_chat("deal Initech proposal 20k", user="Bo")
    team_chat("lost +Initech: price too high", user="Bo")
    team_chat("visit Acme: kickoff; follow up 11/20", user="Ana")
    rows = run(session_factory, "digest", at("2026-11-27", "17:00"))
    assert [(key, target) for key, target, _ in rows] == [
        ("digest-weekly:1:1:2026-11-23", "user:Mia"), ("digest-weekly:1:1:2026-11-23:chart", "user:Mia")]
    text = rows[0][2]
    assert "Weekly digest — Sales, week of Mon, Nov 23" in text
    assert "Acme (Ana, ¥48K) — beat them on delivery time" in text
    assert "Initech (Bo, ¥20K) — price too high" in text
    assert "Visits this week: 1 (last week 0, +1)" in text and "Follow-ups overdue: 1" in text
    assert "No targets for the week: the month's pace as of today." in text  # then the month's bars
    assert "Revenue won" in text and "of ¥100K" in text
    with session_factory() as s:
        chart = from_payload(s.scalar(select(Delivery.payload).where(Delivery.key.like("%:chart")))).chart
    assert chart.labels == ("Ana",) and chart.values == (48000.0,)  # nobody without sales or target
    assert chart.title == "Revenue won vs target — week of Nov 23"


def test_a_digest_never_adds_currencies_and_its_chart_converts(team_chat, session_factory):
    team_chat.now = at("2026-11-24", "10:00")
    team_chat("won +Acme 48k", user="Ana")
    team_chat("won +Globex $10k", user="Bo")
    team_chat('deal Initech "Site" proposal €5k', user="Bo")
    text = run(session_factory, "daily", at("2026-11-24", "18:00"))[0][2]
    assert "Globex (Bo, $10K)" in text  # each deal in its own currency
    assert "Not in the totals (no exchange rate set): $10K." in text  # won this month
    assert "Not in the totals (no exchange rate set): €5,000." in text  # the open pipeline
    team_chat("rate USD 7.1", user="Mia")
    team_chat("rate EUR 7.8", user="Mia")
    text = run(session_factory, "digest", at("2026-11-27", "17:00"))[0][2]
    notes = text.split("\n")[-2:]  # once each, though the progress and the pipeline both used them
    assert sorted(notes) == ["EUR amounts are in the totals at 1 EUR = 7.8 CNY.",
                     "USD amounts are in the totals at 1 USD = 7.1 CNY."]
    assert text.count("amounts are in the totals") == 2 and "Not in the totals" not in text
    with session_factory() as s:
        chart = from_payload(s.scalar(select(Delivery.payload).where(
            Delivery.key.like("digest-weekly%:chart")))).chart
    assert dict(zip(chart.labels, chart.values, strict=True)) == {"Bo": 71000.0, "Ana": 48000.0}


def test_the_weekly_digest_is_about_the_week(team_chat, session_factory):
    team_chat.now = at("2026-11-17", "10:00")
    team_chat("visit Acme: intro", user="Ana")
    team_chat("visit Initech: intro", user="Bo")
    team_chat.now = at("2026-11-24", "10:00")
    team_chat("target team revenue 50k week", user="Mia")
    team_chat("deal Acme proposal 30k", user="Ana")
    team_chat("deal Acme negotiation", user="Ana")
    team_chat("visit Acme: terms", user="Ana")
    rows = run(session_factory, "digest", at("2026-11-27", "17:00"))
    text = rows[0][2]
    assert "Visits this week: 1 (last week 2, -1)" in text
    assert "working days gone" in text and "of ¥50K" in text and "month's pace" not in text
    assert "Deals that moved stage: 1" in text and "Acme: Proposal → Negotiation (Ana)" in text
    assert "No deals closed." in text
    daily = run(session_factory, "daily", at("2026-11-24", "18:00"))[0][2]
    assert "Visits logged: 1" in daily and "Deals that moved" not in daily


def test_a_weekly_digest_whose_friday_is_a_holiday_moves_to_the_weeks_last_working_day(
        team_chat, session_factory):
    assert run(session_factory, "digest", at("2026-10-02", "17:00")) == []  # National Day (Fri)
    assert run(session_factory, "digest", at("2026-10-01", "17:00")) == []  # a holiday too
    [row, *_] = run(session_factory, "digest", at("2026-09-30", "17:00"))  # the last working day
    assert "Weekly digest — Sales, week of Mon, Sep 28" in row[2]
    from handlers.rules.schedules import KINDS, next_run

    assert next_run(KINDS["digest"], at("2026-09-29", "18:00"), SHANGHAI, "CN") == at("2026-09-30", "17:00")


@pytest.mark.parametrize("make_up_day, friday", [("2026-10-10", "2026-10-09"),  # Sat after National Day
                                                 ("2026-02-14", "2026-02-13"),  # Sat before 春节
                                                 ("2026-01-04", "2026-01-02")])  # Sun after New Year
def test_a_weekly_digest_covers_a_make_up_weekend_day_and_goes_on_it(team_chat, session_factory,
                                                                      make_up_day, friday):
    team_chat.now = at(make_up_day, "10:00")
    team_chat("visit Acme: signed the framework agreement", user="Ana")
    assert run(session_factory, "digest", at(friday, "17:00")) == []  # the week works on after it
    [row, *_] = run(session_factory, "digest", at(make_up_day, "17:00"))
    assert "Visits this week: 1" in row[2]
    from handlers.rules.schedules import KINDS, next_run

    day_before = dt.date.fromisoformat(make_up_day) - dt.timedelta(days=1)
    assert next_run(KINDS["digest"], at(day_before.isoformat(), "18:00"), SHANGHAI, "CN") == at(
        make_up_day, "17:00")


def test_follow_ups_due_today_are_sent_with_done_buttons(team_chat, session_factory):
    team_chat.now = at("2026-11-23", "10:00")
    team_chat("visit Acme: demo; follow up tomorrow", user="Ana")
    assert run(session_factory, "followups", at("2026-11-23", "09:00")) == []
    [(key, target, text)] = run(session_factory, "followups", at("2026-11-24", "09:00"))
    assert (key, target) == ("followups:2:2026-11-24", "user:Ana")
    with session_factory() as s:
        reply = from_payload(s.scalar(select(Delivery.payload).where(Delivery.key == key)))
    visit_id = count(session_factory, Visit)
    assert reply.buttons[0].command == f"done {visit_id}"


# exactly once ---------------------------------------------------------------------------------
def test_the_same_run_fired_twice_sends_once(team_chat, session_factory):
    with session_factory() as s:
        [spec] = [p for p in plan(s) if p.kind == "standup"]
    assert fire(session_factory, spec, at("2026-11-24", "09:30")) == 2
    assert fire(session_factory, spec, at("2026-11-24", "09:30")) is None
    assert count(session_factory, Delivery, Delivery.key.startswith("standup")) == 2
    assert count(session_factory, JobRun) == 1


def test_after_downtime_only_a_missed_working_day_run_is_caught_up(team_chat, session_factory):
    from worker.plan import last_missed

    set_team(session_factory, created_at=at("2026-11-01", "00:00"))
    with session_factory() as s:
        [spec] = [p for p in plan(s) if p.kind == "standup"]
        assert last_missed(s, spec, at("2026-11-23", "08:00")) is None  # Sunday had no standup
        assert last_missed(s, spec, at("2026-11-23", "09:40")) == at("2026-11-23", "09:30")
    fire(session_factory, spec, at("2026-11-23", "09:30"))
    with session_factory() as s:
        assert last_missed(s, spec, at("2026-11-23", "09:40")) is None  # it ran


# nothing for a time before it existed ------------------------------------------------------
def test_a_run_missed_before_the_team_existed_is_not_caught_up(team_chat, session_factory):
    from worker.plan import last_missed

    set_team(session_factory, created_at=at("2026-11-24", "19:51"))
    with session_factory() as s:
        [spec] = [p for p in plan(s) if p.kind == "daily"]
        assert last_missed(s, spec, at("2026-11-24", "19:52")) is None  # today's 18:00 was before it
        assert last_missed(s, spec, at("2026-11-25", "19:00")) == at("2026-11-25", "18:00")


def test_a_run_leaves_out_members_who_joined_after_its_time(team_chat, session_factory):
    set_member(session_factory, "Ana", created_at=at("2026-11-01", "09:00"))
    set_member(session_factory, "Bo", created_at=at("2026-11-24", "09:40"))
    with session_factory() as s:
        [spec] = [p for p in plan(s) if p.kind == "standup"]
    fire(session_factory, spec, at("2026-11-24", "09:30"))
    assert targets(r for r in sent(session_factory) if r[0].startswith("standup")) == ["user:Ana"]


def test_a_member_made_seconds_after_a_standups_time_waits_for_the_next_one(team_chat, session_factory):
    set_member(session_factory, "Bo", created_at=at("2026-11-24", "09:30:05"))
    assert targets(run(session_factory, "standup", at("2026-11-24", "09:30"))) == ["user:Ana"]
    assert targets(run(session_factory, "standup", at("2026-11-25", "09:30"))) == ["user:Ana", "user:Bo"]


def test_a_member_added_to_the_team_seconds_after_a_runs_time_is_not_in_it(team_chat, session_factory):
    from storage.models.team import TeamMember

    with session_factory.begin() as s:
        bo_id = s.scalar(select(Member.id).where(Member.display_name == "Bo"))
        s.execute(update(TeamMember).where(TeamMember.member_id == bo_id)
                  .values(joined_at=at("2026-11-24", "09:30:02")))
    assert targets(run(session_factory, "standup", at("2026-11-24", "09:30"))) == ["user:Ana"]
    assert targets(run(session_factory, "standup", at("2026-11-25", "09:30"))) == ["user:Ana", "user:Bo"]


def test_a_team_made_seconds_after_a_runs_time_does_not_get_that_run(team_chat, session_factory):
    set_team(session_factory, created_at=at("2026-11-24", "18:00:05"))
    assert run(session_factory, "daily", at("2026-11-24", "18:00")) == []
    assert count(session_factory, JobRun) == 1  # the run is done: another worker does not try it
    assert [key for key, *_ in run(session_factory, "daily", at("2026-11-25", "18:00"))] == [
        "digest-daily:1:1:2026-11-25"]
