"""r22zh: `商機#23 金額改成55萬 另外推到商務談判後期 預計12月底` showed the list of deal forms, and
`49号单推到初步接触了 顺便金额改成25万` was not understood. A numbered deal's fields joined by words
(另外, 顺便, 还有, and, also), in traditional characters, with particles (了, 吧), and `N号单` for the
deal's number, change every field said; a word that makes a stage no other stage (后期, late) is
asked about, one tap to change the deal without it, never dropped silently."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Deal

pytestmark = pytest.mark.phrasing


def _deal(session_factory):
    with session_factory() as s:
        deal = s.scalars(select(Deal)).one()
        return deal.stage, int(deal.amount), deal.expected_close


@pytest.mark.parametrize("user, said, after", [
    ("Bo", "商機#1 金額改成55萬 另外推到商務談判 預計12月底", ("negotiation", 550000, dt.date(2026, 12, 31))),
    ("Bo", "1号单推到初步接触了 顺便金额改成25万", ("contact", 250000, dt.date(2026, 12, 20))),
    ("Bo", "商机#1 金额改成25万 还有推到商务谈判吧", ("negotiation", 250000, dt.date(2026, 12, 20))),
    ("Ana", "deal #1 amount to 550k and move to negotiation, close end of dec",
     ("negotiation", 550000, dt.date(2026, 12, 31))),
])
def test_fields_joined_change_the_deal(team_chat, session_factory, user, said, after):
    assert team_chat.reply("deal +Acme 100k discovery close 12/20", user=user).ok
    reply = team_chat.reply(said, user=user)
    assert reply.ok and "#1" in reply.text, reply.text
    assert _deal(session_factory) == after


@pytest.mark.parametrize("user, said, word, after", [
    ("Bo", "商機#1 金額改成55萬 另外推到商務談判後期 預計12月底", "后期",
     ("negotiation", 550000, dt.date(2026, 12, 31))),
    ("Ana", "deal #1 amount to 150k and move to negotiation late stage", "late stage",
     ("negotiation", 150000, dt.date(2026, 12, 20))),
])
def test_a_phase_of_a_stage_is_asked(team_chat, session_factory, user, said, word, after):
    assert team_chat.reply("deal +Acme 100k discovery close 12/20", user=user).ok
    asked = team_chat.reply(said, user=user)
    assert not asked.ok and f"“{word}”" in asked.text and asked.buttons, asked.text
    assert _deal(session_factory) == ("discovery", 100000, dt.date(2026, 12, 20))  # asked: nothing yet
    done = team_chat.reply("1", user=user)
    assert done.ok, done.text
    assert _deal(session_factory) == after


@pytest.mark.parametrize("said", ["商机#1 输了，价格太高", "1号单子输了 价格太高"])
def test_a_loss_by_number_keeps_its_word(team_chat, session_factory, said):
    assert team_chat.reply("deal +Acme 100k discovery close 12/20", user="Bo").ok
    reply = team_chat.reply(said, user="Bo")
    assert reply.ok and "#1" in reply.text, reply.text
    assert _deal(session_factory)[:2] == ("lost", 100000)
