"""Issue #23 (every word lands in a field, or we ask), round 13h: a deal's close said as a quarter
(`明年Q2`, `close Q2 next year`, `预计 下季度`, `close 2027 Q3`) is the quarter's last day, said back
with weekday and date. Fed through the real dispatch with a real database; today is Mon, Nov 23, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Deal
from support import Chat

pytestmark = pytest.mark.phrasing


def _deals(session_factory):
    with session_factory() as s:
        return [(d.id, d.title, int(d.amount), d.expected_close) for d in s.scalars(select(Deal))]


@pytest.mark.parametrize("user, said, title, amount, day, shown", [
    ("张伟", "商机 格力 二期扩产 初步接触 3千万 明年Q2", "二期扩产",
     30000000, dt.date(2027, 6, 30), "6月30日周三"),
    ("张伟", "商机 格力 二期扩产 50万 预计 下季度", "二期扩产", 500000, dt.date(2027, 3, 31), "3月31日周三"),
    ("张伟", "商机 格力 二期扩产 50万 预计 明年二季度", "二期扩产",
     500000, dt.date(2027, 6, 30), "6月30日周三"),
    ("张伟", "商机 格力 二期扩产 50万 预计 本季度", "二期扩产",
     500000, dt.date(2026, 12, 31), "12月31日周四"),
    ("Ana", "deal Acme ERP 50k close Q2 next year", "Acme ERP", 50000, dt.date(2027, 6, 30), "Wed, Jun 30"),
    ("Ana", "deal Acme ERP 50k close next quarter", "Acme ERP", 50000, dt.date(2027, 3, 31), "Wed, Mar 31"),
    ("Ana", "deal Acme ERP 50k close 2027 Q3", "Acme ERP", 50000, dt.date(2027, 9, 30), "Thu, Sep 30, 2027"),
    ("Ana", "deal Acme ERP 50k close q2", "Acme ERP", 50000, dt.date(2027, 6, 30), "Wed, Jun 30"),
])
def test_a_quarter_as_close_is_its_last_day(session_factory, user, said, title, amount, day, shown):
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "张伟"))
    reply = chat.reply(said, user=user)
    assert reply.ok and shown in reply.text, reply.text
    assert _deals(session_factory) == [(1, title, amount, day)]
