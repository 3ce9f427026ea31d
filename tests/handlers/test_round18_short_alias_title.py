"""A short alias said whole, then a deal's title (`deal jd 数据平台 proposal 15万`): that customer's
deal of that title is changed, said as taken — never a new customer "jd 数据平台", and no question
when the title is one of the rep's open deals (round 18)."""
from decimal import Decimal

import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Deal

pytestmark = pytest.mark.phrasing


def _deals(chat):
    with chat.session_factory() as s:
        names = dict(s.execute(select(Customer.id, Customer.name)).all())
        return sorted(names.values()), [(names[d.customer_id], d.title, d.stage, d.amount)
                                        for d in s.scalars(select(Deal).order_by(Deal.id))]


@pytest.mark.parametrize("text, lang, stage, amount, said", [
    ("deal jd 数据平台 proposal 15万", None, "proposal", Decimal(150000), "“jd” taken as 京东."),
    ("deal JD 数据平台 negotiation", None, "negotiation", Decimal(120000), "“JD” taken as 京东."),
    ("商机 jd 数据平台 方案呈现 15万", "zh", "proposal", Decimal(150000), "“jd”按 京东 处理。"),
])
def test_a_short_alias_and_an_open_deals_title_change_that_deal(team_chat, text, lang, stage, amount, said):
    assert team_chat.reply('deal +京东 "数据平台" contact 12万', user="Ana").ok
    out = team_chat(text, user="Ana", lang=lang)
    names, deals = _deals(team_chat)
    assert said in out, out
    assert names == ["京东"] and deals == [("京东", "数据平台", stage, amount)]


def test_a_short_alias_and_a_title_in_the_other_language_is_asked(team_chat):
    assert team_chat.reply('deal +京东 "数据平台" contact 12万', user="Ana").ok
    asked = team_chat.reply("deal jd data platform negotiation", user="Ana")
    assert not asked.ok and "#2" not in asked.text and "数据平台" in asked.text, asked.text
    names, deals = _deals(team_chat)
    assert names == ["京东"] and deals == [("京东", "数据平台", "contact", Decimal(120000))]


@pytest.mark.parametrize("text", ["deal jd 数据平台 proposal 15万", "visit jd 数据平台: demo"])
def test_an_alias_for_the_first_word_of_a_customers_name_is_that_customer(team_chat, text):
    """A customer named "京东 数据平台": `jd 数据平台` is it, never a new customer "jd 数据平台"."""
    assert team_chat.reply("deal +京东 数据平台 contact 12万", user="Ana").ok
    out = team_chat(text, user="Ana")
    names, deals = _deals(team_chat)
    assert "taken as 京东 数据平台" in out, out
    assert names == ["京东 数据平台"] and [d[0] for d in deals] == ["京东 数据平台"]
