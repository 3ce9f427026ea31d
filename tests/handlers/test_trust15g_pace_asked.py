"""Issue #23, round 15g, class 2: pace and progress asked in plain words (`我这个月还差多少能完成目标`,
`张伟这个月节奏怎么样`: that member's, `how is the team doing this month vs target`, `am i on pace for
dec?`) is the progress report, storing nothing; who is behind (`whos behind pace`, `这个月谁落后了`)
names each seller behind the pace of a target of theirs, with how far behind on each metric, the
furthest behind first, above the team's figures. Fed through the real dispatch with a real database;
today is Mon, Nov 23, 2026 (16 of November's 21 working days gone)."""
import pytest
from sqlalchemy import select

from databases import prepared
from storage.models.sales import Visit
from storage.models.team import Target
from support import Chat

pytestmark = pytest.mark.phrasing


@prepared
def _chat(session_factory) -> Chat:
    """Ana on pace (1 visit of 1), Bo behind on visits (0 of 40: 30 needed by today), 张伟 behind on
    revenue (0 of ¥100K: ¥76.19K needed by today)."""
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo", "张伟"))
    for line in ("target @Ana visits 1 month", "target @Bo visits 40 month",
                 "target @张伟 revenue 100k month"):
        assert chat.reply(line, user="Mia").ok
    assert chat.reply("visit +Acme: intro", user="Ana").ok
    return chat


def _rows(session_factory):
    with session_factory() as s:
        return (sorted((t.member_id, t.metric, int(t.amount)) for t in s.scalars(select(Target))),
                len(s.scalars(select(Visit)).all()))


@pytest.mark.parametrize("asked, report", [
    ("我这个月还差多少能完成目标", "进度"), ("我这个月还差多少就能达成目标？", "进度"),
    ("我这个月节奏怎么样", "进度"), ("我一月还差多少", "进度 1月"),
    ("张伟这个月节奏怎么样", "进度 @张伟"), ("张伟本月进度如何", "进度 @张伟"),
    ("Bo这个月节奏咋样", "进度 @Bo"), ("团队这个月节奏如何", "进度 团队"),
    ("how is the team doing this month vs target", "progress team"),
    ("how's the team tracking against target this quarter", "progress team quarter"),
    ("how are we doing vs our goal this month?", "progress team"),
    ("am i on pace for nov?", "progress"), ("am i on pace for dec?", "progress dec"),
    ("are we on track for q1", "progress team q1"),
])
def test_pace_asked_in_plain_words_is_the_progress_report(session_factory, asked, report):
    chat = _chat(session_factory)
    before = _rows(session_factory)
    user = "张伟" if asked.startswith("我") else "Mia"
    reply = chat.reply(asked, user=user)
    assert reply.ok and "didn't get" not in reply.text and "没看懂" not in reply.text, reply.text
    assert reply.text.endswith(chat.reply(report, user=user).text), reply.text
    assert _rows(session_factory) == before


@pytest.mark.parametrize("asked, named", [
    ("whos behind pace", ["Behind pace as of today:", "• 张伟: Revenue won ¥76.19K behind",
                          "• Bo: Visits 30 behind"]),
    ("who's behind pace this month?", ["• 张伟: Revenue won ¥76.19K behind", "• Bo: Visits 30 behind"]),
    ("anyone falling behind?", ["• 张伟: Revenue won", "• Bo: Visits 30 behind"]),
    ("which reps are behind pace", ["• 张伟: Revenue won", "• Bo: Visits 30 behind"]),
    ("这个月谁落后了？", ["截至今天落后于进度：", "• 张伟：业绩落后 ¥7.6万", "• Bo：拜访落后 30"]),
    ("团队里谁进度落后了", ["• 张伟：业绩落后", "• Bo：拜访落后 30"]),
    ("谁没跟上节奏", ["• 张伟：业绩落后", "• Bo：拜访落后 30"]),
])
def test_who_is_behind_is_named_with_how_far(session_factory, asked, named):
    chat = _chat(session_factory)
    before = _rows(session_factory)
    reply = chat.reply(asked, user="Mia")
    assert reply.ok, reply.text
    lines = reply.text.splitlines()
    at = [next(i for i, line in enumerate(lines) if line.startswith(said)) for said in named]  # each a
    # line of its own (StopIteration if not), in this order: the
    assert at == sorted(at), reply.text  # furthest behind (张伟: 76% of the month's target) first
    assert not any(line.startswith("• Ana") for line in lines), reply.text  # on pace: not named
    team = chat.reply("进度 团队" if "谁" in asked else "progress team", user="Mia").text
    assert reply.text.endswith("\n".join(team.splitlines()[1:])), reply.text  # the team's figures below
    assert _rows(session_factory) == before


def test_nobody_behind_is_said(session_factory):
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo"))
    assert chat.reply("target @Ana visits 1 month", user="Mia").ok
    assert chat.reply("visit +Acme: intro", user="Ana").ok
    reply = chat.reply("whos behind pace", user="Mia")
    assert "Nobody is behind pace for November 2026." in reply.text, reply.text
    assert "没有人落后于进度" in chat.reply("这个月谁落后了", user="Mia").text


def test_with_no_targets_nobody_can_be_behind(session_factory):
    chat = Chat(session_factory)
    chat.team(reps=("Ana", "Bo"))
    reply = chat.reply("whos behind pace", user="Mia")
    assert "Nobody has a target of their own for November 2026" in reply.text, reply.text
