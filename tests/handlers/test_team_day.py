"""A stored instant is read as the member's day, not the UTC day: at 07:00 in Shanghai on Tuesday it
is still Monday in UTC, and a visit logged then is Tuesday's — in corrections that compare days, in
the labels of the visits asked about, and in the dates an answer to the bot's question counts from."""
import datetime as dt

import pytest

from support import make_team_chat, visit_rows

pytestmark = pytest.mark.phrasing

#: Tue, Dec 8, 2026, 07:00 in Shanghai: Mon, Dec 7, 23:00 UTC
EARLY_TUE = dt.datetime(2026, 12, 7, 23, 0, tzinfo=dt.timezone.utc)
TUE, NEXT_MON, NEXT_TUE = dt.date(2026, 12, 8), dt.date(2026, 12, 14), dt.date(2026, 12, 15)


@pytest.mark.parametrize("said", ["no wait it was tuesday not monday", "不对 是周二 不是周一"])
def test_not_monday_early_on_tuesday_moves_the_follow_up(session_factory, said):
    chat = make_team_chat(session_factory, now=EARLY_TUE)
    assert chat.reply("visit +Globex: demo. follow up monday").ok
    [(visited, follow)] = visit_rows(session_factory, "visited_at", "follow_up_on")
    assert follow == NEXT_MON
    reply = chat.reply(said)
    assert reply.ok, reply.text  # the follow-up is the Monday said; the visit was on Tuesday
    [(visited_after, follow_after)] = visit_rows(session_factory, "visited_at", "follow_up_on")
    assert (visited_after, follow_after) == (visited, NEXT_TUE), reply.text


def test_visits_asked_about_are_labelled_with_their_own_day(session_factory):
    chat = make_team_chat(session_factory, now=EARLY_TUE)
    assert chat.reply("visit +Globex: demo\nvisit +Initech: call").ok
    assert len(visit_rows(session_factory, "id")) == 2
    reply = chat.reply("actually it was yesterday")
    labels = " ".join(button.label for button in reply.buttons)
    assert not reply.ok and "12-08" in labels and "12-07" not in labels, labels
