"""r31en #96/#97: `Initech: finally got legal sign off!! contract 120k, won` (no open Initech deal of
the rep's) was offered as a new won deal titled "legal sign off contract". A win told in a sentence
is the rep's open deal there (offered), or a new deal titled by its customer with the sentence's
words as its reason, never a title made up of them; a title said plainly (`lenovo laptops refresh
won 190k`) is still one."""
import pytest

from support import deal_rows, make_team_chat, records

pytestmark = pytest.mark.phrasing


@pytest.mark.parametrize("said, offer", [
    ("Initech: finally got legal sign off!! contract 120k, won",
     'won Initech "Initech" 120k: legal sign off contract'),
    ("Initech - finally got the legal sign off, contract 120k, won", 'won Initech "Initech" 120k'),
    ("Initech: we got legal sign off contract 120k won", 'won Initech "Initech" 120k'),
])
def test_a_win_told_in_a_sentence_makes_no_title(session_factory, said, offer):
    chat = make_team_chat(session_factory, manager="王芳", reps=("Ana", "Bo"))
    assert chat.reply('deal +Initech "Support" 80k', user="Bo").ok
    before = records(session_factory)
    asked = chat.reply(said, user="Ana")
    assert not asked.ok and offer in asked.text, asked.text
    assert "sign off contract\" " not in asked.text and '"legal' not in asked.text, asked.text
    assert records(session_factory) == before
    assert chat.reply("yes", user="Ana").ok
    rows = deal_rows(chat, "owner", "title", "stage", "amount")
    assert rows[-1][:3] == ("Ana", "Initech", "won") and rows[0][:3] == ("Bo", "Support", "lead")
    assert chat.reply("undo", user="Ana").ok
    assert deal_rows(chat, "owner", "title", "stage") == [("Bo", "Support", "lead")]


def test_a_win_of_the_reps_open_deal_is_that_deal(session_factory):
    chat = make_team_chat(session_factory, manager="王芳", reps=("Ana",))
    assert chat.reply('deal +Initech "Support" 80k', user="Ana").ok
    asked = chat.reply("Initech: finally got legal sign off!! contract 120k, won", user="Ana")
    assert not asked.ok and "won #1 120k" in asked.text, asked.text
    assert chat.reply("yes", user="Ana").ok
    assert deal_rows(chat, "id", "title", "stage") == [(1, "Support", "won")]


def test_a_title_said_plainly_is_kept(session_factory):
    chat = make_team_chat(session_factory, manager="王芳", reps=("Ana",))
    assert chat.reply("customer +Lenovo", user="Ana").ok
    asked = chat.reply("lenovo laptops refresh won 190k", user="Ana")
    assert 'won Lenovo "laptops refresh" 190k' in asked.text, asked.text
