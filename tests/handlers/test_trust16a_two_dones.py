"""Issue #23, round 16: a second `N done` inside what came of a done (`29 done they bought already,
46 done too`, `完成 1，客户已经买了，完成 2`, `1搞定了，已签约，2也完成了`) is a second done: both
follow-ups done, each outcome its own, never one outcome holding the other command."""
import pytest
from sqlalchemy import select

from storage.models.sales import Task, Visit
from support import Chat

pytestmark = pytest.mark.phrasing


def _chat(session_factory, user: str) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=(user,))
    for line in ("visit +Acme: demo; follow up fri", "visit +Globex: intro; follow up fri"):
        assert chat.reply(line, user=user).ok, line
    return chat


def _visits(session_factory):
    with session_factory() as s:
        return [(v.id, v.follow_up_done, v.outcome) for v in s.scalars(select(Visit).order_by(Visit.id))]


@pytest.mark.parametrize("user, said, first, second, shown", [
    ("Ana", "1 done they bought already, 2 done too", "they bought already", "",
     "Kept with visit #1 as what came of it: they bought already"),
    ("Ana", "done 1: signed the PO, also 2 done - sent the deck", "signed the PO", "sent the deck",
     "Kept with visit #2 as what came of it: sent the deck"),
    ("Ana", "1 done, they bought already. done 2", "they bought already", "", "Marked 1 follow-up done."),
    ("张伟", "完成 1，客户已经买了，完成 2", "客户已经买了", "", "客户已经买了"),
    ("张伟", "1搞定了，已签约，2也完成了", "已签约", "", "已签约"),
])
def test_a_second_done_in_the_outcome_is_a_second_done(session_factory, user, said, first, second, shown):
    chat = _chat(session_factory, user)
    reply = chat.reply(said, user=user)
    assert reply.ok and shown in reply.text, reply.text
    assert _visits(session_factory) == [(1, True, first), (2, True, second)], reply.text
    with session_factory() as s:
        assert s.scalars(select(Task)).all() == []


def test_an_outcome_saying_a_number_done_with_no_comma_stays_one_outcome(session_factory):
    chat = _chat(session_factory, "Ana")
    reply = chat.reply("1 done they said 2 done deals this year", user="Ana")
    assert reply.ok, reply.text
    assert [row[1] for row in _visits(session_factory)] == [True, False]
