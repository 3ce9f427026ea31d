"""r21 W1: with leave 12/9–12/10, `请假 取消 12月9日` deleted the WHOLE leave. Rule: cancelling days of a
leave takes off only the days named (the leave shrinks, or splits in two where the days are in its
middle); no day (with one leave coming) or all its days removes it; the reply says what is left.
The sentence forms (`12月9号的假不请了`, `cancel leave dec 9`) are the same command. Today: Mon, Nov 23."""
import datetime as dt

import pytest

from support import leave_rows

pytestmark = pytest.mark.phrasing
D = dt.date
_DAYS = ("first_day", "last_day")  # what the tests read of a leave


@pytest.mark.parametrize("said", ["请假 取消 12月9日", "12月9号的假不请了", "取消12月9号的请假",
                                  "12月9号不请假了"])
def test_zh_one_day_off_the_start_keeps_the_rest(zh_chat, said):
    assert "已登记请假" in zh_chat("请假 12月9日-12月10日", user="张伟")
    out = zh_chat(said, user="张伟")
    assert "已取消张伟12月9日周三的请假。仍在请假：12月10日周四。" in out, out
    assert leave_rows(zh_chat, *_DAYS, member="张伟") == [(D(2026, 12, 10), D(2026, 12, 10))]


@pytest.mark.parametrize("said", ["leave cancel dec 9", "cancel leave dec 9", "cancel my leave on 12/9"])
def test_en_one_day_off_the_start_keeps_the_rest(zh_chat, said):
    zh_chat("leave 12/9-12/10", user="Ana")
    out = zh_chat(said, user="Ana")
    assert "Leave of Ana cancelled for Wed, Dec 9. Still on leave: Thu, Dec 10." in out, out
    assert leave_rows(zh_chat, *_DAYS, member="Ana") == [(D(2026, 12, 10), D(2026, 12, 10))]


@pytest.mark.parametrize("said", ["leave cancel 12/28", "cancel leave 12/28-12/29"])
def test_days_in_the_middle_split_the_leave(zh_chat, said):
    zh_chat("leave 12/24-12/31", user="Ana")
    out = zh_chat(said, user="Ana")
    assert "Still on leave: Thu, Dec 24 – " in out and "Thu, Dec 31." in out, out
    last = D(2026, 12, 27)
    first = D(2026, 12, 29) if "29" not in said else D(2026, 12, 30)
    assert leave_rows(zh_chat, *_DAYS, member="Ana") == [(D(2026, 12, 24), last), (first, D(2026, 12, 31))]


def test_zh_last_days_off(zh_chat):
    zh_chat("请假 12月24日-12月31日", user="张伟")
    out = zh_chat("请假 取消 12月30日-12月31日", user="张伟")
    assert "仍在请假：12月24日周四 – 12月29日周二。" in out, out
    assert leave_rows(zh_chat, *_DAYS, member="张伟") == [(D(2026, 12, 24), D(2026, 12, 29))]


@pytest.mark.parametrize("said", ["请假 取消 12月9日-12月10日", "请假 取消", "12月9号到10号的假不请了"])
def test_zh_all_its_days_or_no_day_removes_it(zh_chat, said):
    zh_chat("请假 12月9日-12月10日", user="张伟")
    out = zh_chat(said, user="张伟")
    assert "已取消张伟的请假：12月9日周三 – 12月10日周四。" in out, out
    assert leave_rows(zh_chat, *_DAYS, member="张伟") == []


def test_no_day_with_two_leaves_asks_which_and_keeps_both(zh_chat):
    zh_chat("leave 12/9-12/10", user="Ana")
    zh_chat("leave 12/24-12/31", user="Ana")
    out = zh_chat("leave cancel", user="Ana")
    assert "Which leave? Name a day" in out, out
    assert len(leave_rows(zh_chat, *_DAYS, member="Ana")) == 2


def test_a_day_of_no_leave_changes_nothing(zh_chat):
    zh_chat("请假 12月9日-12月10日", user="张伟")
    out = zh_chat("12月15号的假不请了", user="张伟")
    assert "不在任何请假里" in out, out
    assert leave_rows(zh_chat, *_DAYS, member="张伟") == [(D(2026, 12, 9), D(2026, 12, 10))]


@pytest.mark.parametrize(("said", "asked", "answer"), [
    ("12月9号的假不请了 客户约了见面",
     "请假记录里放不下“客户约了见面”，尚未修改。不带这句话取消这几天的请假？", "好"),
    ("请假 取消 12月9日 客户约了见面", "请假 取消 12月9日", "1"),
    ("cancel leave dec 9, client meeting",
     "Leave has no place for “client meeting”, so nothing was changed", "yes"),
])
def test_words_after_the_days_are_asked_about_then_only_that_day_comes_off(zh_chat, said, asked, answer):
    zh_chat("请假 12月9日-12月10日", user="张伟")
    out = zh_chat(said, user="张伟")
    assert asked in out, out
    assert leave_rows(zh_chat, *_DAYS, member="张伟") == [(D(2026, 12, 9), D(2026, 12, 10))]
    out = zh_chat(answer, user="张伟")
    assert "12月10日周四" in out or "Thu, Dec 10" in out, out
    assert leave_rows(zh_chat, *_DAYS, member="张伟") == [(D(2026, 12, 10), D(2026, 12, 10))]
