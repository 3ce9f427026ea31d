"""r31zh #72, #109, fix35c: a message starting with 团队 (team) and a target or report word is the
team's target or report, never the team-admin command's usage.
Fed through the real dispatch; Mon, Dec 7, 2026."""
import pytest

from support import MON, make_team_chat, records, target_rows

pytestmark = pytest.mark.phrasing


def _chat(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana"))
    chat.said_ok(('商机 +腾讯 "续约" 18万', "张伟"), ('deal +Acme "pilot" 40k', "Ana"))
    return chat


@pytest.mark.parametrize("said, line", [
    ("团队现在漏斗里一共多少钱", "漏斗 团队"), ("团队漏斗多少钱", "漏斗 团队"),
    ("团队目前漏斗有多少", "漏斗 团队"),
    ("team pipeline total", "pipeline team"), ("how much is in the team pipeline", "pipeline team"),
    ("how much money is in our pipeline", "pipeline team"),
])
def test_the_teams_pipeline_asked_after_the_team_word_is_answered(session_factory, said, line):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user="王芳")
    assert reply.ok and f"“{line}”" in reply.text, reply.text
    assert "¥" in reply.text and records(session_factory) == before


@pytest.mark.parametrize("said, line", [
    ("团队下季度业绩目标六百万 按人头分下去", "目标 团队 业绩 六百万 下季度 分解"),
    ("下季度团队业绩目标600万 平均分", "目标 团队 业绩 600万 下季度 分解"),
    ("团队下季度业绩目标600万 分下去", "目标 团队 业绩 600万 下季度 分解"),
])
def test_the_teams_target_after_the_team_word_is_offered_with_its_split(session_factory, said, line):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user="王芳")
    assert not reply.ok and line in reply.text and "团队 新建" not in reply.text, reply.text
    assert records(session_factory) == before
    assert chat.reply("1", user="王芳").ok
    rows = target_rows(session_factory, "member", "amount")
    assert (None, 6000000) in [(who, int(amount)) for who, amount in rows]
    assert len(rows) == 3  # the team's and one for each rep
    assert chat.reply("撤销", user="王芳").ok
    assert target_rows(session_factory) == []


def test_the_teams_target_in_english_with_its_split_is_set(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("team target next quarter 6m, split evenly", user="王芳")
    assert reply.ok and "Split between the reps (2): Ana ¥3M, 张伟 ¥3M" in reply.text, reply.text
    assert len(target_rows(session_factory)) == 3
    assert chat.reply("undo", user="王芳").ok
    assert target_rows(session_factory) == []
