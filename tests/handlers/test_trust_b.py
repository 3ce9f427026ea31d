"""Trust (#23), the tester's classes 2, 5, 6 and 8 and closed questions, typed as a rep would, on
both databases: a thousands comma keeps an amount whole; "next month" is its first working day in
the team's calendar (holidays and 调休 included); a delete's question takes `yes`, `ok`, `是`, `好的`,
`确认` or `1`; a loss without a colon is asked about (reason or title), never refused falsely; an
answer to a question that has closed says so."""
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Deal, Visit
from support import Chat

pytestmark = pytest.mark.phrasing

SAT_DEC_5 = dt.datetime(2026, 12, 5, 2, 0, tzinfo=dt.timezone.utc)  # the tester's day, 10:00 in Shanghai


def _chat(session_factory, now=SAT_DEC_5) -> Chat:
    chat = Chat(session_factory)
    chat.now = now
    chat.team(reps=("Ana", "Bo", "张伟"))
    return chat


def _deal(session_factory, deal_id: int) -> Deal:
    with session_factory() as s:
        return s.get(Deal, deal_id)


# 2. A thousands comma in a win's amount ----------------------------------------------------

@pytest.mark.parametrize("setup, typed, amount, reason, posted", [
    ('deal Acme "SLA" proposal $5k', "won #1 $4,800: they liked our SLA", 4800, "they liked our SLA",
     "Ana won Acme — $4,800"),
    ('商机 美的 "空调" 方案呈现 30万', "赢单 #1 50,000元：产品匹配度高", 50000, "产品匹配度高", "¥5万"),
    ('deal Initech "Audit" proposal 20k', "won #1 12,000: quick turnaround", 12000, "quick turnaround",
     "¥12K"),
    ('deal Initech "Audit" proposal 20k', "won Initech 12,000, quick turnaround", 12000, "quick turnaround",
     "¥12K"),
    ('商机 格力 "线" 方案呈现 20万', "赢单 格力 1,200,000元，交付快", 1200000, "交付快", "¥120万"),
])
def test_a_thousands_comma_keeps_the_amount_whole(session_factory, setup, typed, amount, reason, posted):
    chat = _chat(session_factory)
    assert chat.reply(setup, user="Ana").ok
    said = chat.exchange(typed, user="Ana")
    assert said.reply.ok, said.reply.text
    deal = _deal(session_factory, 1)
    assert (deal.stage, deal.amount, deal.reason) == ("won", Decimal(amount), reason)
    [celebration] = said.posts
    assert posted in celebration.text and reason in celebration.text


# 5. "next month" is its first working day, in the team's calendar --------------------------

@pytest.mark.parametrize("now, typed, shown, day", [
    (SAT_DEC_5, "deal #1 close next month", "Mon, Jan 4, 2027", dt.date(2027, 1, 4)),  # Jan 1: 元旦
    (SAT_DEC_5, "商机 #1 预计 下个月", "2027年1月4日周一", dt.date(2027, 1, 4)),
    # a 调休 Sunday is a working day: January 2026 starts on Sun Jan 4
    (dt.datetime(2025, 12, 10, 2, tzinfo=dt.timezone.utc), "deal #1 close next month", "Sun, Jan 4, 2026",
     dt.date(2026, 1, 4)),
    # National Day week: October 2026's first working day is Thu Oct 8
    (dt.datetime(2026, 9, 15, 2, tzinfo=dt.timezone.utc), "商机 #1 预计 下月初", "10月8日周四",
     dt.date(2026, 10, 8)),
])
def test_next_month_is_its_first_working_day_in_the_teams_calendar(session_factory, now, typed, shown, day):
    chat = _chat(session_factory, now)
    assert chat.reply('deal Initech "Audit" negotiation 1.2m', user="Ana").ok
    reply = chat.reply(typed, user="Ana")
    assert reply.ok and shown in reply.text, reply.text
    assert _deal(session_factory, 1).expected_close == day


