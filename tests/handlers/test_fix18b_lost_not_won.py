"""Round 18 (#23): a win just recorded said to be a loss (`actually lost not won, they backed
out`, `不是赢单 是输单`) is offered as that deal reopened and marked lost, the words after it the
reason, one tap; never a customer named "lost", nothing changed before the tap."""
import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Deal
from support import Chat

pytestmark = pytest.mark.phrasing


def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "张伟"))
    return chat


_NEW = 'deal +Umbrella "erp" negotiation 120k'


@pytest.mark.parametrize("user, new, won, said, why, answer", [
    ("Ana", _NEW, "won #1 120k: price", "actually lost not won, they backed out",
     "they backed out", "yes"),
    ("Ana", _NEW, "won #1 120k: price", "no it was lost, not won", "", "1"),
    ("Ana", _NEW, "won #1 120k: price", "actually we lost it, they went with sap", "they went with sap", "1"),
    ("Ana", _NEW, "won #1 120k: price", "not won, lost: they backed out",
     "they backed out", "yes"),
    ("Ana", _NEW, "won #1 120k: price",
     "oops lost instead of won - budget cut", "budget cut", "1"),
    ("张伟", '商机 +华为 "平台" 谈判 50万', "赢单 #1 50万：价格", "不是赢单 是输单", "", "好"),
    ("张伟", '商机 +华为 "平台" 谈判 50万', "赢单 #1 50万：价格", "是输单不是赢单，客户撤了",
     "客户撤了", "好"),
])
def test_a_win_said_to_be_a_loss_is_offered_as_lost(session_factory, user, new, won, said, why, answer):
    chat = _chat(session_factory)
    assert chat.reply(new, user=user).ok
    assert chat.reply(won, user=user).ok
    out = chat(said, user=user)
    assert ("Mark it lost instead" in out or "改为输单吗" in out) and "customer" not in out, out
    assert (f"lost #1: {why}" if why and user == "Ana" else f"输单 #1：{why}" if why else "#1") in out, out
    with session_factory() as s:
        assert s.get(Deal, 1).stage == "won"  # asked: nothing changed yet
        assert s.scalars(select(Customer.name)).all() in (["Umbrella"], ["华为"])
    done = chat(answer, user=user)
    assert "marked lost" in done or "已记为输单" in done, done
    with session_factory() as s:
        deal = s.get(Deal, 1)
        assert deal.stage == "lost"
        assert not why or deal.reason == why
        assert s.scalars(select(Customer.name)).all() in (["Umbrella"], ["华为"])


def test_lost_not_won_with_no_win_just_made_is_not_offered(session_factory):
    chat = _chat(session_factory)
    assert chat.reply('deal +Umbrella "erp" negotiation 120k', user="Ana").ok
    out = chat("actually lost not won, they backed out", user="Ana")
    assert "Mark it lost instead" not in out
    with session_factory() as s:
        assert s.get(Deal, 1).stage == "negotiation"
