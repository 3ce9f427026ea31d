"""r22zh #6: `Globex那单谈下来了 16萬 🎉 价格给得合适` (Ana has no open Globex deal, Bo has one) offered a
visit with the whole sentence as notes. 谈下来了 / 谈成了 / 搞定了 with an amount (and `closed` / `got
done` with one) is a win said in words: offered as the win, and with no open deal of the member's a
new won deal of theirs, with the amount and the reason; without an amount it is no win."""
import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Deal, Visit

pytestmark = pytest.mark.phrasing


def _deals(session_factory):
    with session_factory() as s:
        return [(s.get(Customer, d.customer_id).name, d.stage, int(d.amount or 0), d.reason or None)
                for d in s.scalars(select(Deal).order_by(Deal.id))]


def _visits(session_factory):
    with session_factory() as s:
        return s.scalars(select(Visit.id)).all()


@pytest.mark.parametrize("said, amount, reason, shown", [
    ("Globex那单谈下来了 16萬 🎉 价格给得合适", 160000, "价格给得合适", "赢单"),
    ("Globex那单搞定了 16万，价格给得合适", 160000, "价格给得合适", "赢单"),
    ("Globex 16万谈成了", 160000, None, "赢单"),
    ("globex deal got done, 160k, good price", 160000, "good price", "won"),
    ("closed globex 160k, price was right", 160000, "price was right", "won"),
])
def test_a_win_said_in_words_is_offered_as_a_new_won_deal(team_chat, session_factory, said, amount, reason,
                                                          shown):
    assert team_chat.reply('deal +Globex "ERP" proposal 100k', user="Bo").ok
    asked = team_chat.reply(said, user="Ana")
    assert not asked.ok and asked.buttons and shown in asked.buttons[0].label.lower() + asked.text, asked.text
    assert "visit" not in asked.text.lower() and "拜访" not in asked.text
    assert _deals(session_factory) == [("Globex", "proposal", 100000, None)]  # asked: nothing yet
    done = team_chat.reply("1", user="Ana")
    assert done.ok and "Globex" in done.text, done.text
    assert _deals(session_factory) == [("Globex", "proposal", 100000, None),
                                       ("Globex", "won", amount, reason)]
    with session_factory() as s:
        assert s.scalars(select(Deal.owner_id).order_by(Deal.id)).all()[1] != \
            s.scalars(select(Deal.owner_id).order_by(Deal.id)).all()[0]  # Ana's own, Bo's left open
    assert _visits(session_factory) == []


@pytest.mark.parametrize("said", ["Globex那单价格谈下来了 客户很满意", "388搞定了"])
def test_no_amount_no_win(team_chat, session_factory, said):
    assert team_chat.reply('deal +Globex "ERP" proposal 100k', user="Bo").ok
    reply = team_chat.reply(said, user="Ana")
    assert "赢单" not in reply.text and "won" not in reply.text.lower(), reply.text
    assert _deals(session_factory) == [("Globex", "proposal", 100000, None)]
