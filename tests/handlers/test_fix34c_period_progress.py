"""fix34c cases 3 and 4: a quarter's pace (`am I on pace for the quarter?`, `how's my quarter
looking?`, `这季度进度怎么样`) is answered with the quarter's progress, as a month's is; a month's
target asked after (`did I hit my october visits target?`, `十月的目标完成了吗`, `上上个月的拜访目标
达成了吗`) with that month's progress. Nothing is stored. Mon, Dec 7, 2026."""
import pytest

from support import MON, make_team_chat, records

pytestmark = pytest.mark.phrasing


def _chat(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana"))
    chat.said_ok("target @Ana revenue 500k quarter", "target @张伟 业绩 50万 本季度",
                 "target @Ana visits 20 october", "target @张伟 拜访 20 十月", user="王芳")
    return chat


@pytest.mark.parametrize("said, user, title", [
    ("am I on pace for the quarter?", "Ana", "Your progress · Q4 2026"),
    ("Q4 pace", "Ana", "Your progress · Q4 2026"),
    ("how's my quarter looking?", "Ana", "Your progress · Q4 2026"),
    ("on track this qtr?", "Ana", "Your progress · Q4 2026"),
    ("这季度进度怎么样", "张伟", "我的进度 · 2026年第4季度"),
    ("本季度完成多少了", "张伟", "我的进度 · 2026年第4季度"),
    ("这个季度进度如何？", "张伟", "我的进度 · 2026年第4季度"),
])
def test_a_quarters_pace_is_answered_with_the_quarters_progress(session_factory, said, user, title):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok and reply.title == title, reply.text
    assert records(session_factory) == before


@pytest.mark.parametrize("said, user, title", [
    ("did I hit my october visits target?", "Ana", "Your progress · October 2026"),
    ("did i make my oct quota?", "Ana", "Your progress · October 2026"),
    ("did I make my revenue target last month?", "Ana", "Your progress · November 2026"),
    ("十月的目标完成了吗", "张伟", "我的进度 · 2026年10月"),
    ("上上个月的拜访目标达成了吗", "张伟", "我的进度 · 2026年10月"),
    ("我十月份业绩目标完成了没", "张伟", "我的进度 · 2026年10月"),
])
def test_a_months_target_asked_after_is_answered_for_that_month(session_factory, said, user, title):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok and reply.title == title, reply.text
    assert records(session_factory) == before
