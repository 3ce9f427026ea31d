"""Scheduled posts queued before midnight and delivered after it (the worker was down, the
platform failed, a rate limit) say "today", "tomorrow" and "overdue" as of when they are
delivered, in both languages. (The console tenant: Mia admin, Ana and Bo reps, in Shanghai; the
jobs are fired on Monday 2026-11-23 at 23:50 and the outbox is sent at 23:55 or at 00:10 on
Tuesday.)"""
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.console.chat import render
from worker.delivery import DeliveryWorker
from worker.plan import fire, plan

SHANGHAI = ZoneInfo("Asia/Shanghai")
QUEUED = dt.datetime(2026, 11, 23, 23, 50, tzinfo=SHANGHAI)
SAME_NIGHT = dt.datetime(2026, 11, 23, 23, 55, tzinfo=SHANGHAI)
AFTER_MIDNIGHT = dt.datetime(2026, 11, 24, 0, 10, tzinfo=SHANGHAI)


class Recording:
    def __init__(self):
        self.sent = []

    def send(self, to, reply, **_parts):
        target = to.target
        self.sent.append((target, reply))


def queue(session_factory, kind: str, at: dt.datetime = QUEUED) -> None:
    with session_factory() as s:
        [spec] = [p for p in plan(s) if p.kind == kind]
    fire(session_factory, spec, at, clock=lambda: at)


def delivered(session_factory, at: dt.datetime) -> dict[str, list[str]]:
    """What each target reads when the outbox is sent `at`."""
    sender = Recording()
    DeliveryWorker(session_factory, sender, clock=lambda: at).run_once()
    out = {}
    for target, reply in sender.sent:
        out.setdefault(target, []).append(render(reply))
    return out


def _monday(team_chat, lang: str) -> None:
    """Ana's tasks due Monday and Tuesday, follow-ups on Tuesday and Wednesday, and her Acme (A)
    last visited 14 days ago: due a visit on Monday."""
    team_chat.now = QUEUED - dt.timedelta(days=14)
    team_chat("visit Acme: demo", user="Ana", lang="en")
    team_chat.now = QUEUED - dt.timedelta(hours=13)
    team_chat("customer Acme tier A", user="Mia")
    for text in ("task call Initech by 2026-11-23", "task send the quote by 2026-11-24",
                 "visit Globex: intro; follow up 2026-11-24", "visit Umbrella: call; follow up 2026-11-25"):
        team_chat(text, user="Ana", lang="en")
    if lang == "zh":
        team_chat("language zh", user="Ana")


def _between(text: str, first: str, then: str) -> str:
    return text[text.index(first):text.index(then, text.index(first) + 1)]


def test_a_todo_list_read_the_same_night_says_tomorrow_for_tuesday(team_chat, session_factory):
    _monday(team_chat, "en")
    queue(session_factory, "followups")
    [same] = delivered(session_factory, SAME_NIGHT)["user:Ana"]
    assert "#1 call Initech · due today" in same and "#2 send the quote · due tomorrow" in same
    assert "Acme (A) · last visit Mon, Nov 9 · due today" in same
    assert "Globex — tomorrow" in _between(same, "This week", "Mark one done")
    assert "\nToday\n" not in same and "Overdue" not in same


def test_a_todo_list_queued_before_midnight_and_sent_after_says_today_for_what_is_due_today(
        team_chat, session_factory):
    _monday(team_chat, "en")
    queue(session_factory, "followups")
    [late] = delivered(session_factory, AFTER_MIDNIGHT)["user:Ana"]
    assert "#1 call Initech · overdue since yesterday" in late and "#2 send the quote · due today" in late
    assert "Acme (A) · last visit Mon, Nov 9 · 1 day overdue" in late
    assert "Globex — today" in _between(late, "\nToday\n", "This week")
    assert "Umbrella — tomorrow" in _between(late, "This week", "Mark one done")
    assert "tomorrow" not in _between(late, "To do", "This week")
    assert "\u2063" not in late and "2026-11" not in late  # no mark is left in what is read


def test_a_chinese_todo_list_sent_after_midnight_says_today_and_overdue_in_chinese(team_chat,
                                                                                 session_factory):
    _monday(team_chat, "zh")
    queue(session_factory, "followups")
    [late] = delivered(session_factory, AFTER_MIDNIGHT)["user:Ana"]
    assert "#1 call Initech · 已逾期（昨天）" in late and "#2 send the quote · 今天截止" in late
    assert "Acme (A) · 上次拜访 11月9日周一 · 已逾期 1 天" in late
    assert "Globex — 今天" in _between(late, "\n今天\n", "本周")
    assert "Umbrella — 明天" in _between(late, "本周", "完成后回复")
    assert "已逾期\n" not in late.split("待回访")[0].split("我的待跟进")[-1]  # no follow-up is late
    assert "\u2063" not in late


@pytest.mark.parametrize("lang, today, then", [("en", "needed by today", "needed by yesterday"),
                                               ("zh", "今天应达", "昨天应达")])
