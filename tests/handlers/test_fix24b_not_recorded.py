"""Round 22 (Chinese): `小米pilot输了 预算被砍 算了先别记` offered a loss whose reason held "算了先别记".
A message that ends by saying not to record it (`算了先别记`, `先别记`, `不用记了`, `don't log it`)
stores nothing and says so, unasked (handlers/grammar/unrecorded.py); `不记得` and the like are
words of what happened, kept. Fed through the real dispatch; today is Sun, Dec 6, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Task, Visit
from support import Chat, deal_rows, make_team_chat, records

pytestmark = pytest.mark.phrasing

SUN = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)


def _chat(session_factory) -> Chat:
    chat = make_team_chat(session_factory, now=SUN, reps=("Ana", "张伟"))
    assert chat.reply('商机 +小米 "Pilot" 方案呈现 20万', user="张伟").ok
    assert chat.reply('deal +Umbrella "Renewal" proposal 30k', user="Ana").ok
    return chat


_DEALS = ("id", "stage", "reason")  # what the tests read


@pytest.mark.parametrize("user, said, words", [
    ("张伟", "小米pilot输了 预算被砍 算了先别记", "算了先别记"),
    ("张伟", "输单 #1：预算被砍 先别记", "先别记"),
    ("张伟", "输单 小米 预算被砍，不用记了", "不用记了"),
    ("张伟", "拜访 小米：聊了预算 算了先不记了", "算了先不记了"),
    ("张伟", "小米pilot輸了 預算被砍 算了先別記", "算了先別記"),
    ("Ana", "lost umbrella budget cut, don't log it", "don't log it"),
    ("Ana", "lost #2: budget cut. never mind, don't record it yet", "never mind, don't record it yet"),
])
def test_a_message_taken_back_at_its_end_stores_nothing(session_factory, user, said, words):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user=user)
    assert words in reply.text and not reply.buttons, reply.text
    assert "什么都没有保存" in reply.text or "nothing was saved" in reply.text
    assert deal_rows(session_factory, *_DEALS) == [(1, "proposal", ""), (2, "proposal", "")]
    assert records(session_factory) == before
    chat.reply("1", user=user)  # no question was left open that `1` could take
    assert deal_rows(session_factory, *_DEALS) == [(1, "proposal", ""), (2, "proposal", "")]


@pytest.mark.parametrize("said, notes", [
    ("拜访 +京东：客户不记得上次的报价", "客户不记得上次的报价"),
    ("拜访 +京东：采购说不用记录在案，口头确认即可", "采购说不用记录在案，口头确认即可"),
])
def test_what_happened_in_such_words_is_kept(session_factory, said, notes):
    chat = _chat(session_factory)
    assert chat.reply(said, user="张伟").ok
    with session_factory() as s:
        assert [v.notes for v in s.scalars(select(Visit))] == [notes]
        assert s.scalars(select(Task)).all() == []
