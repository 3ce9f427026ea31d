"""r23: needless questions. A leave or a snooze said with why (`leave fri, dentist`, `请假 周五 看牙`,
`snooze 1 to mon, client traveling`) asked to drop the why; a command word quoted inside a visit's
notes (`客户问“赢单”怎么算`) was read as the command. Rule: a leave keeps why as its note (said back,
listed with the leave); a follow-up's why goes into its visit's notes; words inside quotes are free
text. Today is Mon, Nov 23, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Deal
from support import leave_rows, visit_rows

pytestmark = pytest.mark.phrasing
D = dt.date


_LEAVES = ("first_day", "last_day", "note")  # what the tests read


_VISITS = ("notes", "follow_up_on")  # what the tests read


@pytest.mark.parametrize(("said", "days", "note"), [
    ("leave fri, dentist", (D(2026, 11, 27), D(2026, 11, 27)), "dentist"),
    ("leave 12/7-12/8 Family Trip", (D(2026, 12, 7), D(2026, 12, 8)), "Family Trip"),
    ("leave next mon; moving house", (D(2026, 11, 30), D(2026, 11, 30)), "moving house")])
def test_en_a_leave_with_why_keeps_it(team_chat, said, days, note):
    out = team_chat(said, user="Ana")
    assert "Leave noted" in out and f"Kept with the leave as why: “{note}”." in out, out
    assert "Nothing was saved" not in out
    assert leave_rows(team_chat, *_LEAVES) == [(*days, note)]
    assert f"· {note}" in team_chat("leave", user="Ana")


def test_en_a_leave_corrected_with_why_keeps_it(team_chat):
    team_chat("leave 12/7-12/8", user="Ana")
    out = team_chat("no, 12/7-12/9, family trip", user="Ana")
    assert "Leave changed" in out and "“family trip”" in out, out
    assert leave_rows(team_chat, *_LEAVES) == [(D(2026, 12, 7), D(2026, 12, 9), "family trip")]


def test_en_a_leave_with_a_part_of_day_is_still_asked(team_chat):
    out = team_chat("leave 12/14 afternoon", user="Ana")
    assert "whole days" in out, out
    assert leave_rows(team_chat, *_LEAVES) == []


@pytest.mark.parametrize(("said", "days", "note"), [
    ("请假 周五 看牙", (D(2026, 11, 27), D(2026, 11, 27)), "看牙"),
    ("请假 12月24日-12月31日 回老家", (D(2026, 12, 24), D(2026, 12, 31)), "回老家")])
def test_zh_a_leave_with_why_keeps_it(chat, said, days, note):
    chat.team(manager="王芳", reps=("张伟",))
    out = chat(said, user="张伟")
    assert "已登记请假" in out and f"请假原因已记下：“{note}”。" in out, out
    assert leave_rows(chat, *_LEAVES) == [(*days, note)]


@pytest.mark.parametrize("said", ["snooze 1 to mon, client traveling",
                                  "push 1 to next mon, client traveling"])
def test_en_a_snooze_with_why_adds_it_to_the_visits_notes(team_chat, said):
    team_chat("visit Globex: demo; follow up 11/24", user="Ana")
    out = team_chat(said, user="Ana")
    assert "Follow-up #1 moved to Mon, Nov 30" in out, out
    assert "Added to visit #1's notes: “client traveling”." in out, out
    assert visit_rows(team_chat, *_VISITS) == [("demo; client traveling", D(2026, 11, 30))]


@pytest.mark.parametrize(("said", "why"), [("推迟 1 下周一，对方出差", "对方出差"),
                                           ("推迟 1 下周一 因为对方在外地", "因为对方在外地")])
def test_zh_a_snooze_with_why_adds_it_to_the_visits_notes(chat, said, why):
    chat.team(manager="王芳", reps=("张伟",))
    chat("拜访 华为：聊了方案，11月24日跟进", user="张伟")
    out = chat(said, user="张伟")
    assert "11月30日" in out and f"已记入拜访 #1 的纪要：“{why}”。" in out, out
    assert visit_rows(chat, *_VISITS) == [(f"聊了方案; {why}", D(2026, 11, 30))]


@pytest.mark.parametrize("notes", ['they asked about "task" pricing', "they asked about 'won' deals",
                                   'asked if "deal done" means signed'])
def test_en_command_words_in_quotes_are_notes(team_chat, notes):
    out = team_chat(f"visit acme: {notes}", user="Ana")
    assert "Visit to acme logged" in out and "Nothing was saved" not in out, out
    assert visit_rows(team_chat, *_VISITS) == [(notes, None)]
    with team_chat.session_factory() as s:
        assert s.scalars(select(Deal)).all() == []


@pytest.mark.parametrize("notes", ["客户问“赢单”怎么算", "他们问了「任务」功能的价格"])
def test_zh_command_words_in_quotes_are_notes(chat, notes):
    chat.team(manager="王芳", reps=("张伟",))
    out = chat(f"拜访 华为：{notes}", user="张伟")
    assert "已记录拜访：华为" in out and "尚未保存" not in out, out
    assert visit_rows(chat, *_VISITS) == [(notes, None)]
