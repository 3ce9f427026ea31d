"""Round 14's fresh-eyes findings (issue #23): a day of the month said in words (`the fifteenth`,
`dec fifteenth`), a weekday with its date (`monday the 14th`, `wed the 16th`) and a weekday of a
named week (`tuesday next week`) are read whole, never cut to the weekday with the rest left in a
visit's next step."""
import datetime as dt

import pytest
from sqlalchemy import select

from handlers.grammar.dates import parse_date
from storage.models.sales import Visit
from tests.handlers.test_report_figures import at

pytestmark = pytest.mark.phrasing

SUNDAY = dt.date(2026, 12, 6)


@pytest.mark.parametrize(("said", "day"), [
    ("the fifteenth", dt.date(2026, 12, 15)), ("dec fifteenth", dt.date(2026, 12, 15)),
    ("january fifteenth", dt.date(2027, 1, 15)), ("the twenty-first", dt.date(2026, 12, 21)),
    ("jan thirty first", dt.date(2027, 1, 31)), ("monday the 14th", dt.date(2026, 12, 14)),
    ("monday the fourteenth", dt.date(2026, 12, 14)), ("wed the 16th", dt.date(2026, 12, 16)),
    ("wednesday, the sixteenth", dt.date(2026, 12, 16)), ("wed dec 16", dt.date(2026, 12, 16)),
    ("tuesday next week", dt.date(2026, 12, 8)), ("fri this week", dt.date(2026, 12, 11)),
    ("mon the 16th", None), ("mon dec 16", None),  # a weekday that is not the date's: no day guessed
    ("first", None), ("the thirty-second", None),
])
def test_days_in_words_and_weekdays_with_their_date(said, day):
    assert parse_date(said, SUNDAY) == day


def _visits(session_factory):
    with session_factory() as s:
        return [(v.notes, v.next_step, v.follow_up_on) for v in s.scalars(select(Visit).order_by(Visit.id))]


@pytest.mark.parametrize(("said", "day"), [
    ("visit Globex: met the procurement dir. follow up dec fifteenth", dt.date(2026, 12, 15)),
    ("visit Globex: they want the crm pilot, follow up on the fifteenth", dt.date(2026, 12, 15)),
    ("visit Globex: pricing review w cfo; follow up on monday the 14th", dt.date(2026, 12, 14)),
    ("visit Globex: sent pilot SOW; follow up wed the 16th", dt.date(2026, 12, 16)),
    ("visit Globex: demo done, follow up tuesday next week", dt.date(2026, 12, 8)),
])
def test_a_follow_up_day_said_in_words_is_the_follow_up_and_nothing_is_left_in_the_next_step(
        team_chat, session_factory, said, day):
    team_chat.now = at("2026-12-06")
    reply = team_chat.reply(said, user="Ana")
    assert reply.ok, reply.text
    [(notes, next_step, follow_up)] = _visits(session_factory)
    assert (next_step, follow_up) == ("", day) and "follow" not in notes, (notes, next_step)
    assert day.strftime("%b %-d") in reply.text


@pytest.mark.parametrize("said", ["拜访 華為 跟進 下週二 紀要 客户要POC环境",
                                  "拜访 华为 跟进 下周二 纪要 客户要POC环境",
                                  "visit 华为: follow up tue, notes: they want a POC"])
def test_the_notes_label_after_a_follow_up_starts_the_notes(team_chat, session_factory, said):
    team_chat.now = at("2026-12-06")
    reply = team_chat.reply(said, user="Ana")
    assert reply.ok, reply.text
    [(notes, next_step, follow_up)] = _visits(session_factory)
    assert (next_step, follow_up) == ("", dt.date(2026, 12, 8)) and "POC" in notes, (notes, next_step)


@pytest.mark.parametrize(("said", "first", "last"), [
    ("leave dec ninth and tenth", dt.date(2026, 12, 9), dt.date(2026, 12, 10)),
    ("leave the ninth to the eleventh", dt.date(2026, 12, 9), dt.date(2026, 12, 11)),
])
def test_leave_on_days_said_in_words(team_chat, session_factory, said, first, last):
    from storage.models.team import Leave

    team_chat.now = at("2026-12-06")
    reply = team_chat.reply(said, user="Ana")
    assert reply.ok, reply.text
    with session_factory() as s:
        days = sorted(d for leave in s.scalars(select(Leave)) for d in (leave.first_day, leave.last_day))
    assert (days[0], days[-1]) == (first, last)


@pytest.mark.parametrize("said", ["visit Globex: pricing review; follow up monday the 15th",
                                  "visit Globex: pricing review; fu mon dec 16"])
def test_a_weekday_that_is_not_the_dates_weekday_is_asked_never_cut_to_the_weekday(team_chat, session_factory,
                                                                                  said):
    team_chat.now = at("2026-12-06")  # Dec 15 is a Tuesday, Dec 16 a Wednesday
    reply = team_chat.reply(said, user="Ana")
    assert not reply.ok, reply.text
    assert _visits(session_factory) == []
