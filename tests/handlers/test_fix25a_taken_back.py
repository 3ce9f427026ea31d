"""Round 23 (English) WRONG #165, #170: words that take back a win or loss, at the start of a later
clause of its reason (`lost acme licence renewal, they chose oracle. scratch that they havent decided
yet`, `… went with oracle. wait no they havent decided`, `被金蝶抢了。不对还没定`), stored the deal as
lost with them in the reason. Now asked, nothing stored (handlers/grammar/clause_taken_back.py);
`not yet` inside a clause (`they're not yet ready to buy`) is what happened, kept.
Fed through the real dispatch; today is Sun, Dec 6, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Deal
from support import Chat

pytestmark = pytest.mark.phrasing

SUN = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)


def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "张伟"))
    chat.now = SUN
    return chat


def _deals(session_factory) -> list[tuple]:
    with session_factory() as s:
        return [(d.id, d.stage, d.amount, d.reason, d.competitor)
                for d in s.scalars(select(Deal).order_by(Deal.id))]


@pytest.mark.parametrize("user, opened, said, words", [
    ("Ana", 'deal +Acme "licence renewal" 35k', "lost acme licence renewal, they chose oracle. scratch that "
     "they havent decided yet", "scratch that they havent decided yet"),
    ("Ana", 'deal +Acme "licence renewal" 35k', "lost acme, went with oracle. wait no they havent decided",
     "wait no they havent decided"),
    ("Ana", 'deal +Acme "licence renewal" 35k', "lost acme, went with oracle; not yet decided",
     "not yet decided"),
    ("Ana", 'deal +Acme "licence renewal" 35k', "won acme 35k, great demo. oh actually no they havent signed",
     "oh actually no they havent signed"),
    ("张伟", "商机 +海尔 数据平台 20万", "输单 海尔：被金蝶抢了。不对还没定", "不对还没定"),
    ("张伟", "商机 +海尔 数据平台 20万", "输单 海尔：被金蝶抢了，还没定", "还没定"),
])
def test_taken_back_after_a_clause_is_asked(session_factory, user, opened, said, words):
    chat = _chat(session_factory)
    assert chat.reply(opened, user=user).ok
    before = _deals(session_factory)
    asked = chat.reply(said, user=user)
    assert not asked.ok and f"“{words}”" in asked.text, asked.text
    assert "nothing was saved" in asked.text or "尚未保存" in asked.text, asked.text
    assert _deals(session_factory) == before


@pytest.mark.parametrize("user, opened, said, reason", [
    ("Ana", 'deal +Acme "licence renewal" 35k', "lost acme, they're not yet ready to buy",
     "they're not yet ready to buy"),
    ("Ana", 'deal +Acme "licence renewal" 35k', "lost acme, actually no budget this year",
     "actually no budget this year"),
    ("张伟", "商机 +海尔 数据平台 20万", "输单 海尔：预算还没定下来，所以输了", "预算还没定下来，所以输了"),
])
def test_not_yet_inside_a_clause_is_kept(session_factory, user, opened, said, reason):
    chat = _chat(session_factory)
    assert chat.reply(opened, user=user).ok
    reply = chat.reply(said, user=user)
    assert reply.ok and ("marked lost" in reply.text or "输单" in reply.text), reply.text
    assert [(stage, why) for _i, stage, _a, why, _c in _deals(session_factory)] == [("lost", reason)]
