"""A leave over the member's own leave changes that leave: never two overlapping leaves (#23, r16).
Since r20 (W1) a new leave that would drop a day of the leave there asks first (merge or replace):
these tests answer `2` (replace) where they used to be changed at once."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.team import Leave
from storage.models.workspace import AuditLog, Member

pytestmark = pytest.mark.phrasing

D = dt.date


def _leaves(chat, name):
    with chat.session_factory() as s:
        member_id = s.scalar(select(Member.id).where(Member.display_name == name))
        return [(x.first_day, x.last_day) for x in s.scalars(
            select(Leave).where(Leave.member_id == member_id).order_by(Leave.first_day))]


@pytest.mark.parametrize("first, second, days, said", [
    ("leave 12/24-12/31", "leave 12/24-12/29", (D(2026, 12, 24), D(2026, 12, 29)),
     "Leave changed: Thu, Dec 24 – Thu, Dec 31 → Thu, Dec 24 – Tue, Dec 29."),
    ("leave 12/24-12/31", "leave 12/28-1/3", (D(2026, 12, 28), D(2027, 1, 3)),
     "Leave changed: Thu, Dec 24 – Thu, Dec 31 → Mon, Dec 28 – Sun, Jan 3"),
    ("leave 12/24-12/26", "leave 12/20-12/24", (D(2026, 12, 20), D(2026, 12, 24)),
     "Leave changed: Thu, Dec 24 – Sat, Dec 26 → Sun, Dec 20 – Thu, Dec 24."),
])
def test_an_overlapping_leave_changes_the_one_there(team_chat, first, second, days, said):
    assert "Leave noted" in team_chat(first, user="Ana")
    assert "overlaps leave already there" in team_chat(second, user="Ana")
    assert said in team_chat("2", user="Ana")
    assert _leaves(team_chat, "Ana") == [days]
    assert "Undone" in team_chat("undo", user="Ana")
    assert len(_leaves(team_chat, "Ana")) == 1 and _leaves(team_chat, "Ana") != [days]


def test_a_leave_apart_is_a_second_one_and_the_same_days_again_change_nothing(team_chat):
    team_chat("leave 12/14-12/15", user="Ana")
    assert "Leave noted: Thu, Dec 24 – Thu, Dec 31." in team_chat("leave 12/24-12/31", user="Ana")
    assert "Leave noted: Thu, Dec 24 – Thu, Dec 31." in team_chat("leave 12/24-12/31", user="Ana")
    assert _leaves(team_chat, "Ana") == [(D(2026, 12, 14), D(2026, 12, 15)),
                                         (D(2026, 12, 24), D(2026, 12, 31))]


def test_a_leave_over_two_makes_them_one(team_chat):
    team_chat("leave 12/14-12/15", user="Ana")
    team_chat("leave 12/17-12/18", user="Ana")
    assert "Nothing was saved yet" in team_chat("leave 12/15-12/17", user="Ana")
    out = team_chat("2", user="Ana")
    assert "Leave changed: Mon, Dec 14 – Tue, Dec 15 → Tue, Dec 15 – Thu, Dec 17." in out
    assert "Leave changed: Thu, Dec 17 – Fri, Dec 18 → Tue, Dec 15 – Thu, Dec 17." in out
    assert _leaves(team_chat, "Ana") == [(D(2026, 12, 15), D(2026, 12, 17))]


def test_a_manager_changing_a_reps_leave_is_said_and_others_leave_is_apart(team_chat):
    team_chat("leave 12/24-12/31", user="Ana")
    team_chat("leave 12/24-12/31", user="Bo")
    assert "Nothing was saved yet" in team_chat("leave @Ana 12/24-12/29", user="Mia")
    out = team_chat("2", user="Mia")
    assert "Leave of Ana changed: Thu, Dec 24 – Thu, Dec 31 → Thu, Dec 24 – Tue, Dec 29." in out
    assert _leaves(team_chat, "Ana") == [(D(2026, 12, 24), D(2026, 12, 29))]
    assert _leaves(team_chat, "Bo") == [(D(2026, 12, 24), D(2026, 12, 31))]
    with team_chat.session_factory() as s:
        assert "leave.change" in s.scalars(select(AuditLog.action)).all()


@pytest.mark.parametrize("second, days, said", [
    ("请假 12月24日到12月29日", (D(2026, 12, 24), D(2026, 12, 29)),
     "请假已修改：12月24日周四 – 12月31日周四 → 12月24日周四 – 12月29日周二。"),
    ("请假 12月30日到1月2日", (D(2026, 12, 30), D(2027, 1, 2)),
     "请假已修改：12月24日周四 – 12月31日周四 → 12月30日周三 – 2027年1月2日周六。"),
])
def test_zh_an_overlapping_leave_changes_the_one_there(team_chat, second, days, said):
    assert "已登记请假" in team_chat("请假 12月24日到12月31日", user="张伟")
    assert "尚未保存" in team_chat(second, user="张伟")
    assert said in team_chat("2", user="张伟")
    assert _leaves(team_chat, "张伟") == [days]
    team_chat("撤销", user="张伟")
    assert _leaves(team_chat, "张伟") == [(D(2026, 12, 24), D(2026, 12, 31))]
