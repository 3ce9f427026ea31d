"""r25en, fix28a B: `no i meant the deal close date, push #39 to end of feb` offered `push #39 to end
of feb`, and a yes moved visit #39's follow-up: the words said a deal, so the offer is deal #39's
close. Fed through the real dispatch; the team's day is Mon, Dec 7, 2026 (Asia/Shanghai)."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Deal, Visit
from support import make_team_chat

pytestmark = pytest.mark.phrasing

MON = dt.datetime(2026, 12, 7, 2, 0, tzinfo=dt.timezone.utc)  # 10:00 in Shanghai
FEB28 = dt.date(2027, 2, 28)


def _rows(session_factory):
    with session_factory() as s:
        return ([(d.id, d.expected_close) for d in s.scalars(select(Deal).order_by(Deal.id))],
                [(v.id, v.follow_up_on) for v in s.scalars(select(Visit).order_by(Visit.id))])


@pytest.mark.parametrize("said, offer, yes", [
    ("no i meant the deal close date, push #1 to end of feb", "deal #1 close", "yes"),
    ("sorry, the deal not the visit - push #1 to end of feb", "deal #1 close", "yes"),
    ("不对 是商机的预计成交日，推迟 1 到二月底", "商机 #1 预计", "好"),
])
def test_a_move_said_of_a_deal_is_offered_as_the_deals_close(session_factory, said, offer, yes):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana"))
    assert chat.reply('deal +Wayne "ERP" 200k close 1/18', user="Ana").ok
    assert chat.reply("visit wayne: demo went fine", user="Ana").ok
    before = _rows(session_factory)
    asked = chat.reply(said, user="Ana")
    assert not asked.ok and offer in asked.text and "push #1" not in asked.text, asked.text
    assert _rows(session_factory) == before
    assert chat.reply(yes, user="Ana").ok
    deals, visits = _rows(session_factory)
    assert deals == [(1, FEB28)] and visits == before[1], (deals, visits)
