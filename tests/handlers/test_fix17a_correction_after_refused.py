"""Issue #23, round 17: a correction said right after a REFUSED message corrects nothing older.
A rep logged a visit with a follow-up, then sent a deal change that was refused, then `no make it
12/30`: the visit's follow-up was moved (silently wrong: the rep meant the refused deal change).
Now the member's last message in THAT conversation (refused ones counted) is what a correction
corrects; after one that changed nothing, the reply says so, quotes it and says what to type,
and nothing is stored. One refused in another conversation (a DM) still leaves the correction
said where the change was made (round 12)."""
import datetime as dt

import pytest
from sqlalchemy import select

from handlers.senders import UserRef
from handlers.unit_of_work import AnswerTo, handle_message
from storage.address import Address, Kind
from storage.models.messaging import LastMessage
from storage.models.sales import Deal, Visit
from support import Chat

pytestmark = pytest.mark.phrasing


def _rows(session_factory):
    """(follow-up of each visit, (stage, close) of each deal)."""
    with session_factory() as s:
        return ([v.follow_up_on for v in s.scalars(select(Visit).order_by(Visit.id))],
                [(d.stage, d.expected_close) for d in s.scalars(select(Deal).order_by(Deal.id))])


def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "张伟"))
    return chat


@pytest.mark.parametrize("fix, user", [
    ("no make it 12/30", "Ana"),
    ("actually make that 12/30", "Ana"),
    ("no I meant 12/30", "Ana"),
    ("no, make the follow up 12/30", "Ana"),
    ("不对 改成12月30", "张伟"),
    ("把它改成12月30", "张伟"),
    ("不对，是12月30跟进", "张伟"),
])
def test_a_correction_after_a_refused_deal_change_moves_no_follow_up(session_factory, fix, user):
    chat = _chat(session_factory)
    zh = user == "张伟"
    assert chat.reply('商机 华为 "ERP" 方案 50万' if zh else 'deal Acme "ERP" proposal 50k', user=user).ok
    visit = "拜访 华为：初次见面，周五跟进" if zh else "visit Acme: intro; follow up fri"
    assert chat.reply(visit, user=user).ok
    before = _rows(session_factory)
    refused = "商机 #1 阶段 乱写" if zh else "deal #1 stage bogus"
    assert not chat.reply(refused, user=user).ok
    reply = chat.reply(fix, user=user)
    assert not reply.ok, reply.text
    said = "你的上一条消息没有修改任何内容：“" if zh else "Your last message changed nothing: “"
    assert said + refused + "”" in reply.text, reply.text
    # what to type instead (`deal #12 close 12/30`), or the older record asked about, one tap
    assert "#12" in reply.text or [b.command for b in reply.buttons] in (["visit #1 follow up 12/30"],
                                                                       ["拜访 #1 跟进 12月30"]), reply.text
    assert "Changed" not in reply.text and "已修改" not in reply.text
    assert _rows(session_factory) == before  # neither the visit's follow-up nor the deal's close
    if not reply.buttons:  # said twice: still the refused deal change quoted (asked: the same
        again = chat.reply(fix, user=user)  # words again answer the question, as any answer does)
        assert not again.ok and refused in again.text, again.text
        assert _rows(session_factory) == before


def test_the_correction_right_after_the_change_still_moves_it(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("visit Acme: intro; follow up fri", user="Ana").ok
    reply = chat.reply("no make it 12/30", user="Ana")
    assert reply.ok and "follow-up Fri, Nov 27 → Wed, Dec 30" in reply.text, reply.text
    assert _rows(session_factory)[0] == [dt.date(2026, 12, 30)]


def test_a_correction_refused_for_its_value_leaves_the_change_correctable(session_factory):
    """`make it 3 pm` fits no field: said how, the right value then corrects the visit."""
    chat = _chat(session_factory)
    assert chat.reply("visit Acme: intro; follow up fri", user="Ana").ok
    assert not chat.reply("no I meant 50k", user="Ana").ok  # no amount on a visit
    reply = chat.reply("no make it 12/30", user="Ana")
    assert reply.ok and "Wed, Dec 30" in reply.text, reply.text
    assert _rows(session_factory)[0] == [dt.date(2026, 12, 30)]


# DM and channel: the last message is the member's last one in that conversation ----------------
ANA = UserRef("slack", "T1", "U2", "Ana")
CHANNEL = Address("slack", "T1", Kind.CHANNEL, "C1")
DM = Address("slack", "T1", Kind.USER, "U2")
_said = iter(range(10_000))


def _send(session_factory, text, where):
    here = where if where is CHANNEL else None  # a DM is no shared conversation: no `here`
    return handle_message(session_factory, ANA, text, answer_to=AnswerTo(f"Ev{next(_said)}", "T1", where,
                                                                         here=here))


@pytest.mark.parametrize("fix", ["no make it 12/30", "不对 改成12月30"])
@pytest.mark.parametrize("where", ["channel", "dm"])
def test_a_refused_message_in_the_same_conversation_blocks_the_correction(session_factory, fix, where):
    place = CHANNEL if where == "channel" else DM
    _send(session_factory, "help", DM)
    assert _send(session_factory, 'deal Acme "ERP" proposal 50k', place).ok
    assert _send(session_factory, "visit Acme: intro; follow up fri", place).ok
    before = _rows(session_factory)
    assert not _send(session_factory, "deal #1 stage bogus", place).ok
    reply = _send(session_factory, fix, place)
    assert not reply.ok and "deal #1 stage bogus" in reply.text, reply.text
    assert _rows(session_factory) == before


@pytest.mark.parametrize("fix", ["no make it 12/30", "不对 改成12月30"])
def test_a_refused_message_in_a_dm_leaves_the_correction_in_the_channel(session_factory, fix):
    _send(session_factory, "help", DM)
    assert _send(session_factory, "visit Acme: intro; follow up fri", CHANNEL).ok
    assert not _send(session_factory, "deal #1 stage bogus", DM).ok  # said in the DM
    reply = _send(session_factory, fix, CHANNEL)
    assert reply.ok and ("Dec 30" in reply.text or "12月30日" in reply.text), reply.text
    assert _rows(session_factory)[0] == [dt.date(2026, 12, 30)]
    with session_factory() as s:
        kept = {m.conversation: m.text for m in s.scalars(select(LastMessage))}
    assert kept == {"slack:direct": "deal #1 stage bogus", "slack:T1:channel:C1": fix}


def test_a_correction_in_a_dm_of_a_change_made_in_the_channel_says_where(session_factory):
    _send(session_factory, "help", DM)
    assert _send(session_factory, "visit Acme: intro; follow up fri", CHANNEL).ok
    before = _rows(session_factory)
    reply = _send(session_factory, "no make it 12/30", DM)
    assert not reply.ok and "was made in another conversation" in reply.text, reply.text
    assert _rows(session_factory) == before
