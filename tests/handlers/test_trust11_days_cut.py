"""Issue #23, the round-11 fresh-eyes tester (English): a day read out of free text takes its own
word with it and leaves the text whole, or the message is asked; a part of the day said with a
task's day says when in that day; a month or quarter as the days of a contest or a leave is all of
it. Through the real dispatch, with a real database; "today" is Mon, Nov 23 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Task, Visit
from storage.models.team import Contest, Leave
from support import Chat

pytestmark = pytest.mark.phrasing


def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team()
    return chat


def _tasks(session_factory) -> list[tuple[str, str | None]]:
    with session_factory() as s:
        tasks = s.scalars(select(Task).order_by(Task.id))
        return [(t.title, t.due_on and t.due_on.isoformat()) for t in tasks]


# -- 1. a day cut from a title takes its own word (by, for, on, before, 前/之前) and no comma is left --

@pytest.mark.parametrize("user, typed, stored", [
    ("Mia", "task @Ana call umbrella's procurement by wed, and chase the PO",
     ("call umbrella's procurement, and chase the PO", "2026-11-25")),
    ("Ana", "task prep q1 pipeline review for fri", ("prep q1 pipeline review", "2026-11-27")),
    ("Ana", "task call acme on monday about the renewal", ("call acme about the renewal", "2026-11-30")),
    ("Ana", "task review the contract no later than thu, then send it to legal",
     ("review the contract, then send it to legal", "2026-11-26")),
    ("Mia", "任务 @Ana 周三之前给华为打电话，并催合同", ("给华为打电话，并催合同", "2026-11-25")),
    ("Ana", "任务 整理京东的报价单 周五前", ("整理京东的报价单", "2026-11-27")),
])
def test_a_day_cut_from_a_title_takes_its_word_with_it(session_factory, user, typed, stored):
    chat = _chat(session_factory)
    reply = chat.reply(typed, user=user)
    assert reply.ok and stored[0] in reply.text, reply.text
    assert _tasks(session_factory) == [stored]


def test_one_task_each_keeps_the_title_without_its_for(session_factory):
    chat = _chat(session_factory)
    asked = chat.reply("task @ana @bo prep q1 pipeline review for fri", user="Mia")
    assert not asked.ok and _tasks(session_factory) == [], asked.text
    done = chat.reply("yes", user="Mia")
    assert done.ok and " for\n" not in f"{done.text}\n", done.text
    assert _tasks(session_factory) == [("prep q1 pipeline review", "2026-11-27")] * 2


def test_what_is_left_broken_is_asked_never_stored(session_factory):
    chat = _chat(session_factory)
    asked = chat.reply("task call globex about the fri")
    assert not asked.ok and "call globex about the" in asked.text, asked.text
    assert "Nothing was saved" in asked.text, asked.text
    assert _tasks(session_factory) == []
    assert chat.reply("2").ok  # the words as typed, no due day
    assert _tasks(session_factory) == [("call globex about the fri", None)]


def test_a_next_step_after_a_follow_up_keeps_no_joining_word(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("visit Stark: met the team. fu 11/30 & send case study").ok
    assert chat.reply("visit Globex: demo ok, follow up fri and send the deck").ok
    with session_factory() as s:
        visits = s.scalars(select(Visit).order_by(Visit.id))
        assert [(v.next_step, v.follow_up_on.isoformat()) for v in visits] == [
            ("send case study", "2026-11-30"), ("send the deck", "2026-11-27")]


# -- 2. a part of the day with a task's day: when in that day; a part of the day alone is asked ----

@pytest.mark.parametrize("typed, stored, said", [
    ("task call tencent's CTO tmrw morning", ("call tencent's CTO in the morning", "2026-11-24"),
     "tomorrow"),
    ("task send the deck to Globex fri pm", ("send the deck to Globex in the afternoon", "2026-11-27"),
     "Nov 27"),
    ("task send the deck by tmrw noon", ("send the deck at noon", "2026-11-24"), "tomorrow"),
    ("任务 给华为打电话 明天上午", ("上午给华为打电话", "2026-11-24"), "明天"),
    ("任务 周四下午 去拜访海尔", ("下午 去拜访海尔", "2026-11-26"), "11月26日"),
])
def test_a_part_of_the_day_says_when_in_the_due_day(session_factory, typed, stored, said):
    chat = _chat(session_factory)
    reply = chat.reply(typed)
    assert reply.ok and stored[0] in reply.text and said in reply.text, reply.text
    assert _tasks(session_factory) == [stored]


@pytest.mark.parametrize("typed, word", [
    ("task call acme morning", "morning"),
    ("任务 明天 给华为打电话 下午", "下午"),
    ("task call initech tmrw, the wed demo", "wed"),
])
def test_a_day_or_part_of_the_day_left_in_a_title_is_asked(session_factory, typed, word):
    chat = _chat(session_factory)
    asked = chat.reply(typed)
    assert not asked.ok and word in asked.text, asked.text
    assert "Nothing was saved" in asked.text or "尚未保存" in asked.text, asked.text
    assert _tasks(session_factory) == []


def test_a_part_of_the_day_alone_kept_in_the_title_on_a_tap(session_factory):
    chat = _chat(session_factory)
    asked = chat.reply("task call acme morning")
    assert [b.label for b in asked.buttons] == ["Keep it as part of the task, no due day"], asked.text
    assert chat.reply("1").ok
    assert _tasks(session_factory) == [("call acme morning", None)]


# -- 3. a month or quarter as a contest's or a leave's days: all of it; one day said says so --------

@pytest.mark.parametrize("typed, first, last, said", [
    ("contest revenue jan", "2027-01-01", "2027-01-31", "Jan 1 – Sun, Jan 31"),
    ("contest visits next month", "2026-12-01", "2026-12-31", "Dec 1 – Thu, Dec 31"),
    ("contest visits q1", "2027-01-01", "2027-03-31", "Jan 1 – Wed, Mar 31"),
    ("竞赛 拜访 下个月", "2026-12-01", "2026-12-31", "12月31日"),
    ("竞赛 业绩 一季度", "2027-01-01", "2027-03-31", "3月31日"),
])
def test_a_month_or_quarter_is_the_whole_contest(session_factory, typed, first, last, said):
    chat = _chat(session_factory)
    reply = chat.reply(typed, user="Mia")
    assert reply.ok and said in reply.text, reply.text
    with session_factory() as s:
        contest = s.scalar(select(Contest))
        assert (contest.starts_on.isoformat(), contest.ends_on.isoformat()) == (first, last)


@pytest.mark.parametrize("typed, said", [("contest revenue 11/27", "one day only"),
                                         ("竞赛 拜访 11月27日", "仅一天"),
                                         ("contest visits 11/24-11/26", "3 days only")])
def test_a_short_contest_says_how_short(session_factory, typed, said):
    chat = _chat(session_factory)
    reply = chat.reply(typed, user="Mia")
    assert reply.ok and said in reply.text, reply.text
    with session_factory() as s:
        contest = s.scalar(select(Contest))
        assert contest.starts_on >= dt.date(2026, 11, 24) and contest.ends_on <= dt.date(2026, 11, 27)


@pytest.mark.parametrize("typed, first, last", [
    ("leave dec 28 - jan 3", "2026-12-28", "2027-01-03"),
    ("请假 12月28日到明年1月3日", "2026-12-28", "2027-01-03"),
    ("leave next month", "2026-12-01", "2026-12-31"),
    ("请假 下个月", "2026-12-01", "2026-12-31"),
])
def test_a_leave_over_a_range_or_a_month_is_all_of_it(session_factory, typed, first, last):
    chat = _chat(session_factory)
    assert chat.reply(typed).ok
    with session_factory() as s:
        leave = s.scalar(select(Leave))
        assert (leave.first_day.isoformat(), leave.last_day.isoformat()) == (first, last)


@pytest.mark.parametrize("typed, first, last", [("contest #1 jan", "2027-01-01", "2027-01-31"),
                                                ("竞赛 #1 下个月", "2026-12-01", "2026-12-31")])
def test_new_days_of_a_contest_said_as_a_month_are_all_of_it(session_factory, typed, first, last):
    chat = _chat(session_factory)
    assert chat.reply("contest visits 11/24-11/30", user="Mia").ok
    assert chat.reply(typed, user="Mia").ok
    with session_factory() as s:
        contest = s.scalar(select(Contest))
        assert (contest.starts_on.isoformat(), contest.ends_on.isoformat()) == (first, last)


@pytest.mark.parametrize("typed, stored", [
    ("task ask the PM about pricing", ("ask the PM about pricing", None)),
    ("task call acme to check in by fri", ("call acme to check in", "2026-11-27")),
    ("任务 明天下午3点给华为打电话", ("下午3点给华为打电话", "2026-11-24")),
])
def test_words_that_only_look_like_a_day_or_a_loose_end_are_no_question(session_factory, typed, stored):
    chat = _chat(session_factory)
    assert chat.reply(typed).ok
    assert _tasks(session_factory) == [stored]
