"""Round 15 (issue #23): an amount corrected in Chinese numerals right after a win or a deal's change
(`不对，是四十五万`, `不对 应该是三十万`, `改成二十八万五`) corrects the amount as `不对，是45万`
does: the deal just changed is offered with the amount in digits, never a win's reason, never a
deal's title, and one tap stores it."""
import pytest
from sqlalchemy import select

from storage.models.sales import Deal

pytestmark = pytest.mark.phrasing


def _deal(session_factory, number):
    with session_factory() as s:
        deal = s.get(Deal, number)
        return deal.stage, int(deal.amount), deal.reason or "", deal.title


@pytest.fixture
def deal(team_chat, session_factory):
    assert team_chat.reply('商机 华为 "云服务" 商务谈判 40万', user="Ana", lang="zh").ok
    with session_factory() as s:
        return s.scalars(select(Deal.id)).one()


@pytest.mark.parametrize(("said", "amount"), [
    ("不对，是四十五万", 450_000), ("不对 应该是三十万", 300_000), ("改成二十八万五", 285_000),
    ("不对，是45万", 450_000), ("错了，应该是一百二十万", 1_200_000), ("no I meant 450k", 450_000),
])
def test_an_amount_in_numerals_after_a_win_corrects_it(team_chat, session_factory, deal, said, amount):
    assert team_chat.reply(f"赢单 #{deal} 48万", user="Ana", lang="zh").ok  # "what decided it?" is open
    done = team_chat.reply(said, user="Ana")  # the correction of the change just made: made at once
    assert done.ok and f"#{deal}" in done.text, done.text
    assert (f"¥{amount // 1000}K" if said.startswith("no") else _money(amount)) in done.text, done.text
    assert _deal(session_factory, deal) == ("won", amount, "", "云服务")


@pytest.mark.parametrize(("said", "amount"), [
    ("不对，是四十五万", 450_000), ("不对 应该是三十万", 300_000), ("改成二十八万五", 285_000),
    ("不是，是五十万", 500_000),
])
def test_an_amount_in_numerals_after_a_deals_change_corrects_it(team_chat, session_factory, deal, said,
                                                                amount):
    assert team_chat.reply(f"商机 #{deal} 60万", user="Ana", lang="zh").ok
    done = team_chat.reply(said, user="Ana")  # made at once, said back old → new
    assert done.ok and f"#{deal}" in done.text and _money(amount) in done.text, done.text
    assert _deal(session_factory, deal)[1] == amount


@pytest.mark.parametrize("said", ["把它改成四十五万", "把这个改成四十五万吧"])
def test_that_changed_to_an_amount_in_numerals_is_changed_at_once(team_chat, session_factory, deal, said):
    assert team_chat.reply(f"商机 #{deal} 60万", user="Ana", lang="zh").ok
    reply = team_chat.reply(said, user="Ana")
    assert reply.ok and "45万" in reply.text, reply.text
    assert _deal(session_factory, deal) == ("negotiation", 450_000, "", "云服务")


def _money(amount: int) -> str:
    """The amount as a Chinese reply shows it: `45万`, `28.5万`, `120万`."""
    return f"{amount / 10_000:g}万"


def _digits(amount: int) -> str:
    """`45万`, `28.5万`, `120万`: the amount as the grammar writes it in digits."""
    wan = amount / 10_000
    return f"{int(wan) if wan == int(wan) else wan}万"
