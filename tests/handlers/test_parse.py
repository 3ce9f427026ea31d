"""The grammar: every example of DESIGN §4 and other real phrasings, in English and Chinese."""
import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from handlers.grammar.amounts import Money, parse_amount
from handlers.grammar.commands import (
    ChangeTeam,
    CloseDeal,
    Command,
    CreateTeam,
    DealRef,
    DoneFollowups,
    Help,
    ListCustomers,
    ListFollowups,
    ListTeams,
    LogVisit,
    ParseError,
    Period,
    Scope,
    SetCustomer,
    SetLanguage,
    SetRole,
    SetTarget,
    ShowLeaderboard,
    ShowPipeline,
    ShowProgress,
    ShowStalled,
    TakeLeave,
    UpsertDeal,
)
from handlers.grammar.intents import INTENTS
from handlers.grammar.reading import parse
from handlers.use_cases import HANDLERS

TODAY = dt.date(2026, 11, 23)  # a Monday
D = dt.date

CASES = [
    # log a visit
    ("visit Acme Corp: met the CTO, demo next Tue; follow up Fri",
     LogVisit("Acme Corp", "met the CTO, demo next Tue", follow_up=D(2026, 11, 27))),
    ("拜访 华为：见了采购总监，下周二演示；跟进 周五",
     LogVisit("华为", "见了采购总监，下周二演示", follow_up=D(2026, 11, 27))),
    ("拜访华为：见了采购总监", LogVisit("华为", "见了采购总监")),
    ("visit Acme: demo; next: send quote; follow up 12/2",
     LogVisit("Acme", "demo", next_step="send quote", follow_up=D(2026, 12, 2))),
    ("visit Acme", LogVisit("Acme")),
    ("visit Acme: follow-up call", LogVisit("Acme", "follow-up call")),
    ("visit Acme: follow up Fri", LogVisit("Acme", follow_up=D(2026, 11, 27))),
    ("拜访 腾讯：演示顺利；下一步：报价；跟进 3天后",
     LogVisit("腾讯", "演示顺利", next_step="报价", follow_up=D(2026, 11, 26))),
    # deals
    ('deal Acme Corp "ERP rollout" proposal 50k close 12/20',
     UpsertDeal(DealRef(None, ("Acme", "Corp"), "ERP rollout"), "proposal",
                Money(Decimal(50000)), D(2026, 12, 20))),
    ("商机 华为 ERP项目 方案呈现 5万 预计 12月20日",
     UpsertDeal(DealRef(None, ("华为", "ERP项目")), "proposal", Money(Decimal(50000)),
                D(2026, 12, 20))),
    ("deal Acme negotiation", UpsertDeal(DealRef(None, ("Acme",)), "negotiation")),
    ("商机 华为 商务谈判", UpsertDeal(DealRef(None, ("华为",)), "negotiation")),
    ("deal #12 Negotiation", UpsertDeal(DealRef(12), "negotiation")),
    ("deal Acme close next Tue", UpsertDeal(DealRef(None, ("Acme",)), close=D(2026, 12, 1))),
    ("deal Acme $5000", UpsertDeal(DealRef(None, ("Acme",)), amount=Money(Decimal(5000), "USD"))),
    # win / lose
    ("won Acme 48k: beat them on delivery time",
     CloseDeal(DealRef(None, ("Acme",)), True, Money(Decimal(48000)), "beat them on delivery time")),
    ("赢单 华为 4.8万：交付周期短",
     CloseDeal(DealRef(None, ("华为",)), True, Money(Decimal("48000.0")), "交付周期短")),
    ("lost Acme: price too high", CloseDeal(DealRef(None, ("Acme",)), False, None, "price too high")),
    ("输单 华为：价格太高", CloseDeal(DealRef(None, ("华为",)), False, None, "价格太高")),
    ("won #7", CloseDeal(DealRef(7), True)),
    # progress
    ("progress", ShowProgress()),
    ("progress team", ShowProgress(Scope("team"))),
    ("progress @ana quarter", ShowProgress(Scope("member", "ana"), Period("quarter"))),
    ("进度", ShowProgress()),
    ("进度 团队", ShowProgress(Scope("team"))),
    ("进度 @张三 季度", ShowProgress(Scope("member", "张三"), Period("quarter"))),
    ("progress last month", ShowProgress(Scope(), Period("month", -1))),
    ("进度 上月", ShowProgress(Scope(), Period("month", -1))),
    ("progress team East week", ShowProgress(Scope("team", "East"), Period("week"))),
    # targets
    ("target @ana revenue 500k month",
     SetTarget(Scope("member", "ana"), "revenue", Decimal(500000), None, Period("month"))),
    ("target team revenue 2m quarter split",
     SetTarget(Scope("team"), "revenue", Decimal(2000000), None, Period("quarter"), True)),
    ("目标 @张三 业绩 50万 本月",
     SetTarget(Scope("member", "张三"), "revenue", Decimal(500000), None, Period("month"))),
    ("目标 团队 业绩 200万 本季度 分解",
     SetTarget(Scope("team"), "revenue", Decimal(2000000), None, Period("quarter"), True)),
    ("target @bo visits 40 next month",
     SetTarget(Scope("member", "bo"), "visits", Decimal(40), None, Period("month", 1))),
    # pipeline, stalled, leaderboard
    ("pipeline", ShowPipeline()), ("漏斗", ShowPipeline()),
    ("pipeline team", ShowPipeline(Scope("team"))),
    ("stalled", ShowStalled()), ("停滞", ShowStalled()),
    ("leaderboard month", ShowLeaderboard("revenue", Period("month"))),
    ("排行榜 本月", ShowLeaderboard("revenue", Period("month"))),
    ("leaderboard visits week", ShowLeaderboard("visits", Period("week"))),
    # follow-ups
    ("followups", ListFollowups()), ("待跟进", ListFollowups()),
    ("done 3", DoneFollowups((3,))), ("完成 3", DoneFollowups((3,))),
    ("done 3, 4", DoneFollowups((3, 4))), ("完成 3，4、5", DoneFollowups((3, 4, 5))),
    ("团队 添加 华东 @张三，@李四", ChangeTeam("华东", ("张三", "李四"))),
    # customers
    ("customer Acme tier A", SetCustomer("Acme", "A")),
    ("客户 华为 A类", SetCustomer("华为", "A")),
    ("customer Acme intent", SetCustomer("Acme", None, "intent")),
    ("customers", ListCustomers()), ("客户列表", ListCustomers()),
    # team admin
    ("team create East #east-sales", CreateTeam("East", "#east-sales")),
    ("team add East @ana @bo", ChangeTeam("East", ("ana", "bo"))),
    ("团队 新建 华东 #华东销售", CreateTeam("华东", "#华东销售")),
    ("团队 添加 华东 @张三", ChangeTeam("华东", ("张三",))),
    ("team remove East @bo", ChangeTeam("East", ("bo",), add=False)),
    ("team", ListTeams()),
    ("role @ana manager", SetRole("ana", "manager")),
    ("角色 @张三 经理", SetRole("张三", "manager")),
    ("role @bo inactive", SetRole("bo", "inactive")), ("角色 @李四 离职", SetRole("李四", "inactive")),
    # leave
    ("leave 12/24-12/31", TakeLeave(D(2026, 12, 24), D(2026, 12, 31))),
    ("请假 12月24日-12月31日", TakeLeave(D(2026, 12, 24), D(2026, 12, 31))),
    ("leave tomorrow", TakeLeave(D(2026, 11, 24), D(2026, 11, 24))),
    ("leave 12/28-1/3", TakeLeave(D(2026, 12, 28), D(2027, 1, 3))),
    # help
    ("help", Help()), ("help deal", Help("deal")), ("帮助", Help()), ("帮助 商机", Help("deal")),
    ("language zh", SetLanguage("zh")), ("语言 英文", SetLanguage("en")),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0] for c in CASES])
