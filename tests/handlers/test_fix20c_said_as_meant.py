"""Round 19 (#23): messages that were asked wrongly or not understood, each class in English and
Chinese. A paper signed on the way (`they signed the nda`, `签了保密协议`) is no win; a currency said
as a correction changes the amount's currency, never names a customer; a short command word typed
with a slip (`tsk`, `wn`, `wom`, `任物`) is offered put right; a target's amount said again with a
filler (`哦不 45万`, `算了 Ana还是42万吧`) sets that target again; `deal amount 15万` changes the deal
just changed; leave's dotted days (`请假 12.28-12.31`) are read and a part of a day is asked about.
Chat's today: Mon, Nov 23, 2026."""
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from storage.models.sales import Deal, Task, Visit
from storage.models.team import Target
from storage.models.workspace import Member
from support import Chat, customer_names, leave_rows, make_team_chat

pytestmark = pytest.mark.phrasing


def _chat(session_factory, manager: str = "Mia") -> Chat:
    return make_team_chat(session_factory, manager=manager, reps=("Ana", "张伟"))


def _deal(session_factory, deal_id: int = 1) -> tuple:
    with session_factory() as s:
        deal = s.get(Deal, deal_id)
        return deal.stage, deal.amount, deal.currency


# -- a paper signed on the way is no win -------------------------------------------------------

@pytest.mark.parametrize("user, new, said", [
    ("Ana", 'deal +Globex "portal" contact 50k', "globex signed the nda"),
    ("Ana", 'deal +Globex "portal" contact 50k', "globex moved to discovery, they signed the nda"),
    ("Ana", 'deal +Globex "portal" contact 50k', "globex LOI signed"),
    ("Ana", 'deal +Globex "portal" contact 50k', "globex signed an MOU today"),
    ("张伟", '商机 +腾讯 "云服务" 初步接触 10万', "腾讯签了保密协议"),
    ("张伟", '商机 +腾讯 "云服务" 初步接触 10万', "腾讯框架协议签了"),
    ("张伟", '商机 +腾讯 "云服务" 初步接触 10万', "腾讯签了一份意向书"),
])
def test_a_paper_signed_on_the_way_is_no_win(session_factory, user, new, said):
    chat = _chat(session_factory)
    assert chat.reply(new, user=user).ok
    reply = chat.reply(said, user=user)
    commands = " ".join(b.command for b in reply.buttons)
    assert "won #" not in commands and "赢单" not in commands, (reply.text, commands)
    assert "was won" not in reply.text and "赢了" not in reply.text, reply.text
    assert _deal(session_factory)[0] == "contact"
    if reply.buttons:  # whatever is offered (a visit, the stage moved), a tap closes no deal
        chat.press(reply.buttons[0], user=user)
    assert _deal(session_factory)[0] in ("contact", "discovery")


@pytest.mark.parametrize("user, new, said", [
    ("Ana", 'deal +Globex "portal" contact 50k', "globex signed!"),
    ("张伟", '商机 +腾讯 "云服务" 初步接触 10万', "腾讯签了！"),
])
def test_a_deal_said_signed_is_still_offered_as_a_win(session_factory, user, new, said):
    chat = _chat(session_factory)
    assert chat.reply(new, user=user).ok
    reply = chat.reply(said, user=user)
    assert any("won #1" in b.command or "赢单 #1" in b.command for b in reply.buttons), reply.text
    assert _deal(session_factory)[0] == "contact"  # asked: nothing closed before the tap


# -- a currency said as a correction ------------------------------------------------------------

@pytest.mark.parametrize("user, new, said, was, now, shown", [
    ("Ana", 'deal +Umbrella "erp" negotiation 60k usd', "oops meant rmb not usd", "USD", "CNY",
     "$60K → ¥60K"),
    ("Ana", 'deal +Umbrella "erp" negotiation 60k usd', "actually in rmb", "USD", "CNY", "$60K → ¥60K"),
    ("Ana", 'deal +Umbrella "erp" negotiation 60k', "sorry it's usd not rmb", "CNY", "USD", "¥60K → $60K"),
    ("张伟", '商机 +华为 "平台" 商务谈判 8万', "哦 是美元不是人民币", "CNY", "USD", "¥8万 → $8万"),
    ("张伟", '商机 +华为 "平台" 商务谈判 8万', "不对，是美元", "CNY", "USD", "¥8万 → $8万"),
])
def test_a_currency_said_right_after_an_amount_changes_its_currency(session_factory, user, new, said, was,
                                                                    now, shown):
    chat = _chat(session_factory)
    assert chat.reply(new, user=user).ok
    amount = _deal(session_factory)[1]
    assert _deal(session_factory)[2] == was
    before = sorted(customer_names(session_factory))
    reply = chat.reply(said, user=user)
    assert reply.ok and shown in reply.text, reply.text
    assert _deal(session_factory) == ("negotiation", amount, now)
    assert sorted(customer_names(session_factory)) == before  # never a customer "rmb"
    assert chat.reply("undo" if user == "Ana" else "撤销", user=user).ok
    assert _deal(session_factory)[2] == was


