"""Classes of messages the second fresh-eyes tester of 2026-12-05 found stored wrong or asked
about for nothing: amounts as the bot itself shows them (`HK$80k`, `5k$`, a comma before
`close`), a title the customer's open deal already has is used without asking, a new title
beside a stage is the only reading, single quotes are quotes, a second command after `;` or
`另外` runs, and a win word inside a deal's words is the win (run on both databases)."""
from decimal import Decimal

import pytest
from sqlalchemy import select

from databases import prepared
from storage.models.sales import Customer, Deal, Task, Visit
from support import Chat

pytestmark = pytest.mark.phrasing


@prepared
def _setup(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team()
    for line in ("visit Acme Corp: intro", "拜访 海尔：初次见面", "拜访 美的集团：初次见面",
                 'deal Acme Corp "ERP" discovery 50k', '商机 海尔 "ERP" 商务谈判 50万'):
        assert chat.reply(line).ok, line
    return chat


def _deals(session_factory):
    with session_factory() as s:
        return [(d.title, d.stage, d.amount, d.currency, d.reason)
                for d in s.scalars(select(Deal).order_by(Deal.id))]


def _customers(session_factory):
    with session_factory() as s:
        return sorted(s.scalars(select(Customer.name)))


# Amounts -----------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, amount, currency", [
    ('deal 海底捞 "门店系统" HK$80k lead', 80000, "HKD"),
    ('商机 海尔 "扩容" 线索 5k$', 5000, "USD"),
    ('deal Acme Corp "Pilot" proposal 90k, close 12/31', 90000, "CNY"),
])
def test_an_amount_as_the_bot_shows_it_is_read(session_factory, typed, amount, currency):
    chat = _setup(session_factory)
    reply = chat.reply(typed)
    assert reply.ok, reply.text
    title = _deals(session_factory)[-1]
    assert (title[2], title[3]) == (Decimal(amount), currency)


# Titles ------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, stage", [
    ("deal acme erp proposal 90k close 12/31", "proposal"),
    ("deal Acme Corp ERP → proposal, 90k, close 12/31", "proposal"),
    ("deal acme erp won 90k", "won"),
])
def test_the_title_of_the_customers_open_deal_is_used_without_asking(session_factory, typed, stage):
    chat = _setup(session_factory)
    reply = chat.reply(typed)
    assert reply.ok, reply.text
    assert _deals(session_factory)[0][:3] == ("ERP", stage, Decimal(90000))
    assert len(_deals(session_factory)) == 2


def test_a_loss_on_the_title_of_an_open_deal_is_not_asked(session_factory):
    chat = _setup(session_factory)
    reply = chat.reply("lost acme erp: chose salesforce, we were 20% pricier")
    assert reply.ok, reply.text
    assert _deals(session_factory)[0] == ("ERP", "lost", Decimal(50000), "CNY",
                                          "chose salesforce, we were 20% pricier")


@pytest.mark.parametrize("typed, title", [
    ("deal Acme Corp analytics lead 25k", "analytics"),
    ("商机 海尔 MES 1.5亿 线索 预计 2027年3月31日", "MES"),
    ("deal Acme Corp 'seat licenses' proposal $5,000 close end of month", "seat licenses"),
    ("deal Acme Corp ‘seat licenses’ proposal $5,000", "seat licenses"),
])
def test_a_new_title_beside_a_stage_or_in_single_quotes_is_the_title(session_factory, typed, title):
    chat = _setup(session_factory)
    reply = chat.reply(typed)
    if "'" not in typed and "‘" not in typed:  # an unquoted title beside an open deal: which, or new
        assert not reply.ok and ("Nothing was saved yet" in reply.text or "尚未保存" in reply.text)
        assert len(_deals(session_factory)) == 2
        reply = chat.press(reply.buttons[-1])
    assert reply.ok, reply.text
    assert _deals(session_factory)[-1][0] == title and len(_deals(session_factory)) == 3
    assert _customers(session_factory) == ["Acme Corp", "海尔", "美的集团"]


@pytest.mark.parametrize("typed", ["deal acme zzz 5k", "deal acme analytics lead 25k"])
def test_an_unknown_word_with_no_stage_or_after_part_of_a_name_is_still_asked(session_factory, typed):
    chat = _setup(session_factory)
    assert not chat.reply(typed).ok
    assert len(_deals(session_factory)) == 2


# A second command in one line --------------------------------------------------------------

def _visits(session_factory):
    with session_factory() as s:
        return [(v.notes, v.next_step, v.follow_up_on and v.follow_up_on.isoformat())
                for v in s.scalars(select(Visit).order_by(Visit.id))]


def _tasks(session_factory):
    with session_factory() as s:
        return [(t.title, t.due_on and t.due_on.isoformat())
                for t in s.scalars(select(Task).order_by(Task.id))]


