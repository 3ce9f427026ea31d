"""r23 W3: `forgot to log fri - saw wayne enterprises, they r evaluating 3 vendors` was stored today
(the day only asked about as a follow-up or notes). A day gone by said first (`forgot to log fri`,
`忘了记 周五`, `yesterday -`, `昨天：`) is the visit's day, said back. Today is Sun, Dec 6, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Visit
from support import make_team_chat

pytestmark = pytest.mark.phrasing
DEC6 = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)


def _visits(session_factory):
    with session_factory() as s:
        return [(s.get(Customer, v.customer_id).name, v.visited_at.date(), v.follow_up_on)
                for v in s.scalars(select(Visit).order_by(Visit.id))]


@pytest.mark.parametrize("said, user, day, shown", [
    ("forgot to log fri - saw huawei, they r evaluating 3 vendors", "Ana", dt.date(2026, 12, 4), "Dec 4"),
    ("oops forgot to log thu - saw huawei, demo went ok", "Ana", dt.date(2026, 12, 3), "Dec 3"),
    ("yesterday - saw huawei, met the cfo", "Ana", dt.date(2026, 12, 5), "Dec 5"),
    ("忘了记 周五 去了华为 在评估3家供应商", "张伟", dt.date(2026, 12, 4), "12月4日"),
    ("昨天：见了华为的采购，要报价", "张伟", dt.date(2026, 12, 5), "12月5日"),
])
def test_a_day_said_first_is_the_visits_day(session_factory, said, user, day, shown):
    chat = make_team_chat(session_factory, now=DEC6, reps=("Ana", "Bo", "张伟"))
    assert chat.reply("visit +华为: first call", user="Bo").ok
    reply = chat.reply(said, user=user)
    if not reply.ok:  # no command word: offered as a visit, one tap
        reply = chat.reply("1", user=user)
    assert reply.ok and shown in reply.text, reply.text
    visits = _visits(session_factory)
    assert len(visits) == 2 and visits[1] == ("华为", day, None), visits
