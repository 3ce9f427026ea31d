"""r21 B: right after a contest starts, `改成23号结束 元旦前大家要休息` was offered as `改成23号结束`,
which needs the contest just started as its context; once the question was the previous message,
`1` (and typing `改成23号结束` again) was "没看懂". Rule: an offer sends a line that reads the same with
no context (`竞赛 #1 11月24日-11月28日`), and the correction typed again to its own offer takes it.
Today is Mon, Nov 23, 2026."""
import datetime as dt

import pytest

from support import contest_rows

pytestmark = pytest.mark.phrasing
D = dt.date


_CONTESTS = ("id", "starts_on", "ends_on")  # what the tests read


@pytest.fixture
def zh_chat(chat):
    chat.team(manager="王芳", reps=("张伟",))
    assert "销售竞赛开始" in chat("比赛 业绩 明天到月底", user="王芳")
    assert contest_rows(chat, *_CONTESTS) == [(1, D(2026, 11, 24), D(2026, 11, 30))]
    return chat


@pytest.mark.parametrize("said", ["改成28号结束 元旦前大家要休息", "改成28号结束 月底大家要休息",
                                  "改到28号结束 因为月底要盘点"])
@pytest.mark.parametrize("answer", ["1", "好", "改成28号结束"])
def test_zh_the_offer_answered_or_retyped_moves_the_end(zh_chat, said, answer):
    out = zh_chat(said, user="王芳")
    assert "竞赛 #1 11月24日-11月28日" in out and "尚未修改" in out, out
    assert contest_rows(zh_chat, *_CONTESTS) == [(1, D(2026, 11, 24), D(2026, 11, 30))]
    out = zh_chat(answer, user="王芳")
    assert "竞赛时间已调整" in out and "11月24日周二 – 11月28日周六" in out, out
    assert contest_rows(zh_chat, *_CONTESTS) == [(1, D(2026, 11, 24), D(2026, 11, 28))]


def test_zh_the_plain_correction_still_works_at_once(zh_chat):
    out = zh_chat("改成28号结束", user="王芳")
    assert "竞赛时间已调整" in out and "11月24日周二 – 11月28日周六" in out, out
    assert contest_rows(zh_chat, *_CONTESTS) == [(1, D(2026, 11, 24), D(2026, 11, 28))]


@pytest.mark.parametrize("answer", ["1", "yes", "make it end 11/28"])
def test_en_the_offer_answered_or_retyped_moves_the_end(chat, answer):
    chat.team(manager="Tom", reps=("Ana",))
    assert "started" in chat("contest visits 11/24-11/30", user="Tom")
    out = chat("make it end 11/28 since everyone needs a break", user="Tom")
    assert "contest #1 11/24-11/28" in out and "Nothing was changed yet" in out, out
    assert contest_rows(chat, *_CONTESTS) == [(1, D(2026, 11, 24), D(2026, 11, 30))]
    out = chat(answer, user="Tom")
    assert "The Sales contest has new days:" in out and "Tue, Nov 24 – Sat, Nov 28" in out, out
    assert contest_rows(chat, *_CONTESTS) == [(1, D(2026, 11, 24), D(2026, 11, 28))]


def test_no_to_the_offer_changes_nothing(zh_chat):
    zh_chat("改成28号结束 元旦前大家要休息", user="王芳")
    zh_chat("不", user="王芳")
    assert contest_rows(zh_chat, *_CONTESTS) == [(1, D(2026, 11, 24), D(2026, 11, 30))]


def test_zh_retyped_after_the_question_closed_still_moves_the_end(zh_chat):
    zh_chat("改成28号结束 元旦前大家要休息", user="王芳")
    zh_chat.now += dt.timedelta(minutes=6)  # the question closed (five minutes), the contest still recent
    out = zh_chat("改成28号结束", user="王芳")
    assert "竞赛时间已调整" in out and "11月24日周二 – 11月28日周六" in out, out
    assert contest_rows(zh_chat, *_CONTESTS) == [(1, D(2026, 11, 24), D(2026, 11, 28))]


def test_zh_another_day_after_the_question_closed_is_not_made_unasked(zh_chat):
    zh_chat("改成28号结束 元旦前大家要休息", user="王芳")
    zh_chat.now += dt.timedelta(minutes=6)
    zh_chat("改成27号结束", user="王芳")
    assert contest_rows(zh_chat, *_CONTESTS) == [(1, D(2026, 11, 24), D(2026, 11, 30))]