def test_a_win_word_among_a_deals_words_is_the_win(session_factory):
    chat = _setup(session_factory)
    reply = chat.reply("商机 海尔 ERP 赢了 52万：老客户复购")
    assert reply.ok, reply.text
    assert _deals(session_factory)[1] == ("ERP", "won", Decimal(520000), "CNY", "老客户复购")
    assert len(_deals(session_factory)) == 2


def test_a_task_after_another_in_a_visit_runs_as_a_task(session_factory):
    chat = _setup(session_factory)  # today is Mon 2026-11-23
    reply = chat.reply("拜访美的集团 谈续约 下周一跟进 另外 任务 周三前给美的发合同")
    assert reply.ok, reply.text
    assert _visits(session_factory)[-1] == ("谈续约", "", "2026-11-30")
    assert _tasks(session_factory) == [("给美的发合同", "2026-11-25")]


@pytest.mark.parametrize("typed, tasks", [
    ("任务 周五前 给宁德时代发MES方案 另外 下周二约演示",
     [("给宁德时代发MES方案", "2026-11-27"), ("约演示", "2026-12-01")]),
    ("task send Acme the deck by fri, also call Globex CFO tmrw",
     [("send Acme the deck", "2026-11-27"), ("call Globex CFO", "2026-11-24")]),
])
def test_a_second_task_after_also_is_a_task_of_its_own(session_factory, typed, tasks):
    chat = _setup(session_factory)
    reply = chat.reply(typed)
    assert reply.ok, reply.text
    assert _tasks(session_factory) == tasks


def test_also_inside_a_tasks_title_is_no_second_task(session_factory):
    chat = _setup(session_factory)
    assert chat.reply("task check also the contract by fri").ok
    assert _tasks(session_factory) == [("check also the contract", "2026-11-27")]


@pytest.mark.parametrize("typed, notes", [
    ('visit Acme Corp: signed NDA; deal Acme Corp "Pilot" discovery 300k close 1/31', "signed NDA"),
    ("拜访 美的集团：技术交流，对方很感兴趣；另外 商机 美的集团 数据中台 80万 需求挖掘",
     "技术交流，对方很感兴趣"),
])
def test_a_second_command_after_a_semicolon_or_lingwai_runs_both(session_factory, typed, notes):
    chat = _setup(session_factory)
    reply = chat.reply(typed)
    assert reply.ok, reply.text
    assert _visits(session_factory)[-1][0] == notes
    assert _deals(session_factory)[-1][1:3] == ("discovery", Decimal(300000 if "Pilot" in typed else 800000))


# Dates -------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, day", [
    ("商机 #2 预计 明年3月底", "2027-03-31"),
    ("商机 #2 预计 12月底", "2026-12-31"),
    ("商机 #2 预计 下个月底", "2026-12-31"),
    ("商機 #2 預計１２月３１日", "2026-12-31"),
    ("deal #1 close in 2 wks", "2026-12-07"),
    ("商机 #2 商务谈判 3.5万 月底", "2026-11-30"),  # a day after the fields: the close day
    ("deal #1 proposal 90k next fri", "2026-12-04"),
])
def test_a_close_day_in_these_forms_is_read(session_factory, typed, day):
    chat = _setup(session_factory)  # today is Mon 2026-11-23
    reply = chat.reply(typed)
    assert reply.ok, reply.text
    with session_factory() as s:
        number = 2 if "#2" in typed else 1
        assert s.get(Deal, number).expected_close.isoformat() == day


def test_a_follow_up_early_in_a_month_and_a_snooze_to_a_day(session_factory):
    chat = _setup(session_factory)
    assert chat.reply("拜访 海尔：聊了扩容，3月初跟进").ok
    assert _visits(session_factory)[-1][2] == "2027-03-01"
    with session_factory() as s:
        number = s.scalar(select(Visit.id).order_by(Visit.id.desc()))
    reply = chat.reply(f"推迟 {number} 到下下周一")
    assert not reply.ok and "还早：要提前吗" in reply.text, reply.text  # earlier: asked (round 8)
    assert _visits(session_factory)[-1][2] == "2027-03-01"
    reply = chat.reply("1")
    assert reply.ok, reply.text
    assert _visits(session_factory)[-1][2] == "2026-12-07"
    assert chat.reply(f"snooze {number} to 12/14").ok
    assert _visits(session_factory)[-1][2] == "2026-12-14"


@pytest.mark.parametrize("typed, said", [("deal #1 close someday", "I couldn't read “someday” as a date"),
                                         ("商机 #2 预计 改天", "没认出日期“改天”")])
def test_a_bad_date_gets_one_line_not_the_whole_usage(session_factory, typed, said):
    chat = _setup(session_factory)
    reply = chat.reply(typed)
    assert not reply.ok and reply.text.startswith(said) and len(reply.text.splitlines()) == 1
