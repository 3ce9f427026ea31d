"""r29: targets said with 定 / 也是 (`张伟下个月业绩目标定60万，新客户3个`, `Ana一月份业绩目标也是60万`) are
set; `Ana一月份也是60万` just after a target is offered, one tap; a rep's own target (`set my own target
to 500k for jan`, `我这个月目标帮我改成50万`) is refused naming who sets it, nothing stored."""
import pytest

from support import target_rows

pytestmark = pytest.mark.phrasing


@pytest.fixture
def team(chat):
    chat.team(manager="王芳", reps=("张伟", "Ana", "Bo"))
    return chat


@pytest.mark.parametrize("said, expected", [
    ("张伟下个月业绩目标定60万，新客户3个", {("张伟", "revenue", 600000), ("张伟", "new_customers", 3)}),
    ("Ana下个月业绩目标也是60万", {("Ana", "revenue", 600000)}),
    ("Bo下个月目标定50万", {("Bo", "revenue", 500000)}),
    ("张伟下个月拜访目标也定40次", {("张伟", "visits", 40)}),
    ("下个月张伟的业绩目标定在55万", {("张伟", "revenue", 550000)}),
])
def test_a_target_said_with_ding_or_yeshi_is_set(team, said, expected):
    reply = team.reply(said, user="王芳")
    assert reply.ok and "目标已设定" in reply.text, reply.text
    assert {row[:3] for row in target_rows(team, "member", "metric", "amount")} == expected


@pytest.mark.parametrize("said, who, amount", [
    ("Ana下个月也是60万", "Ana", 600000),
    ("Bo下个月也定55万", "Bo", 550000),
    ("Ana下个月也是六十万", "Ana", 600000),
])
def test_the_same_said_with_a_figure_after_a_target_is_offered(team, said, who, amount):
    assert team.reply("张伟下个月业绩目标60万", user="王芳").ok
    before = target_rows(team, "member", "metric", "amount")
    reply = team.reply(said, user="王芳")
    assert not reply.ok and f"给{who}设目标" in reply.text and reply.buttons, reply.text
    assert target_rows(team, "member", "metric", "amount") == before  # offered, nothing set yet
    assert team.reply("1", user="王芳").ok
    assert (who, "revenue", amount) in {row[:3] for row in target_rows(team, "member", "metric", "amount")}


@pytest.mark.parametrize("user, said, shown", [
    ("Ana", "set my own target to 500k for jan", "Targets are set by your manager: ask 王芳."),
    ("Ana", "pls change my q1 revenue target to 1.2m", "Targets are set by your manager: ask 王芳."),
    ("Ana", "update my visits target to 40 this month", "Targets are set by your manager: ask 王芳."),
    ("Ana", "我这个月目标帮我改成50万", "目标由经理设定：请找 王芳。"),
    ("张伟", "帮我把下个月业绩目标改成60万", "目标由经理设定：请找 王芳。"),
    ("张伟", "我的下个月目标定为80万", "目标由经理设定：请找 王芳。"),
    ("张伟", "目标 @Ana 业绩 50万 本月", "目标由经理设定：请找 王芳。"),
])
def test_a_reps_own_target_is_refused_naming_the_manager(team, user, said, shown):
    reply = team.reply(said, user=user)
    assert not reply.ok and shown in reply.text and not reply.buttons, reply.text
    assert target_rows(team, "member", "metric", "amount") == []


def test_a_managers_own_target_is_set_for_them(team):
    reply = team.reply("set my own target to 500k for jan", user="王芳")
    assert reply.ok and "王芳" in reply.text, reply.text
    assert target_rows(team, "member", "metric", "amount") == [("王芳", "revenue", 500000)]
