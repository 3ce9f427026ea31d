"""Round 18 (#23): words after a win's or a loss's amount or deal number that plainly say why
(`won umbrella 190k beat oracle on price`, `lost #1 they backed out`) are the reason, said so;
words that may be something else (a day, a follow-up, another command, one word) are asked about
as before. Today is Mon, Nov 23, 2026."""
import pytest

from databases import prepared
from storage.models.sales import Deal
from support import Chat

pytestmark = pytest.mark.phrasing


@prepared
def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo"))
    assert chat.reply('deal +Umbrella "renewal" proposal 150k', user="Ana").ok
    return chat


def _deal(session_factory):
    with session_factory() as s:
        deal = s.get(Deal, 1)
        return deal.stage, int(deal.amount), deal.reason


@pytest.mark.parametrize("text, stage, amount, reason", [
    ("won umbrella 190k beat oracle on price", "won", 190000, "beat oracle on price"),
    ("won #1 190k they loved the demo", "won", 190000, "they loved the demo"),
    ("won umbrella 190k great relationship with the cfo", "won", 190000, "great relationship with the cfo"),
    ("lost #1 they backed out", "lost", 150000, "they backed out"),
    ("lost #1 went with sap, too pricey", "lost", 150000, "went with sap, too pricey"),
    ("lost #1 no budget", "lost", 150000, "no budget"),
])
def test_plain_words_after_the_amount_or_number_are_the_reason(session_factory, text, stage, amount, reason):
    chat = _chat(session_factory)
    out = chat(text, user="Ana")
    assert f"“{reason}” taken as the reason." in out, out
    assert "colon" not in out
    assert _deal(session_factory) == (stage, amount, reason)


@pytest.mark.parametrize("text", [
    "won umbrella 190k renewal",
    "won umbrella 190k on price, also snooze 3 to mon",
    "lost #1 went with sap, check back next month",
    "won umbrella 190k beat oracle close fri",
])
def test_words_that_may_be_more_are_still_asked(session_factory, text):
    chat = _chat(session_factory)
    out = chat(text, user="Ana")
    assert "taken as the reason" not in out, out
    assert _deal(session_factory) == ("proposal", 150000, "")
