"""A win's or loss's reason that starts with the word for the customer (#23, r20): `赢单 小米 50万
客户认可我们的方案`, and a reason sent right after a win or a loss (`客户很满意交付速度`,
`customer loved our delivery speed`), stays the reason, filed under its category: never the `客户`
command offering a new customer named `很满意交付速度`. `客户 华为 A类` right after a loss is still
the customer command (a tier set on a customer the workspace knows)."""
import pytest
from sqlalchemy import func, select

from storage.models.sales import Customer, Deal
from support import Chat, make_team_chat

pytestmark = pytest.mark.phrasing


def _chat(session_factory) -> Chat:
    return make_team_chat(session_factory, reps=("Ana", "张伟"))


def _open(chat, user):
    said = '商机 +小米 "ERP" 方案 30万' if user == "张伟" else 'deal +Globex "ERP" proposal 120k'
    assert chat.reply(said, user=user).ok


def _deal(session_factory):
    with session_factory() as s:
        deal = s.get(Deal, 1)
        return deal.stage, deal.reason, deal.reason_category


def _customers(session_factory):
    with session_factory() as s:
        return s.scalar(select(func.count()).select_from(Customer))


@pytest.mark.parametrize("said, reason, category", [
    ("赢单 小米 50万 客户认可我们的方案", "客户认可我们的方案", "product_fit"),
    ("赢单 #1 50万：客户很满意交付速度", "客户很满意交付速度", "delivery"),
    ("赢单 小米 20万 客户觉得我们服务好", "客户觉得我们服务好", "service"),
])
def test_a_reason_starting_with_the_customer_word_in_the_win(session_factory, said, reason, category):
    chat = _chat(session_factory)
    _open(chat, "张伟")
    reply = chat.reply(said, user="张伟")
    assert reply.ok and "赢单" in reply.text and "新建" not in reply.text, reply.text
    assert _deal(session_factory) == ("won", reason, category)
    assert _customers(session_factory) == 1


def test_a_reason_starting_with_the_customer_word_with_no_amount_is_asked_then_kept(session_factory):
    chat = _chat(session_factory)
    _open(chat, "张伟")
    asked = chat.reply("赢单 小米 客户觉得我们服务好", user="张伟")  # as `赢单 小米 交付周期短` is
    assert "“客户觉得我们服务好”是原因吗" in asked.text and len(asked.buttons) == 1, asked.text
    assert _deal(session_factory) == ("proposal", "", "")
    reply = chat.press(asked.buttons[0], user="张伟", lang="zh")
    assert reply.ok and "赢单" in reply.text, reply.text
    assert _deal(session_factory) == ("won", "客户觉得我们服务好", "service")
    assert _customers(session_factory) == 1


@pytest.mark.parametrize("close, reason, category, user", [
    ("赢单 #1", "客户很满意交付速度", "delivery", "张伟"),
    ("赢单 #1", "客户认可我们的方案", "product_fit", "张伟"),
    ("输单 #1", "客户预算被砍了", "budget", "张伟"),
    ("won #1", "customer loved our delivery speed", "delivery", "Ana"),
    ("lost #1", "customer said the price was too high", "price", "Ana"),
])
def test_a_reason_starting_with_the_customer_word_sent_after_the_close(session_factory, close, reason,
                                                                       category, user):
    chat = _chat(session_factory)
    _open(chat, user)
    asked = chat.reply(close, user=user)
    assert asked.ok and asked.buttons, asked.text  # what decided it? one tap per category
    reply = chat.reply(reason, user=user)
    noted = "的原因" if user == "张伟" else "Reason for deal #1 noted"
    assert reply.ok and noted in reply.text and reason in reply.text, reply.text
    assert "new customer" not in reply.text.lower() and "新客户" not in reply.text, reply.text
    assert _deal(session_factory) == ("won" if close.startswith(("赢", "won")) else "lost", reason, category)
    assert _customers(session_factory) == 1


def test_the_customer_command_on_a_known_customer_after_a_loss_is_still_itself(session_factory):
    chat = _chat(session_factory)
    _open(chat, "张伟")
    assert chat.reply("输单 #1", user="张伟").ok
    reply = chat.reply("客户 小米 A类", user="张伟")
    assert reply.ok and "A" in reply.text, reply.text
    assert _deal(session_factory) == ("lost", "", "")
    with session_factory() as s:
        assert s.scalars(select(Customer.tier)).all() == ["A"]
