"""r21: a task or a visit's follow-up put on a day its assignee is on leave was stored without a word.
Rule: still stored on the day said, and the reply adds one line that the assignee is on leave that
day. A win's reason naming a rival it was compared with (`比阿里云便宜`, `cheaper than SAP`) fills the
won deal's competitor, as a loss's does. Today is Mon, Nov 23, 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Visit
from support import deal_rows, task_rows

pytestmark = pytest.mark.phrasing
D = dt.date


def _follow_ups(chat):
    with chat.session_factory() as s:
        return [v.follow_up_on for v in s.scalars(select(Visit).order_by(Visit.id))]


@pytest.fixture
def zh_chat(chat):
    chat.team(manager="王芳", reps=("张伟",))
    assert "已登记请假" in chat("请假 11月25日到11月26日", user="张伟")
    return chat


@pytest.mark.parametrize(("said", "title", "day"), [
    ("任务 给华为发资料 11月25日", "给华为发资料", D(2026, 11, 25)),
    ("任务 准备报价 11月26日", "准备报价", D(2026, 11, 26))])
def test_zh_a_task_on_a_day_of_leave_is_kept_and_said(zh_chat, said, title, day):
    out = zh_chat(said, user="张伟")
    assert f"注意：张伟在{day.month}月{day.day}日" in out and "休假；仍按所说记在这一天" in out, out
    assert task_rows(zh_chat) == [(title, day)]


def test_zh_a_task_given_on_a_day_of_leave_is_said_to_the_manager(zh_chat):
    out = zh_chat("任务 @张伟 准备报价 11月26日", user="王芳")
    assert "注意：张伟在11月26日周四休假" in out, out
    assert task_rows(zh_chat) == [("准备报价", D(2026, 11, 26))]


def test_zh_a_follow_up_on_a_day_of_leave_is_kept_and_said(zh_chat):
    out = zh_chat("拜访 华为：聊了方案，11月26日跟进", user="张伟")
    assert "注意：张伟在11月26日周四休假" in out, out
    assert _follow_ups(zh_chat) == [D(2026, 11, 26)]


def test_zh_a_day_off_leave_says_nothing(zh_chat):
    out = zh_chat("任务 给华为发资料 11月27日", user="张伟")
    assert "休假" not in out, out
    assert task_rows(zh_chat) == [("给华为发资料", D(2026, 11, 27))]


@pytest.fixture
def en_chat(team_chat):
    assert "Leave noted" in team_chat("leave 11/25-11/26", user="Ana")
    return team_chat


@pytest.mark.parametrize("said", ["task send deck 11/25", "task send the deck to Globex on 11/25"])
def test_en_a_task_on_a_day_of_leave_is_kept_and_said(en_chat, said):
    out = en_chat(said, user="Ana")
    assert "Note: Ana is on leave on Wed, Nov 25; kept for that day as said." in out, out
    assert [day for _, day in task_rows(en_chat)] == [D(2026, 11, 25)]


@pytest.mark.parametrize("said", ["visit Globex: demo; follow up 11/26",
                                  "visit Initech: met cfo, follow up 11/26"])
def test_en_a_follow_up_on_a_day_of_leave_is_kept_and_said(en_chat, said):
    out = en_chat(said, user="Ana")
    assert "Note: Ana is on leave on Thu, Nov 26" in out, out
    assert _follow_ups(en_chat) == [D(2026, 11, 26)]


def test_en_a_day_off_leave_says_nothing(en_chat):
    out = en_chat("task send deck 11/27", user="Ana")
    assert "on leave" not in out, out
    assert task_rows(en_chat) == [("send deck", D(2026, 11, 27))]


_WON = ("stage", "competitor")  # what the tests read


@pytest.mark.parametrize(("reason", "rival"), [("比阿里云便宜", "阿里云"),
                                               ("主要是价格比金蝶的报价低", "金蝶"),
                                               ("服务比用友更贴心", "用友"), ("打败了西门子", "西门子")])
def test_zh_a_win_naming_a_rival_fills_its_competitor(chat, reason, rival):
    chat.team(manager="王芳", reps=("张伟",))
    chat("商机 阿里巴巴 云迁移 方案呈现 52万", user="张伟")
    out = chat(f"赢单 阿里巴巴 52万：{reason}", user="张伟")
    assert f"竞争对手：{rival}。" in out and "赢单" in out, out
    assert deal_rows(chat, *_WON) == [("won", rival)]


@pytest.mark.parametrize(("reason", "rival"), [("beat siemens on price", "siemens"),
                                               ("cheaper than SAP", "SAP"),
                                               ("beat out Oracle on delivery", "Oracle"),
                                               ("we were better than Siemens on service", "Siemens")])
def test_en_a_win_naming_a_rival_fills_its_competitor(team_chat, reason, rival):
    team_chat('deal Acme "ERP" proposal 50k', user="Ana")
    out = team_chat(f"won acme 50k: {reason}", user="Ana")
    assert f"Competitor: {rival}." in out and "won" in out, out
    assert deal_rows(team_chat, *_WON) == [("won", rival)]


@pytest.mark.parametrize("reason", ["beat them on delivery time", "better than expected on price",
                                    "beat everyone on price"])
def test_en_a_win_naming_no_rival_fills_none(team_chat, reason):
    team_chat('deal Acme "ERP" proposal 50k', user="Ana")
    out = team_chat(f"won acme 50k: {reason}", user="Ana")
    assert "Competitor" not in out and "won" in out, out
    assert deal_rows(team_chat, *_WON) == [("won", "")]


def test_zh_a_win_compared_with_before_names_no_rival(chat):
    chat.team(manager="王芳", reps=("张伟",))
    chat("商机 阿里巴巴 云迁移 方案呈现 52万", user="张伟")
    out = chat("赢单 阿里巴巴 52万：交付比预期快", user="张伟")
    assert "竞争对手" not in out and "赢单" in out, out
    assert deal_rows(chat, *_WON) == [("won", "")]
