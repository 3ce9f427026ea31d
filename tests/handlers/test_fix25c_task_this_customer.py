"""Round 25c: 这家/这个客户/them in a task's title is the customer of the member's last message that
named one, linked and said back; asked where none did (handlers/sales/customer_referred.py)."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Task
from support import make_team_chat

pytestmark = pytest.mark.phrasing

SUN = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)  # Sun, Dec 6, 2026


def _tasks(session_factory) -> list[tuple]:
    with session_factory() as s:
        return [(t.title, t.customer_id and s.get(Customer, t.customer_id).name)
                for t in s.scalars(select(Task).order_by(Task.id))]


@pytest.mark.parametrize("user, won, said, title, shown", [
    ("张伟", '赢单 +联想 "框架协议" 120万：签了', "任务 周五前给这家寄盖章合同",
     "给这家寄盖章合同", "“这家”按"),
    ("张伟", '赢单 +联想 "框架协议" 120万：签了', "任务 周五前给这个客户寄盖章合同",
     "给这个客户寄盖章合同", "联想"),
    ("Ana", 'won +Globex "Frame" 50k: signed', "task send them the signed contract by fri",
     "send them the signed contract", "“them” taken as Globex"),
])
def test_this_customer_in_a_task_is_the_last_messages(session_factory, user, won, said, title, shown):
    chat = make_team_chat(session_factory, now=SUN, reps=("Ana", "张伟"))
    assert chat.reply(won, user=user).ok
    reply = chat(said, user=user)
    assert shown in reply
    assert _tasks(session_factory) == [(title, title and ("联想" if user == "张伟" else "Globex"))]


@pytest.mark.parametrize("user, said, shown", [
    ("张伟", "任务 周五前给这家寄盖章合同", "这家"),
    ("Ana", "task send them the signed contract by fri", "them"),
])
def test_this_customer_with_none_named_is_asked(session_factory, user, said, shown):
    chat = make_team_chat(session_factory, now=SUN, reps=("Ana", "张伟"))
    reply = chat(said, user=user)
    assert ("Which customer?" in reply or "哪个客户" in reply) and f"“{shown}”" in reply
    assert _tasks(session_factory) == []
