"""Issue #23 (trust11e): a guess is offered only when every word fits it. A typo guess for an unknown
first word is a command the rest reads as (`設定 Bo 下個月 業績目標 六十萬` is a target, never `绑定`);
several members' targets in one message are set together; a win said with the start of a customer's
name (`阿里那单赢了 50万`) is offered as that customer's win; two days of leave said in words
(`下周三下周四请假两天`) are offered as leave for those days, the days counted checked. Today in these
tests is Mon, Nov 23, 2026."""
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from storage.models.sales import Deal
from storage.models.team import Leave, Target
from storage.models.workspace import Member
from support import Chat

pytestmark = pytest.mark.phrasing


def _targets(session_factory):
    with session_factory() as s:
        rows = s.execute(select(Member.display_name, Target.metric, Target.period_start, Target.amount)
                         .join(Member, Member.id == Target.member_id)).all()
        return sorted((n, m, d, int(a)) for n, m, d, a in rows)


def _leaves(session_factory):
    with session_factory() as s:
        return sorted((x.first_day, x.last_day) for x in s.scalars(select(Leave)))


def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo"))
    return chat


@pytest.mark.parametrize(("said", "row"), [
    ("設定 Bo 下個月 業績目標 六十萬", ("Bo", "revenue", dt.date(2026, 12, 1), 600_000)),
    ("设定 Ana 本月 拜访目标 40次", ("Ana", "visits", dt.date(2026, 11, 1), 40)),
    ("设 Bo 下个月目标 50万", ("Bo", "revenue", dt.date(2026, 12, 1), 500_000)),
    ("Bo's visit target this month is 40", ("Bo", "visits", dt.date(2026, 11, 1), 40)),
])
def test_a_target_said_after_a_verb_is_set_never_guessed_as_another_command(session_factory, said, row):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="Mia")
    assert reply.ok and "绑定" not in reply.text, reply.text
    assert _targets(session_factory) == [row]


@pytest.mark.parametrize("said", ["设定 张伟 明天 吃饭", "设定 下个月 一起 吃饭"])
def test_no_command_word_correction_whose_command_refuses_the_rest(session_factory, said):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="Mia")
    assert not reply.ok and "你是想说" not in reply.text and "绑定" not in reply.text, reply.text
    assert not any(b.command.startswith("绑定") for b in reply.buttons)
    assert _targets(session_factory) == []


def test_a_typo_whose_command_reads_the_rest_is_still_offered(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("vist Globex: met the CFO", user="Ana")
    assert not reply.ok and "Did you mean: visit Globex: met the CFO" in reply.text, reply.text


@pytest.mark.parametrize(("said", "rows"), [
    ("Bo下个月目标50万，Ana也是50万", [("Ana", "revenue", dt.date(2026, 12, 1), 500_000),
                                     ("Bo", "revenue", dt.date(2026, 12, 1), 500_000)]),
    ("targets next month: Bo 50k, Ana 40k", [("Ana", "revenue", dt.date(2026, 12, 1), 40_000),
                                             ("Bo", "revenue", dt.date(2026, 12, 1), 50_000)]),
    ("下个月目标：Bo 50万，Ana 40万", [("Ana", "revenue", dt.date(2026, 12, 1), 400_000),
                                   ("Bo", "revenue", dt.date(2026, 12, 1), 500_000)]),
    ("Bo本月拜访目标40次，Ana也一样", [("Ana", "visits", dt.date(2026, 11, 1), 40),
                                  ("Bo", "visits", dt.date(2026, 11, 1), 40)]),
    ("visit targets this month: Bo 40, Ana 30", [("Ana", "visits", dt.date(2026, 11, 1), 30),
                                                 ("Bo", "visits", dt.date(2026, 11, 1), 40)]),
])
def test_several_members_targets_in_one_message_are_set_together(session_factory, said, rows):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="Mia")
    assert reply.ok and reply.text.startswith("1. ") and "\n2. " in reply.text, reply.text
    assert _targets(session_factory) == rows


@pytest.mark.parametrize(("said", "refusal"), [("Bo下个月目标50万，Ana也是50万", "只有经理"),
                                               ("targets next month: Bo 50k, Ana 40k", "only a manager")])
def test_several_targets_from_a_rep_are_refused_and_none_is_stored(session_factory, said, refusal):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="Ana")
    assert not reply.ok and refusal in reply.text, reply.text
    assert _targets(session_factory) == []


