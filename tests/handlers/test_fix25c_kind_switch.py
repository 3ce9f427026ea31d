"""Round 25c: an answer that picks another kind of record (`不是 是拜访` to a "task?" offer) builds
the new kind's line from the message's own words with the customer it named (handlers/questions.py),
and a field label (客户/customer) is never made into a customer (handlers/lookup.py)."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Task, Visit
from support import Chat, make_team_chat

pytestmark = pytest.mark.phrasing

SUN = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)  # Sun, Dec 6, 2026


def _chat(session_factory, user: str, customer: str) -> Chat:
    chat = make_team_chat(session_factory, now=SUN, reps=("Ana", "张伟"))
    assert chat.reply(f"{'客户' if user == '张伟' else 'customer'} +{customer}", user=user).ok
    return chat


def _customers(session_factory) -> list[str]:
    with session_factory() as s:
        return [c.name for c in s.scalars(select(Customer).order_by(Customer.id))]


@pytest.mark.parametrize("switch", ["不是 是拜访", "不是，记成拜访"])
def test_a_task_offer_switched_to_a_visit_keeps_the_named_customer(session_factory, switch):
    chat = _chat(session_factory, "张伟", "海尔")
    offered = chat("海尔回访了一下 客户对售后不太满意，要我们月底前给个改进方案", user="张伟")
    assert "任务 客户 海尔" in offered
    assert "月底前" in chat(switch, user="张伟")
    reply = chat("1", user="张伟")
    assert "已记录拜访：海尔" in reply and "新建客户" not in reply
    assert _customers(session_factory) == ["海尔"]
    with session_factory() as s:
        [visit] = s.scalars(select(Visit)).all()
        assert s.get(Customer, visit.customer_id).name == "海尔"
        assert visit.notes.startswith("回访了一下 客户对售后不太满意") and "海尔：" not in visit.notes


def test_a_visit_offer_switched_to_a_task_keeps_the_named_customer(session_factory):
    chat = _chat(session_factory, "Ana", "Globex")
    chat("Globex followed up, customer unhappy with support, wants an improvement plan by month end")
    reply = chat("no, a task")
    assert "About  Globex" in reply or "Globex" in reply.split("\n")[-2]
    with session_factory() as s:
        [task] = s.scalars(select(Task)).all()
        assert s.get(Customer, task.customer_id).name == "Globex"
        assert task.title.startswith("followed up, customer unhappy") and "Globex:" not in task.title
    assert _customers(session_factory) == ["Globex"]


@pytest.mark.parametrize("user, said, shown", [
    ("张伟", "拜访 客户：聊了一下售后", "“客户”是字段名"),
    ("Ana", "visit customer: talked about support", "“customer” is a field's name"),
])
def test_a_field_label_is_never_a_new_customer(session_factory, user, said, shown):
    chat = _chat(session_factory, user, "海尔")
    assert shown in chat(said, user=user)
    assert _customers(session_factory) == ["海尔"]
    with session_factory() as s:
        assert s.scalars(select(Visit)).all() == []