def test_phrasing_parses_to_command(text, expected):
    assert parse(text, TODAY) == expected


def test_notes_and_reasons_are_kept_as_typed():
    assert parse("拜访 华为：预算：１００万，待定；下一步：报价（含税）", TODAY) == LogVisit(
        "华为", "预算：１００万，待定", next_step="报价（含税）")
    assert parse("赢单 华为：交付快，服务好；价格合理", TODAY).reason == "交付快，服务好；价格合理"


def test_full_width_punctuation_and_digits_are_accepted():
    assert parse("赢单　华为　４.８万：交付周期短", TODAY) == CloseDeal(
        DealRef(None, ("华为",)), True, Money(Decimal("48000.0")), "交付周期短")


@pytest.mark.parametrize("text, topic, problem", [
    ("visit : nothing", "visit", "usage"),
    ("visit Acme: demo; follow up someday", "visit", "date"),
    ("visit Acme: follow-up call; follow up never", "visit", "date"),
    ("deal", "deal", "usage"),
    ("deal Acme close never", "deal", "date"),
    ("won", "won", "usage"),
    ("target @ana visits 4.5 month", "target", "count"),
    ("target @ana revenue 500k month split", "target", "split"),
    ("done three", "done", "usage"),
    ("role @ana king", "role", "usage"),
    ("leave whenever", "leave", "date"),
    ("team add East ana", "team", "mention_missing"),
    ("make me a sandwich", None, "usage"),
    ("x" * 3000, None, "too_long"),
])
def test_bad_input_names_the_topic_and_problem(text, topic, problem):
    result = parse(text, TODAY)
    assert isinstance(result, ParseError)
    assert (result.topic, result.problem) == (topic, problem)


