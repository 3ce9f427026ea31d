"""A second command after a break in a done's note (`93 done - initech signed w/ someone else. snooze
130 2 days`) is asked about: both run, one after the other, or all of it kept as what came of the
follow-up; never the second command stored as text unasked (#23, r17)."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Task, Visit

pytestmark = pytest.mark.phrasing

DEC6 = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)


def _visits(chat):
    chat.now = DEC6
    chat("visit +Initech: intro, follow up tmrw", user="Bo")
    chat("visit +Stark: demo, follow up tmrw", user="Bo")
    with chat.session_factory() as s:
        return [v.id for v in s.scalars(select(Visit).order_by(Visit.id))]


def _state(chat):
    with chat.session_factory() as s:
        return {v.id: (v.outcome, v.follow_up_done, v.follow_up_on) for v in s.scalars(select(Visit))}


@pytest.mark.parametrize("said, note, asked", [
    ("{a} done - initech signed w/ someone else. snooze {b} 2 days", "initech signed w/ someone else", True),
    ("done {a}: initech signed w/ someone else. snooze {b} 2 days", "initech signed w/ someone else", True),
    ("done {a}: initech signed w/ someone else, also snooze {b} 2 days", "initech signed w/ someone else",
     False),  # joined by a word: both run in order, as the README says
    ("{a}搞定了，演示做完了。推迟 {b} 2天", "演示做完了", True),
    ("完成 {a}：演示做完了；另外推迟 {b} 2天", "演示做完了", False),
])
def test_a_second_command_in_a_dones_note_is_asked_and_both_run(team_chat, said, note, asked):
    a, b = _visits(team_chat)
    before = _state(team_chat)
    out = team_chat.reply(said.format(a=a, b=b), user="Bo")
    if asked:
        assert not out.ok and len(out.buttons) == 2, out.text
        assert _state(team_chat) == before
        out = team_chat("1", user="Bo")
    after = _state(team_chat)
    assert after[b] == ("", False, dt.date(2026, 12, 9)), out  # snoozed 2 working days from Mon Dec 7
    assert after[a][:2] == (note, True), out


def test_all_of_it_as_the_note_when_asked(team_chat):
    a, b = _visits(team_chat)
    team_chat.reply(f"done {a}: initech signed w/ someone else. snooze {b} 2 days", user="Bo")
    team_chat("2", user="Bo")
    after = _state(team_chat)
    assert after[b] == ("", False, dt.date(2026, 12, 7))
    assert after[a][:2] == ("initech signed w/ someone else. snooze 2 2 days", True)


def test_a_task_done_with_a_new_task_after_it(team_chat):
    team_chat.now = DEC6
    team_chat("task send the NDA by fri", user="Ana")
    asked = team_chat.reply("done task 1: sent it. task call acme tmrw", user="Ana")
    assert not asked.ok and len(asked.buttons) == 2, asked.text
    team_chat("1", user="Ana")
    with team_chat.session_factory() as s:
        tasks = [(t.title, t.done_at is not None) for t in s.scalars(select(Task).order_by(Task.id))]
    assert tasks == [("send the NDA", True), ("call acme", False)]


def test_words_about_a_deal_after_a_comma_stay_the_note(team_chat):
    a, _b = _visits(team_chat)
    assert team_chat.reply(f"done {a}: sent the deck, deal looks good", user="Bo").ok
