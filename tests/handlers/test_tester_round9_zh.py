"""Classes the round-9 fresh-eyes tester (Chinese, on a phone) found stored as not meant, each
with its English twin: a part of the day after a day dropped with the day (`明天中午…`) or left
as the next step (`跟进 周三中午` → "中午"); a next contact in N days kept as notes only (`3天后再打`);
a stage said as a state made a new deal titled with it (`商机 格力 谈判中`); a common abbreviation
of a known customer made a twin (`招行深圳` beside 招商银行深圳分行); a day relative to a holiday
stored as the holiday with "后" as the next step (`跟进 元旦后`). Each is fed through the real
dispatch with a real database (SQLite and PostgreSQL); what the user reads and what is stored are
both asserted. Today is Monday 2026-11-23 (Asia/Shanghai) unless a test says otherwise."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Deal, Task, Visit
from support import Chat

pytestmark = pytest.mark.phrasing

#: A Saturday whose next holidays' working days are published (2026): 元旦 2026-01-01 is followed by
#: a day off (01-02), a Saturday and a make-up working Sunday (01-04); the Spring Festival's
#: holiday starts 02-15 after a make-up working Saturday (02-14)
BEFORE_2026 = dt.datetime(2025, 12, 20, 2, 0, tzinfo=dt.timezone.utc)


def _chat(session_factory, now: dt.datetime | None = None) -> Chat:
    chat = Chat(session_factory)
    chat.team()
    if now is not None:
        chat.now = now
    return chat


def _tasks(session_factory) -> list[tuple[str, str | None]]:
    with session_factory() as s:
        return [(t.title, t.due_on and t.due_on.isoformat())
                for t in s.scalars(select(Task).order_by(Task.id))]


def _visits(session_factory) -> list[tuple[str, str, str, str | None]]:
    with session_factory() as s:
        return [(s.get(Customer, v.customer_id).name, v.notes, v.next_step,
                 v.follow_up_on and v.follow_up_on.isoformat())
                for v in s.scalars(select(Visit).order_by(Visit.id))]


def _deals(session_factory) -> list[tuple[str, str, str]]:
    with session_factory() as s:
        return [(s.get(Customer, d.customer_id).name, d.title, d.stage)
                for d in s.scalars(select(Deal).order_by(Deal.id))]


def _customers(session_factory) -> list[str]:
    with session_factory() as s:
        return sorted(s.scalars(select(Customer.name)))


# 1. A part of the day after a day: the day read, the part consumed (kept in a task's title) --------

@pytest.mark.parametrize("typed, said, stored", [
    ("任务 明天中午跟美的财务对一下付款条款", "11月24日", ("中午跟美的财务对一下付款条款", "2026-11-24")),
    ("任务 周四中午和阿里采购总监吃饭", "11月26日", ("中午和阿里采购总监吃饭", "2026-11-26")),
    ("任务 周四中午前和阿里采购总监吃饭", "11月26日", ("中午前和阿里采购总监吃饭", "2026-11-26")),
    ("任务 明天中午 给美的打电话", "11月24日", ("中午 给美的打电话", "2026-11-24")),  # a space after it
    ("任务 周四下午 去拜访海尔", "11月26日", ("下午 去拜访海尔", "2026-11-26")),
    ("任务 后天傍晚给华为送样品", "11月25日", ("傍晚给华为送样品", "2026-11-25")),
    ("任务 明天下班前把报价发给腾讯", "11月24日", ("下班前把报价发给腾讯", "2026-11-24")),
    ("任务 下周一早上跟小米开会", "11月30日", ("早上跟小米开会", "2026-11-30")),
    ("任务 明早给小米回电话", "11月24日", ("给小米回电话", "2026-11-24")),
    ("task call Acme tomorrow at noon", "Nov 24", ("call Acme at noon", "2026-11-24")),
    ("task call Acme noon tomorrow", "Nov 24", ("call Acme at noon", "2026-11-24")),
    ("task send Globex the deck fri eod", "Nov 27", ("send Globex the deck", "2026-11-27")),  # eod: its day
    ("task prep QBR deck mon am", "Nov 30", ("prep QBR deck in the morning", "2026-11-30")),
    ("task call Initech tonight", "Nov 23", ("call Initech", "2026-11-23")),
])
def test_a_part_of_the_day_after_a_day_keeps_the_day(session_factory, typed, said, stored):
    chat = _chat(session_factory)
    reply = chat.reply(typed)
    assert reply.ok and said in reply.text, reply.text
    assert _tasks(session_factory) == [stored]


@pytest.mark.parametrize("typed, day", [
    ("拜访 海尔：送了测试样品，跟进 周三中午", "2026-11-25"),
    ("拜访 海尔：送了测试样品，周五下午跟进", "2026-11-27"),
    ("拜访 海尔：送了测试样品，跟进 明天晚上", "2026-11-24"),
    ("拜访 海尔：送了测试样品，明晚再联系", "2026-11-24"),
    ("visit Haier: sent test samples, follow up tomorrow noon", "2026-11-24"),
    ("visit Haier: sent test samples, follow up fri pm", "2026-11-27"),
    ("visit Haier: sent test samples, follow up eod wed", "2026-11-25"),
])
def test_a_part_of_the_day_in_a_follow_up_is_no_next_step(session_factory, typed, day):
    chat = _chat(session_factory)
    reply = chat.reply(typed)
    assert reply.ok, reply.text
    [(customer, notes, next_step, follow_up)] = _visits(session_factory)
    assert follow_up == day and next_step == "" and "样品" in notes or "samples" in notes
    assert not any(word in next_step + notes for word in ("中午", "下午", "晚上", "noon", " pm", "eod"))


def test_half_a_day_of_leave_is_still_asked_about(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("请假 明天下午")  # leave is kept in whole days: the afternoon asked about (r19)
    assert not reply.ok and "“下午”" in reply.text and "按整天请假吗" in reply.text, reply.text
    assert [b.command for b in reply.buttons] == ["请假 明天"]


# 2. A next contact in N days, weeks or months: a follow-up day, said back with its weekday -------

@pytest.mark.parametrize("typed, said, day", [
    ("拜访 美的：电话沟通，预算还没批，3天后再打", "11月26日周四", "2026-11-26"),
    ("拜访 美的：电话沟通，两周后跟进", "12月7日周一", "2026-12-07"),
    ("拜访 美的：电话沟通，过两天再联系", "11月25日周三", "2026-11-25"),
    ("拜访 美的：电话沟通，一个月后再联系", "12月23日周三", "2026-12-23"),
    ("拜访 美的：电话沟通，十天后再催一下", "12月3日周四", "2026-12-03"),
    ("visit Midea: phone call, budget not approved, follow up in 3 days", "Thu, Nov 26", "2026-11-26"),
    ("visit Midea: phone call, follow up in two weeks", "Mon, Dec 7", "2026-12-07"),
    ("visit Midea: phone call, follow up in a month", "Wed, Dec 23", "2026-12-23"),
])
def test_a_next_contact_in_n_days_is_a_follow_up(session_factory, typed, said, day):
    chat = _chat(session_factory)
    reply = chat.reply(typed)
    assert reply.ok and said in reply.text, reply.text
    [(_customer, _notes, _next, follow_up)] = _visits(session_factory)
    assert follow_up == day


@pytest.mark.parametrize("typed, stored", [
    ("任务 十天后给美的发合同", ("给美的发合同", "2026-12-03")),
    ("task renew the Globex contract in two weeks", ("renew the Globex contract", "2026-12-07")),
])
def test_a_task_due_in_n_days(session_factory, typed, stored):
    chat = _chat(session_factory)
    assert chat.reply(typed).ok
    assert _tasks(session_factory) == [stored]


def test_a_discount_said_again_is_no_call(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("拜访 海尔：对方要求再打八折")
    assert reply.ok, reply.text
    assert _visits(session_factory) == [("海尔", "对方要求再打八折", "", None)]


# 3. A stage said as a state moves the customer's open deal; it is never a new deal's title -------

@pytest.mark.parametrize("typed, stage, shown", [
    ("商机 格力 谈判中", "negotiation", "商务谈判"),
    ("商机 格力 在谈", "negotiation", "商务谈判"),
    ("商机 格力 签约中", "negotiation", "商务谈判"),
    ("商机 格力 报价中", "proposal", "方案呈现"),
    ("商机 格力 已报价", "proposal", "方案呈现"),
    ("商机 格力 談判中", "negotiation", "商务谈判"),
    ("商机 格力 谈判阶段", "negotiation", "商务谈判"),
    ("deal 格力 negotiation stage", "negotiation", "Negotiation"),
    ("deal 格力 in negotiation", "negotiation", "Negotiation"),
    ("deal 格力 negotiating", "negotiation", "Negotiation"),
    ("deal 格力 proposal sent", "proposal", "Proposal"),
])
def test_a_stage_said_as_a_state_moves_the_open_deal(session_factory, typed, stage, shown):
    chat = _chat(session_factory)
    assert chat.reply('商机 格力 "空调集采" 50万').ok
    reply = chat.reply(typed)
    assert reply.ok and "→" in reply.text and shown in reply.text, reply.text
    assert _deals(session_factory) == [("格力", "空调集采", stage)]


def test_a_stage_said_as_a_state_with_two_open_deals_is_asked(session_factory):
    chat = _chat(session_factory)
    assert chat.reply('商机 格力 "空调集采" 50万').ok
    assert chat.reply('商机 格力 "新风系统" 20万').ok
    reply = chat.reply("商机 格力 谈判中")
    assert not reply.ok and "空调集采" in reply.text and "新风系统" in reply.text, reply.text
    assert _deals(session_factory) == [("格力", "空调集采", "lead"), ("格力", "新风系统", "lead")]


# 4. A common Chinese abbreviation of a known customer is asked about, never made silently --------

@pytest.mark.parametrize("known, short", [
    ("招商银行深圳分行", "招行深圳"),
    ("中国石油化工集团", "中石化"),
    ("北京大学", "北大"),
    ("中国国际航空", "国航"),
])
def test_an_abbreviation_of_a_known_customer_is_asked(session_factory, known, short):
    chat = _chat(session_factory)
    assert chat.reply(f"客户 +{known}").ok  # (a new name is asked about, `+` makes it)
    reply = chat.reply(f"拜访 {short}：见了对公业务负责人，聊了现金管理")
    assert not reply.ok and known in reply.text, reply.text
    assert _customers(session_factory) == [known] and _visits(session_factory) == []
    [meant, new] = reply.buttons
    assert known in meant.label and short in new.label
    assert chat.press(meant).ok
    assert _visits(session_factory) == [(known, "见了对公业务负责人，聊了现金管理", "", None)]
    assert _customers(session_factory) == [known]


def test_a_name_sharing_only_a_suffix_character_is_no_abbreviation(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("客户 +美的集团").ok
    reply = chat.reply("拜访 美团：聊了外卖合作")
    assert reply.ok, reply.text
    assert _customers(session_factory) == ["美团", "美的集团"]


# 5. A day relative to a holiday: the working day after or before it, never the holiday itself ---

@pytest.mark.parametrize("typed, day", [
    ("拜访 海尔：送了测试样品，跟进 元旦后", "2026-01-04"),  # 01-02 off, 01-03 Sat, 01-04 a make-up day
    ("拜访 海尔：送了测试样品，元旦以后再联系", "2026-01-04"),
    ("拜访 联想：电话聊了下，跟进 春节前", "2026-02-14"),  # a make-up Saturday
    ("拜访 联想：电话聊了下，春节前跟进", "2026-02-14"),
    ("visit Haier: sent test samples, follow up after new year", "2026-01-04"),
    ("visit Lenovo: phone call, follow up before CNY", "2026-02-14"),
])
def test_a_follow_up_relative_to_a_holiday(session_factory, typed, day):
    chat = _chat(session_factory, BEFORE_2026)
    reply = chat.reply(typed)
    assert reply.ok, reply.text
    [(_customer, notes, next_step, follow_up)] = _visits(session_factory)
    assert follow_up == day and next_step == "" and "后" not in notes.replace("以后再联系", "")


@pytest.mark.parametrize("typed, stored", [
    ("任务 元旦前给联想发合同", ("给联想发合同", "2025-12-31")),
    ("任务 春节后给联想发合同", ("给联想发合同", "2026-02-24")),
    ("task send Lenovo the contract before CNY", ("send Lenovo the contract", "2026-02-14")),
    ("task kickoff with Lenovo after new year", ("kickoff with Lenovo", "2026-01-04")),
])
def test_a_task_due_relative_to_a_holiday(session_factory, typed, stored):
    chat = _chat(session_factory, BEFORE_2026)
    assert chat.reply(typed).ok
    assert _tasks(session_factory) == [stored]


@pytest.mark.parametrize("typed, said", [
    ("拜访 海尔：送了测试样品，跟进 元旦后", "放假后的第一个工作日"),
    ("拜访 联想：电话聊了下，跟进 春节前", "放假前的最后一个工作日"),
    ("任务 元旦后给联想发合同", "放假后的第一个工作日"),
    ("task send Lenovo the contract before CNY", "last working day before"),
])
def test_a_holiday_of_a_year_not_published_is_asked(session_factory, typed, said):
    chat = _chat(session_factory)  # 2027's holidays are not published on 2026-11-23
    reply = chat.reply(typed)
    assert not reply.ok and said in reply.text and "2027" in reply.text, reply.text
    assert _visits(session_factory) == [] and _tasks(session_factory) == []


@pytest.mark.parametrize("typed, day", [
    ("拜访 海尔：送了测试样品，跟进 周三以后", "2026-11-26"),
    ("visit Haier: sent test samples, follow up after fri", "2026-11-30"),
])
def test_a_follow_up_after_a_day_is_the_working_day_after(session_factory, typed, day):
    chat = _chat(session_factory)
    assert chat.reply(typed).ok
    [(_customer, _notes, next_step, follow_up)] = _visits(session_factory)
    assert follow_up == day and next_step == ""


@pytest.mark.parametrize("typed, said", [
    ("拜访 海尔：送了测试样品，过几天再联系", "再联系"),
    ("任务 过几天给海尔打电话", "过几天"),
    ("visit Haier: sent test samples, follow up in a few days", "in a few days"),
    ("task call Haier in a couple of days", "in a couple of days"),
])
def test_a_count_of_days_not_said_is_asked(session_factory, typed, said):
    chat = _chat(session_factory)
    reply = chat.reply(typed)
    assert not reply.ok and said in reply.text, reply.text
    assert _visits(session_factory) == [] and _tasks(session_factory) == []
