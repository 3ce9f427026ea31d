"""Two customers visited in one English message, each with its own next step (`visited Globex and
Initech today. Globex demo next tue, Initech follow up fri`): offered as a visit to each, with the
clauses that name it as its notes and its own follow-up, never one customer "Globex and Initech"
nor both visits with all of the notes. SQLite and PostgreSQL; today is Monday 2026-11-23."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Visit

pytestmark = pytest.mark.phrasing


def _visits(session_factory) -> list[tuple[str, str, dt.date | None]]:
    with session_factory() as s:
        rows = s.execute(select(Customer.name, Visit.notes, Visit.follow_up_on)
                         .join(Customer, Customer.id == Visit.customer_id).order_by(Visit.id))
        return [tuple(row) for row in rows]


@pytest.mark.parametrize("said", [
    "visited Globex and Initech today. Globex demo next tue, Initech follow up fri",
    "visit Globex and Initech: Globex demo next tue, Initech follow up fri",
    "visited Globex & Initech today; Globex demo next tue; Initech follow up fri",
])
def test_two_customers_each_with_a_next_step_are_offered_as_a_visit_each(team_chat, session_factory, said):
    team_chat("visit Globex: intro")
    team_chat("visit Initech: intro")
    reply = team_chat.reply(said)
    assert not reply.ok and "a visit to each" in reply.text, reply.text
    assert [b.command for b in reply.buttons] == [
        "visit Globex: demo next tue; follow up next tue\nvisit Initech: follow up fri"], reply.text
    assert len(_visits(session_factory)) == 2  # nothing yet
    assert team_chat.reply("yes").ok
    assert _visits(session_factory)[2:] == [("Globex", "Globex demo next tue", dt.date(2026, 12, 1)),
                                            ("Initech", "Initech follow up fri", dt.date(2026, 11, 27))]
    with session_factory() as s:
        assert sorted(s.scalars(select(Customer.name))) == ["Globex", "Initech"]


def test_two_customers_with_one_shared_note_are_still_asked_one_message_each(team_chat, session_factory):
    team_chat("visit Globex: intro")
    team_chat("visit Initech: intro")
    reply = team_chat.reply("visit Globex & Initech: joint call")
    assert [b.command for b in reply.buttons] == ["visit Globex: joint call\nvisit Initech: joint call"]
    assert len(_visits(session_factory)) == 2
