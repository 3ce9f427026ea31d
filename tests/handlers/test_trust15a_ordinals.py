"""Issue #23, round 15: a day of the month in words as it is often typed (`the nineth`, `fith`,
`twelth`, `thrid`, `eigth`) is that day wherever a day is read (a task's due day, a visit's
follow-up, a snooze, a deal's close, leave), as `the ninth` is; never a title's or note's word.
Chinese days are digits (`9号`), checked beside them. Today is Mon, Nov 23, 2026."""
import datetime as dt
import re

import pytest
from sqlalchemy import select

from databases import prepared
from storage.models.sales import Deal, Task, Visit
from support import Chat

pytestmark = pytest.mark.phrasing


@prepared
def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "张伟"))
    assert chat.reply('deal +Acme "CRM" proposal 50k').ok
    return chat


@pytest.mark.parametrize("user, said, title, due", [
    ("Ana", "task call globex the nineth", "call globex", dt.date(2026, 12, 9)),
    ("Ana", "task call globex on the ninth", "call globex", dt.date(2026, 12, 9)),
    ("Ana", "task send the deck by the fith", "send the deck", dt.date(2026, 12, 5)),
    ("Ana", "task book dinner dec twelth", "book dinner", dt.date(2026, 12, 12)),
    ("Ana", "task renew the contract the thrid", "renew the contract", dt.date(2026, 12, 3)),
    ("Ana", "task prep the pilot the eigth", "prep the pilot", dt.date(2026, 12, 8)),
    ("Ana", "task order swag jan twenty fith", "order swag", dt.date(2027, 1, 25)),
    ("张伟", "任务 给华为打电话 9号", "给华为打电话", dt.date(2026, 12, 9)),
])
def test_a_misspelt_ordinal_is_the_tasks_day(session_factory, user, said, title, due):
    chat = _chat(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok, reply.text
    assert re.search(rf"{due:%b} {due.day}\b|{due.month}月{due.day}日", reply.text), reply.text
    with session_factory() as s:
        task = s.scalars(select(Task)).one()
    assert (task.title, task.due_on) == (title, due)


@pytest.mark.parametrize("said, day", [
    ("visit +Globex: demo went well; follow up the nineth", dt.date(2026, 12, 9)),
    ("visit +Globex: demo went well, follow up on the twelth", dt.date(2026, 12, 12)),
    ("visit +Globex: pricing call; fu the fith", dt.date(2026, 12, 5)),
])
def test_a_misspelt_ordinal_is_the_visits_follow_up(session_factory, said, day):
    chat = _chat(session_factory)
    assert chat.reply(said).ok
    with session_factory() as s:
        visit = s.scalars(select(Visit)).one()
    assert visit.follow_up_on == day and "th" not in visit.notes.replace("the", ""), visit.notes


@pytest.mark.parametrize("said, close", [("deal #1 close the thrid", dt.date(2026, 12, 3)),
                                         ("deal #1 close dec twelth", dt.date(2026, 12, 12)),
                                         ("商机 #1 预计 12月9号", dt.date(2026, 12, 9))])
def test_a_misspelt_ordinal_is_the_deals_close_day(session_factory, said, close):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="Ana")
    assert reply.ok, reply.text
    with session_factory() as s:
        assert s.get(Deal, 1).expected_close == close
