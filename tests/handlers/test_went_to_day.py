"""r29en, r30zh: `拜访 小米：昨天去小米见了李经理…` and `went to 比亚迪 on friday, …` stored the visit
as today's (silently; `昨天去的` worked). Going there told with a day that can only be gone by is the
visit's day, said back; a day to come (`下周三去华为送合同`, `going to acme on friday`) is never it."""
import datetime as dt
import re

import pytest

from support import MON, make_team_chat, visit_rows

pytestmark = pytest.mark.phrasing


def _customer(typed: str) -> str:
    return re.split(r"[:：]", typed.split(" ", 1)[1])[0]


def _days(session_factory) -> list[dt.date]:
    return [(at + dt.timedelta(hours=8)).date() for (at,) in visit_rows(session_factory, "visited_at")]


@pytest.mark.parametrize("typed, day", [
    ("拜访 小米：昨天去小米见了李经理，聊了续约", dt.date(2026, 12, 6)),
    ("拜访 华为：上周五到华为开会 定了方案", dt.date(2026, 12, 4)),
    ("拜访 美的：前天跑了一趟美的 见了采购", dt.date(2026, 12, 5)),
    ("visit 比亚迪: went to 比亚迪 on friday, talked EV fleet software", dt.date(2026, 12, 4)),
    ("visit Acme: drove over to acme yesterday, demo went well", dt.date(2026, 12, 6)),
    ("visit Acme: wnet to acme yesterday, demo ok", dt.date(2026, 12, 6)),  # a typo of the verb
])
def test_going_there_on_a_day_gone_by_is_the_visits_day(session_factory, typed, day):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟",))
    chat.said_ok(f"customer +{_customer(typed)}", user="王芳")
    reply = chat.reply(typed, user="张伟")
    assert reply.ok, reply.text
    assert _days(session_factory) == [day]


@pytest.mark.parametrize("typed", ["拜访 华为：下周三去华为送合同",
                                   "visit Acme: going to acme on friday for the demo"])
def test_a_day_to_come_is_never_the_visits_day(session_factory, typed):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟",))
    chat.said_ok(f"customer +{_customer(typed)}", user="王芳")
    chat.reply(typed, user="张伟")
    chat.reply("1", user="张伟")
    assert _days(session_factory) in ([], [MON.date()])
