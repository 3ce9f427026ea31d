"""A win rate said with the win words (#23, r20): `win rate 80`, `win rate is 80%`, `赢率80%`,
`赢单率80%`, `成交率 80%` is no win: answered as a deal's probability is (its stage's, the stages
nearest offered for the deal just changed, else how to move it), nothing stored; asked with no
number (`what's my win rate?`, `我的赢单率是多少`) it is answered with the scorecard that shows it.
Never a win offered, never a win stored."""
import pytest
from sqlalchemy import func, select

from storage.models.sales import Deal
from support import Chat, make_team_chat

pytestmark = pytest.mark.phrasing


def _chat(session_factory) -> Chat:
    return make_team_chat(session_factory, reps=("Ana", "张伟"))


def _won(session_factory) -> int:
    with session_factory() as s:
        return s.scalar(select(func.count()).select_from(Deal).where(Deal.stage == "won"))


def _deal(session_factory):
    with session_factory() as s:
        deal = s.get(Deal, 1)
        return deal.stage, deal.probability


@pytest.mark.parametrize("said, user, shown", [
    ("win rate 80", "Ana", "A deal's probability is its stage's: to change 80%"),
    ("win rate is 80%", "Ana", "A deal's probability is its stage's: to change 80%"),
    ("Win-rate 70%", "Ana", "A deal's probability is its stage's: to change 70%"),
    ("my win rate is 80%", "Ana", "A deal's probability is its stage's: to change 80%"),
    ("赢率80%", "张伟", "商机的赢率由阶段决定：要改成 80%"),
    ("赢单率80%", "张伟", "商机的赢率由阶段决定：要改成 80%"),
    ("成交率 80%", "张伟", "商机的赢率由阶段决定：要改成 80%"),
    ("我们的赢单率是80%", "张伟", "商机的赢率由阶段决定：要改成 80%"),
])
def test_a_win_rate_with_no_deal_just_changed_says_how_and_stores_no_win(session_factory, said, user, shown):
    chat = _chat(session_factory)
    zh = user == "张伟"
    assert chat.reply('商机 +华为 "ERP" 方案 50万' if zh else 'deal +Acme "ERP" proposal 50k', user=user).ok
    assert chat.reply("拜访 华为：介绍" if zh else "visit Acme: intro", user=user).ok
    reply = chat.reply(said, user=user)
    assert shown in reply.text and not reply.ok, reply.text
    assert not any(b.command.startswith(("won", "赢单")) for b in reply.buttons), reply.buttons
    assert _won(session_factory) == 0
    assert _deal(session_factory) == ("proposal", 60)


@pytest.mark.parametrize("said, user, shown", [
    ("win rate 30%", "Ana", "is at Proposal, 60%"),
    ("win rate is 30", "Ana", "is at Proposal, 60%"),
    ("赢单率30%", "张伟", "在方案呈现，60%"),
])
def test_a_win_rate_right_after_a_deal_offers_its_stages(session_factory, said, user, shown):
    chat = _chat(session_factory)
    zh = user == "张伟"
    assert chat.reply('商机 +华为 "ERP" 方案 50万' if zh else 'deal +Acme "ERP" proposal 50k', user=user).ok
    reply = chat.reply(said, user=user)
    assert shown in reply.text and not reply.ok, reply.text
    assert reply.buttons and all(b.command.startswith(("deal #1", "商机 #1")) for b in reply.buttons)
    assert _won(session_factory) == 0
    assert _deal(session_factory) == ("proposal", 60)


@pytest.mark.parametrize("said, user, shown", [
    ("what's my win rate?", "Ana", "Win rate"), ("win rate", "Ana", "Win rate"),
    ("我的赢单率是多少", "张伟", "赢单率"), ("赢单率", "张伟", "赢单率"),
])
def test_a_win_rate_asked_is_answered_with_the_scorecard(session_factory, said, user, shown):
    chat = _chat(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok and shown in reply.text, reply.text
    assert "Scorecard" in reply.text or "绩效" in reply.text, reply.text
    assert _won(session_factory) == 0


def test_a_customer_that_starts_like_a_rate_is_still_won(session_factory):
    chat = _chat(session_factory)
    assert chat.reply('deal +Chance Co "ERP" proposal 50k', user="Ana").ok
    reply = chat.reply("won Chance Co 50k: beat them on price", user="Ana")
    assert reply.ok and "won" in reply.text, reply.text
    assert _won(session_factory) == 1
