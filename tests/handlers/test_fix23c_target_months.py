"""r23: a manager splitting a quarter's target into months whose sum is below or above the quarter's
own target was not warned. Rule: each target is stored as said, and the reply says the months' sum
against the quarter's target once all three are set and differ, or as soon as those set are above
it (a quarter's against its year likewise). Today is Mon, Nov 23, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.team import Target

pytestmark = pytest.mark.phrasing
D = dt.date


def _targets(chat):
    with chat.session_factory() as s:
        return [(t.period_kind, t.period_start, int(t.amount))
                for t in s.scalars(select(Target).order_by(Target.period_start, Target.period_kind))]


def _q1(chat, say, user):
    for said in say:
        out = chat(said, user=user)
    return out


@pytest.mark.parametrize(("quarter_first", "last"), [(True, "target @ana revenue 30k mar"),
                                                     (False, "target @ana revenue 120k q1")])
def test_en_months_below_the_quarter_are_said(team_chat, quarter_first, last):
    months = ["target @ana revenue 30k jan", "target @ana revenue 30k feb", "target @ana revenue 30k mar"]
    say = (["target @ana revenue 120k q1"] + months) if quarter_first else months + [last]
    out = _q1(team_chat, say, "Mia")
    assert "Months add up to ¥90K, the quarter's target is ¥120K (Q1 2027)" in out, out
    assert _targets(team_chat) == [("month", D(2027, 1, 1), 30000), ("quarter", D(2027, 1, 1), 120000),
                                   ("month", D(2027, 2, 1), 30000), ("month", D(2027, 3, 1), 30000)]


def test_en_months_above_the_quarter_are_said_as_soon_as_they_are(team_chat):
    team_chat("target @ana revenue 120k q1", user="Mia")
    assert "add up" not in team_chat("target @ana revenue 60k jan", user="Mia")
    out = team_chat("target @ana revenue 70k feb", user="Mia")
    assert "Months set so far add up to ¥130K, above the quarter's target of ¥120K (Q1 2027)." in out, out
    assert [a for _, _, a in _targets(team_chat)] == [60000, 120000, 70000]


def test_en_months_that_match_say_nothing(team_chat):
    team_chat("target @ana revenue 120k q1", user="Mia")
    team_chat("target @ana revenue 40k jan", user="Mia")
    team_chat("target @ana revenue 40k feb", user="Mia")
    out = team_chat("target @ana revenue 40k mar", user="Mia")
    assert "add up" not in out and "Target set" in out, out


def test_en_a_team_quarter_against_its_months_is_said(team_chat):
    for month in ("jan", "feb", "mar"):
        team_chat(f"target team revenue 100k {month}", user="Mia")
    out = team_chat("target team revenue 250k q1", user="Mia")
    assert "Months add up to ¥300K, the quarter's target is ¥250K (Q1 2027)" in out, out


@pytest.mark.parametrize("last", ["目标 @张伟 业绩 3万 3月", "目标 @张伟 业绩 3万 明年3月"])
def test_zh_months_below_the_quarter_are_said(chat, last):
    chat.team(manager="王芳", reps=("张伟",))
    for said in ("目标 @张伟 业绩 12万 下季度", "目标 @张伟 业绩 3万 1月", "目标 @张伟 业绩 3万 2月"):
        assert "合计" not in chat(said, user="王芳")
    out = chat(last, user="王芳")
    assert "各月合计 ¥9万，季度目标是 ¥12万（2027年第1季度），两者对不上。" in out, out
    assert [a for _, _, a in _targets(chat)] == [30000, 120000, 30000, 30000]


def test_zh_months_above_the_quarter_are_said(chat):
    chat.team(manager="王芳", reps=("张伟",))
    chat("目标 @张伟 业绩 12万 下季度", user="王芳")
    out = chat("目标 @张伟 业绩 15万 1月", user="王芳")
    assert "已设的各月合计 ¥15万，已超过季度目标 ¥12万（2027年第1季度）。" in out, out
    assert [a for _, _, a in _targets(chat)] == [150000, 120000]
