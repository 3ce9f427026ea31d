"""Issue #23 (fix17c): a win whose reason names no category keeps no category (counted under "not
given" in `reasons`) and the reply says nothing of filing it; "Filed under" is said only where a
category was read from the reason. Fed through the real dispatch; today is Mon, Nov 23, 2026.

fix29b: a win naming an unknown customer is asked (a new customer, or which open deal), so a win
that makes its customer here says +Name."""
import pytest
from sqlalchemy import select

from storage.models.sales import Deal

pytestmark = pytest.mark.phrasing


def _stored(session_factory) -> list[tuple]:
    with session_factory() as s:
        return [tuple(r) for r in s.execute(select(Deal.stage, Deal.reason, Deal.reason_category)
                                           .order_by(Deal.id))]


@pytest.mark.parametrize("reason, lang", [
    ("customer just loved us", "en"),
    ("great team effort", "en"),
    ("they liked our people", "en"),
    ("finally!", "en"),
    ("CFO said yes", "en"),
    ("客户很满意", "zh"),
])
def test_a_win_whose_reason_names_no_category_is_filed_under_none(team_chat, session_factory, reason, lang):
    word = "赢单 +Acme 3万：" if lang == "zh" else "won +Acme 30k: "
    reply = team_chat.reply(word + reason, user="Ana", lang=lang)
    assert reply.ok and "Filed under" not in reply.text and "归类：" not in reply.text, reply.text
    assert "other" not in reply.text and "其他" not in reply.text
    assert _stored(session_factory) == [("won", reason, "")]
    report = team_chat.reply("reasons team month", user="Mia")
    rows = {row[0]: row[1:] for row in report.table.rows}
    assert set(rows) == {"not given"}, report.text


def test_a_reason_given_afterwards_that_names_no_category_is_filed_under_none(team_chat, session_factory):
    assert team_chat.reply("won +Acme 30k", user="Ana").ok
    reply = team_chat.reply("won #1: customer just loved us", user="Ana")
    assert reply.ok and "Filed under" not in reply.text, reply.text
    assert _stored(session_factory) == [("won", "customer just loved us", "")]


def test_a_category_read_is_still_said(team_chat, session_factory):
    reply = team_chat.reply("won +Acme 30k: beat them on delivery time", user="Ana")
    assert "Filed under: delivery." in reply.text, reply.text
    assert _stored(session_factory) == [("won", "beat them on delivery time", "delivery")]


def test_a_loss_whose_reason_names_no_category_is_asked_and_filed_under_none(team_chat, session_factory):
    assert team_chat.reply('deal +Acme "Pilot" proposal 30k', user="Ana").ok
    reply = team_chat.reply("lost #1: they went quiet", user="Ana")
    assert "Filed under" not in reply.text and "no word of it says a category" in reply.text, reply.text
    assert _stored(session_factory) == [("lost", "they went quiet", "")]
