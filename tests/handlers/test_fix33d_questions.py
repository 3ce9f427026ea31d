"""r29: plain questions about numbers (`how much more do i need to close to hit target`, `did i make
my november target?`, `whats my pipeline worth rn`, `今天大家拜访了多少`, `排行榜 拜访 今天`,
`这周我拜访了几家`, `Bo这个月赢了几单`, `看看Ana这个季度的进度`) answered with the report that answers
them, nothing stored; a rep never sees another rep's numbers. Records made Mon, Nov 23; asked Sun,
Dec 6, 2026."""
import datetime as dt

import pytest

from databases import prepared
from support import Chat, records

pytestmark = pytest.mark.phrasing

SUNDAY = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)  # 10:00 in Shanghai


@prepared
def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team(manager="王芳", reps=("Ana", "Bo", "张伟"))
    for user, line in (("王芳", "target @ana revenue 500k month"), ("王芳", "目标 @张伟 业绩 40万 本月"),
                       ("Ana", "visit +Globex: demo"), ("张伟", "拜访 +华为：见了采购"),
                       ("Bo", 'deal +Initech "CRM" proposal 80k'), ("Bo", 'won +Hooli 120k: price')):
        assert chat.reply(line, user=user).ok, line
    return chat


def _asked(session_factory, user, said):
    chat = _chat(session_factory)
    chat.now = SUNDAY  # the records were made on Mon, Nov 23
    before = records(session_factory)
    reply = chat.reply(said, user=user)
    assert records(session_factory) == before, reply.text  # nothing stored
    return reply


@pytest.mark.parametrize("user, said, line, shown", [
    ("Ana", "how much more do i need to close to hit target", "progress", "Your progress"),
    ("Ana", "how much more do i need to sell to make my quota this month", "progress this month",
     "Your progress"),
    ("王芳", "how much more does ana need to close to hit her target", "progress @ana", "Ana"),
    ("Ana", "did i make my november target?", "progress last month", "November 2026"),
    ("Ana", "did i hit my target last month", "progress last month", "November 2026"),
    ("Ana", "have we reached our q4 target", "progress team this quarter", "Q4 2026"),
    ("Ana", "whats my pipeline worth rn", "pipeline", "Pipeline"),
    ("Ana", "how much is my pipeline worth", "pipeline", "Pipeline"),
    ("王芳", "what's the team pipeline worth right now", "pipeline team", "Pipeline"),
    ("Ana", "how many visits did everyone do today", "leaderboard visits today", "Sun, Dec 6"),
    ("Ana", "leaderboard visits today", None, "Leaderboard · Visits · Sun, Dec 6"),
])
def test_an_english_question_about_numbers_is_answered(session_factory, user, said, line, shown):
    reply = _asked(session_factory, user, said)
    assert reply.ok, reply.text
    assert line is None or f"(Read as “{line}”.)" in reply.text, reply.text
    assert shown in reply.text, reply.text


@pytest.mark.parametrize("user, said, line, shown", [
    ("张伟", "今天大家拜访了多少", "排行榜 拜访 今天", "排行榜 · 拜访 · 12月6日周日"),
    ("张伟", "大家这周一共拜访了多少家客户", "排行榜 拜访 这周", "排行榜 · 拜访"),
    ("张伟", "排行榜 拜访 今天", None, "排行榜 · 拜访 · 12月6日周日"),
    ("张伟", "排行榜 昨天", None, "12月5日周六"),
    ("张伟", "这周我拜访了几家", "拜访记录 这周", "最近的拜访"),
    ("张伟", "这个月新客户几个了", "绩效 这个月", "新客户"),
    ("张伟", "这个月我开了几个新客户", "绩效 这个月", "新客户"),
    ("王芳", "Bo这个月赢了几单", "绩效 @Bo 这个月", "赢单数"),
    ("王芳", "团队上个月签了多少单", "排行榜 赢单数 上个月", "Bo"),
    ("王芳", "看看Ana这个季度的进度", "进度 @Ana 这个季度", "2026年第4季度"),
    ("王芳", "瞧瞧张伟上个月的进度", "进度 @张伟 上个月", "2026年11月"),
])
def test_a_chinese_question_about_numbers_is_answered(session_factory, user, said, line, shown):
    reply = _asked(session_factory, user, said)
    assert reply.ok, reply.text
    assert line is None or f"（按“{line}”处理。）" in reply.text, reply.text
    assert shown in reply.text, reply.text


@pytest.mark.parametrize("said", ["Bo这个月赢了几单", "看看Ana这个季度的进度",
                                  "how much more does bo need to close to hit his target"])
def test_a_rep_asking_about_another_rep_is_refused(session_factory, said):
    reply = _asked(session_factory, "张伟", said)
    assert not reply.ok, reply.text
    assert "只能查看自己的数据" in reply.text or "only see your own" in reply.text, reply.text
