"""One end of a contest moved by its number (#23, r20): `contest #1 end 12/23`, `contest 1 ends on
dec 23`, `contest #1 until 12/23`, `比赛1 结束改成12月23日`, `竞赛 #1 12月23日结束`, `比赛1 延长到
12月23日` change that contest's end (`… start …`, `开始改成…`: its start), the other end kept; never
the usage, never a new contest. A day that reads as none is said back, nothing changed; the days it
has already are said to be so, not changed."""
import datetime as dt

import pytest

from support import contest_rows

pytestmark = pytest.mark.phrasing


_CONTESTS = ("id", "starts_on", "ends_on")  # what the tests read


def _started(chat):
    assert "started" in chat("contest visits 11/23-12/20", user="Mia")
    assert contest_rows(chat, *_CONTESTS) == [(1, dt.date(2026, 11, 23), dt.date(2026, 12, 20))]


@pytest.mark.parametrize("said", [
    "contest #1 end 12/23", "contest 1 ends on dec 23", "contest #1 end date 12/23", "contest #1 until 12/23",
    "contest #1 ending 12/23", "contest #1 extend to dec 23",
])
def test_a_contest_end_moved_in_english(team_chat, said):
    _started(team_chat)
    out = team_chat(said, user="Mia")
    assert "The Sales contest has new days:" in out and "Visits · Mon, Nov 23 – Wed, Dec 23" in out, out
    assert contest_rows(team_chat, *_CONTESTS) == [(1, dt.date(2026, 11, 23), dt.date(2026, 12, 23))]


@pytest.mark.parametrize("said", [
    "比赛1 结束改成12月23日", "竞赛 #1 结束 12月23日", "比赛#1 12月23日结束", "比赛 1 截止到12月23日",
    "比赛1 延长到12月23日", "竞赛1 结束日期改为12月23日", "比赛1 改到12月23日结束",
])
def test_a_contest_end_moved_in_chinese(team_chat, said):
    _started(team_chat)
    out = team_chat(said, user="Mia", lang="zh")
    assert "Sales的竞赛时间已调整" in out and "12月23日周三" in out, out
    assert contest_rows(team_chat, *_CONTESTS) == [(1, dt.date(2026, 11, 23), dt.date(2026, 12, 23))]


@pytest.mark.parametrize("said, lang", [("contest #1 start nov 25", None),
                                        ("竞赛 #1 开始改成11月25日", "zh")])
def test_a_contest_start_moved_keeps_its_end(team_chat, said, lang):
    _started(team_chat)
    out = team_chat(said, user="Mia", lang=lang)
    assert "Sales" in out and ("Wed, Nov 25" in out or "11月25日周三" in out), out
    assert contest_rows(team_chat, *_CONTESTS) == [(1, dt.date(2026, 11, 25), dt.date(2026, 12, 20))]


@pytest.mark.parametrize("said, lang, shown", [
    ("contest #1 end 12/20", None, "That contest runs on those days already"),
    ("比赛1 结束改成12月20日", "zh", "这个竞赛的时间已经是这样"),
])
def test_a_contest_end_it_has_already_is_said_so(team_chat, said, lang, shown):
    _started(team_chat)
    out = team_chat(said, user="Mia", lang=lang)
    assert shown in out and "new days" not in out and "已调整" not in out, out
    assert contest_rows(team_chat, *_CONTESTS) == [(1, dt.date(2026, 11, 23), dt.date(2026, 12, 20))]


@pytest.mark.parametrize("said, lang, shown", [
    ("contest #1 end someday", None, "I couldn't read “someday” as a date"),
    ("比赛1 结束改成过几天", "zh", "没认出日期“过几天”"),
])
def test_a_contest_end_that_reads_as_no_day_changes_nothing(team_chat, said, lang, shown):
    _started(team_chat)
    out = team_chat(said, user="Mia", lang=lang)
    assert shown in out, out
    assert contest_rows(team_chat, *_CONTESTS) == [(1, dt.date(2026, 11, 23), dt.date(2026, 12, 20))]


def test_a_rep_cannot_move_a_contest_end(team_chat):
    _started(team_chat)
    assert team_chat("contest #1 end 12/23", user="Ana") == "Sorry, only a manager can do that."
    assert contest_rows(team_chat, *_CONTESTS) == [(1, dt.date(2026, 11, 23), dt.date(2026, 12, 20))]
