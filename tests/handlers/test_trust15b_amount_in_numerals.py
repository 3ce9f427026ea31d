"""Round 15 (issue #23): an amount corrected in Chinese numerals right after a win or a deal's change
(`不对，是四十五万`, `不对 应该是三十万`, `改成二十八万五`) corrects the amount as `不对，是45万`
does: the deal just changed is offered with the amount in digits, never a win's reason, never a
deal's title, and one tap stores it."""
import pytest
from sqlalchemy import select

from storage.models.sales import Deal


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
    asked = team_chat.reply(said, user="Ana")
    assert not asked.ok and f"#{deal}" in asked.text, asked.text
    line = f"deal #{deal} 450k" if said.startswith("no") else f"商机 #{deal} {_digits(amount)}"
    assert [b.command for b in asked.buttons] == [line], asked.buttons
    assert _deal(session_factory, deal) == ("won", 480_000, "", "云服务")  # asked, nothing stored yet
    assert team_chat.reply("1", user="Ana").ok
    assert _deal(session_factory, deal) == ("won", amount, "", "云服务")


@pytest.mark.parametrize(("said", "amount"), [
    ("不对，是四十五万", 450_000), ("不对 应该是三十万", 300_000), ("改成二十八万五", 285_000),
    ("不是，是五十万", 500_000),
])
def test_an_amount_in_numerals_after_a_deals_change_corrects_it(team_chat, session_factory, deal, said,
                                                                amount):
    assert team_chat.reply(f"商机 #{deal} 60万", user="Ana", lang="zh").ok
    asked = team_chat.reply(said, user="Ana")
    assert not asked.ok and f"#{deal}" in asked.text, asked.text
    assert [b.command for b in asked.buttons] == [f"商机 #{deal} {_digits(amount)}"]
    assert _deal(session_factory, deal)[1] == 600_000
    assert team_chat.reply("好", user="Ana").ok
    assert _deal(session_factory, deal) == ("negotiation", amount, "", "云服务")


@pytest.mark.parametrize("said", ["把它改成四十五万", "把这个改成四十五万吧"])
def test_that_changed_to_an_amount_in_numerals_is_changed_at_once(team_chat, session_factory, deal, said):
    assert team_chat.reply(f"商机 #{deal} 60万", user="Ana", lang="zh").ok
    reply = team_chat.reply(said, user="Ana")
    assert reply.ok and "45万" in reply.text, reply.text
    assert _deal(session_factory, deal) == ("negotiation", 450_000, "", "云服务")


def _digits(amount: int) -> str:
    """`45万`, `28.5万`, `120万`: the amount as the grammar writes it in digits."""
    wan = amount / 10_000
    return f"{int(wan) if wan == int(wan) else wan}万"
