"""Round 15's fresh-eyes findings (issue #23), class 6: questions that were needless. The visit's
word said after the customer's name (`umbrella visit - …`, `腾讯拜访：…`) is the command word; a
stage said short with a name (`deal globex nego 130k`, as README shows `nego`) is the stage; a
known customer named in full before a comma (`visit stark industries met tony's assistant, …`) is
that customer; the undo word alone after words of a mistake (`oops wrong one, undo`, `不对 撤销`) is
the undo. Each is done at once, stored as meant. Today is Sunday, Dec 6, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Deal, Task, Visit
from support import Chat
from tests.handlers.test_report_figures import at

pytestmark = pytest.mark.phrasing

FRI, THU = dt.date(2026, 12, 11), dt.date(2026, 12, 10)


def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo", "张伟"))
    chat.now = at("2026-12-06")
    for user, line in (("Bo", "visit +Umbrella: intro"), ("Bo", "visit +Globex: intro"),
                       ("Bo", "visit +Stark Industries: intro"), ("Ana", "visit +Acme Corp: intro"),
                       ("张伟", "拜访 +腾讯：初次见面"), ("张伟", "拜访 +华为：初次见面"),
                       ("Bo", 'deal Globex "ERP" proposal 120k')):
        assert chat.reply(line, user=user).ok, line
    return chat


def _visits(session_factory):
    with session_factory() as s:
        return [(s.get(Customer, v.customer_id).name, v.notes, v.follow_up_on)
                for v in s.scalars(select(Visit).order_by(Visit.id))][6:]  # past the intros


def _customers(session_factory):
    with session_factory() as s:
        return sorted(c.name for c in s.scalars(select(Customer)))


@pytest.mark.parametrize(("user", "said", "visit"), [
    ("Bo", "umbrella visit - renewal looks good, cfo signed off on budget follow up eow",
     ("Umbrella", "renewal looks good, cfo signed off on budget", FRI)),
    ("Bo", "globex visit, pricing review went ok", ("Globex", "pricing review went ok", None)),
    ("Bo", "Umbrella visit: lunch with procurement; fu fri", ("Umbrella", "lunch with procurement", FRI)),
    ("张伟", "腾讯拜访：聊了试点，跟进 周五", ("腾讯", "聊了试点", FRI)),
    ("张伟", "华为 拜访 - 见了采购 下周三跟进", ("华为", "见了采购", dt.date(2026, 12, 9))),
])
def test_the_visit_word_after_the_customer_is_the_command_word(session_factory, user, said, visit):
    chat = _chat(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok, reply.text
    assert visit[0] in reply.text and visit[1] in reply.text, reply.text
    assert _visits(session_factory) == [visit]


def test_a_next_contact_in_other_words_is_the_only_question(session_factory):
    chat = _chat(session_factory)
    asked = chat.reply("acme corp visit: showed the new dashbaord, they loved it. call back thurs")
    assert not asked.ok and "“thurs”" in asked.text and "or a task" not in asked.text, asked.text
    assert _visits(session_factory) == []
    assert chat.reply("1").ok
    assert _visits(session_factory) == [
        ("Acme Corp", "showed the new dashbaord, they loved it. call back thurs", THU)]


@pytest.mark.parametrize(("user", "said", "stored"), [
    ("Bo", "deal globex nego 130k close 12/23", ("negotiation", 130000, dt.date(2026, 12, 23))),
    ("Bo", "deal globex negot 125k", ("negotiation", 125000, None)),
    ("Bo", "deal Globex prop 110k close jan 15", ("proposal", 110000, dt.date(2027, 1, 15))),
])
def test_a_stage_said_short_after_a_name_is_the_stage(session_factory, user, said, stored):
    chat = _chat(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok, reply.text
    with session_factory() as s:
        [deal] = s.scalars(select(Deal)).all()
        assert (deal.stage, int(deal.amount), deal.expected_close if stored[2] else None) == stored


def test_a_stage_said_short_in_three_letters_after_a_name_is_still_asked(session_factory):
    chat = _chat(session_factory)
    asked = chat.reply("deal globex neg 130k", user="Bo")
    assert not asked.ok and "neg" in asked.text, asked.text
    with session_factory() as s:
        assert s.scalar(select(Deal.stage)) == "proposal"


@pytest.mark.parametrize(("said", "visit"), [
    ("visit stark industries met tony's assistant, they need a quote for 40 seats fu next friday",
     ("Stark Industries", "met tony's assistant, they need a quote for 40 seats", FRI)),
    ("visit stark met the cto again, they need a quote fu fri",
     ("Stark Industries", "met the cto again, they need a quote", FRI)),
    ("visit globex had lunch w procurement, all good", ("Globex", "had lunch w procurement, all good", None)),
])
def test_a_known_customer_before_a_comma_is_that_customer(session_factory, said, visit):
    chat = _chat(session_factory)
    customers = _customers(session_factory)
    reply = chat.reply(said, user="Bo")
    assert reply.ok, reply.text
    assert _visits(session_factory) == [visit] and _customers(session_factory) == customers


def test_words_that_may_go_on_the_name_before_a_comma_are_still_asked(session_factory):
    chat = _chat(session_factory)
    asked = chat.reply("visit globex corp international group, intro", user="Bo")
    assert not asked.ok and asked.buttons, asked.text
    assert _visits(session_factory) == []


@pytest.mark.parametrize(("user", "said"), [
    ("Ana", "oops wrong one, undo"), ("Ana", "pls undo"), ("Ana", "Undo!"), ("Ana", "my bad - undo"),
    ("张伟", "不对 撤销"), ("张伟", "搞错了，撤回一下"),
])
def test_the_undo_word_after_words_of_a_mistake_undoes_at_once(session_factory, user, said):
    chat = _chat(session_factory)
    assert chat.reply("task call Globex about the renewal" if user == "Ana" else "任务 给华为打电话",
                      user=user).ok
    with session_factory() as s:
        assert len(s.scalars(select(Task)).all()) == 1
    reply = chat.reply(said, user=user)
    assert reply.ok and ("Undone" in reply.text or "已撤销" in reply.text), reply.text
    with session_factory() as s:
        assert s.scalars(select(Task)).all() == []


def test_an_undo_that_points_at_something_is_still_offered(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("task call Globex about the renewal").ok
    offered = chat.reply("oops, undo that")
    assert not offered.ok and [b.command for b in offered.buttons] == ["undo confirm"], offered.text
    with session_factory() as s:
        assert len(s.scalars(select(Task)).all()) == 1
