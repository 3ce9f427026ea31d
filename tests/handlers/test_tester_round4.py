"""Classes of messages the second fresh-eyes tester of 2026-12-05 found stored wrong or asked
about for nothing: amounts as the bot itself shows them (`HK$80k`, `5k$`, a comma before
`close`), a title the customer's open deal already has is used without asking, a new title
beside a stage is the only reading, single quotes are quotes, a second command after `;` or
`另外` runs, and a win word inside a deal's words is the win (run on both databases)."""
from decimal import Decimal

import pytest
from sqlalchemy import select

from storage.models import Customer, Deal
from support import Chat


def _setup(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team()
    for line in ("visit Acme Corp: intro", "拜访 海尔：初次见面", "拜访 美的集团：初次见面",
                 'deal Acme Corp "ERP" discovery 50k', '商机 海尔 "ERP" 商务谈判 50万'):
        assert chat.reply(line).ok, line
    return chat


def _deals(session_factory):
    with session_factory() as s:
        return [(d.title, d.stage, d.amount, d.currency, d.reason)
                for d in s.scalars(select(Deal).order_by(Deal.id))]


def _customers(session_factory):
    with session_factory() as s:
        return sorted(s.scalars(select(Customer.name)))


# Amounts -----------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, amount, currency", [
    ('deal 海底捞 "门店系统" HK$80k lead', 80000, "HKD"),
    ('商机 海尔 "扩容" 线索 5k$', 5000, "USD"),
    ('deal Acme Corp "Pilot" proposal 90k, close 12/31', 90000, "CNY"),
])
def test_an_amount_as_the_bot_shows_it_is_read(session_factory, typed, amount, currency):
    chat = _setup(session_factory)
    reply = chat.reply(typed)
    assert reply.ok, reply.text
    title = _deals(session_factory)[-1]
    assert (title[2], title[3]) == (Decimal(amount), currency)


# Titles ------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, stage", [
    ("deal acme erp proposal 90k close 12/31", "proposal"),
    ("deal Acme Corp ERP → proposal, 90k, close 12/31", "proposal"),
    ("deal acme erp won 90k", "won"),
])
def test_the_title_of_the_customers_open_deal_is_used_without_asking(session_factory, typed, stage):
    chat = _setup(session_factory)
    reply = chat.reply(typed)
    assert reply.ok, reply.text
    assert _deals(session_factory)[0][:3] == ("ERP", stage, Decimal(90000))
    assert len(_deals(session_factory)) == 2


def test_a_loss_on_the_title_of_an_open_deal_is_not_asked(session_factory):
    chat = _setup(session_factory)
    reply = chat.reply("lost acme erp: chose salesforce, we were 20% pricier")
    assert reply.ok, reply.text
    assert _deals(session_factory)[0] == ("ERP", "lost", Decimal(50000), "CNY",
                                          "chose salesforce, we were 20% pricier")


@pytest.mark.parametrize("typed, title", [
    ("deal Acme Corp analytics lead 25k", "analytics"),
    ("deal Acme Corp 'seat licenses' proposal $5,000 close end of month", "seat licenses"),
    ("deal Acme Corp ‘seat licenses’ proposal $5,000", "seat licenses"),
])
def test_a_new_title_beside_a_stage_or_in_single_quotes_is_the_title(session_factory, typed, title):
    chat = _setup(session_factory)
    reply = chat.reply(typed)
    assert reply.ok, reply.text
    assert _deals(session_factory)[-1][0] == title and len(_deals(session_factory)) == 3
    assert _customers(session_factory) == ["Acme Corp", "海尔", "美的集团"]


@pytest.mark.parametrize("typed", ["deal acme zzz 5k", "deal acme analytics lead 25k"])
def test_an_unknown_word_with_no_stage_or_after_part_of_a_name_is_still_asked(session_factory, typed):
    chat = _setup(session_factory)
    assert not chat.reply(typed).ok
    assert len(_deals(session_factory)) == 2
