"""Round 22 (r22en #39): `contest new customers dec 7 - dec 23 biggest number wins a dinner` said
"There is no team 'biggest number wins a dinner'". Words after a contest's days that name no team (a
prize, a description) are said back: a contest keeps none, so the contest is offered without them,
one tap, nothing started before it (handlers/team/contests.py)."""
import datetime as dt

import pytest

from support import contest_rows, make_team_chat

pytestmark = pytest.mark.phrasing


@pytest.mark.parametrize("manager, said, words, metric", [
    ("Mia", "contest new customers dec 7 - dec 23 biggest number wins a dinner",
     "biggest number wins a dinner", "new_customers"),
    ("Mia", "contest visits dec 7-dec 23 winner gets a spa day", "winner gets a spa day", "visits"),
    ("王芳", "竞赛 新客户 12月7日-12月23日 第一名请吃饭", "第一名请吃饭", "new_customers"),
])
def test_a_contests_prize_words_are_offered_dropped(session_factory, manager, said, words, metric):
    chat = make_team_chat(session_factory, now=dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc),
                          manager=manager, reps=("Ana", "Bo"))
    reply = chat.reply(said, user=manager)
    assert not reply.ok and words in reply.text and len(reply.buttons) == 1, reply.text
    assert "There is no team" not in reply.text
    assert contest_rows(session_factory) == []
    started = chat.reply("1", user=manager)
    assert started.ok, started.text
    [(kept, first, last)] = contest_rows(session_factory)
    assert (first, last) == (dt.date(2026, 12, 7), dt.date(2026, 12, 23))
    assert kept.replace(" ", "_") == metric or metric in kept, kept


def test_a_team_misspelt_is_still_offered_by_name(session_factory):
    chat = make_team_chat(session_factory, manager="Mia", reps=("Ana",))
    reply = chat.reply("contest visits dec 7-dec 23 Sales Tem", user="Mia")
    assert not reply.ok and "no team" in reply.text, reply.text
    assert [b.label for b in reply.buttons] == ["Sales"], reply.buttons
    assert contest_rows(session_factory) == []
