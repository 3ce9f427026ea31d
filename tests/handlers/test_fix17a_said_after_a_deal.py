"""Issue #23, round 17: follow-on words right after a deal's message, refused without saying how
or not understood before. Now: its probability (`prob is more like 50%`, `概率改成70%`) is said to
be its stage's, with the stages nearest to it one tap each (nothing changed); `and close 1/15`
(`还有预计1/15签`) sets that deal's close; `no discovery actually` (`不是方案，是需求`) after a stage
move puts the deal on that stage instead, said old → new; and a closing reason with a day in it,
given through the "which deal?" buttons, asks about the day on the tap. Today: Mon, Nov 23, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Deal, Task
from support import Chat

pytestmark = pytest.mark.phrasing


def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "张伟"))
    return chat


def _deal(session_factory, number: int = 1):
    with session_factory() as s:
        deal = s.get(Deal, number)
        return deal.stage, deal.probability, deal.expected_close, deal.reason


# Probability: its stage's, the nearest stages offered ------------------------------------------
@pytest.mark.parametrize("said, user, buttons", [
    ("prob is more like 50%", "Ana", ["deal #1 Discovery"]),
    ("probability 70%", "Ana", ["deal #1 Negotiation"]),
    ("actually 60%", "Ana", []),
    ("prob 50", "Ana", ["deal #1 Discovery"]),
    ("actually 40% prob", "Ana", ["deal #1 Discovery"]),
    ("odds are 80%", "Ana", ["deal #1 Negotiation"]),
    ("概率改成70%", "张伟", ["商机 #1 商务谈判"]),
    ("赢率70%", "张伟", ["商机 #1 商务谈判"]),
    ("不对，赢率应该是40%", "张伟", ["商机 #1 需求挖掘"]),
])
def test_a_probability_after_a_deal_offers_the_stages_nearest_it(session_factory, said, user, buttons):
    chat = _chat(session_factory)
    zh = user == "张伟"
    assert chat.reply('商机 +华为 "ERP" 方案 50万' if zh else 'deal +Acme "ERP" proposal 50k', user=user).ok
    before = _deal(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok, reply.text
    assert [b.command for b in reply.buttons] == buttons, reply.text
    if buttons:
        assert ("商机的赢率由阶段决定" if zh else "A deal's probability is its stage's") in reply.text
        assert ("尚未修改" if zh else "Nothing was changed yet") in reply.text
    else:  # at 60% already: nothing nearer
        assert "is at Proposal, 60%, and no other stage is nearer" in reply.text, reply.text
    assert _deal(session_factory) == before
    if buttons:
        done = chat.press(reply.buttons[0], user=user)
        assert done.ok, done.text
        moved = {"Discovery": ("discovery", 40), "Negotiation": ("negotiation", 80),
                 "商务谈判": ("negotiation", 80), "需求挖掘": ("discovery", 40)}
        assert _deal(session_factory)[:2] == moved[buttons[0].split()[-1]]


@pytest.mark.parametrize("said", ["deal #1 probability 70", "deal 1 prob 70%", "#1 probability 70",
                                  "商机 #1 赢率70%"])
def test_a_probability_of_a_named_deal_offers_its_stages(session_factory, said):
    chat = _chat(session_factory)
    assert chat.reply('deal +Acme "ERP" proposal 50k', user="Ana").ok
    assert chat.reply("visit Acme: intro", user="Ana").ok  # later, another message
    reply = chat.reply(said, user="Ana")
    assert [b.command for b in reply.buttons] in (["deal #1 Negotiation"], ["商机 #1 商务谈判"]), reply.text
    assert not reply.ok
    assert _deal(session_factory)[:2] == ("proposal", 60)


def test_a_probability_with_no_deal_just_changed_says_how(session_factory):
    chat = _chat(session_factory)
    assert chat.reply('deal +Acme "ERP" proposal 50k', user="Ana").ok
    assert chat.reply("visit Acme: intro", user="Ana").ok
    reply = chat.reply("prob 70%", user="Ana")
    assert not reply.ok and "A deal's probability is its stage's" in reply.text, reply.text
    assert "deal #12 Negotiation" in reply.text
    assert _deal(session_factory)[:2] == ("proposal", 60)


# A close said after the deal ----------------------------------------------------------------------
@pytest.mark.parametrize("said, user", [
    ("and close 1/15", "Ana"), ("also close jan 15", "Ana"), ("plus the close date is 1/15", "Ana"),
    ("and set the close to 1/15", "Ana"),
    ("还有预计1/15签", "张伟"), ("预计1月15日签约", "张伟"), ("另外预计1/15成交", "张伟"),
])
def test_a_close_said_right_after_a_deal_sets_its_close(session_factory, said, user):
    chat = _chat(session_factory)
    zh = user == "张伟"
    assert chat.reply('商机 +华为 "ERP" 方案 50万' if zh else 'deal +Acme "ERP" proposal 50k', user=user).ok
    reply = chat.reply(said, user=user)
    assert reply.ok, reply.text
    changed = "预计成交日 未设 → 2027年1月15日" if zh else "close date none → Fri, Jan 15, 2027"
    assert changed in reply.text, reply.text
    assert _deal(session_factory)[2] == dt.date(2027, 1, 15)


def test_a_close_said_after_a_refused_message_sets_nothing(session_factory):
    chat = _chat(session_factory)
    assert chat.reply('deal +Acme "ERP" proposal 50k', user="Ana").ok
    assert not chat.reply("deal #1 stage bogus", user="Ana").ok
    reply = chat.reply("and close 1/15", user="Ana")
    assert not reply.ok, reply.text
    assert "Your last message changed nothing: “deal #1 stage bogus”" in reply.text, reply.text
    assert _deal(session_factory)[2] is None


# A stage instead ---------------------------------------------------------------------------------
@pytest.mark.parametrize("said, user", [
    ("no discovery actually", "Ana"), ("no, discovery", "Ana"), ("actually it's discovery", "Ana"),
    ("no, moved to discovery", "Ana"), ("sorry, discovery not negotiation", "Ana"),
    ("discovery, not negotiation", "Ana"), ("nope discovery stage", "Ana"),
    ("不是谈判，是需求", "张伟"), ("不对，是需求阶段", "张伟"), ("不对 推进到需求", "张伟"),
])
def test_a_stage_said_instead_right_after_a_move_is_corrected(session_factory, said, user):
    chat = _chat(session_factory)
    zh = user == "张伟"
    assert chat.reply('商机 +华为 "ERP" 方案 50万' if zh else 'deal +Acme "ERP" proposal 50k', user=user).ok
    assert chat.reply("商机 #1 谈判" if zh else "deal #1 negotiation", user=user).ok
    reply = chat.reply(said, user=user)
    assert reply.ok, reply.text
    assert ("阶段 商务谈判 → 需求挖掘" if zh else "stage Negotiation → Discovery") in reply.text, reply.text
    assert _deal(session_factory)[:2] == ("discovery", 40)
    assert chat.reply("撤销" if zh else "undo", user=user).ok  # undone as any change
    assert _deal(session_factory)[:2] == ("negotiation", 80)


def test_a_stage_said_after_a_message_that_moved_no_stage_is_asked(session_factory):
    chat = _chat(session_factory)
    assert chat.reply('deal +Acme "ERP" proposal 50k', user="Ana").ok
    chat.now += dt.timedelta(minutes=1)
    assert chat.reply("deal #1 60k", user="Ana").ok  # the amount: no stage said
    reply = chat.reply("no discovery actually", user="Ana")
    assert not reply.ok and [b.command for b in reply.buttons] == ["deal #1 Discovery"], reply.text
    assert _deal(session_factory)[:2] == ("proposal", 60)


def test_a_stage_said_after_a_refused_message_moves_nothing(session_factory):
    chat = _chat(session_factory)
    assert chat.reply('deal +Acme "ERP" proposal 50k', user="Ana").ok
    assert chat.reply("deal #1 negotiation", user="Ana").ok
    assert not chat.reply("deal #1 stage bogus", user="Ana").ok
    reply = chat.reply("no discovery actually", user="Ana")
    assert not reply.ok and "Your last message changed nothing" in reply.text, reply.text
    assert _deal(session_factory)[:2] == ("negotiation", 80)


# A day in a reason given through the which-deal buttons ----------------------------------------
@pytest.mark.parametrize("said, user, reason, task", [
    ("输单 华为 价格太高 下周再去问问", "张伟", "价格太高", "再去问问"),
    ("输单 华为 对手便宜三成 下个月再联系", "张伟", "对手便宜三成", "再联系"),
])
def test_a_day_in_a_reason_given_through_the_deal_buttons_is_asked(session_factory, said, user, reason,
                                                                    task):
    chat = _chat(session_factory)
    zh = user == "张伟"
    assert chat.reply('商机 +华为 "ERP" 方案 50万' if zh else 'deal +Acme "ERP" proposal 50k', user=user).ok
    asked = chat.reply(said, user=user)
    assert not asked.ok and asked.buttons, asked.text
    [button] = [b for b in asked.buttons if "#1" in b.label]
    tapped = chat.press(button, user=user)
    assert not tapped.ok and len(tapped.buttons) >= 2, tapped.text  # the day asked about
    assert _deal(session_factory)[0] == "proposal"  # nothing closed yet
    done = chat.press(tapped.buttons[0], user=user)  # closed with the words before the day, and a task
    assert done.ok, done.text
    stage, _p, _close, stored = _deal(session_factory)
    assert stage == "lost" and stored == reason, stored
    with session_factory() as s:
        assert [t.title for t in s.scalars(select(Task))] and task in s.scalars(select(Task.title)).one()
