"""Issue #23 (fix17c): pace asked of one metric (`am i behind on visits`, `how many visits do i
need`) is the progress report, as pace asked of revenue is; a day said with `til`, `wk`, `nxt`,
`mth` moves a follow-up or a task to that day, in every command that moves one. Fed through the
real dispatch with a real database; today is Mon, Nov 23, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from databases import prepared
from storage.models.sales import Task, Visit
from storage.models.team import Target
from support import Chat

pytestmark = pytest.mark.phrasing


@prepared
def _pace_chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team()
    for line in ("target @Ana visits 30 month", "target @Bo visits 40 month",
                 "target @Ana revenue 100k month"):
        assert chat.reply(line, user="Mia").ok, line
    assert chat.reply("visit +Acme: intro", user="Ana").ok
    return chat


def _pace_rows(session_factory):
    with session_factory() as s:
        return (sorted((t.member_id, t.metric, int(t.amount)) for t in s.scalars(select(Target))),
                len(s.scalars(select(Visit)).all()))


@pytest.mark.parametrize("asked, user, report", [
    ("am i behind on visits", "Ana", "progress"),
    ("am i on pace for visits this month", "Ana", "progress"),
    ("how many visits do i need", "Ana", "progress"),
    ("how many more visits do i need this month?", "Bo", "progress"),
    ("how many visits do i need to hit my target", "Bo", "progress"),
    ("am i on track for new customers", "Ana", "progress"),
    ("how many more deals do i need", "Ana", "progress"),
    ("am i behind on visits this quarter", "Ana", "progress quarter"),
    ("are we behind on visits", "Mia", "progress team"),
    ("is the team on pace for visits", "Mia", "progress team"),
    ("how many visits left for the team", "Mia", "progress team"),
    ("visits needed this month", "Ana", "progress"),
    ("visits left", "Bo", "progress"),
    ("deals left this quarter?", "Ana", "progress quarter"),
])
def test_pace_of_one_metric_asked_is_the_progress_report(session_factory, asked, user, report):
    chat = _pace_chat(session_factory)
    before = _pace_rows(session_factory)
    reply = chat.reply(asked, user=user)
    assert reply.ok and "didn't get" not in reply.text and "no customer" not in reply.text, reply.text
    assert reply.text.endswith(chat.reply(report, user=user).text), reply.text
    assert "Visits" in reply.text
    assert _pace_rows(session_factory) == before  # asked: nothing stored


def test_a_rep_behind_on_visits_reads_how_far(session_factory):
    chat = _pace_chat(session_factory)
    reply = chat.reply("am i behind on visits", user="Bo")
    assert "0 of 40" in reply.text and "behind by" in reply.text, reply.text


def test_visits_of_a_customer_are_still_listed(session_factory):
    chat = _pace_chat(session_factory)
    reply = chat.reply("visits acme", user="Ana")
    assert reply.ok and "Acme" in reply.text and "Your progress" not in reply.text, reply.text


def test_behind_on_a_customer_is_no_pace(session_factory):
    chat = _pace_chat(session_factory)
    reply = chat.reply("am i behind on acme", user="Ana")
    assert not reply.ok and "Your progress" not in reply.text, reply.text


def _follow_up(chat) -> int:
    assert chat.reply("visit +Acme: intro; follow up tomorrow", user="Ana").ok
    with chat.session_factory() as s:
        return s.scalars(select(Visit.id).order_by(Visit.id.desc())).first()


def _follow_up_day(session_factory, visit_id: int):
    with session_factory() as s:
        return s.get(Visit, visit_id).follow_up_on


@pytest.mark.parametrize("said, day", [
    ("snooze {id} til next wk", dt.date(2026, 11, 30)),
    ("snooze {id} till mon", dt.date(2026, 11, 30)),
    ("push {id} to nxt week", dt.date(2026, 11, 30)),
    ("snooze {id} until nxt fri", dt.date(2026, 12, 4)),
    ("postpone {id} til end of wk", dt.date(2026, 11, 27)),
    ("snooze {id} til fri next wk", dt.date(2026, 12, 4)),
    ("snooze {id} til end of nxt mth", dt.date(2026, 12, 31)),
    ("snooze {id} til nxt mth", dt.date(2026, 12, 1)),
    ("snooze {id} til in 2 wks", dt.date(2026, 12, 7)),
])
def test_a_follow_up_snoozed_til_a_day_cut_short_moves_to_that_day(team_chat, session_factory, said, day):
    visit_id = _follow_up(team_chat)
    reply = team_chat.reply(said.format(id=visit_id), user="Ana")
    assert reply.ok and "couldn't read" not in reply.text, reply.text
    assert f"{day:%b} {day.day}" in reply.text, reply.text
    assert _follow_up_day(session_factory, visit_id) == day


@pytest.mark.parametrize("said, day", [
    ("snooze task {id} till mon", dt.date(2026, 11, 30)),
    ("snooze task {id} til nxt wk", dt.date(2026, 11, 30)),
    ("task {id} til end of wk", dt.date(2026, 11, 27)),
    ("move task {id} til nxt fri", dt.date(2026, 12, 4)),
    ("push task {id} till end of nxt mth", dt.date(2026, 12, 31)),
])
def test_a_task_moved_til_a_day_cut_short_is_due_that_day(team_chat, session_factory, said, day):
    assert team_chat.reply("task call Acme about the quote by wed", user="Ana").ok
    with session_factory() as s:
        task_id = s.scalars(select(Task.id)).one()
    reply = team_chat.reply(said.format(id=task_id), user="Ana")
    assert reply.ok, reply.text
    with session_factory() as s:
        assert s.get(Task, task_id).due_on == day
