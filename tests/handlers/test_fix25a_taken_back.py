"""Round 23 (English) WRONG #165, #170: words that take back a win or loss, at the start of a later
clause of its reason (`lost acme licence renewal, they chose oracle. scratch that they havent decided
yet`, `… went with oracle. wait no they havent decided`, `被金蝶抢了。不对还没定`), stored the deal as
lost with them in the reason. Now asked, nothing stored (handlers/grammar/clause_taken_back.py);
`not yet` inside a clause (`they're not yet ready to buy`) is what happened, kept.
Fed through the real dispatch; today is Sun, Dec 6, 2026."""
import datetime as dt

import pytest

from support import Chat, deal_rows, make_team_chat

pytestmark = pytest.mark.phrasing

SUN = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)


def _chat(session_factory) -> Chat:
    return make_team_chat(session_factory, now=SUN, reps=("Ana", "张伟"))


_DEALS = ("id", "stage", "amount", "reason", "competitor")  # what the tests read


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
    before = deal_rows(session_factory, *_DEALS)
    asked = chat.reply(said, user=user)
    assert not asked.ok and f"“{words}”" in asked.text, asked.text
    assert "nothing was saved" in asked.text or "尚未保存" in asked.text, asked.text
    assert deal_rows(session_factory, *_DEALS) == before


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
    deals = deal_rows(session_factory, *_DEALS)
    assert [(stage, why) for _i, stage, _a, why, _c in deals] == [("lost", reason)]