@pytest.mark.parametrize("typed, shown", [
    ("拜访 华为：聊了续约，跟进 下月初", "2027年1月4日周一"),
    ("visit Stark: pricing call, follow up next month", "Mon, Jan 4, 2027"),
])
def test_a_follow_up_next_month_is_no_holiday(session_factory, typed, shown):
    chat = _chat(session_factory)
    reply = chat.reply(typed, user="Ana")
    assert reply.ok and shown in reply.text, reply.text
    with session_factory() as s:
        assert s.scalar(select(Visit.follow_up_on)) == dt.date(2027, 1, 4)


def test_an_admins_correction_moves_next_month(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("calendar 2027-01-04 holiday", user="Mia").ok  # a company holiday
    assert chat.reply('deal Initech "Audit" negotiation 1.2m', user="Ana").ok
    assert "Tue, Jan 5, 2027" in chat("deal #1 close next month", user="Ana")


# 6. A delete's confirmation is answered like every other question ---------------------------

@pytest.mark.parametrize("ask, answer", [
    ("visit #1 delete", "yes"), ("visit #1 delete", "ok"), ("visit #1 delete", "1"),
    ("拜访 #1 删除", "是"), ("拜访 #1 删除", "好的"), ("拜访 #1 删除", "确认"),
])
def test_a_delete_question_takes_yes_ok_1_and_chinese_answers(session_factory, ask, answer):
    chat = _chat(session_factory)
    assert chat.reply("visit Acme: intro", user="Ana").ok
    question = chat.reply(ask, user="Ana")
    assert not question.ok and len(question.buttons) == 1
    with session_factory() as s:
        assert s.scalar(select(Visit.id)) == 1  # the question deleted nothing
    done = chat.reply(answer, user="Ana")
    assert done.ok and ("Deleted visit #1" in done.text or "已删除拜访 #1" in done.text), done.text
    with session_factory() as s:
        assert s.scalar(select(Visit.id)) is None


def test_no_to_a_delete_question_keeps_it(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("visit Acme: intro", user="Ana").ok
    chat.reply("visit #1 delete", user="Ana")
    assert "nothing was saved" in chat("no", user="Ana")
    with session_factory() as s:
        assert s.scalar(select(Visit.id)) == 1


# 8. A win or loss without a colon, in Chinese ---------------------------------------------

def test_a_loss_without_a_colon_asks_reason_or_title_and_1_closes_it_with_the_reason(session_factory):
    chat = _chat(session_factory)
    assert chat.reply('商机 美的集团 "空调" 方案呈现 30万', user="张伟").ok
    ask = chat.reply("输单 美的 价格太高 对手报价低了三成", user="张伟")
    assert not ask.ok and "没有进行中的商机" not in ask.text
    assert "“价格太高 对手报价低了三成”是原因" in ask.text, ask.text
    assert chat.reply("1", user="张伟").ok
    deal = _deal(session_factory, 1)
    assert (deal.stage, deal.reason) == ("lost", "价格太高 对手报价低了三成")


def test_an_english_loss_without_a_colon_asks_reason_or_title(session_factory):
    chat = _chat(session_factory)
    assert chat.reply('deal Acme Corp "ERP" proposal 50k', user="Ana").ok
    ask = chat.reply("lost acme price too high", user="Ana")
    assert "price too high" in ask.text and len(ask.buttons) == 1  # no deal titled so: which deal
    assert chat.reply("1", user="Ana").ok
    assert (_deal(session_factory, 1).stage, _deal(session_factory, 1).reason) == ("lost", "price too high")


def test_a_chinese_title_after_the_customer_still_names_the_deal(session_factory):
    chat = _chat(session_factory)
    assert chat.reply('商机 格力 "线" 方案呈现 20万', user="张伟").ok
    assert chat.reply('商机 格力 "空调" 方案呈现 10万', user="张伟").ok
    assert chat.reply("赢单 格力 线", user="张伟").ok
    assert [_deal(session_factory, 1).stage, _deal(session_factory, 2).stage] == ["won", "proposal"]
    with session_factory() as s:
        assert s.scalars(select(Customer.name)).all() == ["格力"]


# An answer to a question that has closed ----------------------------------------------------

@pytest.mark.parametrize("answer, said", [
    ("1", "No question of mine is open"), ("yes", "No question of mine"), ("好的", "没有待回答的问题"),
])
def test_an_answer_after_the_question_closed_says_so(session_factory, answer, said):
    chat = _chat(session_factory)
    assert chat.reply("visit Acme: intro", user="Ana").ok
    chat.reply("visit #1 delete", user="Ana")
    assert chat.reply("progress", user="Ana").ok  # another command closes the question
    reply = chat.reply(answer, user="Ana")
    assert not reply.ok and said in reply.text, reply.text
    with session_factory() as s:
        assert s.scalar(select(Visit.id)) == 1


# Month and quarter words: the first working day of that month or quarter ------------------

@pytest.mark.parametrize("typed, shown, day", [
    ("deal #1 close jan", "Mon, Jan 4, 2027", dt.date(2027, 1, 4)),
    ("deal #1 close q1", "Wed, Mar 31, 2027", dt.date(2027, 3, 31)),  # a quarter: its last day (13h)
    ("deal #1 close next quarter", "Wed, Mar 31, 2027", dt.date(2027, 3, 31)),
    ("商机 #1 预计 下季度", "2027年3月31日周三", dt.date(2027, 3, 31)),
    ("商机 #1 预计 明年3月", "2027年3月1日周一", dt.date(2027, 3, 1)),
])
def test_a_month_or_quarter_is_its_first_working_day(session_factory, typed, shown, day):
    chat = _chat(session_factory)
    assert chat.reply('deal Initech "Audit" negotiation 1.2m', user="Ana").ok
    reply = chat.reply(typed, user="Ana")
    assert reply.ok and shown in reply.text, reply.text
    assert _deal(session_factory, 1).expected_close == day


@pytest.mark.parametrize("typed, task", [
    ("won #1 48k - great; follow up jan for upsell", "task deal #1 for upsell by 2027-01-04"),
    ("赢单 #1 45万：跟进 下季度扩容", "任务 商机 #1 2027-01-04前扩容"),
])
def test_a_follow_up_in_a_month_or_quarter_is_offered_as_a_task(session_factory, typed, task):
    chat = _chat(session_factory)
    assert chat.reply('deal Initech "Audit" negotiation 1.2m', user="Ana").ok
    ask = chat.reply(typed, user="Ana")
    assert len(ask.buttons) == 2 and task in ask.buttons[0].command, ask.text  # (its day shown in words)
    assert chat.reply("1", user="Ana").ok
    assert _deal(session_factory, 1).stage == "won"


# A question's answer buttons show what to type; a quoted day has no stray space --------------

@pytest.mark.parametrize("typed, quoted, answer", [
    ("拜访 格力：客户要求 月底前给方案", "“月底前”", "[只作为纪要，不设跟进] 2"),
    ("won #1 48k - great; follow up fri for upsell", "“follow up fri for upsell”",
     "[All of it as the reason] 2"),
])
def test_a_questions_buttons_each_show_what_to_type(session_factory, typed, quoted, answer):
    chat = _chat(session_factory)
    assert chat.reply('deal Initech "Audit" negotiation 1.2m', user="Ana").ok
    shown = chat(typed, user="Ana")
    assert quoted in shown and answer in shown, shown
    assert "] |" not in shown and not shown.endswith("] ")


# A correction of the amount just said ------------------------------------------------------

@pytest.mark.parametrize("setup, typed, answer, amount", [
    ('deal Initech "security audit" 1.2m negotiation', "no I meant 1.15m", "yes", 1150000),
    ('商机 海尔 "云" 方案呈现 30万', "不对，是20万", "好的", 200000),
])
def test_a_correction_of_the_amount_just_said_sets_it_at_once(session_factory, setup, typed, answer, amount):
    chat = _chat(session_factory)  # round 15: the one field of the deal just made, made at once
    assert chat.reply(setup, user="Ana").ok
    done = chat.reply(typed, user="Ana")
    assert done.ok and ("deal #1" in done.text or "商机 #1" in done.text), done.text
    assert _deal(session_factory, 1).amount == Decimal(amount)
    assert chat.reply(answer, user="Ana").ok is False  # no question left open: `yes` answers nothing


@pytest.mark.parametrize("typed, said", [
    ("no I meant 1.15m", "type the deal's number and the amount: deal #12 1.15m"),
    ("不对，是20万", "请发商机编号和金额：商机 #12 20万"),
])
def test_a_correction_with_no_deal_just_touched_says_what_to_type(session_factory, typed, said):
    chat = _chat(session_factory)
    assert chat.reply("visit Acme: intro", user="Ana").ok
    reply = chat.reply(typed, user="Ana")
    assert not reply.ok and said in reply.text, reply.text


# Progress asked as a question; a follow-up with no command word --------------------------------

@pytest.mark.parametrize("typed, same_as", [
    ("how far am i from target this month?", "progress"),
    ("how far are we from target this quarter?", "progress team quarter"),
    ("我离目标还有多远？", "进度"),
    ("我们本季度离目标还差多少", "进度 团队 季度"),
])
def test_progress_asked_as_a_question_is_progress(session_factory, typed, same_as):
    chat = _chat(session_factory)
    assert chat.reply("target @Ana revenue 500k month", user="Mia").ok
    assert chat.reply("target team revenue 3m quarter", user="Mia").ok
    reply = chat.reply(typed, user="Mia")
    assert reply.ok and reply.text == chat.reply(same_as, user="Mia").text


@pytest.mark.parametrize("typed, task_title", [
    ("下周三跟进格力", "跟进格力"),
    ("follow up with Acme next wed", "follow up with Acme"),
])
def test_a_follow_up_with_a_day_and_no_command_is_offered_as_a_task(session_factory, typed, task_title):
    from storage.models.sales import Task

    chat = _chat(session_factory)
    ask = chat.reply(typed, user="Ana")
    assert not ask.ok and len(ask.buttons) == 1 and ("yes (or 1)" in ask.text or "（或 1）" in ask.text)
    assert chat.reply("yes", user="Ana").ok
    with session_factory() as s:
        assert s.execute(select(Task.title, Task.due_on)).one() == (task_title, dt.date(2026, 12, 9))


# A close day glued to its word, or said before 成交 ------------------------------------------

@pytest.mark.parametrize("typed, day", [
    ("商机 #1 预计月底", dt.date(2026, 12, 31)),
    ("商机 #1 12月15日成交", dt.date(2026, 12, 15)),
    ("商机 #1 预计下个月", dt.date(2027, 1, 4)),
])
def test_a_close_day_glued_to_its_word_is_read(session_factory, typed, day):
    chat = _chat(session_factory)
    assert chat.reply('商机 海尔 "云" 方案呈现 30万', user="张伟").ok
    reply = chat.reply(typed, user="张伟")
    assert reply.ok, reply.text
    deal = _deal(session_factory, 1)
    assert (deal.expected_close, deal.stage) == (day, "proposal")


@pytest.mark.parametrize("typed, day", [
    ("visit Acme: demo; follow-up the 15th", dt.date(2026, 12, 15)),
    ("拜访 格力：见面，跟进 15号", dt.date(2026, 12, 15)),
    ("visit Acme: demo; follow up the 3rd", dt.date(2027, 1, 3)),  # the 3rd has gone: January's
])
def test_a_day_of_the_month_alone_is_the_next_one(session_factory, typed, day):
    chat = _chat(session_factory)
    reply = chat.reply(typed, user="Ana")
    assert reply.ok, reply.text
    with session_factory() as s:
        assert s.scalar(select(Visit.follow_up_on)) == day


@pytest.mark.parametrize("typed", ['new deal Acme "ERP" proposal 50k', '新建商机 华为 "云" 方案呈现 5万'])
def test_a_word_before_the_command_word_that_says_the_same_is_read(session_factory, typed):
    chat = _chat(session_factory)  # asking was needless (the fresh-eyes testers of round 5)
    reply = chat.reply(typed, user="Ana")
    assert reply.ok, reply.text
    assert _deal(session_factory, 1).stage == "proposal"
