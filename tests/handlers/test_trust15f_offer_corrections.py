"""Issue #23, round 15: a correction said while the bot's question about a record not saved yet is
open (`no, close date is jan 15`, `hmm no it was 55k`, `不对，是8.5万`, `不对，预计改成1月25号`) edits
that offer and asks again, the value put right; nothing is saved, and no record saved before is
changed by it. Fed through the real dispatch with a real database; today is Mon, Nov 23, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Change, Deal
from support import Chat

pytestmark = pytest.mark.phrasing


def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo", "张伟"))
    for user, said in (("Bo", "visit +Wayne Enterprises: intro"),
                       ("Bo", 'deal Wayne Enterprises "ops" lead 5k'),
                       ("Ana", "visit +Initech: intro"), ("张伟", "拜访 +京东：初次见面")):
        assert chat.reply(said, user=user).ok
    chat.now += dt.timedelta(minutes=11)  # those visits long done: nothing just changed
    return chat


def _stored(session_factory):
    with session_factory() as s:
        return ([(d.id, d.title, int(d.amount), d.expected_close)
                 for d in s.scalars(select(Deal).order_by(Deal.id))],
                len(s.scalars(select(Change)).all()))


#: asked: the title in quotes?
_WAYNE = "new deal wayne enterprises security audit 250k proposal stage closing 12/30"
_WON = "won Initech 58k they signed today, beat globalsoft on price"  # asked: the reason after a colon?
_JD = "京东 数据中台 需求确认 12万 预计1月20号"  # asked: without those words, or they the title?


@pytest.mark.parametrize("user, offer, said, now_offered, gone", [
    ("Bo", _WAYNE, "no, close date is jan 15", "jan 15", "12/30"),
    ("Bo", _WAYNE, "sorry the close should be jan 8", "jan 8", "12/30"),
    ("Bo", _WAYNE, "actually make that 240k", "240k", "250k"),
    ("Ana", _WON, "hmm no it was 55k", "55k", "58k"),
    ("Ana", _WON, "no I meant 56k", "56k", "58k"),
    ("张伟", _JD, "不对，是8.5万", "8.5万", "12万"),
    ("张伟", _JD, "不对，预计改成1月25号", "2027-01-25", "2027-01-20"),
    ("张伟", _JD, "金额不对 应该是十万", "10万", "12万"),  # in digits, as the grammar writes it
])
def test_a_correction_while_an_offer_is_asked_edits_the_offer_and_asks_again(session_factory, user, offer,
                                                                             said, now_offered, gone):
    chat = _chat(session_factory)
    asked = chat.reply(offer, user=user)
    assert not asked.ok and asked.buttons, asked.text
    before = _stored(session_factory)
    again = chat.reply(said, user=user)
    assert not again.ok and again.buttons, again.text
    values = " ".join(button.command for button in again.buttons)
    assert now_offered in values and gone not in values, again.buttons
    assert _stored(session_factory) == before  # asked again: nothing saved


def test_a_correction_while_an_offer_is_asked_never_changes_what_was_saved_before(session_factory):
    chat = _chat(session_factory)
    assert chat.reply('deal +Acme "renewal" proposal 100k close 12/20').ok
    asked = chat.reply(_WON)
    assert not asked.ok and asked.buttons, asked.text
    before = _stored(session_factory)
    reply = chat.reply("no, close date is jan 15")  # the offer has no close day: asked again
    assert not reply.ok, reply.text
    assert _stored(session_factory) == before, (asked.text, reply.text)


@pytest.mark.parametrize("user, offer, said", [("Bo", _WAYNE, "1"), ("张伟", _JD, "1")])
def test_the_offer_asked_again_is_saved_with_the_value_put_right(session_factory, user, offer, said):
    chat = _chat(session_factory)
    assert not chat.reply(offer, user=user).ok
    fix = "no, close date is jan 15" if user == "Bo" else "不对，预计改成1月15号"
    assert not chat.reply(fix, user=user).ok
    assert chat.reply(said, user=user).ok
    deals, _changes = _stored(session_factory)
    closes = [d[3] for d in deals]
    assert dt.date(2027, 1, 15) in closes and not {dt.date(2026, 12, 30), dt.date(2027, 1, 20)} & set(closes)
