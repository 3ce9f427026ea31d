"""r20 W1: after `请假 下周四到下周五`, the offer `请假 下周三-下周四` (for `下周三下周四请假两天`)
accepted REPLACED that leave (12/10–11 → 12/9–10). Rule: an offer does what its words say; a new
leave that would drop a day of the leave there asks (merge into one / replace), one tap each, and
`no` keeps the leave as it is; a new leave holding all those days grows it; only a correction word
(`不对 是…`, `no, …`) edits the last leave unasked. Today is Mon, Nov 23, 2026."""
import datetime as dt

import pytest

from support import leave_rows

pytestmark = pytest.mark.phrasing
D = dt.date
_DAYS = ("first_day", "last_day")  # what the tests read of a leave


@pytest.mark.parametrize("said", ["下周三下周四请假两天", "下周三到下周四请假", "请假 下周三-下周四"])
def test_zh_a_new_leave_over_one_there_asks_and_merge_keeps_every_day(zh_chat, said):
    assert "已登记请假：12月3日周四 – 12月4日周五。" in zh_chat("请假 下周四到下周五", user="张伟")
    out = zh_chat(said, user="张伟")
    if "尚未保存：1. 合并" not in out:  # said in words: the offer first, accepted
        assert "请假 下周三-下周四" in out, out
        out = zh_chat("好", user="张伟")
    assert "12月2日周三 – 12月3日周四和已有的请假（12月3日周四 – 12月4日周五）重叠，尚未保存" in out, out
    assert "合并成一段（12月2日周三 – 12月4日周五）" in out
    assert leave_rows(zh_chat, *_DAYS, member="张伟") == [(D(2026, 12, 3), D(2026, 12, 4))]
    out = zh_chat("1", user="张伟")
    assert "请假已修改：12月3日周四 – 12月4日周五 → 12月2日周三 – 12月4日周五。" in out, out
    assert leave_rows(zh_chat, *_DAYS, member="张伟") == [(D(2026, 12, 2), D(2026, 12, 4))]


@pytest.mark.parametrize("answer", ["2", "第二个"])
def test_zh_replace_is_one_tap_and_says_old_to_new(zh_chat, answer):
    zh_chat("请假 12月24日到12月31日", user="张伟")
    assert "尚未保存" in zh_chat("请假 12月28日到1月3日", user="张伟")
    out = zh_chat(answer, user="张伟")
    assert "请假已修改：12月24日周四 – 12月31日周四 → 12月28日周一 – 2027年1月3日周日。" in out, out
    assert leave_rows(zh_chat, *_DAYS, member="张伟") == [(D(2026, 12, 28), D(2027, 1, 3))]


@pytest.mark.parametrize("no", ["不", "算了", "no"])
def test_no_keeps_the_leave_there(zh_chat, no):
    zh_chat("leave 12/24-12/26", user="Ana")
    out = zh_chat("leave 12/20-12/24", user="Ana")
    assert "Thu, Dec 24 – Sat, Dec 26" in out and "Nothing was saved yet" in out, out
    assert "Leave changed" not in zh_chat(no, user="Ana")
    assert leave_rows(zh_chat, *_DAYS, member="Ana") == [(D(2026, 12, 24), D(2026, 12, 26))]


def test_en_merge_and_the_button_pressed(zh_chat):
    zh_chat("leave 12/24-12/26", user="Ana")
    reply = zh_chat.reply("leave 12/20-12/24", user="Ana")
    merge = next(b for b in reply.buttons if b.label.startswith("Merge"))
    assert merge.label == "Merge: Sun, Dec 20 – Sat, Dec 26"
    out = zh_chat.press(merge, user="Ana")
    assert "Leave changed: Thu, Dec 24 – Sat, Dec 26 → Sun, Dec 20 – Sat, Dec 26." in str(out), out
    assert leave_rows(zh_chat, *_DAYS, member="Ana") == [(D(2026, 12, 20), D(2026, 12, 26))]


@pytest.mark.parametrize("said, days", [
    ("leave 12/23-12/27", (D(2026, 12, 23), D(2026, 12, 27))),
    ("请假 12月24日到12月28日", (D(2026, 12, 24), D(2026, 12, 28))),
])
def test_a_leave_holding_every_day_there_grows_it_unasked(zh_chat, said, days):
    zh_chat("leave 12/24-12/26", user="Ana")
    out = zh_chat(said, user="Ana")
    assert "Leave changed: Thu, Dec 24 – Sat, Dec 26 →" in out or "请假已修改" in out, out
    assert leave_rows(zh_chat, *_DAYS, member="Ana") == [days]


@pytest.mark.parametrize("user, first, fix, said", [
    ("Ana", "leave 12/24-12/31", "no, 12/28-12/31",
     "Leave changed: Thu, Dec 24 – Thu, Dec 31 → Mon, Dec 28 – Thu, Dec 31."),
    ("张伟", "请假 12月24日到12月31日", "不对 是12月28日到12月31日",
     "请假已修改：12月24日周四 – 12月31日周四 → 12月28日周一 – 12月31日周四。"),
])
def test_a_correction_word_still_edits_the_last_leave_at_once(zh_chat, user, first, fix, said):
    zh_chat(first, user=user)
    assert said in zh_chat(fix, user=user)
    assert leave_rows(zh_chat, *_DAYS, member=user) == [(D(2026, 12, 28), D(2026, 12, 31))]
