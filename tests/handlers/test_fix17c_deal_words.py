"""Issue #23 (fix17c): `amt` names a deal's amount wherever `amount` does (`deal globex erp amt
135k`, and after a deal message `amt: 1.2m`); `signed fri` after a deal message offers that deal's
win (one tap, the win flow after it), never a win stored unasked; a month's name misspelt by one
letter (`end of jna`) is asked about with the message put right, one tap. Fed through the real
dispatch with a real database; today is Mon, Nov 23, 2026."""
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from storage.models.sales import Deal, Task

pytestmark = pytest.mark.phrasing


def _deal(chat) -> int:
    assert chat.reply('deal +Globex "ERP" proposal 50k', user="Ana").ok
    with chat.session_factory() as s:
        return s.scalars(select(Deal.id)).one()


def _row(session_factory, deal_id: int) -> tuple:
    with session_factory() as s:
        deal = s.get(Deal, deal_id)
        return deal.stage, deal.amount, deal.expected_close, deal.reason


@pytest.mark.parametrize("said, amount", [
    ("deal globex erp amt 135k", Decimal(135000)),
    ("deal #{id} amt 135k", Decimal(135000)),
    ("deal #{id} amt: 1.2m", Decimal(1200000)),
    ("deal #{id} amt to 90k", Decimal(90000)),
    ("deal #{id} bump amt to 350k", Decimal(350000)),
    ('deal globex "ERP" negotiation amt 70k', Decimal(70000)),
])
def test_amt_in_a_deal_command_is_its_amount(team_chat, session_factory, said, amount):
    deal_id = _deal(team_chat)
    reply = team_chat.reply(said.format(id=deal_id), user="Ana")
    assert reply.ok and "title" not in reply.text, reply.text
    assert _row(session_factory, deal_id)[1] == amount
    with session_factory() as s:
        assert len(s.scalars(select(Deal)).all()) == 1  # no deal titled "erp amt"


@pytest.mark.parametrize("said, amount, shown", [
    ("amount 135k", Decimal(135000), "¥135K"),
    ("amt 135k", Decimal(135000), "¥135K"),
    ("amt: 1.2m", Decimal(1200000), "¥1.2M"),
    ("amount is 140k", Decimal(140000), "¥140K"),
    ("set the amt to 160k", Decimal(160000), "¥160K"),
    ("amt = 75k", Decimal(75000), "¥75K"),
])
def test_amt_said_after_a_deal_message_is_that_deals_amount(team_chat, session_factory, said, amount, shown):
    deal_id = _deal(team_chat)
    reply = team_chat.reply(said, user="Ana")
    assert reply.ok and f"amount ¥50K → {shown}" in reply.text, reply.text
    assert _row(session_factory, deal_id)[:2] == ("proposal", amount)


def test_amt_with_no_deal_just_changed_stores_nothing(team_chat, session_factory):
    reply = team_chat.reply("amt 135k", user="Ana")
    assert not reply.ok, reply.text
    with session_factory() as s:
        assert s.scalars(select(Deal)).all() == []


@pytest.mark.parametrize("said, offered, told_day", [
    ("signed fri", "won #{id}", "Fri, Nov 20"),
    ("they signed on friday", "won #{id}", "Fri, Nov 20"),
    ("signed last thursday", "won #{id}", "Thu, Nov 19"),
    ("signed it yesterday", "won #{id}", "yesterday"),
    ("contract signed! 135k", "won #{id} 135k", None),
    ("we signed them today: beat SAP on delivery", "won #{id}: beat SAP on delivery", None),
    ("deal signed", "won #{id}", None),
    ("deal is signed fri", "won #{id}", "Fri, Nov 20"),
])
def test_signed_after_a_deal_message_offers_its_win(team_chat, session_factory, said, offered, told_day):
    deal_id = _deal(team_chat)
    asked = team_chat.reply(said, user="Ana")
    offered = offered.format(id=deal_id)
    assert not asked.ok and [b.command for b in asked.buttons] == [offered], asked.text
    assert f"Record the win of deal #{deal_id} (Globex · ERP)" in asked.text
    assert (f"signed ({told_day})." in asked.text) if told_day else "not on" not in asked.text, asked.text
    assert _row(session_factory, deal_id)[0] == "proposal"  # asked: nothing stored yet
    answered = team_chat.reply("1", user="Ana")
    assert answered.ok and f"Deal #{deal_id} won" in answered.text, answered.text
    stage, amount, _close, reason = _row(session_factory, deal_id)
    assert stage == "won"
    assert amount == (Decimal(135000) if "135k" in offered else Decimal(50000))
    assert reason == ("beat SAP on delivery" if ":" in offered else "")


