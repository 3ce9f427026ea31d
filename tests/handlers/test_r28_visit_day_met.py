"""r28en: `visit 小米: met IT head mr liu yesterday, …` was dated today, "yesterday" left in the notes
(README: a visit's day said in its notes is the visit's day). A meeting told with a day that can only
be gone by (yesterday, last fri) in the same clause is the visit's day; a weekday alone may be one to
come (asked as a follow-up, as before); with no such day the visit is today's."""
import datetime as dt

import pytest

from support import MON, make_team_chat, visit_rows

pytestmark = pytest.mark.phrasing
SHANGHAI = dt.timezone(dt.timedelta(hours=8))


@pytest.mark.parametrize("said, day, shown", [
    ("visit 小米: met IT head mr liu yesterday, they want a demo", dt.date(2026, 12, 6), "Sun, Dec 6"),
    ("visit 小米: saw their CTO last fri, budget is approved", dt.date(2026, 12, 4), "Fri, Dec 4"),
    ("visit 小米: had lunch with procurement yesterday", dt.date(2026, 12, 6), "Sun, Dec 6"),
    ("visit 小米: met the cfo, good chat", dt.date(2026, 12, 7), None),
])
def test_a_meeting_told_with_a_day_gone_by_is_the_visits_day(session_factory, said, day, shown):
    chat = make_team_chat(session_factory, now=MON)
    assert chat.reply("visit +小米: intro", user="Bo").ok
    reply = chat.reply(said, user="Ana")
    assert reply.ok and (shown is None or shown in reply.text), reply.text
    [(_first, _notes, _fu, at), (customer, notes, _follow_up, visited)] = visit_rows(
        session_factory, "customer", "notes", "follow_up_on", "visited_at")
    assert customer == "小米" and notes == said.split(": ", 1)[1]
    assert visited.replace(tzinfo=dt.timezone.utc).astimezone(SHANGHAI).date() == day
