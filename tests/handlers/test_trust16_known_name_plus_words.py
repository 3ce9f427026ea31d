"""A visit's name words that start with a known customer (or its alias) and go on: that customer,
the rest notes; never a new customer made of a known name plus words (#23, r16 #160)."""
import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Visit

pytestmark = pytest.mark.phrasing


def _state(chat):
    with chat.session_factory() as s:
        names = sorted(s.scalars(select(Customer.name)).all())
        visits = [(v.customer_id, v.notes) for v in s.scalars(select(Visit).order_by(Visit.id))]
        ids = dict(s.execute(select(Customer.name, Customer.id)).all())
    return names, visits, ids


@pytest.mark.parametrize("text, notes", [
    ("visit huawei mtg w/ procurement dir, they want revised pricing fu fri",
     "mtg w/ procurement dir, they want revised pricing"),
    ("visit huawei call, pricing sent", "call, pricing sent"),
    ("visit Huawei lunch, went well", "lunch, went well"),
    ("拜访 huawei 会谈，他们要新报价", "会谈，他们要新报价"),
])
def test_a_known_name_and_words_is_that_customer(team_chat, text, notes):
    team_chat("visit +华为: intro", user="Ana")
    out = team_chat(text, user="Ana")
    names, visits, ids = _state(team_chat)
    assert names == ["华为"], out
    assert "华为" in out and "New customer" not in out and "新建客户" not in out
    assert visits[-1] == (ids["华为"], notes)


def test_a_plus_still_makes_the_new_customer(team_chat):
    team_chat("visit +华为: intro", user="Ana")
    out = team_chat("visit +huawei mtg, they want revised pricing", user="Ana")
    names, visits, ids = _state(team_chat)
    assert "New customer huawei mtg created." in out
    assert names == ["huawei mtg", "华为"] or sorted(names) == sorted(["huawei mtg", "华为"])
    assert visits[-1] == (ids["huawei mtg"], "they want revised pricing")