def test_a_second_part_that_is_no_target_sets_nothing(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("Bo下个月目标50万，Ana明天去华为", user="Mia")
    assert not reply.ok, reply.text
    assert _targets(session_factory) == []


@pytest.mark.parametrize(("said", "line", "answer", "amount"), [
    ("阿里那单赢了 50万", "赢单 #1 50万", "好", Decimal(500_000)),  # its open deal by number (round 13)
    ("we won the alibaba deal, 50万", "won #1 50万", "yes", Decimal(500_000)),
    ("阿里的单子拿下了", "赢单 #1", "好", Decimal(300_000)),
    ("we finally signed alibaba, 45万", "won #1 45万", "yes", Decimal(450_000)),
])
def test_a_win_said_in_words_is_offered_as_the_customers_win(session_factory, said, line, answer, amount):
    chat = _chat(session_factory)
    assert chat.reply("商机 阿里巴巴 云项目 方案呈现 30万", user="Ana").ok
    reply = chat.reply(said, user="Ana")
    assert not reply.ok and [b.command for b in reply.buttons] == [line], reply.text
    assert "阿里巴巴" in reply.text
    with session_factory() as s:
        assert s.get(Deal, 1).stage != "won"  # asked, not stored
    assert chat.reply(answer, user="Ana").ok
    with session_factory() as s:
        deal = s.get(Deal, 1)
        assert (deal.stage, deal.amount) == ("won", amount)


@pytest.mark.parametrize(("said", "line", "answer", "days"), [
    ("下周三下周四请假两天", "请假 下周三-下周四", "好", [(dt.date(2026, 12, 2), dt.date(2026, 12, 3))]),
    ("下周四周五请两天假", "请假 下周四-下周五", "好", [(dt.date(2026, 12, 3), dt.date(2026, 12, 4))]),
    ("我下周一和下周二请假", "请假 下周一-下周二", "好", [(dt.date(2026, 11, 30), dt.date(2026, 12, 1))]),
    ("下周三到周四请假", "请假 下周三-下周四", "好", [(dt.date(2026, 12, 2), dt.date(2026, 12, 3))]),
    ("I'm out fri", "leave fri", "yes", [(dt.date(2026, 11, 27), dt.date(2026, 11, 27))]),
])
def test_leave_said_in_words_is_offered_as_leave_for_those_days(session_factory, said, line, answer, days):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="Ana")
    assert not reply.ok and [b.command for b in reply.buttons] == [line], reply.text
    assert _leaves(session_factory) == []
    assert chat.reply(answer, user="Ana").ok
    assert _leaves(session_factory) == days


def test_leave_whose_days_counted_do_not_agree_is_not_offered(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("下周三到下周五请假两天", user="Ana")
    assert not any(b.command.startswith("请假") for b in reply.buttons), reply.text
    assert _leaves(session_factory) == []


def test_two_days_apart_are_each_a_days_leave_never_the_days_between(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("下周一和下周三请假", user="Ana")
    assert not reply.ok and [b.command for b in reply.buttons] == ["请假 下周一\n请假 下周三"], reply.text
    assert _leaves(session_factory) == []
    assert chat.reply("好", user="Ana").ok
    assert _leaves(session_factory) == [(dt.date(2026, 11, 30), dt.date(2026, 11, 30)),
                                        (dt.date(2026, 12, 2), dt.date(2026, 12, 2))]


@pytest.mark.parametrize(("said", "rows"), [
    ("Bo和Ana下个月目标都是50万", [("Ana", "revenue", dt.date(2026, 12, 1), 500_000),
                                ("Bo", "revenue", dt.date(2026, 12, 1), 500_000)]),
    ("Bo、Ana本月拜访目标都是40次", [("Ana", "visits", dt.date(2026, 11, 1), 40),
                                 ("Bo", "visits", dt.date(2026, 11, 1), 40)]),
    ("Bo's target next month is 50k, Ana's too", [("Ana", "revenue", dt.date(2026, 12, 1), 50_000),
                                                  ("Bo", "revenue", dt.date(2026, 12, 1), 50_000)]),
    ("Bo's target next month is 50k, Ana 40k", [("Ana", "revenue", dt.date(2026, 12, 1), 40_000),
                                                ("Bo", "revenue", dt.date(2026, 12, 1), 50_000)]),
])
def test_one_target_said_for_several_members_is_set_for_each(session_factory, said, rows):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="Mia")
    assert reply.ok and "\n2. " in reply.text, reply.text
    assert _targets(session_factory) == rows
