"""Round 20 (en): the bot offered "one task each" for `task @ana @bo update crm notes before fri
standup`, and `yes` then gave the usage and saved nothing: each person's line did not read (a day
followed by the event of that day, `fri standup`). Rules: (1) whatever an offer proposes, taking it
stores what it said; an offer whose lines would not read is never made (the trouble is said
instead); (2) a task due by a day said with that day's event (`before fri standup`, `by the thu
demo`, `周五站会前`) is due that day, the event kept in the title."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Deal, Task
from storage.models.team import Contest as TeamContest
from storage.models.team import Leave
from support import task_rows

pytestmark = pytest.mark.phrasing
FRI = dt.date(2026, 11, 27)  # the Friday of the tests' week (support.NOW: Mon, Nov 23 2026)


_TASKS = ("assignee", "title", "due_on")  # what the tests read


@pytest.mark.parametrize("typed, answer, title, due", [
    ("task @ana @bo update crm notes before fri standup", "yes", "update crm notes before standup", FRI),
    ("task @ana and @bo prep slides by the fri demo", "1", "prep slides by the demo", FRI),
    ("task @ana @bo send the deck before the fri review", "ok", "send the deck before the review", FRI),
    ("任务 @Ana @Bo 周五站会前更新CRM备注", "好的", "站会前更新CRM备注", FRI),
    ("任务 @Ana @Bo 周五例会前准备周报", "1", "例会前准备周报", FRI),
])
def test_one_task_each_taken_stores_a_task_for_each(team_chat, session_factory, typed, answer, title, due):
    asked = team_chat.reply(typed, user="Mia")
    assert not asked.ok and len(asked.buttons) == 1, asked.text
    assert task_rows(session_factory, *_TASKS) == []
    taken = team_chat.reply(answer, user="Mia")
    assert taken.ok and title in taken.text, taken.text
    assert task_rows(session_factory, *_TASKS) == [("Ana", title, due), ("Bo", title, due)]


@pytest.mark.parametrize("typed, user, title, due", [
    ("task @ana update crm notes before fri standup", "Mia", "update crm notes before standup", FRI),
    ("task update crm notes by fri standup", "Ana", "update crm notes by standup", FRI),
    ("task prep slides before the thu demo", "Ana", "prep slides before the demo", dt.date(2026, 11, 26)),
    ("任务 周五站会前更新CRM备注", "Ana", "站会前更新CRM备注", FRI),
])
def test_a_task_due_by_a_days_event_is_due_that_day(team_chat, session_factory, typed, user, title, due):
    reply = team_chat.reply(typed, user=user)
    assert reply.ok and title in reply.text, reply.text
    assert [(t, d) for _who, t, d in task_rows(session_factory, *_TASKS)] == [(title, due)]


def test_one_task_each_is_never_offered_when_its_lines_would_not_read(team_chat, session_factory):
    reply = team_chat.reply("task @ana @bo call acme by fri or sat", user="Mia")
    assert not reply.ok and not reply.buttons and "task send the quote to Acme by Fri" in reply.text
    assert task_rows(session_factory, *_TASKS) == []


def _count(session_factory, model):
    with session_factory() as s:
        return len(s.scalars(select(model)).all())


@pytest.mark.parametrize("typed, user, answer, model, stored", [
    ("off 12/23 - 12/31 for xmas", "Ana", "yes", Leave, 1),
    ("contest visits 12/1-12/15, winner gets dinner", "Mia", "yes", TeamContest, 1),
    ("竞赛 拜访 12月1日-12月15日 奖品：iPad一台", "Mia", "好的", TeamContest, 1),
    ("deal Initrode, cloud migration, 25k, proposal", "Ana", "yes", Deal, 1),
    ("task @ana @bo update crm notes before fri standup", "Mia", "yes", Task, 2),
    ("task 9 call Acme", "Ana", "1", Task, 1),
])
def test_taking_an_offer_stores_what_it_said(team_chat, session_factory, typed, user, answer, model, stored):
    """A sample of offers across commands: each is asked (nothing stored), and the answer stores
    what the offer's line said."""
    team_chat.team(reps=("Ana", "Bo", "张伟"))
    asked = team_chat.reply(typed, user=user)
    assert not asked.ok and asked.buttons, asked.text
    assert _count(session_factory, model) == 0
    taken = team_chat.reply(answer, user=user)
    assert taken.ok, taken.text
    assert _count(session_factory, model) == stored