@pytest.mark.parametrize("token, amount, currency", [
    ("50k", "50000", None), ("1.2m", "1200000", None), ("50,000", "50000", None),
    ("$5000", "5000", "USD"), ("¥5万", "50000", "CNY"), ("5万", "50000", None),
    ("1.5亿", "150000000", None), ("48000元", "48000", "CNY"), ("4.8万", "48000", None),
])
def test_amounts_in_every_listed_form(token, amount, currency):
    assert parse_amount(token) == Money(Decimal(amount), currency)


@pytest.mark.parametrize("token", ["Acme", "5x", "1,23", "¥", "12/20", "1e9", ""])
def test_non_amounts_are_not_amounts(token):
    assert parse_amount(token) is None


def test_every_help_topic_example_parses_to_a_command_something_runs():
    for intent in INTENTS:
        english, chinese = intent.usage
        assert len(english) == len(chinese), intent.name
        for typed in (*english, *chinese):
            command = parse(typed, TODAY)
            assert type(command) in HANDLERS, typed


def test_every_command_has_one_handler_and_every_keyword_one_intent():
    assert set(Command.__subclasses__()) == set(HANDLERS)
    declared = [command for intent in INTENTS for command in intent.makes]
    assert len(declared) == len(set(declared))
    assert set(declared) == set(HANDLERS)  # what the grammar makes, use_cases runs
    for language in ("en", "zh"):
        words = [w for intent in INTENTS for w in getattr(intent, language)]
        assert len(words) == len(set(words)), language


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gives_a_command_or_a_friendly_error(text):
    assert isinstance(parse(text, TODAY), Command | ParseError)


_words = st.sampled_from(["visit", "deal", "won", "lost", "target", "进度", "商机", "拜访", "赢单",
                          "目标", "团队", "@ana", "#3", "5万", "50k", "明天", "下周二", "12/20",
                          ":", "；", "split", "close", "预计", "team", "add", "\"x", "2/30"])


@settings(max_examples=500, deadline=None)
@given(st.lists(_words, max_size=8))
@example(["deal", "5万", "明天", "5万"])  # a close day read after an amount: once a crash
def test_any_mix_of_grammar_words_gives_a_command_or_an_error(words):
    assert isinstance(parse(" ".join(words), TODAY), Command | ParseError)


@pytest.mark.parametrize("text, days, team", [
    ("tier B every 3 weeks", 21, None), ("tier B every 3 weeks East", 21, "East"),
    ("A类 每2周回访", 14, None),
])
def test_a_tier_rhythm_in_weeks_is_read_in_days(text, days, team):
    from handlers.grammar.commands import SetTierRhythm

    assert parse(text, TODAY) == SetTierRhythm(text.split()[1].upper() if text.startswith("tier") else "A",
                                               days, team)
