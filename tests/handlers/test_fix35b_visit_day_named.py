"""r31en #135: a visit named by its customer with a day correction (`oops that umbrella visit was
actually yesterday`, `the byd visit was on friday`, `拜访小米那条是昨天的`, `小米的拜访其实是上周五`)
moves that visit's day (it offered a new visit with the sentence as its notes); several recent visits
to the customer: asked which, one tap each; undo takes the day back."""
import datetime as dt

import pytest

from support import MON, records, visit_rows

pytestmark = pytest.mark.phrasing


@pytest.fixture
def rep(chat):
    chat.team(manager="王芳", reps=("Ana", "张伟"))
    chat.now = MON
    return chat


def _days(chat) -> list:
    return [at.date() for (at,) in visit_rows(chat, "visited_at")]


@pytest.mark.parametrize("user, logged, said, day, shown", [
    ("Ana", "visit +Umbrella: demo went well", "oops that umbrella visit was actually yesterday",
     dt.date(2026, 12, 6), "Sun, Dec 6"),
    ("Ana", "visit +Umbrella: demo went well", "the Umbrella visit was on friday", dt.date(2026, 12, 4),
     "Fri, Dec 4"),
    ("Ana", "visit +Umbrella: demo went well", "sorry, my visit to umbrella was yesterday",
     dt.date(2026, 12, 6), "Dec 6"),
    ("Ana", "visit +Umbrella: demo went well", "move the umbrella visit to yesterday", dt.date(2026, 12, 6),
     "Dec 6"),
    ("张伟", "拜访 +小米：聊了方案", "拜访小米那条是昨天的", dt.date(2026, 12, 6), "12月6日"),
    ("张伟", "拜访 +小米：聊了方案", "小米的拜访其实是上周五", dt.date(2026, 12, 4), "12月4日"),
    ("张伟", "拜访 +小米：聊了方案", "哦不对，小米那次拜访是昨天", dt.date(2026, 12, 6), "12月6日"),
])
def test_a_visit_named_by_its_customer_moves_its_day(rep, user, logged, said, day, shown):
    rep.said_ok(logged, user=user)
    rep.said_ok("visit +Globex: intro" if user == "Ana" else "拜访 +华为：初次见面", user=user)  # (not last)
    reply = rep.reply(said, user=user)
    assert reply.ok and shown in reply.text and "#1" in reply.text, reply.text
    assert _days(rep) == [day, MON.date()] and len(visit_rows(rep)) == 2
    assert rep.reply("undo", user=user).ok and _days(rep) == [MON.date(), MON.date()]


def test_several_recent_visits_to_the_customer_ask_which(rep):
    rep.now = MON - dt.timedelta(days=3)
    rep.said_ok("visit +Umbrella: intro")
    rep.now = MON
    rep.said_ok("visit Umbrella: demo")
    before = records(rep.session_factory)
    asked = rep.reply("that umbrella visit was actually yesterday")
    assert not asked.ok and "#1" in asked.text and "#2" in asked.text, asked.text
    assert records(rep.session_factory) == before
    assert rep.reply("2").ok  # the older one (the latest is listed first)
    assert _days(rep) == [dt.date(2026, 12, 6), MON.date()]
    assert rep.reply("undo").ok and _days(rep) == [dt.date(2026, 12, 4), MON.date()]


def test_a_customer_with_no_recent_visit_is_no_day_change(rep):
    rep.said_ok("customer +Umbrella tier B")
    before = records(rep.session_factory)
    reply = rep.reply("the umbrella visit was yesterday")
    assert "Visit #" not in reply.text, reply.text
    assert visit_rows(rep) == [] or records(rep.session_factory) != before and not reply.ok
