"""Issue #23, class 2: a target changed in words (`Tom的目标下个月改成45万`, `Ana's target for Q1 should
be 1.2m`) is the target command, and a member's target said with no target word (`tom new customers
3 this month`, `张伟本月新客户3个`) is offered as one, one tap away; only a manager sets one, a rep
is refused and nothing is stored. Today in these tests is Mon, Nov 23, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.team import Target
from storage.models.workspace import Member
from support import Chat

pytestmark = pytest.mark.phrasing


def _targets(session_factory):
    with session_factory() as s:
        rows = s.execute(select(Member.display_name, Target.metric, Target.period_kind, Target.period_start,
                                Target.amount).join(Member, Member.id == Target.member_id)).all()
        return sorted((n, m, k, d, int(a)) for n, m, k, d, a in rows)


@pytest.mark.parametrize(("said", "row", "shown"), [
    ("Bo的目标下个月改成45万", ("Bo", "revenue", "month", dt.date(2026, 12, 1), 450_000), "¥45万"),
    ("Ana的拜访目标本月调到40次", ("Ana", "visits", "month", dt.date(2026, 11, 1), 40), "拜访 40"),
    ("Bo下个月的目标提高到60万", ("Bo", "revenue", "month", dt.date(2026, 12, 1), 600_000), "2026年12月"),
    ("Ana's target for Q1 should be 1.2m", ("Ana", "revenue", "quarter", dt.date(2027, 1, 1), 1_200_000),
     "Q1 2027"),
    ("Bo's goal this month will be 300k", ("Bo", "revenue", "month", dt.date(2026, 11, 1), 300_000),
     "¥300K"),
])
def test_a_target_changed_in_words_is_set_by_a_manager(session_factory, said, row, shown):
    chat = Chat(session_factory)
    chat.team()
    reply = chat.reply(said, user="Mia")
    assert reply.ok and shown in reply.text, reply.text
    assert _targets(session_factory) == [row]


@pytest.mark.parametrize(("said", "row", "line"), [
    ("tom new customers 3 this month", ("Tom", "new_customers", "month", dt.date(2026, 11, 1), 3),
     "target @tom new customers 3 this month"),
    ("Bo visits 40 next month", ("Bo", "visits", "month", dt.date(2026, 12, 1), 40),
     "target @Bo visits 40 next month"),
    ("Tom本月新客户3个", ("Tom", "new_customers", "month", dt.date(2026, 11, 1), 3),
     "目标 @Tom 新客户 3 本月"),
    ("Bo下个月业绩50万", ("Bo", "revenue", "month", dt.date(2026, 12, 1), 500_000),
     "目标 @Bo 业绩 50万 下个月"),
])
def test_a_target_with_no_target_word_is_offered_then_set(session_factory, said, row, line):
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo", "Tom"))
    reply = chat.reply(said, user="Mia")
    assert not reply.ok and line in reply.text, reply.text
    assert [b.command for b in reply.buttons] == [line]
    assert _targets(session_factory) == []  # asked, not set
    done = chat.reply("是" if line.startswith("目标") else "yes", user="Mia")
    assert done.ok, done.text
    assert _targets(session_factory) == [row]


@pytest.mark.parametrize(("said", "refusal"), [
    ("Bo的目标下个月改成45万", "只有经理"),
    ("Ana's target for Q1 should be 1.2m", "only a manager"),
    ("bo new customers 3 this month", "only a manager"),
    ("Bo本月新客户3个", "只有经理"),
])
def test_a_rep_is_refused_and_nothing_is_stored(session_factory, said, refusal):
    chat = Chat(session_factory)
    chat.team()
    reply = chat.reply(said, user="Ana")
    assert not reply.ok and refusal in reply.text and not reply.buttons, reply.text
    assert _targets(session_factory) == []


def test_words_beside_a_metric_and_a_number_without_a_period_are_not_a_target(session_factory):
    chat = Chat(session_factory)
    chat.team()
    reply = chat.reply("bo visits 40", user="Mia")
    assert "target @bo" not in reply.text, reply.text
    assert _targets(session_factory) == []
