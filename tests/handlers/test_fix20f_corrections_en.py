"""Round 20 (en): corrections the README promises that were not understood. Rules: a correction
that fits one field of the member's last change, said right after it, is made at once and said
back old → new: one of several targets just set, by its member's name (`no ana should be 550k`),
an exchange rate just set (`oops 7.21`), a leave's days as two weekdays (`actually make it thu and
fri`: in the leave's week). With a message between that changed nothing (a list such as `progress
team`, or a refusal), nothing older is corrected unasked: the reply quotes that message and offers
the correction with one tap (`nah make it B` after a refused tier change: what to type). While an
offer is open, new days for it (`no, 12/28-12/31, i'll work xmas eve`) edit the offer and ask
again."""
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from storage.models.sales import Customer
from storage.models.team import Target
from storage.models.workspace import ExchangeRate, Member
from support import leave_rows

pytestmark = pytest.mark.phrasing


def _targets(session_factory):
    with session_factory() as s:
        return sorted((s.get(Member, t.member_id).display_name, t.amount) for t in s.scalars(select(Target))
                      if t.member_id)


_LEAVES = ("first_day", "last_day")  # what the tests read


@pytest.mark.parametrize("fix, said", [
    ("no ana should be 550k", "Corrected: it was ¥500K."),
    ("oops, Ana 550k", "Corrected: it was ¥500K."),
    ("actually ana's target should be 550k", "Corrected: it was ¥500K."),
    ("不对 Ana 应该是55万", "已更正"),
])
def test_one_of_several_targets_just_set_is_corrected_by_name(team_chat, session_factory, fix, said):
    assert team_chat.reply("targets next month: Bo 450k, Ana 500k", user="Mia").ok
    reply = team_chat.reply(fix, user="Mia")
    assert reply.ok and said in reply.text, reply.text
    assert _targets(session_factory) == [("Ana", Decimal("550000")), ("Bo", Decimal("450000"))]


def test_a_name_of_no_target_just_set_corrects_nothing(team_chat, session_factory):
    assert team_chat.reply("targets next month: Bo 450k, Ana 500k", user="Mia").ok
    reply = team_chat.reply("no mia should be 550k", user="Mia")
    assert "Corrected" not in reply.text
    assert _targets(session_factory) == [("Ana", Decimal("500000")), ("Bo", Decimal("450000"))]


@pytest.mark.parametrize("fix, lang", [
    ("oops 7.21", "en"), ("no, 7.21", "en"), ("sorry I meant 7.21", "en"), ("不对 是7.21", "zh"),
])
def test_a_rate_just_set_is_corrected(team_chat, session_factory, fix, lang):
    assert team_chat.reply("rate usd 7.12", user="Mia").ok
    reply = team_chat.reply(fix, user="Mia")
    assert reply.ok and ("(was 7.12)" in reply.text if lang == "en" else "7.12" in reply.text), reply.text
    with session_factory() as s:
        assert [r.rate for r in s.scalars(select(ExchangeRate))] == [Decimal("7.21")]


@pytest.mark.parametrize("fix, between", [
    ("actually make it thu and fri", None),
    ("no, thu and fri", None),
    ("actually make it thu and fri", "progress team"),
    ("no make it thursday & friday", "pipeline"),
    ("不对 改成周四和周五", "进度 团队"),
])
def test_a_leave_just_entered_takes_two_weekdays_of_its_week(team_chat, session_factory, fix, between):
    assert team_chat.reply("leave 12/4", user="Bo").ok  # Fri, Dec 4 (today: Mon, Nov 23)
    if between:
        assert team_chat.reply(between, user="Bo").ok
    reply = team_chat.reply(fix, user="Bo")
    if between is None:
        assert reply.ok and "→" in reply.text, reply.text
    else:  # a list between: said, quoted, and offered with one tap
        assert not reply.ok and f"“{between}”" in reply.text and len(reply.buttons) == 1, reply.text
        assert leave_rows(session_factory, *_LEAVES) == [(dt.date(2026, 12, 4), dt.date(2026, 12, 4))]
        reply = team_chat.reply("yes" if fix.isascii() else "好的", user="Bo")
        assert reply.ok, reply.text
    assert leave_rows(session_factory, *_LEAVES) == [(dt.date(2026, 12, 3), dt.date(2026, 12, 4))]


@pytest.mark.parametrize("fix", ["nah make it B", "no, B", "actually make it tier B", "不对 改成B类"])
def test_a_tier_after_a_refused_tier_change_quotes_it(team_chat, session_factory, fix):
    assert team_chat.reply("customer +Initech tier C", user="Bo").ok  # Bo's customer
    refused = team_chat.reply("customer initech tier a", user="Ana")
    assert not refused.ok
    reply = team_chat.reply(fix, user="Ana")
    assert not reply.ok and "“customer initech tier a”" in reply.text, reply.text
    assert [b.command for b in reply.buttons] == ["customer initech tier B"]
    with session_factory() as s:
        assert [x.tier for x in s.scalars(select(Customer))] == ["C"]


@pytest.mark.parametrize("fix, line", [
    ("no, 12/28-12/31, i'll work xmas eve", "leave 12/28-12/31"),
    ("actually 12/28-12/31", "leave 12/28-12/31"),
    ("不对，12/28-12/31", "leave 12/28-12/31"),
])
def test_new_days_while_a_leave_is_offered_edit_the_offer(team_chat, session_factory, fix, line):
    asked = team_chat.reply("off 12/23 - 12/31 for xmas", user="Ana")
    assert not asked.ok and asked.buttons
    reply = team_chat.reply(fix, user="Ana")
    assert not reply.ok and line in reply.text and [b.command for b in reply.buttons] == [line], reply.text
    assert leave_rows(session_factory, *_LEAVES) == []
    assert team_chat.reply("yes", user="Ana").ok
    assert leave_rows(session_factory, *_LEAVES) == [(dt.date(2026, 12, 28), dt.date(2026, 12, 31))]
