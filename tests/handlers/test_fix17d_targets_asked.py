"""Issue #23, round 17: a question about targets (`下个月团队目标多少`, `这个月我的目标是多少`,
`本季度团队目标`, `what's my target next month`) from the manager 王芳 or a rep was offered as a
task or not understood. It is the targets listing, of whom it names and of the period it names
(`targets next month` · `目标 下个月` too); a rep asking about the team sees the team's own target,
as the team's progress shows it. Nothing is stored. Today is Mon, Nov 23 2026."""
import pytest
from sqlalchemy import func, select

from databases import prepared
from storage.models.sales import Task
from storage.models.team import Target
from support import Chat

pytestmark = pytest.mark.phrasing


@prepared
def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(manager="王芳", reps=("张伟", "Bo"))
    chat.reply("语言 中文", user="王芳")
    chat.reply("语言 中文", user="张伟")
    for line in ("目标 团队 业绩 300万 下季度", "目标 @张伟 业绩 50万 下个月", "目标 @张伟 拜访 40 本月",
                 "目标 @Bo 业绩 20万 下个月"):
        assert chat.reply(line, user="王芳").ok, line
    return chat


def _stored(session_factory) -> tuple[int, int]:
    with session_factory() as s:
        return tuple(s.scalar(select(func.count()).select_from(model)) for model in (Target, Task))


@pytest.mark.parametrize("user, said, shown, hidden", [
    ("王芳", "下个月团队目标多少", ("2026年12月", "张伟", "¥50万", "Bo", "¥20万"), ("2026年11月", "300万")),
    ("王芳", "下季度团队目标是多少？", ("2027年第1季度", "¥300万"), ("张伟", "50万")),
    ("王芳", "团队下季度的目标", ("2027年第1季度", "¥300万"), ("50万",)),
    ("王芳", "张伟下个月的目标是多少", ("2026年12月", "¥50万"), ("Bo", "拜访")),
    ("王芳", "目标 下个月", ("2026年12月", "¥50万", "¥20万"), ("2026年11月",)),
    ("王芳", "@Bo 下个月目标多少", ("Bo", "¥20万"), ("张伟",)),
    ("张伟", "这个月我的目标是多少", ("2026年11月", "拜访", "40"), ("50万", "Bo")),
    ("张伟", "下个月我的目标", ("2026年12月", "¥50万"), ("拜访", "Bo")),
    ("张伟", "我下个月业绩目标多少", ("2026年12月", "¥50万"), ("拜访",)),
    ("张伟", "下季度团队目标多少", ("2027年第1季度", "¥300万"), ("50万",)),  # the team's own
])
def test_a_target_asked_in_chinese_is_listed_for_that_period(session_factory, user, said, shown, hidden):
    chat = _chat(session_factory)
    before = _stored(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok and reply.locale == "zh" and reply.title.startswith("目标"), reply.text
    assert all(word in reply.text for word in shown), reply.text
    assert not any(word in reply.text for word in hidden), reply.text
    assert _stored(session_factory) == before  # no task offered, no target changed


@pytest.mark.parametrize("user, said, shown", [
    # round 19: the months set inside the quarter (张伟's) are listed
    ("王芳", "本季度团队目标", "2026年第4季度本身未设目标；以下是其中各期设定的目标。"),
    ("张伟", "本周我的目标", "11月23日当周还没有设目标。"),
])
def test_a_period_with_no_target_says_so(session_factory, user, said, shown):
    chat = _chat(session_factory)
    before = _stored(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok and shown in reply.text, reply.text
    assert _stored(session_factory) == before


@pytest.mark.parametrize("user, said, shown", [
    ("张伟", "what's my target next month", ("December 2026", "¥500K")),
    ("张伟", "how much is my quota for next month?", ("December 2026", "¥500K")),
    ("王芳", "targets next month", ("December 2026", "¥500K", "¥200K")),
    ("王芳", "whats the team target for next quarter?", ("Q1 2027", "¥3M")),
    ("王芳", "what are our goals next quarter", ("Q1 2027", "¥3M")),
    ("王芳", "target @Bo next month", ("Bo", "¥200K")),
    ("王芳", "target @张伟", ("Visits", "40")),  # the current periods
])
def test_a_target_asked_in_english_is_listed_in_english(session_factory, user, said, shown):
    chat = _chat(session_factory)
    before = _stored(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok and reply.locale == "en" and reply.title.startswith("Targets"), reply.text
    assert all(word in reply.text for word in shown), reply.text
    assert _stored(session_factory) == before


def test_a_target_said_with_an_amount_is_still_set(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("张伟下个月目标60万", user="王芳")
    assert reply.ok and "60万" in reply.text, reply.text
    with session_factory() as s:
        amounts = sorted(int(a) for a in s.scalars(select(Target.amount).where(Target.metric == "revenue")))
    assert amounts == [200000, 600000, 3000000]
