"""Classes of messages a fresh-eyes tester found stored as something not meant (trust report of
2026-12-05), each with new messages of the class in English and Chinese, on both databases: a
name that only extends a known customer's is asked about; Chinese glued to a deal number, tier or
stage is read as spaced; the common names of the seven stages are read; a task's time of day
keeps its day; a reason in traditional characters is categorised; a competitor is only a name."""
from decimal import Decimal

import pytest
from sqlalchemy import select

from databases import prepared
from handlers.rules.close_reasons import categorize
from storage.models.sales import Customer, Deal, Task, Visit
from storage.models.team import Target
from support import Chat

pytestmark = pytest.mark.phrasing


@prepared
def _setup(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team()
    for line in ("visit Wayne Enterprises: intro", "拜访 格力：初次见面", "拜访 联想：初次见面",
                 'deal Wayne Enterprises "ERP" proposal 50k', '商机 联想 "MES" 方案 8万'):
        assert chat.reply(line, user="Ana").ok
    return chat


def _customers(session_factory) -> set[str]:
    with session_factory() as s:
        return set(s.scalars(select(Customer.name)))


@pytest.mark.parametrize("text", [
    "拜访 格力电器：见了采购经理",  # the full name of 格力
    "拜访 联想集团中国：见面",
    "visit wayne closed: signed",  # a known name and more words
    "visit Wayne Enterprises Asia: lunch",  # the whole known name, and more
    "visit wayne proposal: lunch",
    "customer BYD = 比亚迪",  # one name said to be another
    "客户 联想 = Lenovo",
])
def test_a_name_extending_a_known_customer_is_asked_about_never_created(session_factory, text):
    chat = _setup(session_factory)
    before = _customers(session_factory)
    reply = chat.reply(text, user="Ana")
    assert not reply.ok and reply.text.strip()
    assert _customers(session_factory) == before


def test_the_asked_customer_is_used_when_chosen(session_factory):
    chat = _setup(session_factory)
    reply = chat.reply("拜访 格力电器：见了采购经理", user="Ana")
    assert "格力" in reply.text
    assert chat.reply("1", user="Ana").ok
    assert "格力电器" not in _customers(session_factory)


def _deal(session_factory, customer: str) -> Deal:
    with session_factory() as s:
        return s.scalar(select(Deal).join(Customer).where(Customer.name == customer))


@pytest.mark.parametrize("text, stage", [
    ("商机#2商务谈判", "negotiation"),  # glued number and stage
    ("商机 #2商务谈判", "negotiation"),
    ("商机 联想需求确认", "discovery"),  # glued stage, a synonym
    ("商机 联想 需求确认", "discovery"),
    ("商机 联想 合同谈判", "negotiation"),
    ("商机 #2 商務洽談", "negotiation"),  # traditional characters
    ("deal #2 quotation", "proposal"),
    ("deal #2 negotiate", "negotiation"),
])
def test_glued_chinese_and_stage_synonyms_move_the_deal(session_factory, text, stage):
    chat = _setup(session_factory)
    assert _deal(session_factory, "联想").id == 2
    reply = chat.reply(text, user="Ana")
    assert reply.ok, reply.text
    deal = _deal(session_factory, "联想")
    assert (deal.stage, deal.amount) == (stage, Decimal(80000))
    with session_factory() as s:
        assert s.scalar(select(Deal).where(Deal.id > 2)) is None  # no new ¥0 deal


@pytest.mark.parametrize("text, won", [
    ('deal wayne "ERP" closed won 200k', True),
    ("deal #1 closed lost", False),
    ("deal #1 closed-won", True),
    ("商机 #1 签约", True),
    ("商机 #1 丢单", False),
])
def test_closed_won_and_lost_are_stages(session_factory, text, won):
    chat = _setup(session_factory)
    before = _customers(session_factory)
    chat.reply(text, user="Ana")
    if won is False:
        chat.reply("1", user="Ana")  # a loss may ask for its reason
    assert _customers(session_factory) == before
    assert _deal(session_factory, "Wayne Enterprises").stage == ("won" if won else "lost")


@pytest.mark.parametrize("text, tier", [("客户联想A类", "A"), ("客户 格力B级", "B"), ("客戶聯想C類", "C")])
def test_a_tier_glued_to_a_chinese_name_is_the_tier(session_factory, text, tier):
    chat = _setup(session_factory)
    before = _customers(session_factory)
    assert chat.reply(text, user="Ana").ok
    assert _customers(session_factory) == before
    with session_factory() as s:
        name = "格力" if "格力" in text else "联想"
        assert s.scalar(select(Customer.tier).where(Customer.name == name)) == tier


@pytest.mark.parametrize("text, title, due, deal", [
    ("任务 商机#2 下周一前准备演示环境", "准备演示环境", "2026-11-30", 2),
    ("task: call Wayne procurement tmrw 10am", "call Wayne procurement 10am", "2026-11-24", None),
    ("task call 联想 CFO fri 3:30pm", "call 联想 CFO 3:30pm", "2026-11-27", None),
    ("任务 给联想打电话 明天 下午3点", "给联想打电话 下午3点", "2026-11-24", None),
])
def test_a_tasks_day_is_read_through_glue_and_a_time_of_day(session_factory, text, title, due, deal):
    chat = _setup(session_factory)
    reply = chat.reply(text, user="Ana")
    assert reply.ok, reply.text
    with session_factory() as s:
        task = s.scalar(select(Task).order_by(Task.id.desc()))
        assert (task.title, task.due_on.isoformat(), task.deal_id) == (title, due, deal)


@pytest.mark.parametrize("reason, category, competitor", [
    ("客戶預算凍結", "budget", ""),
    ("價格太高", "price", ""),
    ("竞争对手低价抢单", "competitor", ""),
    ("对手降价抢走了", "competitor", ""),
    ("lost to Oracle on price", "competitor", "Oracle"),
    ("输给了 SAP", "competitor", "SAP"),
])
def test_reasons_read_traditional_characters_and_competitors_are_names(reason, category, competitor):
    assert categorize(reason) == (category, competitor)


def _visits(session_factory) -> list[tuple]:
    with session_factory() as s:
        return [(v.notes, v.next_step, v.follow_up_on and v.follow_up_on.isoformat())
                for v in s.scalars(select(Visit).order_by(Visit.id))]


@pytest.mark.parametrize("text, second", [
    ('visit 联想: CFO joined, they want a 3yr deal; also deal 联想 "3yr renewal" 300k proposal',
     'deal 联想 "3yr renewal" 300k proposal'),
    ('拜访 联想：见了CFO，另外 商机 联想 "续约" 方案 30万', '商机 联想 "续约" 方案 30万'),
])
def test_a_second_command_after_also_or_lingwai_runs_at_once(session_factory, text, second):
    chat = _setup(session_factory)
    before = _visits(session_factory)
    reply = chat.reply(text, user="Ana")
    assert reply.ok, reply.text  # plain: both run, answered together
    assert len(_visits(session_factory)) == len(before) + 1
    assert second not in _visits(session_factory)[-1][0]  # not folded into the notes


def test_a_second_command_after_and_then_runs_both_as_after_also(session_factory):
    chat = _setup(session_factory)  # (round 9: every joining word runs both, in order, as `also` did)
    before = _visits(session_factory)
    reply = chat.reply("visit 联想: demo went well, and then task send the deck to 联想", user="Ana")
    assert reply.ok and "2. Task #" in reply.text, reply.text
    assert len(_visits(session_factory)) == len(before) + 1
    assert _visits(session_factory)[-1][0] == "demo went well"  # not folded into the notes


@pytest.mark.parametrize("text, second", [
    ('visit 联想: CFO joined. deal 联想 "3yr renewal" 300k proposal',
     'deal 联想 "3yr renewal" 300k proposal'),
])
def test_a_second_command_after_a_joining_word_is_asked_and_both_run(session_factory, text, second):
    chat = _setup(session_factory)
    before = _visits(session_factory)
    reply = chat.reply(text, user="Ana")
    assert not reply.ok and second in reply.text
    assert _visits(session_factory) == before
    assert chat.reply("1", user="Ana").ok  # both
    assert len(_visits(session_factory)) == len(before) + 1
    assert second not in _visits(session_factory)[-1][0]  # not folded into the notes


@pytest.mark.parametrize("text, day", [
    ("visit 联想: demo went well, send proposal by wed", "2026-11-25"),
    ("拜访 联想：签了保密协议。下周五前发方案", "2026-12-04"),
    ("visit 格力: NDA signed, quote due next tue", "2026-12-01"),
])
def test_a_deadline_in_a_visits_notes_is_asked_follow_up_or_notes(session_factory, text, day):
    chat = _setup(session_factory)
    before = _visits(session_factory)
    reply = chat.reply(text, user="Ana")
    assert not reply.ok and len(reply.buttons) == 2
    assert _visits(session_factory) == before
    assert chat.reply("1", user="Ana").ok
    assert _visits(session_factory)[-1][2] == day


def test_notes_only_keeps_the_deadline_words_and_sets_no_follow_up(session_factory):
    chat = _setup(session_factory)
    chat.reply("visit 联想: demo went well, send proposal by wed", user="Ana")
    assert chat.reply("2", user="Ana").ok
    assert _visits(session_factory)[-1] == ("demo went well, send proposal by wed", "", None)


def test_a_weekday_already_past_this_week_is_the_coming_one(session_factory):
    chat = _setup(session_factory)
    chat.now = chat.now.replace(day=28)  # Saturday 2026-11-28
    assert chat.reply("拜访 联想：客户要报价单 跟进 本周五", user="Ana").ok
    assert chat.reply("visit 格力: demo; follow up this fri", user="Ana").ok
    assert [v[2] for v in _visits(session_factory)[-2:]] == ["2026-12-04", "2026-12-04"]


@pytest.mark.parametrize("text, notes, next_step", [
    ("拜访 联想 跟进12月18日 对方要求再降价", "对方要求再降价", ""),
    ("拜访 联想：见了采购 跟进 周五 客户想要折扣", "见了采购; 客户想要折扣", ""),
    ("visit 联想: demo; follow up fri they want a discount", "demo; they want a discount", ""),
    ("visit 联想: demo; follow up fri with the quote", "demo", "with the quote"),
    ("拜访 联想：见面 跟进 周五 发报价", "见面", "发报价"),
])
def test_what_the_customer_said_after_a_follow_up_is_notes(session_factory, text, notes, next_step):
    chat = _setup(session_factory)
    assert chat.reply(text, user="Ana").ok
    assert _visits(session_factory)[-1][:2] == (notes, next_step)


@pytest.mark.parametrize("question, answer", [
    ("客户 联想集团 B类", "1"), ("customer Wayne Enterprises Asia tier B", "the first one"),
    ("客户 联想集团 B类", "第一个"), ("customer Wayne Enterprises Asia tier B", "first"),
])
def test_a_customer_question_is_answered_by_number_or_place_in_its_language(session_factory, question,
                                                                              answer):
    chat = _setup(session_factory)
    before = _customers(session_factory)
    assert not chat.reply(question, user="Ana").ok
    reply = chat.reply(answer, user="Ana")
    assert reply.ok, reply.text
    assert ("已更新" in reply.text) == question.startswith("客户")
    assert _customers(session_factory) == before
    with session_factory() as s:
        assert s.scalar(select(Customer.tier).where(Customer.name.in_(("联想", "Wayne Enterprises")),
                                                    Customer.tier.is_not(None))) == "B"


def test_an_unrelated_word_after_a_question_says_it_is_still_open(session_factory):
    chat = _setup(session_factory)  # (round 9: no answer and no command leaves the question open)
    assert not chat.reply("拜访 格力电器：见面", user="Ana").ok
    assert "问题仍然有效" in chat.reply("你好啊", user="Ana").text
    assert "未保存" in chat.reply("不", user="Ana").text  # dropped, in words
    assert chat.reply("1", user="Ana").ok is False  # nothing left to answer
    assert "格力电器" not in _customers(session_factory)


@pytest.mark.parametrize("text, won, reason", [
    ("deal #1 closed lost: customer went dark", False, "customer went dark"),
    ("deal #1 closed won 60k: signed today", True, "signed today"),
    ("商机 #1 输单：客户预算冻结", False, "客户预算冻结"),
])
def test_a_deal_closed_with_a_reason_after_a_colon(session_factory, text, won, reason):
    chat = _setup(session_factory)
    assert chat.reply(text, user="Ana").ok
    deal = _deal(session_factory, "Wayne Enterprises")
    assert (deal.stage, deal.reason) == ("won" if won else "lost", reason)


@pytest.mark.parametrize("text, day", [
    ("拜访 联想：见面 两周后跟进", "2026-12-07"),
    ("拜访 联想：见面 下下周一再跟进", "2026-12-07"),
    ("拜访 联想：见面，三天后再跟进", "2026-11-26"),
    ("visit 联想 met purchasing mgr\nfollow up 15/12", "2026-12-15"),
    ("拜访 格力 见了采购经理\n跟进 周五", "2026-11-27"),
])
def test_a_follow_up_before_its_word_or_on_the_next_line_is_read(session_factory, text, day):
    chat = _setup(session_factory)
    reply = chat.reply(text, user="Ana")
    assert reply.ok, reply.text
    assert _visits(session_factory)[-1][2] == day


def test_a_reps_task_for_another_offers_their_own_words_without_the_name(session_factory):
    chat = _setup(session_factory)
    reply = chat.reply("task @Bo call 联想 CFO", user="Ana")
    assert not reply.ok and "task call 联想 CFO" in reply.text and "@" not in reply.text.split(":")[-1]


@pytest.mark.parametrize("text, metric, amount", [
    ("目标 @Ana 新客户 3个 本月", "new_customers", 3), ("目标 @Bo 拜访 50次 本月", "visits", 50),
    ("target @Bo deals won 5 this qtr", "deals_won", 5),
    ("target @Ana new customers 4 month", "new_customers", 4),
])
def test_target_counts_with_units_and_metrics_in_two_words(session_factory, text, metric, amount):
    chat = _setup(session_factory)
    reply = chat.reply(text, user="Mia")
    assert reply.ok, reply.text
    with session_factory() as s:
        target = s.scalar(select(Target).order_by(Target.id.desc()))
        assert (target.metric, target.amount) == (metric, amount)


def test_an_english_sentence_from_a_chinese_member_is_answered_in_english(session_factory):
    chat = _setup(session_factory)
    chat.reply("language zh", user="Bo")
    assert "Visit to 联想 logged" in chat("visit 联想: lunch with the VP", user="Bo")
    assert "Your progress" in chat("progress", user="Bo")  # one English word too (round 17)


@pytest.mark.parametrize("text", ["deal wayne clsoed won 50k", "deal #1 closd lost",
                                  "deal wayne closed wonn 5k"])
def test_a_mistyped_closed_won_is_asked_never_a_new_customer(session_factory, text):
    chat = _setup(session_factory)
    before = _customers(session_factory)
    reply = chat.reply(text, user="Ana")
    assert not reply.ok and reply.text.strip()
    assert _customers(session_factory) == before
    assert _deal(session_factory, "Wayne Enterprises").stage == "proposal"


def test_a_task_time_of_day_in_two_words_keeps_the_day(session_factory):
    chat = _setup(session_factory)
    assert chat.reply("task call 联想 tmrw 10 am", user="Ana").ok
    with session_factory() as s:
        task = s.scalar(select(Task).order_by(Task.id.desc()))
        assert (task.title, task.due_on.isoformat()) == ("call 联想 10 am", "2026-11-24")
