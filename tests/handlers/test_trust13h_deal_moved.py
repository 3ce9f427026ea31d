"""Issue #23 (every word lands in a field, or we ask), round 13h: a deal moved to a day with a verb
(`商机 #1 改到下个月15号`, `deal #1 move to jan 15`, `push it out to next fri`) has that day as its
close day, said back with weekday and date; moved to a stage (`move to proposal`) stays a stage.
Fed through the real dispatch with a real database; today is Mon, Nov 23, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Deal
from support import Chat

pytestmark = pytest.mark.phrasing


def _deals(session_factory):
    with session_factory() as s:
        return [(d.id, d.title, d.stage, int(d.amount), d.expected_close)
                for d in s.scalars(select(Deal).order_by(Deal.id))]


@pytest.mark.parametrize("user, said, day, shown", [
    ("张伟", "商机 #1 改到下个月15号", dt.date(2026, 12, 15), "12月15日周二"),
    ("张伟", "商机 #1 改到 下个月15号", dt.date(2026, 12, 15), "12月15日周二"),
    ("张伟", "商机 #1 推迟到 下周五", dt.date(2026, 12, 4), "12月4日周五"),
    ("张伟", "商机#1 挪到12月18号", dt.date(2026, 12, 18), "12月18日周五"),
    ("Ana", "deal #1 move to jan 15", dt.date(2027, 1, 15), "Fri, Jan 15"),
    ("Ana", "deal #1 moved to dec 15", dt.date(2026, 12, 15), "Tue, Dec 15"),
    ("Ana", "deal #1 push it out to next fri", dt.date(2026, 12, 4), "Fri, Dec 4"),
    ("Ana", "deal #1 pushed to 12/18", dt.date(2026, 12, 18), "Fri, Dec 18"),
])
def test_a_deal_moved_to_a_day_has_it_as_its_close_day(session_factory, user, said, day, shown):
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo", "张伟"))
    assert chat.reply("商机 华为 云迁移 5万" if user == "张伟" else "deal Acme ERP 50k", user=user).ok
    before = _deals(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok and shown in reply.text, reply.text
    assert _deals(session_factory) == [(*before[0][:4], day)]


def test_moved_to_a_stage_stays_a_stage(session_factory):
    chat = Chat(session_factory)
    chat.team(reps=("Ana",))
    assert chat.reply("deal Acme ERP 50k", user="Ana").ok
    assert chat.reply("deal #1 move to proposal", user="Ana").ok
    assert _deals(session_factory) == [(1, "Acme ERP", "proposal", 50000, None)]
