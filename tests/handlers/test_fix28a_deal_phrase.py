"""r25en, fix28a A: `won the wayne erp deal 190k 🎉 ceo loved the roadmap` made a new customer "the
wayne erp deal" and a new won deal (and a team post). With won/lost, `the … deal` (`…那单`) names an
open deal by its customer and title words; when it names none, the rep is asked which, nothing
stored (a new customer is made only with +Name). Fed through the real dispatch; Mon, Dec 7, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Deal
from support import Chat, make_team_chat

pytestmark = pytest.mark.phrasing

MON = dt.datetime(2026, 12, 7, 2, 0, tzinfo=dt.timezone.utc)  # 10:00 in Shanghai


def _chat(session_factory) -> Chat:
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana"))
    for said in ('deal +Wayne Enterprises "ERP" 200k', 'deal wayne enterprises "cloud" 50k'):
        assert chat.reply(said, user="Ana").ok, said
    return chat


def _rows(session_factory):
    with session_factory() as s:
        return ([c.name for c in s.scalars(select(Customer).order_by(Customer.id))],
                [(d.id, d.title, d.stage, int(d.amount)) for d in s.scalars(select(Deal).order_by(Deal.id))])


@pytest.mark.parametrize("said, words", [
    ("won the wayne erp deal 190k 🎉 ceo loved the roadmap", "Deal #1 won"),
    ("won our wayne erp deal 190k", "Deal #1 won"),
    ("赢单 wayne erp那单 19万 客户很满意", "商机 #1 赢单"),
])
def test_the_deal_said_in_words_is_the_open_deal_it_names(session_factory, said, words):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="Ana")
    assert reply.ok and words in reply.text, reply.text
    customers, deals = _rows(session_factory)
    assert customers == ["Wayne Enterprises"]
    assert deals == [(1, "ERP", "won", 190000), (2, "cloud", deals[1][2], 50000)]
    assert deals[1][2] != "won"


@pytest.mark.parametrize("said, asked, tap, won", [
    ("won the foobar erp deal 190k", "is none of your open deals", "1", 1),
    ("won the wayne crm deal 190k", "is none of your open deals", "2", 2),
    ("赢单 美的那单 19万", "不是你在跟的商机", "2", 2),
])
def test_a_deal_phrase_naming_no_open_deal_is_asked_never_a_new_customer(session_factory, said, asked,
                                                                         tap, won):
    chat = _chat(session_factory)
    before = _rows(session_factory)
    reply = chat.reply(said, user="Ana")
    assert not reply.ok and asked in reply.text, reply.text
    assert "#1 Wayne Enterprises · ERP" in [b.label for b in reply.buttons]
    assert _rows(session_factory) == before
    assert chat.reply(tap, user="Ana").ok
    customers, deals = _rows(session_factory)
    assert customers == ["Wayne Enterprises"] and len(deals) == 2
    assert [d[0] for d in deals if d[2] == "won"] == [won]