@pytest.mark.parametrize("read_at", [SAME_NIGHT, AFTER_MIDNIGHT])
def test_a_pace_reminder_says_by_which_day_its_figures_were_needed_as_of_when_it_is_read(
        team_chat, session_factory, lang, today, then, read_at):
    if lang == "zh":
        team_chat("language zh", user="Ana")
    team_chat("target @Ana revenue 300k month", user="Mia")
    queue(session_factory, "reminders")
    read = delivered(session_factory, read_at)
    ana, mia = read["user:Ana"][-1], read["user:Mia"][-1]  # the manager's team view, in English
    if read_at == SAME_NIGHT:
        assert today in ana and "needed by today" in mia
    else:
        assert then in ana and today not in ana and "needed by yesterday" in mia


@pytest.mark.parametrize("read_at, en, zh", [
    ("2026-11-26T23:55", "2 working days left in November 2026.", "2026年11月还剩 2 个工作日。"),
    ("2026-11-27T00:10", "1 working day left in November 2026.", "2026年11月还剩 1 个工作日。"),
    ("2026-11-30T00:10", "Today is the last working day of November 2026.",
     "今天是2026年11月的最后一个工作日。"),
    ("2026-12-01T00:10", "November 2026 has no working days left.", "2026年11月已没有工作日。")])
def test_a_period_ending_notice_counts_the_working_days_left_as_of_when_it_is_read(
        team_chat, session_factory, read_at, en, zh):
    team_chat("target @Ana visits 2 month", user="Mia")
    team_chat("target @Bo visits 2 month", user="Mia")
    for rep in ("Ana", "Bo"):
        team_chat("visit Acme: intro", user=rep, lang="en")
        team_chat("visit Initech: intro", user=rep, lang="en")
    team_chat("language zh", user="Bo")
    queue(session_factory, "reminders", dt.datetime(2026, 11, 26, 23, 50, tzinfo=SHANGHAI))  # Thursday
    read = delivered(session_factory, dt.datetime.fromisoformat(f"{read_at}+08:00"))
    assert en in read["user:Ana"][-1] and zh in read["user:Bo"][-1]


@pytest.mark.parametrize("lang, words, now", [("en", "Nobody answered.", "today"),
                                              ("zh", "没有人回答。", "今天")])
def test_a_standup_summary_and_nudge_read_after_midnight_do_not_say_today(team_chat, session_factory,
                                                                           lang, words, now):
    if lang == "zh":
        for name in ("Ana", "Bo"):
            team_chat("language zh", user=name)
    queue(session_factory, "standup", dt.datetime(2026, 11, 23, 9, 30, tzinfo=SHANGHAI))
    queue(session_factory, "nudge")
    queue(session_factory, "summary")
    read = delivered(session_factory, AFTER_MIDNIGHT)
    [summary] = read["channel:Sales"]
    assert "Mon, Nov 23" in summary or "11月23日周一" in summary  # the day it is about
    assert words in summary and now not in summary
    nudge = read["user:Ana"][-1]
    assert ("standup" in nudge or "站会" in nudge) and now not in nudge


@pytest.mark.parametrize("lang, then", [("en", "the month's pace as of yesterday"),
                                        ("zh", "本月截至昨天的进度")])
def test_a_weekly_digest_read_after_midnight_says_as_of_which_day_its_figures_are(
        team_chat, session_factory, lang, then):
    if lang == "zh":
        team_chat("language zh", user="Mia")
    team_chat("target @Ana revenue 300k month", user="Mia")
    team_chat("task @ana send the quote by 2026-11-26", user="Mia")
    friday = dt.datetime(2026, 11, 27, 23, 50, tzinfo=SHANGHAI)
    queue(session_factory, "digest", friday)
    read = delivered(session_factory, friday + dt.timedelta(minutes=20))
    [digest] = [text for text in read["user:Mia"] if "Ana" in text and ("#1" in text)]
    assert then in digest
    assert ("#1 send the quote · overdue since Thu, Nov 26" in digest
            or "#1 send the quote · 已逾期（11月26日周四）" in digest)  # no longer "yesterday"
    assert ("needed by yesterday" in digest) or ("昨天应达" in digest)


@pytest.mark.parametrize("lang, read_at, then", [
    ("en", "2026-11-26T18:05", "1 day to go."), ("en", "2026-11-27T00:10", "Last day!"),
    ("zh", "2026-11-27T00:10", "最后一天！"), ("en", "2026-11-28T00:10", "It ended on Fri, Nov 27."),
    ("zh", "2026-11-28T00:10", "已于11月27日周五结束。")])
def test_a_contests_daily_standings_count_the_days_to_go_when_read(team_chat, session_factory, lang,
                                                                    read_at, then):
    team_chat("contest visits 11/23-11/27", user="Mia")
    if lang == "zh":
        for name in ("Ana", "Bo"):
            team_chat("language zh", user=name)
    queue(session_factory, "daily", dt.datetime(2026, 11, 26, 18, 0, tzinfo=SHANGHAI))  # Thursday
    read = delivered(session_factory, dt.datetime.fromisoformat(f"{read_at}+08:00"))
    [standings] = [text for text in read["channel:Sales"] if "🥇" in text or "Ana" in text]
    assert then in standings