@pytest.mark.parametrize("said", ["signed next fri", "signed with Globex's CFO", "signed off on the budget"])
def test_signed_with_words_that_are_no_day_stores_no_win(team_chat, session_factory, said):
    deal_id = _deal(team_chat)
    reply = team_chat.reply(said, user="Ana")
    assert not any(b.command.startswith("won #") for b in reply.buttons) or not reply.ok, reply.text
    assert _row(session_factory, deal_id)[0] == "proposal"


@pytest.mark.parametrize("said, typed, month, day", [
    ("close date end of jna", "jna", "January", dt.date(2027, 1, 31)),
    ("deal #{id} close janurary 15", "janurary", "January", dt.date(2027, 1, 15)),
    ("deal #{id} close feburary 1", "feburary", "February", dt.date(2027, 2, 1)),
    ("deal #{id} close agust 3", "agust", "August", dt.date(2027, 8, 3)),
    ("deal #{id} close decmber 20", "decmber", "December", dt.date(2026, 12, 20)),
    ("close date end of Feburary", "Feburary", "February", dt.date(2027, 2, 28)),
])
def test_a_month_misspelt_is_asked_with_the_message_put_right(team_chat, session_factory, said, typed, month,
                                                              day):
    deal_id = _deal(team_chat)
    asked = team_chat.reply(said.format(id=deal_id), user="Ana")
    fixed = said.format(id=deal_id).replace(typed, month if typed[0].isupper() else month.lower())
    assert not asked.ok and f"Is “{typed}” {month}?" in asked.text, asked.text
    assert [b.command for b in asked.buttons] == [fixed]
    assert _row(session_factory, deal_id)[2] is None  # asked: no close day stored
    answered = team_chat.press(asked.buttons[0], user="Ana")
    assert answered.ok, answered.text
    assert _row(session_factory, deal_id)[2] == day


def test_a_task_due_in_a_month_misspelt_is_asked_then_made(team_chat, session_factory):
    asked = team_chat.reply("task call acme by agust 3", user="Ana")
    assert [b.command for b in asked.buttons] == ["task call acme by august 3"], asked.text
    with session_factory() as s:
        assert s.scalars(select(Task)).all() == []
    assert team_chat.reply("1", user="Ana").ok
    with session_factory() as s:
        assert [(t.title, t.due_on) for t in s.scalars(select(Task))] == [("call acme", dt.date(2027, 8, 3))]


def test_a_month_misspelt_in_a_snooze_is_asked_with_the_snooze_put_right(team_chat):
    asked = team_chat.reply("snooze 5 decmber 3", user="Ana")
    assert "Is “decmber” December?" in asked.text and asked.buttons[0].command == "snooze 5 december 3"


@pytest.mark.parametrize("said, day", [
    ("signing fri", dt.date(2026, 11, 27)),
    ("they sign on friday", dt.date(2026, 11, 27)),
    ("they will sign nxt wk", dt.date(2026, 11, 30)),
    ("expected to sign end of nxt mth", dt.date(2026, 12, 31)),
    ("we are signing til dec 15", None),
])
def test_signing_on_a_day_to_come_is_the_deals_close_day(team_chat, session_factory, said, day):
    deal_id = _deal(team_chat)
    reply = team_chat.reply(said, user="Ana")
    stage, amount, close, _reason = _row(session_factory, deal_id)
    assert (stage, amount) == ("proposal", Decimal(50000))  # no win, no amount
    if day is None:  # words that read as no day: nothing changed
        assert close is None and not reply.ok, reply.text
        return
    if not reply.ok:  # a day far off (`end of nxt mth`): asked first, one tap, nothing changed yet
        assert close is None and len(reply.buttons) == 1, reply.text
        reply = team_chat.press(reply.buttons[0], user="Ana")
        close = _row(session_factory, deal_id)[2]
    assert reply.ok and "close date none →" in reply.text, reply.text
    assert close == day


def test_sign_with_an_amount_changes_nothing(team_chat, session_factory):
    deal_id = _deal(team_chat)
    reply = team_chat.reply("sign 90k", user="Ana")
    assert not reply.ok, reply.text
    assert _row(session_factory, deal_id)[:3] == ("proposal", Decimal(50000), None)


@pytest.mark.parametrize("said, day", [
    ("deal #{id} close end of nxt mth", dt.date(2026, 12, 31)),
    ("deal #{id} close end of the month", dt.date(2026, 11, 30)),
    ("deal #{id} close end of next wk amt 60k", dt.date(2026, 12, 4)),
    ("deal #{id} close end of wk", dt.date(2026, 11, 27)),
    ("deal #{id} close fri next wk", dt.date(2026, 12, 4)),
])
def test_a_close_day_said_in_many_words_is_read_whole(team_chat, session_factory, said, day):
    deal_id = _deal(team_chat)
    reply = team_chat.reply(said.format(id=deal_id), user="Ana")
    assert reply.ok, reply.text
    assert _row(session_factory, deal_id)[2] == day
    assert _row(session_factory, deal_id)[1] == (Decimal(60000) if "60k" in said else Decimal(50000))
