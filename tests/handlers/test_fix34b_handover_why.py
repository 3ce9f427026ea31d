"""fix34b case 3: a handover said with why (`give task 12 to Bo because he knows them`, `move task 6
to Bo because …`, `task 6 to Bo as he is there tomorrow`, `把任务6交给Bo，因为他熟`) was not
understood or read the why as a due day. The task (or deal) goes to that member, its day and title as
they were; the why is said back as not kept; undo gives it back. Mon, Dec 7, 2026."""
import datetime as dt

import pytest

from support import MON, deal_rows, make_team_chat, task_rows

pytestmark = pytest.mark.phrasing
FRI = dt.date(2026, 12, 11)


def _chat(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("Ana", "Bo"))
    chat.said_ok("task @Ana send the deck by fri", user="王芳")
    return chat


@pytest.mark.parametrize("said, why", [
    ("give task 1 to Bo because he knows them", "because he knows them"),
    ("move task 1 to Bo because he knows them", "because he knows them"),
    ("task 1 to Bo as he is there tomorrow", "as he is there tomorrow"),
    ("hand task 1 to Bo, he sees them monday", "he sees them monday"),
    ("把任务1交给Bo，因为他熟", "因为他熟"),
    ("任务1给Bo 由于他周四在那边", "由于他周四在那边"),
])
def test_a_handover_with_its_why_gives_the_task_and_keeps_its_day(session_factory, said, why):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="王芳")
    assert reply.ok and why in reply.text and "Bo" in reply.text, reply.text
    assert task_rows(session_factory, "title", "assignee", "due_on") == [("send the deck", "Bo", FRI)]
    assert chat.reply("undo", user="王芳").ok
    assert task_rows(session_factory, "title", "assignee", "due_on") == [("send the deck", "Ana", FRI)]


def test_a_deal_handed_over_with_its_why_changes_only_its_owner(session_factory):
    chat = _chat(session_factory)
    chat.said_ok('deal +Acme "CRM" 60k', user="Ana")
    [(deal, _owner)] = deal_rows(session_factory, "id", "owner")
    reply = chat.reply(f"give deal {deal} to bo since he owns acme now", user="王芳")
    assert reply.ok and "since he owns acme now" in reply.text, reply.text
    assert deal_rows(session_factory, "owner", "title") == [("Bo", "CRM")]


def test_a_move_to_a_day_with_why_is_still_the_day(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("move task 1 to thu because im out fri", user="王芳").ok
    assert task_rows(session_factory, "assignee", "due_on") == [("Ana", dt.date(2026, 12, 10))]
