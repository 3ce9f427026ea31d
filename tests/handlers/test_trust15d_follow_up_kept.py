"""Round 15's fresh-eyes findings (issue #23), class 1: a visit with an explicit follow-up clause is
stored whole when its notes also say a day (`demo next wk. fu mon`, `proposal by 12/15; follow up
12/15`): the clause is the follow-up, the day in the notes stays in the notes; never "I couldn't tell
what “mon” is". Today is Sunday, Dec 6, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Visit
from support import Chat
from tests.handlers.test_report_figures import at

pytestmark = pytest.mark.phrasing


def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo", "张伟"))
    chat.now = at("2026-12-06")
    return chat


def _visits(session_factory):
    with session_factory() as s:
        return [(v.notes, v.next_step, v.follow_up_on) for v in s.scalars(select(Visit).order_by(Visit.id))]


@pytest.mark.parametrize(("user", "said", "notes", "day"), [
    ("Ana", "visit initech: quick coffe w/ Sarah they want a demo next wk. fu mon",
     "quick coffe w/ Sarah they want a demo next wk", dt.date(2026, 12, 7)),
    ("Ana", "visit initech: quick coffee w sarah, want demo next wk; follow up monday",
     "quick coffee w sarah, want demo next wk", dt.date(2026, 12, 7)),
    ("Bo", "visit tencent: pilot talk w their IT lead, wants proposal by 12/15; follow up 12/15",
     "pilot talk w their IT lead, wants proposal by 12/15", dt.date(2026, 12, 15)),
    ("Ana", "visit globex: they want the quote by fri. follow up fri", "they want the quote by fri",
     dt.date(2026, 12, 11)),
    ("Bo", "visit umbrella - signed off by eow, f/u eow", "signed off by eow", dt.date(2026, 12, 11)),
    ("Ana", "visit acme: demo tmrw went well... call them tmrw; fu tomorrow",
     "demo tmrw went well... call them tmrw", dt.date(2026, 12, 7)),
    ("张伟", "拜访 腾讯：聊了试点 下周二 要方案；跟进 下周二", "聊了试点 下周二 要方案",
     dt.date(2026, 12, 8)),
    ("张伟", "拜访 腾讯: 想要 12/15 前的方案, 跟进 12/15", "想要 12/15 前的方案", dt.date(2026, 12, 15)),
    ("张伟", "拜访 华为：明天 要报价 跟进 明天", "明天 要报价", dt.date(2026, 12, 7)),
])
def test_the_follow_up_clause_is_the_follow_up_and_the_day_in_the_notes_stays_there(
        session_factory, user, said, notes, day):
    chat = _chat(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok, reply.text
    assert "couldn't tell" not in reply.text and "没看懂" not in reply.text
    assert (day.strftime("%b %-d") if user != "张伟" else f"{day.month}月{day.day}日") in reply.text
    assert _visits(session_factory) == [(notes, "", day)]
