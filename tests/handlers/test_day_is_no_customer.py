"""fix33d saw `拜访 本周` log a visit to a new customer named "本周" (and `visit this week` one named
"this week"), silently. A name that is a day or a period and nothing else is never a new customer
unasked: the visits of that period are one tap, the new customer after all another."""
import pytest

from support import MON, customer_names, make_team_chat, visit_rows

pytestmark = pytest.mark.phrasing


@pytest.mark.parametrize("typed, said, listed", [
    ("拜访 本周", "“本周”是时间，不是客户名称", "拜访记录 本周"),
    ("visit this week", "“this week” is a day, not a customer's name", "visits this week"),
    ("visit last month", "“last month” is a day, not a customer's name", "visits last month"),
    ("拜访 上周", "“上周”是时间，不是客户名称", "拜访记录 上周"),
    ("拜访 今天", "“今天”是时间，不是客户名称", None),
])
def test_a_visit_to_a_day_makes_no_customer_and_offers_that_periods_visits(session_factory, typed, said,
                                                                           listed):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟",))
    before = customer_names(session_factory)
    reply = chat.reply(typed, user="张伟")
    assert not reply.ok and said in reply.text, reply.text
    assert customer_names(session_factory) == before and visit_rows(session_factory, "id") == []
    commands = [b.command for b in reply.buttons]
    assert (listed in commands) if listed else not any("拜访记录" in c for c in commands), commands
    assert any("+" in c for c in commands), commands  # the new customer after all: one tap
    if listed:
        shown = chat.reply(listed, user="张伟")
        assert shown.ok and customer_names(session_factory) == before, shown.text


def test_a_customer_named_like_a_day_is_still_made_when_asked(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟",))
    reply = chat.reply("visit +this week: a shop really named so", user="张伟")
    assert reply.ok, reply.text
    assert "this week" in customer_names(session_factory)
