"""Round 22 (fix23b): a new deal said plainly (`小米有个新商机 30万 下月签`, `新单子：京东 50万`,
`xiaomi has a new deal 300k`) is made, or asked about (new, or the member's deal there?), never
their deal there changed silently; a deal pushed to a day said plainly (`小米的单子延到下月`, `xiaomi
deal pushed to next month`) moves its close day; an undo naming what it undoes (`undo the umbrella
move`) undoes the last change only when it is about that, else says what the last change was.
Fed through the real dispatch; today is Sun, Dec 6, 2026."""
import datetime as dt
from decimal import Decimal

import pytest

from support import deal_rows, make_team_chat

pytestmark = pytest.mark.phrasing

DEC6 = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)  # a Sunday


def _chat(session_factory):
    return make_team_chat(session_factory, now=DEC6, reps=("Ana", "Bo", "张伟"))


_DEALS = ("title", "amount", "stage", "expected_close")  # what the tests read


@pytest.mark.parametrize("user, said, amount", [
    ("张伟", "小米有个新商机 30万 下月签", Decimal(300000)),
    ("张伟", "新单子：小米 50万", Decimal(500000)),
    ("Ana", "xiaomi has a new deal 300k closing next month", Decimal(300000)),
    ("Ana", "new deal for xiaomi 200k", Decimal(200000)),
])
def test_a_new_deal_said_where_the_member_has_one_is_asked_new_or_theirs(session_factory, user, said, amount):
    chat = _chat(session_factory)
    assert chat.reply('商机 +小米 "Pilot" 10万', user=user).ok
    before = deal_rows(session_factory, *_DEALS)
    asked = chat.reply(said, user=user)
    assert not asked.ok and len(asked.buttons) == 2 and "Pilot" in asked.text, asked.text
    assert deal_rows(session_factory, *_DEALS) == before  # asked: nothing changed
    made = chat.press(asked.buttons[0], user=user)
    assert made.ok, made.text
    deals = deal_rows(session_factory, *_DEALS)
    assert deals[0] == before[0] and len(deals) == 2  # Pilot as it was
    assert deals[1][:3] == ("小米", amount, "lead")


def test_a_new_deal_said_answered_as_theirs_changes_theirs(session_factory):
    chat = _chat(session_factory)
    assert chat.reply('商机 +小米 "Pilot" 10万', user="张伟").ok
    asked = chat.reply("小米有个新商机 30万", user="张伟")
    done = chat.press(asked.buttons[1], user="张伟")
    assert done.ok, done.text
    assert [d[:2] for d in deal_rows(session_factory, *_DEALS)] == [("Pilot", Decimal(300000))]


@pytest.mark.parametrize("user, said", [
    ("张伟", "新单子：京东 50万"),
    ("张伟", "京东有个新单子 50万"),
    ("Ana", "京东 has a new deal 500k"),
])
def test_a_new_deal_where_only_a_colleague_has_one_is_the_members_own(session_factory, user, said):
    chat = _chat(session_factory)
    assert chat.reply('商机 +京东 "数据平台" 12万', user="Bo").ok
    made = chat.reply(said, user=user)
    assert made.ok and "京东" in made.text, made.text
    assert [d[:2] for d in deal_rows(session_factory, *_DEALS)] == [("数据平台", Decimal(120000)),
                                                         ("京东", Decimal(500000))]


@pytest.mark.parametrize("user, said", [
    ("张伟", "小米那个单子下个月才能签"),
    ("张伟", "小米的单子延到下月"),
    ("张伟", "小米那单推到下个月签"),
    ("Ana", "xiaomi deal pushed to next month"),
    ("Ana", "xiaomi deal slips to next month"),
])
def test_a_deal_pushed_said_plainly_moves_its_close_day(session_factory, user, said):
    chat = _chat(session_factory)
    assert chat.reply('商机 +小米 "Pilot" 10万 预计 12月20日', user=user).ok
    reply = chat.reply(said, user=user)
    assert reply.ok and "Pilot" in reply.text, reply.text
    [(title, _amount, _stage, close)] = deal_rows(session_factory, *_DEALS)
    assert title == "Pilot" and close.year == 2027 and close.month == 1


@pytest.mark.parametrize("user, first, undo", [
    ("Ana", "deal umbrella negotiation", "undo the umbrella move"),
    ("Ana", "deal umbrella negotiation", "oops undo the umbrella deal change"),
    ("张伟", "商机 umbrella 商务谈判", "撤销umbrella那单的推进"),
])
def test_an_undo_naming_the_deal_changed_last_undoes_it(session_factory, user, first, undo):
    chat = _chat(session_factory)
    assert chat.reply('deal +Umbrella "renewal" 200k', user=user).ok
    assert chat.reply(first, user=user).ok
    assert [d[2] for d in deal_rows(session_factory, *_DEALS)] == ["negotiation"]
    reply = chat.reply(undo, user=user)
    assert reply.ok, reply.text
    assert [d[2] for d in deal_rows(session_factory, *_DEALS)] == ["lead"]


@pytest.mark.parametrize("user, undo, said", [
    ("Ana", "undo the umbrella move", "call bo"),
    ("张伟", "撤销umbrella那单的推进", "call bo"),
])
def test_an_undo_naming_something_else_says_the_last_change_and_asks(session_factory, user, undo, said):
    chat = _chat(session_factory)
    assert chat.reply('deal +Umbrella "renewal" 200k', user=user).ok
    assert chat.reply("deal umbrella negotiation", user=user).ok
    assert chat.reply("task call bo fri", user=user).ok
    asked = chat.reply(undo, user=user)
    assert not asked.ok and said in asked.text and "umbrella" in asked.text, asked.text
    assert [d[2] for d in deal_rows(session_factory, *_DEALS)] == ["negotiation"]  # nothing undone
    done = chat.press(asked.buttons[0], user=user)  # the last change, undone on a tap
    assert done.ok and said in done.text, done.text
    assert [d[2] for d in deal_rows(session_factory, *_DEALS)] == ["negotiation"]
