"""r25zh W2: right after a manager set a target, a correction opened by the metric (`拜访也改成35次`,
`拜访是45次 不是40`, `visits are 45, not 40`) logged a visit to a new customer "也改成35次". It now
corrects (or, with 也, sets) that member's visits target for the same period; a visit's customer
named like a change or a count (`是45次`) is never made."""
import pytest
from sqlalchemy import func, select

from storage.models.sales import Customer, Visit
from storage.models.team import Target
from support import Chat, make_team_chat

pytestmark = pytest.mark.phrasing


def _chat(session_factory) -> Chat:
    return make_team_chat(session_factory, manager="王芳", reps=("Ana", "李娜"))


def _count(session_factory, model) -> int:
    with session_factory() as s:
        return s.scalar(select(func.count()).select_from(model))


def _targets(session_factory) -> dict[str, int]:
    with session_factory() as s:
        return {t.metric: int(t.amount) for t in s.scalars(select(Target))}


@pytest.mark.parametrize("first, said, lang", [
    ("Ana一月份新客户目标3个 拜访目标40次", "拜访是45次 不是40", "zh"),
    ("目标 @Ana 拜访 40次 本月", "拜访应该是45次", "zh"),
    ("target @Ana visits 40 this month", "visits are 45, not 40", "en"),
])
def test_a_visits_correction_opened_by_the_metric(session_factory, first, said, lang):
    chat = _chat(session_factory)
    assert chat.reply(first, user="王芳").ok
    reply = chat.reply(said, user="王芳")
    assert reply.ok, reply.text
    assert ("拜访 45" if lang == "zh" else "45") in reply.text and "40" in reply.text, reply.text
    assert _targets(session_factory)["visits"] == 45
    assert _count(session_factory, Visit) == 0 and _count(session_factory, Customer) == 0


def test_visits_also_after_another_metric_sets_that_members_visits(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("目标 @李娜 新客户 3 本月", user="王芳").ok
    reply = chat.reply("拜访也改成35次", user="王芳")
    assert reply.ok, reply.text
    assert "李娜" in reply.text and "拜访 35" in reply.text, reply.text
    assert _targets(session_factory) == {"new_customers": 3, "visits": 35}
    assert _count(session_factory, Visit) == 0 and _count(session_factory, Customer) == 0


@pytest.mark.parametrize("said", ["拜访 也改成35次", "拜访 是45次 不是40"])
def test_a_visit_to_a_customer_named_like_a_count_makes_nothing(session_factory, said):
    chat = _chat(session_factory)
    assert chat.reply("拜访 +海尔：送合同", user="Ana").ok
    reply = chat.reply(said, user="Ana")
    assert not reply.ok, reply.text
    assert "已新建客户" not in reply.text, reply.text
    assert _count(session_factory, Visit) == 1 and _count(session_factory, Customer) == 1