@pytest.mark.parametrize("said, lang", [("oops meant rmb not usd", "en"), ("不对，是美元", "zh")])
def test_a_currency_with_no_amount_just_said_names_no_customer(session_factory, said, lang):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="Ana", lang=lang)
    assert not reply.ok and "customer" not in reply.text and "客户" not in reply.text, reply.text
    assert sorted(customer_names(session_factory)) == []


# -- a short command word with a slip -----------------------------------------------------------

@pytest.mark.parametrize("user, said, meant", [
    ("Ana", "tsk call huawei re pricing tmrw", "task call huawei re pricing tmrw"),
    ("Ana", "taks call huawei tmrw", "task call huawei tmrw"),
    ("Ana", "tsak call huawei tmrw", "task call huawei tmrw"),
    ("张伟", "任物 明天给华为打电话", "任务 明天给华为打电话"),
])
def test_a_misspelt_task_word_is_offered_as_a_task(session_factory, user, said, meant):
    chat = _chat(session_factory)
    assert chat.reply('customer +华为 tier A', user="Mia").ok
    reply = chat.reply(said, user=user)
    assert [b.command for b in reply.buttons] == [meant], reply.text
    with session_factory() as s:
        assert s.scalars(select(Visit)).all() == [] and s.scalars(select(Task)).all() == []
    done = chat.press(reply.buttons[0], user=user)
    assert done.ok, done.text
    with session_factory() as s:
        assert len(s.scalars(select(Task)).all()) == 1 and s.scalars(select(Visit)).all() == []


@pytest.mark.parametrize("said, meant", [
    ("wn #1 150k beat sap", "won #1 150k: beat sap"),
    ("wom #1 150k", "won #1 150k"),
    ("wn #1 150k", "won #1 150k"),
])
def test_a_misspelt_win_word_is_offered_as_the_win(session_factory, said, meant):
    chat = _chat(session_factory)
    assert chat.reply('deal +Globex "portal" negotiation 120k').ok
    reply = chat.reply(said)
    assert [b.command for b in reply.buttons] == [meant] and "Did you mean" in reply.text, reply.text
    assert _deal(session_factory)[0] == "negotiation"
    assert chat.press(reply.buttons[0]).ok
    assert _deal(session_factory)[:2] == ("won", Decimal(150000))


# -- a target's amount said again with a filler ------------------------------------------------

def _targets(session_factory, who: str) -> dict:
    with session_factory() as s:
        member = s.scalar(select(Member).where(Member.display_name == who))
        targets = s.scalars(select(Target).where(Target.member_id == member.id))
        return {t.period_start: t.amount for t in targets}


@pytest.mark.parametrize("setting, said, who, shown, amount", [
    ("目标 @张伟 业绩 40万 本月", "哦不 45万", "张伟", "原为 ¥40万", 450000),
    ("目标 @Ana 业绩 40万 本月", "算了 Ana还是42万吧", "Ana", "原为 ¥40万", 420000),
    ("目标 @张伟 业绩 40万 本月", "嗯 45万吧", "张伟", "原为 ¥40万", 450000),
    ("目标 @张伟 业绩 40万 本月", "不对 张伟的目标还是44万", "张伟", "原为 ¥40万", 440000),
    ("target @Ana revenue 40k this month", "actually make it 45k", "Ana", "it was ¥40K", 45000),
    ("target @Ana revenue 40k this month", "no, Ana 46k", "Ana", "it was ¥40K", 46000),
    ("target @Ana revenue 40k this month", "oh 47k", "Ana", "it was ¥40K", 47000),
])
def test_a_targets_amount_said_again_with_a_filler_sets_it_again(session_factory, setting, said, who, shown,
                                                                 amount):
    chat = _chat(session_factory, manager="王芳")
    assert chat.reply(setting, user="王芳").ok
    reply = chat.reply(said, user="王芳")
    assert reply.ok and shown in reply.text, reply.text
    assert _targets(session_factory, who) == {dt.date(2026, 11, 1): Decimal(amount)}


def test_another_members_name_corrects_no_target(session_factory):
    chat = _chat(session_factory, manager="王芳")
    assert chat.reply("目标 @Ana 业绩 40万 本月", user="王芳").ok
    reply = chat.reply("算了 张伟还是42万吧", user="王芳")
    assert not reply.ok, reply.text
    assert _targets(session_factory, "Ana") == {dt.date(2026, 11, 1): Decimal(400000)}
    assert _targets(session_factory, "张伟") == {}


