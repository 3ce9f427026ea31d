"""Round 18 (#23): a `sorry` or `actually` (or a slip of one) at the end of a correction
(`actualy 185k sry`) corrects the change just made; a stage said short after a verb of moving
(`to nego`, `moved to prop`) is that stage inside a sentence; `oops make it mon`, `no, leave mon
not fri` right after a leave move that leave. Today is Mon, Nov 23, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Deal
from storage.models.team import Leave

pytestmark = pytest.mark.phrasing

D = dt.date


def _deal(chat, deal_id=1):
    with chat.session_factory() as s:
        deal = s.get(Deal, deal_id)
        return deal.stage, int(deal.amount), deal.expected_close


@pytest.mark.parametrize("said", [
    "actualy 185k sry", "actually 185k sorry", "make it 185k sry", "no 185k actualy", "sry 185k",
    "acutally it was 185k, sorry!",
])
def test_a_courtesy_word_at_the_end_of_a_correction_after_a_win(team_chat, said):
    assert team_chat.reply('deal +Umbrella "renewal" proposal 150k', user="Ana").ok
    assert "won" in team_chat("won umbrella 190k: beat oracle", user="Ana")
    out = team_chat(said, user="Ana")
    assert "¥190K → ¥185K" in out, out
    assert _deal(team_chat)[:2] == ("won", 185000)


@pytest.mark.parametrize("text, stage, said", [
    ("globex erp deal to nego they accepted the proposal", "negotiation", "deal #1 negotiation"),
    ("globex erp to nego, they accepted the proposal", "negotiation", "deal Globex negotiation"),
    ("globex deal moved to nego they liked the demo", "negotiation", "deal Globex negotiation"),
    ("globex erp to negotiation, they accepted the proposal", "negotiation", "deal Globex negotiation"),
])
def test_a_stage_said_short_with_words_after_is_offered_as_that_stage(team_chat, text, stage, said):
    assert team_chat.reply('deal +Globex "erp" contact 120k', user="Bo").ok
    out = team_chat(text, user="Bo")
    assert said in out and "proposal" not in out.split("1.")[1].split("\n")[0], out
    assert _deal(team_chat)[0] == "contact"  # asked: nothing saved yet
    assert "Negotiation" in team_chat("1", user="Bo")
    assert _deal(team_chat)[0] == stage


@pytest.mark.parametrize("text, stage, amount, close", [
    ("acme poc to nego, close eom", "negotiation", 90000, D(2026, 11, 30)),
    ("acme poc moved to prop, close eom", "proposal", 90000, D(2026, 11, 30)),
    ("acme poc deal moved to nego, 95k", "negotiation", 95000, None),
    ("deal #1 60k then to nego", "negotiation", 60000, None),
])
def test_a_stage_said_short_in_a_sentence_moves_the_deal(team_chat, text, stage, amount, close):
    assert team_chat.reply('deal +Acme "POC" contact 90k close 12/20', user="Ana").ok
    out = team_chat(text, user="Ana")
    assert "Moved Contact → " in out, out
    got = _deal(team_chat)
    assert got[:2] == (stage, amount)
    assert close is None or got[2] == close


def _leaves(chat):
    with chat.session_factory() as s:
        return [(x.first_day, x.last_day) for x in s.scalars(select(Leave).order_by(Leave.first_day))]


@pytest.mark.parametrize("said, day", [
    ("oops make it mon", D(2026, 11, 30)),
    ("no, leave mon 11/30 not fri", D(2026, 11, 30)),
    ("no leave thu not fri", D(2026, 11, 26)),
    ("sorry make it thu", D(2026, 11, 26)),
    ("actually my leave is wed, not fri", D(2026, 11, 25)),
])
def test_a_leave_said_again_right_after_moves_that_leave(team_chat, said, day):
    assert "Leave noted: Fri, Nov 27" in team_chat("leave fri", user="Ana")
    out = team_chat(said, user="Ana")
    assert "Leave changed: Fri, Nov 27 →" in out, out  # one day said once (fix35c)
    assert _leaves(team_chat) == [(day, day)]
    assert "Undone" in team_chat("undo", user="Ana")
    assert _leaves(team_chat) == [(D(2026, 11, 27), D(2026, 11, 27))]
