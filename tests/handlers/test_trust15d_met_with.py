"""Round 15's fresh-eyes findings (issue #23), class 5: who came along on a visit is never a
customer. `w/`, `w` and `with` after the customer's name say who was met with (the notes keep it), a
team member's name joined to the customer's (`腾讯和王芳`, `globex & Ana`) is no second customer, and a
customer's name never swallows `today`. Today is Sunday, Dec 6, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Visit
from support import Chat
from tests.handlers.test_report_figures import at

pytestmark = pytest.mark.phrasing


def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo", "张伟", "王芳"))
    chat.now = at("2026-12-06")
    for user, line in (("Bo", "拜访 +腾讯：初次见面"), ("Bo", "visit +Globex: intro"),
                       ("Bo", "visit +Initech: intro")):
        assert chat.reply(line, user=user).ok, line
    return chat


def _stored(session_factory):
    with session_factory() as s:
        customers = sorted(c.name for c in s.scalars(select(Customer)))
        visits = [(s.get(Customer, v.customer_id).name, v.notes, v.follow_up_on)
                  for v in s.scalars(select(Visit).order_by(Visit.id))][3:]  # past the intros
    return customers, visits


@pytest.mark.parametrize(("user", "said", "visit"), [
    ("Bo", "visited tencent today w/ 张伟, they want a pilot in jan fu 12/15",
     ("腾讯", "w/ 张伟, they want a pilot in jan", dt.date(2026, 12, 15))),
    ("Bo", "visit tencent w/张伟 they want a pilot fu 12/15",
     ("腾讯", "w/张伟 they want a pilot", dt.date(2026, 12, 15))),
    ("Bo", "visited globex today with ana, they want a demo fu fri",
     ("Globex", "with ana, they want a demo", dt.date(2026, 12, 11))),
    ("Ana", "visited initech w bo today, pricing review", ("Initech", "w bo today, pricing review", None)),
    ("Bo", "visit globex & Ana: joint pricing call", ("Globex", "with Ana, joint pricing call", None)),
    ("Bo", "visit tencent and @张伟: pilot talk", ("腾讯", "with @张伟, pilot talk", None)),
    ("张伟", "拜访 腾讯和王芳：聊了试点 跟进 12/15", ("腾讯", "和王芳，聊了试点", dt.date(2026, 12, 15))),
    ("张伟", "拜访 腾讯 w/ Bo：聊了试点", ("腾讯", "w/ Bo，聊了试点", None)),
])
def test_who_came_along_is_in_the_notes_never_a_customer(session_factory, user, said, visit):
    chat = _chat(session_factory)
    customers = _stored(session_factory)[0]
    reply = chat.reply(said, user=user)
    assert reply.ok, reply.text
    assert visit[0] in reply.text and visit[1] in reply.text, reply.text
    assert _stored(session_factory) == (customers, [visit])  # no customer made


@pytest.mark.parametrize("said", ["visit initech quick coffe w/ Sarah they want a demo next wk fu mon",
                                  "vist initech quick coffe w/ Sarah they want a demo next wk fu mon"])
def test_with_no_mark_after_the_name_the_known_name_in_front_is_the_customer(session_factory, said):
    chat = _chat(session_factory)
    customers = _stored(session_factory)[0]
    reply = chat.reply(said, user="Ana")
    if "vist" in said:  # the typo offered, then answered
        assert not reply.ok and reply.buttons, reply.text
        reply = chat.reply("yes", user="Ana")
    assert reply.ok, reply.text
    assert _stored(session_factory) == (customers, [
        ("Initech", "quick coffe w/ Sarah they want a demo next wk", dt.date(2026, 12, 7))])


def test_two_customers_joined_are_still_asked(session_factory):
    chat = _chat(session_factory)
    before = _stored(session_factory)
    asked = chat.reply("visit globex and initech: joint call", user="Bo")
    assert not asked.ok and "globex · initech" in asked.text, asked.text
    assert _stored(session_factory) == before