# -- a deal's amount after its command word -------------------------------------------------------

@pytest.mark.parametrize("user, new, said, shown, amount", [
    ("Ana", 'deal +Acme "erp" proposal 40k', "deal amount 45k", "¥40K → ¥45K", 45000),
    ("Ana", 'deal +Acme "erp" proposal 40k', "deal value 46k", "¥40K → ¥46K", 46000),
    ("Ana", 'deal +Acme "erp" proposal 40k', "change deal amount to 48k", "¥40K → ¥48K", 48000),
    ("张伟", '商机 +华为 "平台" 方案呈现 10万', "deal amount 15万", "¥10万 → ¥15万", 150000),
    ("张伟", '商机 +华为 "平台" 方案呈现 10万', "商机金额 16万", "¥10万 → ¥16万", 160000),
    ("张伟", '商机 +华为 "平台" 方案呈现 10万', "商机金额改成15万", "¥10万 → ¥15万", 150000),
    ("张伟", '商机 +华为 "平台" 方案呈现 10万', "商机 金额 18万", "¥10万 → ¥18万", 180000),
])
def test_a_deals_amount_after_its_command_word_changes_the_deal_just_changed(session_factory, user, new,
                                                                             said, shown, amount):
    chat = _chat(session_factory)
    assert chat.reply(new, user=user).ok
    before = sorted(customer_names(session_factory))
    reply = chat.reply(said, user=user)
    assert reply.ok and shown in reply.text, reply.text
    assert _deal(session_factory)[:2] == ("proposal", Decimal(amount))
    assert sorted(customer_names(session_factory)) == before


@pytest.mark.parametrize("said, amount", [("哦不 12万", 120000), ("嗯 13万吧", 130000),
                                          ("算了 是14万", 140000)])
def test_a_deals_amount_said_again_after_a_filler_changes_it(session_factory, said, amount):
    chat = _chat(session_factory)
    assert chat.reply('商机 +华为 "平台" 方案呈现 10万', user="张伟").ok
    reply = chat.reply(said, user="张伟")
    assert reply.ok and f"¥10万 → ¥{amount // 10000}万" in reply.text, reply.text
    assert _deal(session_factory)[:2] == ("proposal", Decimal(amount))


# -- leave: dotted days, a part of a day, corrected -------------------------------------------

_LEAVES = ("first_day", "last_day")  # what the tests read


@pytest.mark.parametrize("user, said", [("张伟", "请假 12.28-12.31"), ("Ana", "leave 12.28-12.31"),
                                        ("张伟", "请假 12.28到12.31")])
def test_leave_days_written_with_dots_are_read(session_factory, user, said):
    chat = _chat(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok and ("12月28日" in reply.text or "Dec 28" in reply.text), reply.text
    assert leave_rows(session_factory, *_LEAVES) == [(dt.date(2026, 12, 28), dt.date(2026, 12, 31))]


@pytest.mark.parametrize("user, first, said", [
    ("张伟", "请假 12月24日-12月31日", "不对，是12月28日-12月31日"),
    ("张伟", "请假 12.24-12.31", "不对，是12.28-12.31"),
    ("张伟", "请假 12月24日-12月31日", "不对 12月28日到31日"),
    ("Ana", "leave 12/24-12/31", "no, 12.28-12.31"),
])
def test_leave_just_entered_is_corrected(session_factory, user, first, said):
    chat = _chat(session_factory)
    assert chat.reply(first, user=user).ok
    reply = chat.reply(said, user=user)
    assert reply.ok and ("→" in reply.text), reply.text
    assert leave_rows(session_factory, *_LEAVES) == [(dt.date(2026, 12, 28), dt.date(2026, 12, 31))]


@pytest.mark.parametrize("user, said, part, whole, yes", [
    ("张伟", "明天上午请半天假", "上午", "请假 明天", "好"),
    ("张伟", "请假 明天下午", "下午", "请假 明天", "好"),
    ("张伟", "明天下午请假", "下午", "请假 明天", "1"),
    ("Ana", "leave tomorrow morning", "morning", "leave tomorrow", "yes"),
    ("Ana", "leave half day tomorrow", "half day", "leave tomorrow", "1"),
])
def test_a_part_of_a_day_off_is_asked_about_the_whole_day_one_tap(session_factory, user, said, part,
                                                                  whole, yes):
    chat = _chat(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and part in reply.text and ("whole days" in reply.text or "整天" in reply.text), \
        reply.text
    assert [b.command for b in reply.buttons] == [whole]
    assert leave_rows(session_factory, *_LEAVES) == []  # asked: nothing stored
    assert chat.reply(yes, user=user).ok
    assert leave_rows(session_factory, *_LEAVES) == [(dt.date(2026, 11, 24), dt.date(2026, 11, 24))]
