"""Classes the round-9 fresh-eyes testers (English and Chinese, on phones) found not understood,
asked about needlessly or answered unhelpfully: reports asked in everyday words, answers in words to
the bot's own questions, a slashed day whose other reading is far, a deal closed or moved with words
after it, measure words before a name, a leave or team target said as a sentence, refusals that
said no more than "no", and the reply's language. Each goes through the real dispatch with a real
database (SQLite and PostgreSQL); what the user reads and what is stored are both asserted. Today
is Monday 2026-11-23 (Asia/Shanghai)."""
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from storage.models.sales import Customer, Deal, Task, Visit
from storage.models.team import Leave, Target
from support import Chat

pytestmark = pytest.mark.phrasing


def _setup(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(manager="Mia", reps=("Ana", "Bo"))
    return chat


def _count(session_factory, model) -> int:
    with session_factory() as s:
        return s.scalar(select(func.count()).select_from(model))


def _visits(session_factory) -> list[tuple[str, str, dt.date | None]]:
    with session_factory() as s:
        return [(s.get(Customer, v.customer_id).name, v.notes, v.follow_up_on)
                for v in s.scalars(select(Visit).order_by(Visit.id))]


def _deal(session_factory, deal_id: int = 1) -> Deal:
    with session_factory() as s:
        return s.get(Deal, deal_id)


def _customers(session_factory) -> list[str]:
    with session_factory() as s:
        return sorted(s.scalars(select(Customer.name)))


# 1. A report asked for in everyday words is that report, the line it was read as said back --------

@pytest.mark.parametrize("user, typed, said, title", [
    ("Mia", "看下团队漏斗", "（按“漏斗 团队”处理。）", "销售漏斗"),
    ("Mia", "帮我看一下团队的漏斗吧", "（按“漏斗 团队”处理。）", "销售漏斗"),
    ("Mia", "哪些单子卡住了", "（按“停滞”处理。）", "停滞商机"),
    ("Mia", "团队哪些商机没进展", "（按“停滞 团队”处理。）", "停滞商机"),
    ("Mia", "这周谁拜访最多？", "（按“排行榜 拜访 这周”处理。）", "排行榜 · 拜访"),
    ("Mia", "本月谁业绩最高", "（按“排行榜 业绩 本月”处理。）", "排行榜 · 业绩"),
    ("Mia", "本月排行榜 按完成率", "（按“排行榜 本月 完成率”处理。）", "排行榜"),
    ("Mia", "团队本季度的进度", "（按“进度 团队 本季度”处理。）", "2026年第4季度"),
    ("Mia", "whos stalled", "(Read as “stalled”.)", "Stalled deals"),
    ("Mia", "what's stuck on the team?", "(Read as “stalled team”.)", "Stalled deals"),
    ("Mia", "hows bo doing this month", "(Read as “progress @bo this month”.)", "Bo · November 2026"),
    ("Mia", "how is @ana tracking vs target?", "(Read as “progress @ana”.)", "Ana · November 2026"),
    ("Mia", "who visited most this week", "(Read as “leaderboard visits this week”.)", "Visits"),
    ("Ana", "show me the pipeline", "(Read as “pipeline”.)", "Pipeline"),
])
def test_a_report_asked_in_everyday_words_is_answered(session_factory, user, typed, said, title):
    chat = _setup(session_factory)
    assert chat.reply('deal Globex "renewal" proposal 100k', user="Ana").ok
    assert chat.reply("visit Globex: intro", user="Bo").ok
    before = (_count(session_factory, Visit), _count(session_factory, Task), _count(session_factory, Deal))
    reply = chat.reply(typed, user=user)
    assert reply.ok, reply.text
    assert said in reply.text and title in reply.text, reply.text
    assert "didn't get that" not in reply.text and "没看懂" not in reply.text
    assert (_count(session_factory, Visit), _count(session_factory, Task), _count(session_factory, Deal)) \
        == before


@pytest.mark.parametrize("typed, said", [
    ("美的最近拜访过几次", "（按“拜访记录 美的”处理。）"),
    ("美的这个月去了几次？", "（按“拜访记录 美的”处理。）"),
])
def test_how_often_a_customer_was_visited_lists_the_visits_never_logs_one(session_factory, typed, said):
    chat = _setup(session_factory)
    assert chat.reply("拜访 +美的：介绍了新版本", user="Ana").ok
    reply = chat.reply(typed, user="Ana")
    assert reply.ok and said in reply.text and "介绍了新版本" in reply.text, reply.text
    assert not reply.buttons
    assert _visits(session_factory) == [("美的", "介绍了新版本", None)]


# 2. Words answering the bot's own question: taken, or asked once more with taps ------------------

@pytest.mark.parametrize("won, answer, category, filed", [
    ("won Globex", "relationship, known their CTO for yrs", "relationship", "Filed under: relationship."),
    ("赢单 Globex", "主要是产品功能匹配，他们原来的系统太老了", "product_fit", "归类：产品匹配。"),
    ("lost Globex", "budget got cut by their CFO", "budget", "Filed under: budget."),
])
def test_a_free_text_reason_after_the_reason_question_is_the_reason(session_factory, won, answer, category,
                                                                      filed):
    chat = _setup(session_factory)
    assert chat.reply('deal Globex "renewal" proposal 100k', user="Ana").ok
    asked = chat.reply(won, user="Ana")
    assert asked.ok and asked.buttons, asked.text
    reply = chat.reply(answer, user="Ana")
    assert reply.ok, reply.text
    assert "#1" in reply.text and answer in reply.text and filed in reply.text, reply.text
    deal = _deal(session_factory)
    assert (deal.reason, deal.reason_category) == (answer, category)


def test_a_question_after_the_reason_question_is_answered_not_kept_as_the_reason(session_factory):
    chat = _setup(session_factory)
    assert chat.reply('deal Globex "renewal" proposal 100k', user="Ana").ok
    assert chat.reply("won Globex", user="Ana").ok
    reply = chat.reply("show me the pipeline", user="Ana")
    assert reply.ok and "Pipeline" in reply.text, reply.text
    assert _deal(session_factory).reason == ""


@pytest.mark.parametrize("thanks", ["thanks a lot!", "谢谢🙏"])
def test_thanks_after_the_reason_question_is_no_reason(session_factory, thanks):
    chat = _setup(session_factory)
    assert chat.reply('deal Globex "renewal" proposal 100k', user="Ana").ok
    assert chat.reply("won Globex", user="Ana").ok
    chat.reply(thanks, user="Ana")
    assert (_deal(session_factory).reason, _deal(session_factory).reason_category) == ("", "")


@pytest.mark.parametrize("typed, answer, amount", [
    ("oops wrong, its 600k", "yes", Decimal(600000)),
    ("wrong, should be 650k", "1", Decimal(650000)),
])
def test_a_correction_with_a_slip_word_before_it_is_made(session_factory, typed, answer, amount):
    chat = _setup(session_factory)  # round 15: the deal just made, its amount, at once
    chat.now += dt.timedelta(minutes=1)
    assert chat.reply('deal Hooli "expansion" proposal 500k', user="Bo").ok
    done = chat.reply(typed, user="Bo")
    assert done.ok and "deal #1" in done.text, done.text
    assert _deal(session_factory).amount == amount


def test_no_log_it_as_a_visit_picks_the_visit_of_the_options(session_factory):
    chat = _setup(session_factory)
    assert chat.reply("visit +Initech: intro", user="Ana").ok
    asked = chat.reply("initech demo w/ their cto, follow up next wed", user="Ana")
    assert not asked.ok and len(asked.buttons) == 2, asked.text
    reply = chat.reply("no, log it as a visit", user="Ana")
    assert reply.ok and "Visit to Initech logged" in reply.text, reply.text
    assert _visits(session_factory)[-1] == ("Initech", "initech demo w/ their cto", dt.date(2026, 12, 2))
    assert _count(session_factory, Task) == 0


def test_a_kind_no_option_has_is_made_of_the_message_and_asked_in_turn(session_factory):
    chat = _setup(session_factory)
    assert chat.reply("拜访 +京东：初次接触", user="Bo", lang="zh").ok
    asked = chat.reply("明天给京东打电话", user="Bo")
    assert not asked.ok, asked.text
    again = chat.reply("不是，记成拜访", user="Bo")  # the visit option: asked whether 明天 is a follow-up
    assert not again.ok and "跟进" in again.text, again.text
    assert chat.reply("2", user="Bo").ok
    assert _visits(session_factory)[-1] == ("京东", "明天给京东打电话", None)
    assert _count(session_factory, Task) == 0


@pytest.mark.parametrize("typed, said", [
    ("no, not like that", "I couldn't tell which of my options"),
    ("不是，不是这样", "没看出"),
])
def test_a_yes_or_no_with_words_that_pick_nothing_is_asked_again_never_the_generic_list(session_factory,
                                                                                       typed, said):
    chat = _setup(session_factory)
    assert chat.reply("visit +Globex: intro", user="Ana").ok
    assert not chat.reply("met the globex guys today, good convo", user="Ana").ok
    again = chat.reply(typed, user="Ana")
    assert not again.ok and said in again.text and again.buttons, again.text
    assert "didn't get that" not in again.text and "没看懂" not in again.text
    assert len(_visits(session_factory)) == 1
    assert chat.reply("1", user="Ana").ok
    assert _visits(session_factory)[-1] == ("Globex", "met the globex guys today, good convo", None)


# 3. A slashed day read month first, days away, when day first is past or months off: not asked --

@pytest.mark.parametrize("user, typed, day, shown", [
    ("Ana", "visit Globex: call w/ Zhang, f/u 12/10", dt.date(2026, 12, 10), "Thu, Dec 10"),
    ("Ana", "visit Globex: first mtg f/u 12/9", dt.date(2026, 12, 9), "Wed, Dec 9"),
    ("Bo", "拜访 Globex：电话沟通 跟进 12/11", dt.date(2026, 12, 11), "12月11日周五"),
])
def test_a_near_month_first_day_is_taken_without_asking(session_factory, user, typed, day, shown):
    chat = _setup(session_factory)
    assert chat.reply("visit +Globex: intro", user="Ana").ok
    reply = chat.reply(typed, user=user, lang="zh" if user == "Bo" else None)
    assert reply.ok and shown in reply.text, reply.text
    assert "two ways" not in reply.text and "两种" not in reply.text
    assert _visits(session_factory)[-1][2] == day


def test_a_task_due_on_a_near_slashed_day_is_not_asked_about(session_factory):
    chat = _setup(session_factory)
    reply = chat.reply("task send the quote by 12/11", user="Ana")
    assert reply.ok and "Fri, Dec 11" in reply.text, reply.text
    with session_factory() as s:
        assert s.scalars(select(Task.due_on)).one() == dt.date(2026, 12, 11)


def test_a_slashed_day_both_of_whose_readings_are_near_is_still_asked(session_factory):
    chat = _setup(session_factory)
    assert chat.reply('deal Globex "renewal" proposal 100k', user="Ana").ok
    asked = chat.reply("deal #1 close 12/1", user="Ana")  # Dec 1 or Jan 12: both weeks away
    assert not asked.ok and "month first or day first" in asked.text, asked.text
    assert _deal(session_factory).expected_close is None


# 4. A deal closed or moved with words after it: run, or offered without them ----------------------

@pytest.mark.parametrize("typed, stage, amount, reason", [
    ("deal #1 lost - budget cut", "lost", Decimal(100000), "budget cut"),
    ("deal #1 won 280k, they pushed hard on price", "won", Decimal(280000), "they pushed hard on price"),
    ("商机 #1 输单，预算被砍了", "lost", Decimal(100000), "预算被砍了"),
])
def test_a_deal_closed_with_words_after_a_dash_or_comma_has_them_as_its_reason(session_factory, typed, stage,
                                                                               amount, reason):
    chat = _setup(session_factory)
    assert chat.reply('deal Globex "renewal" proposal 100k', user="Ana").ok
    reply = chat.reply(typed, user="Ana")
    assert reply.ok, reply.text
    assert "title in quotes" not in reply.text
    deal = _deal(session_factory)
    assert (deal.stage, deal.amount, deal.reason) == (stage, amount, reason)


@pytest.mark.parametrize("typed, offered, said", [
    ("deal Globex negotiation, also they asked for net 60", "deal Globex negotiation",
     "A deal keeps no notes"),
    ("商机 #1 商务谈判，老板特别关心交付", "商机 #1 商务谈判", "商机不记纪要"),
])
def test_a_stage_moved_with_words_after_it_is_offered_without_them(session_factory, typed, offered, said):
    chat = _setup(session_factory)
    assert chat.reply('deal Globex "renewal" proposal 100k', user="Ana").ok
    asked = chat.reply(typed, user="Ana")
    assert not asked.ok and said in asked.text, asked.text
    assert "title in quotes" not in asked.text and "标题请加引号" not in asked.text
    assert [b.command for b in asked.buttons] == [offered]
    assert _deal(session_factory).stage == "proposal"  # nothing changed unasked
    assert chat.reply("yes", user="Ana").ok
    assert _deal(session_factory).stage == "negotiation"


# 5. Measure words before a name; leave and a team target said as sentences ------------------------

def test_a_measure_word_before_a_customer_is_not_its_name(session_factory):
    chat = _setup(session_factory)
    assert chat.reply("拜访 +格力：初次拜访", user="Ana").ok
    told = chat.reply("今天去了趟格力，和王总聊了下明年的框架协议，感觉有戏", user="Ana")  # a visit told
    assert told.ok and "和王总聊了下明年的框架协议，感觉有戏" in told.text, told.text
    reply = chat.reply("拜访了一趟格力：聊了预算", user="Ana")
    assert reply.ok, reply.text
    assert _customers(session_factory) == ["格力"]
    assert [v[:2] for v in _visits(session_factory)] == [
        ("格力", "初次拜访"), ("格力", "和王总聊了下明年的框架协议，感觉有戏"), ("格力", "聊了预算")]


def test_leave_on_two_weekdays_said_as_a_sentence_is_offered_as_leave(session_factory):
    chat = _setup(session_factory)
    asked = chat.reply("下周四周五请两天假", user="Ana")
    assert not asked.ok and "请假 下周四-下周五" in asked.text and "任务" not in asked.text, asked.text
    assert chat.reply("好", user="Ana").ok
    with session_factory() as s:
        assert [(x.first_day, x.last_day) for x in s.scalars(select(Leave))] == [
            (dt.date(2026, 12, 3), dt.date(2026, 12, 4))]
    assert _count(session_factory, Task) == 0


@pytest.mark.parametrize("typed, offered", [
    ("下季度团队业绩目标定600万，按人分解", "目标 团队 业绩 600万 下季度 分解"),
    # every word read (set · the · team · target · to · 6m · next quarter · split · it): set at once,
    # the period said back, as a member's target said in words is
    ("set the team target to 6m next quarter, split it", None),
])
def test_a_team_target_said_as_a_sentence_is_offered_as_the_target(session_factory, typed, offered):
    chat = _setup(session_factory)
    asked = chat.reply(typed, user="Mia")
    if offered:
        assert not asked.ok and [b.command for b in asked.buttons] == [offered], asked.text
        assert _count(session_factory, Task) == 0 and _count(session_factory, Target) == 0
        assert chat.reply("1", user="Mia").ok
    else:
        assert asked.ok and "2027" in asked.text, asked.text
    with session_factory() as s:
        team = s.scalars(select(Target).where(Target.team_id.is_not(None))).one()
        assert (team.amount, team.period_kind, team.period_start) == (Decimal(6000000), "quarter",
                                                                        dt.date(2027, 1, 1))
        assert s.scalar(select(func.count()).select_from(Target).where(Target.member_id.is_not(None))) == 2


# 6. A refusal says what can be done instead --------------------------------------------------------

@pytest.mark.parametrize("merge, said, move", [
    ("客户 招行深圳 合并到 招商银行深圳分行", "只有经理可以这样操作。\n请找 Mia 合并",
     "拜访 #{id} 客户 招商银行深圳分行"),
    ("customer 招行深圳 merge into 招商银行深圳分行", "only a manager can do that.\nAsk Mia to merge",
     "visit #{id} customer 招商银行深圳分行"),
])
def test_a_reps_merge_says_whom_to_ask_and_offers_moving_their_visits(session_factory, merge, said, move):
    chat = _setup(session_factory)
    assert chat.reply("拜访 +招商银行深圳分行：见了黄处长", user="Ana").ok
    assert chat.reply("拜访 +招行深圳：带售前讲了方案", user="Ana").ok
    with session_factory() as s:
        moved = s.scalars(select(Visit.id).order_by(Visit.id.desc())).first()
    refused = chat.reply(merge, user="Ana")
    assert not refused.ok and said in refused.text, refused.text
    assert [b.command for b in refused.buttons] == [move.format(id=moved)]
    assert _customers(session_factory) == ["招商银行深圳分行", "招行深圳"]  # nothing merged
    assert chat.reply("1", user="Ana").ok
    assert [v[0] for v in _visits(session_factory)] == ["招商银行深圳分行", "招商银行深圳分行"]


def test_a_task_for_no_such_customer_offers_the_new_customer_or_the_task_alone(session_factory):
    chat = _setup(session_factory)
    typed = "任务 客户 中芯国际：周三前把云迁移白皮书发给陈总"
    refused = chat.reply(typed, user="Bo", lang="zh")
    assert not refused.ok and "没有名为“中芯国际”的客户" in refused.text, refused.text
    assert [b.command for b in refused.buttons] == [f"客户 +中芯国际\n{typed}",
                                                    "任务 把云迁移白皮书发给陈总（中芯国际）"]
    assert chat.reply("1", user="Bo").ok
    with session_factory() as s:
        task = s.scalars(select(Task)).one()
        assert (task.title, task.due_on, s.get(Customer, task.customer_id).name) == (
            "把云迁移白皮书发给陈总", dt.date(2026, 11, 25), "中芯国际")


@pytest.mark.parametrize("answer, customer, title", [
    ("1", "Globex", "send the NDA"),
    ("3", None, "send the NDA (Globx)"),
])
def test_a_task_for_a_misspelt_customer_offers_the_one_meant(session_factory, answer, customer, title):
    chat = _setup(session_factory)
    assert chat.reply("visit +Globex: intro", user="Ana").ok
    refused = chat.reply("task customer Globx: send the NDA by fri", user="Ana")
    assert not refused.ok and "There is no customer “Globx”" in refused.text, refused.text
    assert [b.label for b in refused.buttons] == ["Did you mean Globex?", "New customer Globx, with the task",
                                                  "The task without a customer"]
    assert _count(session_factory, Task) == 0
    assert chat.reply(answer, user="Ana").ok
    with session_factory() as s:
        task = s.scalars(select(Task)).one()
        named = s.get(Customer, task.customer_id).name if task.customer_id else None
        assert (task.title, task.due_on, named) == (title, dt.date(2026, 11, 27), customer)
    assert _customers(session_factory) == ["Globex"]


# 7. The reply's language: a sentence's own, else the member's ------------------------------------

@pytest.mark.parametrize("member, typed, locale", [
    ("zh", "progress team", "en"), ("zh", "leaderboard % month", "en"), ("zh", "stalled", "en"),
    ("zh", "contest", "en"), ("zh", "whos stalled", "en"), ("zh", "42", "zh"),  # round 17: one English
    # word says English; no words, the member's
    ("zh", "visit +Acme: met the CTO, went well", "en"),
    ("en", "进度", "zh"), ("en", "进度 团队", "zh"), ("en", "拜访 +华为：见了张总", "zh"),
    ("en", "leaderboard % month", "en"), ("en", "visit +Acme: met the CTO", "en"),
    ("en", "看下团队漏斗", "zh"),
])
def test_a_sentence_is_answered_in_its_language_a_bare_command_in_the_members(session_factory, member, typed,
                                                                             locale):
    chat = _setup(session_factory)
    assert chat.reply("help", user="Mia", lang=member).ok
    reply = chat.reply(typed, user="Mia")
    assert reply.locale == locale, reply.text
