"""fix29c 1: `yes and visits 35` to a target offered ("set this target?") read `visits 35` as a
message of its own (a visit to a customer "35", and `好的，拜访也定35次` logged a visit to a new
customer "也定35次"). A yes to an offered target with another metric's figure sets the offered
target and that metric's for the same member and period; words it cannot read are asked about,
nothing saved. Fed through the real dispatch; Mon, Dec 7, 2026."""
import datetime as dt
from decimal import Decimal

import pytest

from support import MON, customer_names, make_team_chat, records, target_rows, visit_rows

pytestmark = pytest.mark.phrasing

JAN, FEB = dt.date(2027, 1, 1), dt.date(2027, 2, 1)


def _offered(session_factory, offer: str):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("Bo", "张伟"))
    reply = chat.reply(offer, user="王芳")
    assert not reply.ok and reply.buttons, reply.text  # offered, nothing set yet
    assert target_rows(chat) == []
    return chat


@pytest.mark.parametrize("offer, said, shown, visits", [
    ("Bo new customers 3 next month", "yes and visits 35", "Target set: Bo, Visits 35 for January 2027", 35),
    ("Bo new customers 3 next month", "yes, 35 visits too", "Target set: Bo, Visits 35 for January 2027", 35),
    ("Bo new customers 3 next month", "ok and also visits 40", "Visits 40 for January 2027", 40),
    ("张伟 新客户 3个 下个月", "好的，拜访也定35次", "目标已设定：张伟，拜访 35，2027年1月", 35),
    ("张伟 新客户 3个 下个月", "好 拜访目标40次", "目标已设定：张伟，拜访 40，2027年1月", 40),
    ("张伟 新客户 3个 下个月", "可以，再加一个拜访30次", "目标已设定：张伟，拜访 30，2027年1月", 30),
])
def test_a_yes_with_another_metric_sets_both_for_the_same_member_and_month(session_factory, offer, said,
                                                                          shown, visits):
    chat = _offered(session_factory, offer)
    who = "Bo" if "Bo" in offer else "张伟"
    reply = chat.reply(said, user="王芳")
    assert reply.ok and shown in reply.text, reply.text
    assert target_rows(chat) == [(who, "new_customers", Decimal(3), JAN),
                                 (who, "visits", Decimal(visits), JAN)]
    assert visit_rows(chat) == [] and customer_names(chat) == []


@pytest.mark.parametrize("offer, said, shown", [
    ("Bo new customers 3 next month", "ok and visits 40 in feb", "Visits 40 for February 2027"),
    ("张伟 新客户 3个 下个月", "好的 拜访35次 二月", "拜访 35，2027年2月"),
])
def test_its_own_month_said_is_that_month(session_factory, offer, said, shown):
    chat = _offered(session_factory, offer)
    reply = chat.reply(said, user="王芳")
    assert reply.ok and shown in reply.text, reply.text
    assert [(metric, start) for _who, metric, _amount, start in target_rows(chat)] == [
        ("new_customers", JAN), ("visits", FEB)]


@pytest.mark.parametrize("offer, said, asked", [
    ("Bo new customers 3 next month", "yes and visits too, lots", "target @ana visits 40 month"),
    ("张伟 新客户 3个 下个月", "好，拜访也定很多次", "目标 @张三 拜访 40 本月"),
])
def test_a_target_too_without_a_figure_is_asked_nothing_saved(session_factory, offer, said, asked):
    chat = _offered(session_factory, offer)
    before = records(session_factory)
    reply = chat.reply(said, user="王芳")
    assert not reply.ok and asked in reply.text, reply.text
    assert records(session_factory) == before  # no target, no visit, no customer "也定很多次"
    assert reply.buttons  # the offered target alone still one tap away


def test_a_yes_and_a_visit_of_its_own_is_still_that_visit(session_factory):
    chat = _offered(session_factory, "Bo new customers 3 next month")
    reply = chat.reply("yes and visit +Acme Corp: demo", user="王芳")
    assert reply.ok and "Visit to Acme Corp logged" in reply.text, reply.text
    assert target_rows(chat) == [("Bo", "new_customers", Decimal(3), JAN)]
    assert visit_rows(chat) == [("Acme Corp", "demo", None)]
