"""Round 22 (fix23b): a follow-up added to a visit named by its customer (`add a follow-up to the
xiaomi visit fri`, `刚才小米那个拜访加个跟进 周五`) goes on the member's last visit there, said back;
a why after a change and a comma that starts with a command word (`跟进改到周五， 客户那边要先内部讨论`)
is never read as that command (no customer "那边要先内部讨论"): the change is offered without it.
Fed through the real dispatch; today is Sun, Dec 6, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Task
from support import make_team_chat, visit_rows

pytestmark = pytest.mark.phrasing

DEC6 = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)  # a Sunday
FRI = dt.date(2026, 12, 11)


def _chat(session_factory):
    return make_team_chat(session_factory, now=DEC6, reps=("Ana", "Bo", "张伟"))


_VISITS = ("id", "follow_up_on")  # what the tests read


@pytest.mark.parametrize("user, said, shown", [
    ("张伟", "刚才小米那个拜访加个跟进 周五", "小米"),
    ("张伟", "给小米的拜访加个回访 周五", "小米"),
    ("Ana", "add a follow-up to the xiaomi visit fri", "小米"),
    ("Ana", "xiaomi visit - add follow up fri", "小米"),
])
def test_a_follow_up_added_to_a_customers_visit_goes_on_the_last_one(session_factory, user, said, shown):
    chat = _chat(session_factory)
    assert chat.reply("拜访 +小米：聊了报价", user=user).ok
    assert chat.reply("拜访 +华为：聊了报价", user=user).ok
    [(xiaomi, none), (huawei, _none)] = visit_rows(session_factory, *_VISITS)
    assert none is None and _none is None
    reply = chat.reply(said, user=user)
    assert reply.ok and f"#{xiaomi}" in reply.text and shown in reply.text, reply.text
    assert visit_rows(session_factory, *_VISITS) == [(xiaomi, FRI), (huawei, None)]
    with session_factory() as s:
        assert s.scalar(select(Task.id)) is None  # no task, no second visit


def test_a_follow_up_added_to_a_visit_never_made_is_asked_about(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("拜访 +小米：聊了报价", user="Bo").ok
    asked = chat.reply("add a follow-up to the xiaomi visit fri", user="Ana")  # Bo's, not Ana's
    assert not asked.ok, asked.text
    assert [f for _v, f in visit_rows(session_factory, *_VISITS)] == [None]


@pytest.mark.parametrize("user, first, fix, why", [
    ("张伟", "拜访 +小米：聊了报价 跟进 明天", "跟进改到周五， 客户那边要先内部讨论", "客户那边要先内部讨论"),
    ("张伟", "拜访 +小米：聊了报价 跟进 明天", "跟进改到周五，客户要先内部讨论", "客户要先内部讨论"),
])
def test_a_why_after_the_comma_is_never_a_customer(session_factory, user, first, fix, why):
    chat = _chat(session_factory)
    assert chat.reply(first, user=user).ok
    [(visit, tomorrow)] = visit_rows(session_factory, *_VISITS)
    asked = chat.reply(fix, user=user)
    assert not asked.ok and len(asked.buttons) == 1 and why in asked.text, asked.text
    assert visit_rows(session_factory, *_VISITS) == [(visit, tomorrow)]
    done = chat.press(asked.buttons[0], user=user)
    assert done.ok, done.text
    assert visit_rows(session_factory, *_VISITS) == [(visit, FRI)]
    with session_factory() as s:
        assert list(s.scalars(select(Customer.name))) == ["小米"]


def test_a_task_moved_with_a_why_starting_with_customer_is_offered(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("task call Bo thu", user="Ana").ok
    with session_factory() as s:
        task = s.scalar(select(Task.id))
    # fix27d (r24): made at once, the why said not kept (it was offered with one tap)
    done = chat.reply(f"move task {task} to fri, customer wants to discuss internally", user="Ana")
    assert done.ok and "customer wants to discuss internally" in done.text, done.text
    with session_factory() as s:
        assert s.scalar(select(Task.due_on)) == FRI
