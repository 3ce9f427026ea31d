"""r25en, fix28a B: `also open a deal for it, renewal 3yr 240k` right after the mistyped `vist acme
corp …` (answered "did you mean visit …") put the deal under the customer of a message before it.
`it` is the customer of the last message only when that one was understood, within minutes; else
asked, nothing stored. Fed through the real dispatch; Mon, Dec 7, 2026 (Asia/Shanghai)."""
import datetime as dt

import pytest

from support import Chat, deal_rows, make_team_chat

pytestmark = pytest.mark.phrasing

MON = dt.datetime(2026, 12, 7, 2, 0, tzinfo=dt.timezone.utc)  # 10:00 in Shanghai


_DEALS = ("customer", "title")  # what the tests read


def _chat(session_factory) -> Chat:
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana"))
    for said in ("customer +Acme Corp", "visit +Initech: demo went well"):
        assert chat.reply(said, user="Ana").ok, said
    return chat


@pytest.mark.parametrize("typo, said, asked", [
    ("vist acme corp - renewal chat w the cfo, they want 3yr term",
     "also open a deal for it, renewal 3yr 240k", "Which customer?"),
    ("拜仿 Acme Corp：聊了续约", "商机 这家 续约 24万", "是哪个客户"),
])
def test_a_reference_after_a_message_not_understood_is_asked(session_factory, typo, said, asked):
    chat = _chat(session_factory)
    assert not chat.reply(typo, user="Ana").ok
    reply = chat.reply(said, user="Ana")
    assert not reply.ok and asked in reply.text and "Initech" not in reply.text, reply.text
    assert deal_rows(session_factory, *_DEALS) == []


@pytest.mark.parametrize("said, ref", [("also open a deal for it, renewal 3yr 240k", "“it” taken as Initech"),
                                       ("商机 这家 续约 24万", "按你上一条消息里的客户：Initech")])
def test_a_reference_right_after_an_understood_message_is_its_customer(session_factory, said, ref):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="Ana")
    assert reply.ok and ref in reply.text, reply.text
    assert [name for name, _title in deal_rows(session_factory, *_DEALS)] == ["Initech"]


def test_a_reference_minutes_later_is_asked(session_factory):
    chat = _chat(session_factory)
    chat.now = MON + dt.timedelta(minutes=30)
    reply = chat.reply("also open a deal for it, renewal 3yr 240k", user="Ana")
    assert not reply.ok and "Which customer?" in reply.text, reply.text
    assert deal_rows(session_factory, *_DEALS) == []
