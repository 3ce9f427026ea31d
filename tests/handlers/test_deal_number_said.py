"""Issue #23: a deal's number said first with a colon or a comma after it (`deal 1: expected close
jan 20`, `商机 #21，谈判`) is that deal; it had made a new customer named "1:" and a deal of it.

Today is Sunday 2026-12-06 (Asia/Shanghai)."""
import datetime as dt

import pytest
from sqlalchemy import func, select

from storage.models.sales import Customer, Deal
from support import Chat
from tests.handlers.test_report_figures import at

pytestmark = pytest.mark.phrasing


def _chat(session_factory) -> tuple[Chat, int]:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "张伟"))
    chat.now = at("2026-12-06")
    assert chat.reply('deal +Umbrella "renewal" lead 200k', user="Ana").ok
    with session_factory() as s:
        return chat, s.scalar(select(Deal.id))


@pytest.mark.parametrize(("said", "stage", "amount", "close"), [
    ("deal {id}: expected close jan 20", "lead", 200_000, dt.date(2027, 1, 20)),
    ("deal #{id}: 220k", "lead", 220_000, None),
    ("deal {id}, proposal", "proposal", 200_000, None),
    ("商机 #{id}，商务谈判", "negotiation", 200_000, None),
    ("商机 {id}：预计1月20号", "lead", 200_000, dt.date(2027, 1, 20)),
])
def test_a_deal_number_with_a_colon_or_comma_is_that_deal(session_factory, said, stage, amount, close):
    chat, deal = _chat(session_factory)
    reply = chat.reply(said.format(id=deal), user="Ana")
    assert reply.ok, reply.text
    with session_factory() as s:
        stored = s.get(Deal, deal)
        assert (stored.stage, int(stored.amount)) == (stage, amount)
        assert close is None or stored.expected_close == close
        assert s.scalar(select(func.count()).select_from(Customer)) == 1  # no customer named "1:"
        assert s.scalar(select(func.count()).select_from(Deal)) == 1


def test_another_reps_deal_by_number_is_refused_and_nothing_is_made(session_factory):
    chat, deal = _chat(session_factory)
    reply = chat.reply(f"商机 {deal}：预计1月20号", user="张伟")
    assert not reply.ok
    with session_factory() as s:
        assert s.get(Deal, deal).expected_close is None
        assert s.scalar(select(func.count()).select_from(Customer)) == 1
