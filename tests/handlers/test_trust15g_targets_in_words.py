"""Issue #23, round 15g, class 1: targets said in words with other metrics than revenue, and several
metrics of one member at once (`Ana target jan 500k and new customers 3`, `Bo一月份新客户目标3个
拜访目标40次`): each metric's target set together, the period and whose said once; a month in
Chinese numerals (`一月`, `一月份`, `十二月`, `明年一月`) and a count in them (`五個`) read as `1月` and `5`
are; a target with no target word (`ana new customers 3 in jan`) is offered, set on yes. Only a
manager sets one: a rep is refused and nothing is stored. Fed through the real dispatch with a real
database; today is Mon, Nov 23, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.team import Target
from storage.models.workspace import Member
from support import Chat

pytestmark = pytest.mark.phrasing

JAN, DEC, DEC27 = dt.date(2027, 1, 1), dt.date(2026, 12, 1), dt.date(2027, 12, 1)


def _targets(session_factory):
    with session_factory() as s:
        names = {m.id: m.display_name for m in s.scalars(select(Member))}
        return sorted((names.get(t.member_id, "team"), t.metric, t.period_kind, t.period_start, int(t.amount))
                      for t in s.scalars(select(Target)))


def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo", "张伟"))
    return chat


@pytest.mark.parametrize("said, rows, shown", [
    ("Ana target jan 500k and new customers 3",
     [("Ana", "new_customers", "month", JAN, 3), ("Ana", "revenue", "month", JAN, 500_000)],
     ["Revenue won ¥500K for January 2027", "New customers 3 for January 2027"]),
    ("Ana target jan 500k, 3 new customers and 40 visits",
     [("Ana", "new_customers", "month", JAN, 3), ("Ana", "revenue", "month", JAN, 500_000),
      ("Ana", "visits", "month", JAN, 40)], ["New customers 3", "Visits 40"]),
    ("set Bo's target for next month to 700k and visits to 40",
     [("Bo", "revenue", "month", DEC, 700_000), ("Bo", "visits", "month", DEC, 40)], ["Visits 40"]),
    ("target @Bo 40 visits jan and 3 new customers",
     [("Bo", "new_customers", "month", JAN, 3), ("Bo", "visits", "month", JAN, 40)], ["New customers 3"]),
    ("Bo一月份新客户目标3个 拜访目标40次",
     [("Bo", "new_customers", "month", JAN, 3), ("Bo", "visits", "month", JAN, 40)],
     ["新客户 3，2027年1月", "拜访 40，2027年1月"]),
    ("张伟下个月业绩目标80万，新客户目标五个",
     [("张伟", "new_customers", "month", DEC, 5), ("张伟", "revenue", "month", DEC, 800_000)],
     ["新客户 5，2026年12月"]),
    ("設定 張偉 下個月 業績目標 六十萬 新客户目标 五個",
     [("张伟", "new_customers", "month", DEC, 5), ("张伟", "revenue", "month", DEC, 600_000)], ["新客户 5"]),
    ("目标 @张伟 一月 业绩 80万 新客户 5个",
     [("张伟", "new_customers", "month", JAN, 5), ("张伟", "revenue", "month", JAN, 800_000)], ["2027年1月"]),
])
def test_one_members_targets_of_several_metrics_are_set_together(session_factory, said, rows, shown):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="Mia")
    assert reply.ok, reply.text
    assert all(part in reply.text for part in shown), reply.text
    assert _targets(session_factory) == rows


@pytest.mark.parametrize("said, row, shown", [
    ("設定 張偉 下個月 新客户目标 五個", ("张伟", "new_customers", "month", DEC, 5), "新客户 5，2026年12月"),
    ("张伟下个月拜访目标四十次", ("张伟", "visits", "month", DEC, 40), "拜访 40"),
    ("目标 @Bo 新客户 3个 一月", ("Bo", "new_customers", "month", JAN, 3), "新客户 3，2027年1月"),
    ("目标 @Bo 新客户 3个 一月份", ("Bo", "new_customers", "month", JAN, 3), "2027年1月"),
    ("目标 @Bo 拜访 40次 十二月", ("Bo", "visits", "month", DEC, 40), "2026年12月"),
    ("目标 @Bo 新客户 3个 明年一月", ("Bo", "new_customers", "month", JAN, 3), "2027年1月"),
    ("目标 @Bo 新客户 3个 明年十二月", ("Bo", "new_customers", "month", DEC27, 3), "2027年12月"),
    ("目标 @Bo 新客户 3个 明年 十二月", ("Bo", "new_customers", "month", DEC27, 3), "2027年12月"),
    ("Bo一月份新客户目标3个", ("Bo", "new_customers", "month", JAN, 3), "新客户 3"),
    ("进度 @Bo 一月", None, "2027年1月"),
])
def test_a_month_and_a_count_in_chinese_numerals(session_factory, said, row, shown):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="Mia")
    assert reply.ok and shown in reply.text, reply.text
    assert _targets(session_factory) == ([row] if row else [])


@pytest.mark.parametrize("said, line, row", [
    ("ana new customers 3 in jan", "target @ana new customers 3 in jan",
     ("Ana", "new_customers", "month", JAN, 3)),
    ("bo 40 visits in january", "target @bo 40 visits in january", ("Bo", "visits", "month", JAN, 40)),
    ("Bo visits 40 for dec", "target @Bo visits 40 for dec", ("Bo", "visits", "month", DEC, 40)),
    ("张伟一月新客户3个", "目标 @张伟 新客户 3 一月", ("张伟", "new_customers", "month", JAN, 3)),
    ("Bo 一月份 拜访 四十次", "目标 @Bo 拜访 40 一月份", ("Bo", "visits", "month", JAN, 40)),
])
def test_a_target_with_no_target_word_is_offered_then_set(session_factory, said, line, row):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="Mia")
    assert not reply.ok and line in reply.text, reply.text
    assert [b.command for b in reply.buttons] == [line]
    assert _targets(session_factory) == []  # asked, not set
    done = chat.reply("是" if line.startswith("目标") else "yes", user="Mia")
    assert done.ok, done.text
    assert _targets(session_factory) == [row]


@pytest.mark.parametrize("said, refusal", [
    ("Ana target jan 500k and new customers 3", "only a manager"),
    ("Bo一月份新客户目标3个 拜访目标40次", "只有经理"),
    ("設定 張偉 下個月 新客户目标 五個", "只有经理"),
    ("目标 @Bo 新客户 3个 一月", "只有经理"),
    ("ana new customers 3 in jan", "only a manager"),
])
def test_a_rep_sets_none(session_factory, said, refusal):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="Bo")
    assert not reply.ok and refusal in reply.text, reply.text
    assert _targets(session_factory) == []


@pytest.mark.parametrize("said", [
    "Ana target jan 500k and revenue 600k",  # one metric twice: which?
    "Ana target jan 500k and visits 40 in feb",  # another period for the second: not read as one
    "Ana target jan 500k and visits",  # no amount
    "目标 @Ana 业绩 50万 本月，@Bo 拜访 40次",  # another member's other metric: never Ana's, nor Bo's revenue
    "target @Ana revenue 50k this month, @Bo visits 40",
    "目标 @Ana @Bo 业绩 50万 本月",  # whose?
    "target @Ana revenue visits 50k",  # which?
])
def test_a_second_metric_that_does_not_fit_stores_nothing(session_factory, said):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="Mia")
    assert not reply.ok, reply.text
    assert _targets(session_factory) == []
    for button in reply.buttons:  # an offer, if any, sets none of it wrongly either
        chat.reply(button.command, user="Mia")
        wrong = (("Ana", "visits"), ("Bo", "revenue"))
        assert not [row for row in _targets(session_factory) if row[:2] in wrong]
