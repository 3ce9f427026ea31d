"""A target said as what a member is to do (`Bo needs 20 visits next month`, `Ana should close 500k
this month`, `张伟下个月要拜访30家客户`) is offered as the target command, one tap away; a count metric
given an amount of money (`set Bo's deal target for Q1 to 800k`, `目标 @张伟 单数 50万 下个月`) is never
800,000 deals: asked, with the revenue target one tap away. Today: Mon, Dec 7, 2026 (Shanghai)."""
import datetime as dt

import pytest

from support import MON, make_team_chat, records, target_rows

pytestmark = pytest.mark.phrasing

JAN, Q1 = dt.date(2027, 1, 1), dt.date(2027, 1, 1)
DEC = dt.date(2026, 12, 1)
FIELDS = ("member", "metric", "period_start", "amount")


@pytest.mark.parametrize(("said", "row"), [
    ("Bo needs 20 visits next month", ("Bo", "visits", JAN, 20)),
    ("Ana should close 500k this month", ("Ana", "revenue", DEC, 500_000)),
    ("bo has to hit 40 visits in january", ("Bo", "visits", JAN, 40)),
    ("Ana must win 2 deals this month", ("Ana", "deals_won", DEC, 2)),
    ("张伟下个月要拜访30家客户", ("张伟", "visits", JAN, 30)),
    ("Bo下季度得签80万", ("Bo", "revenue", Q1, 800_000)),
    ("张伟下个月要开5个新客户", ("张伟", "new_customers", JAN, 5)),
])
def test_what_a_member_is_to_do_is_offered_as_their_target(session_factory, said, row):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("Ana", "Bo", "张伟"))
    offer = chat.reply(said, user="王芳")
    assert not offer.ok and len(offer.buttons) == 1, offer.text
    assert target_rows(session_factory, *FIELDS) == []
    done = chat.reply("1", user="王芳")
    assert done.ok, done.text
    [(who, metric, start, amount)] = target_rows(session_factory, *FIELDS)
    assert (who, metric, start, int(amount)) == row


@pytest.mark.parametrize("said", ["Ana needs to call acme next month",
                                  "Bo should close the acme deal this month", "张伟下个月要拜访华为"])
def test_a_thing_to_do_with_no_figure_is_no_target(session_factory, said):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("Ana", "Bo", "张伟"))
    reply = chat.reply(said, user="王芳")
    assert all("target" not in b.command and "目标" not in b.command for b in reply.buttons), reply.text
    assert target_rows(session_factory, "member") == []


@pytest.mark.parametrize(("said", "offered", "row"), [
    ("set Bo's deal target for Q1 to 800k", "revenue", ("Bo", "revenue", Q1, 800_000)),
    ("target @Bo deals won 800k q1", "revenue", ("Bo", "revenue", Q1, 800_000)),
    ("target @Ana new customers 50k next month", "revenue", ("Ana", "revenue", JAN, 50_000)),
    ("目标 @张伟 单数 50万 下个月", "业绩", ("张伟", "revenue", JAN, 500_000)),
    ("张伟下个月单数目标50万", "业绩", ("张伟", "revenue", JAN, 500_000)),
])
def test_money_for_a_count_is_asked_never_a_count(session_factory, said, offered, row):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("Ana", "Bo", "张伟"))
    before = records(session_factory)
    reply = chat.reply(said, user="王芳")
    assert not reply.ok and offered in reply.text, reply.text
    assert records(session_factory) == before
    [button] = reply.buttons
    assert chat.reply(button.command, user="王芳").ok
    [(who, metric, start, amount)] = target_rows(session_factory, *FIELDS)
    assert (who, metric, start, int(amount)) == row


def test_a_rep_saying_what_another_is_to_do_sets_nothing(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("Ana", "Bo", "张伟"))
    reply = chat.reply("Bo needs 20 visits next month", user="Ana")
    chat.reply("1", user="Ana")
    assert "王芳" in reply.text or "manager" in reply.text.lower(), reply.text
    assert target_rows(session_factory, "member") == []
