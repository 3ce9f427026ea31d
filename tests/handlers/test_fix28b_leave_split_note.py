"""r25 #49: `leave cancel 12/31` in the middle of a leave 12/28–1/1 "family trip" split it, and the
Jan 1 part lost the note. Rule: both parts of a split leave keep the leave's note."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.team import Leave
from storage.models.workspace import Member

pytestmark = pytest.mark.phrasing
D = dt.date


def _leaves(chat, name):
    with chat.session_factory() as s:
        member_id = s.scalar(select(Member.id).where(Member.display_name == name))
        return [(x.first_day, x.last_day, x.note) for x in s.scalars(
            select(Leave).where(Leave.member_id == member_id).order_by(Leave.first_day))]


@pytest.fixture
def team(chat):
    chat.team(manager="王芳", reps=("张伟", "Ana"))
    return chat


def test_en_split_keeps_the_note_on_both_parts(team):
    team("leave 12/28-1/1, family trip to mexico", user="Ana")
    [(_, _, note)] = _leaves(team, "Ana")
    assert note, "the leave's why is kept"
    out = team("leave cancel 12/31", user="Ana")
    assert "Still on leave: Mon, Dec 28 – Wed, Dec 30; Fri, Jan 1" in out, out
    assert _leaves(team, "Ana") == [(D(2026, 12, 28), D(2026, 12, 30), note),
                                    (D(2027, 1, 1), D(2027, 1, 1), note)]


def test_zh_split_keeps_the_note_on_both_parts(team):
    team("请假 12月28日-1月1日 家庭旅行", user="张伟")
    [(_, _, note)] = _leaves(team, "张伟")
    assert note, "the leave's why is kept"
    out = team("请假 取消 12月31日", user="张伟")
    assert "仍在请假：12月28日周一 – 12月30日周三; 2027年1月1日周五" in out, out
    assert _leaves(team, "张伟") == [(D(2026, 12, 28), D(2026, 12, 30), note),
                                     (D(2027, 1, 1), D(2027, 1, 1), note)]
