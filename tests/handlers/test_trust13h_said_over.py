"""Issue #23 (never silently wrong), round 13h: a value corrected inside the message that says it
(`商机 #1 8万 不对 是9万`, `deal #1 80k no wait 90k`, `跟进 周五 不对 周四`) means the later value:
it is stored (or offered) and said back, the corrected-away value is never stored nor offered alone.
Fed through the real dispatch with a real database; today is Mon, Nov 23, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Deal, Task, Visit
from support import Chat

pytestmark = pytest.mark.phrasing


def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo", "张伟"))
    return chat


def _rows(session_factory):
    with session_factory() as s:
        return ([(d.id, int(d.amount), d.expected_close) for d in s.scalars(select(Deal).order_by(Deal.id))],
                [(v.id, v.follow_up_on) for v in s.scalars(select(Visit).order_by(Visit.id))],
                [(t.id, t.title, t.due_on) for t in s.scalars(select(Task).order_by(Task.id))])


@pytest.mark.parametrize("user, said, kept, dropped", [
    ("张伟", "商机 #1 8万 不对 是9万", "9万", "8万"),
    ("张伟", "商机 #1 8万，不对，是9万", "9万", "8万"),
    ("张伟", "商机 #1 8万 错了 应该是9万", "9万", "8万"),
    ("张伟", "商机 #1 8万 不是 9万", "9万", "8万"),
    ("Ana", "deal #1 80k no wait 90k", "90k", "80k"),
    ("Ana", "deal #1 80k, no wait, 90k", "90k", "80k"),
    ("Ana", "deal #1 80k sorry 90k", "90k", "80k"),
    ("Ana", "deal #1 80k I mean 90k", "90k", "80k"),
])
def test_the_later_amount_is_stored_and_said_back(session_factory, user, said, kept, dropped):
    chat = _chat(session_factory)
    assert chat.reply("商机 华为 云迁移 5万" if user == "张伟" else "deal Acme ERP 50k", user=user).ok
    reply = chat.reply(said, user=user)
    assert reply.ok, reply.text
    assert kept in reply.text and dropped in reply.text  # which one was kept, said
    assert _rows(session_factory)[0] == [(1, 90000, None)]


@pytest.mark.parametrize("user, said, day", [
    ("张伟", "任务 周五 不对 周四 发报价", dt.date(2026, 11, 26)),
    ("张伟", "任务 发报价 周五 不对，是周四", dt.date(2026, 11, 26)),
    ("Ana", "task send quote fri no wait thu", dt.date(2026, 11, 26)),
    ("Ana", "task send quote fri sorry, thu", dt.date(2026, 11, 26)),
])
def test_the_later_day_is_stored(session_factory, user, said, day):
    chat = _chat(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok, reply.text
    tasks = _rows(session_factory)[2]
    assert [t[2] for t in tasks] == [day], tasks
    assert "周五" not in tasks[0][1] and "fri" not in tasks[0][1]


@pytest.mark.parametrize("said, later, earlier", [
    ("跟进 周五 不对 周四", "周四", "周五"),
])
def test_an_offer_carries_only_the_later_day(session_factory, said, later, earlier):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="张伟")
    assert not reply.ok
    assert reply.buttons and all(later in b.command and earlier not in b.command for b in reply.buttons)
    assert later in reply.text
    assert _rows(session_factory) == ([], [], [])


@pytest.mark.parametrize("said", ["拜访 华为 不对 是格力 聊了方案", "deal #1 80k sorry for the delay"])
def test_no_value_of_the_same_kind_after_is_read_as_typed(session_factory, said):
    chat = _chat(session_factory)
    assert chat.reply("deal Acme ERP 50k", user="Ana").ok
    reply = chat.reply(said, user="Ana")
    assert "corrected in the same message" not in reply.text and "同一条消息里已更正" not in reply.text
