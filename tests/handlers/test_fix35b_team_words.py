"""r31: `第一个` answers "which one?" (r31zh #22 was refused though the README lists it); a manager's
`task @team …` offers one task each for their teams' reps, a rep's is explained (r31en #152: "I don't
know anyone called 'team'"); `split it across the reps` in a team target is the split (r31en #102:
"no team 'across the reps'")."""
import datetime as dt

import pytest

from support import MON, deal_rows, records, target_rows, task_rows

pytestmark = pytest.mark.phrasing


@pytest.fixture
def team(chat):
    chat.team(manager="王芳", reps=("张伟", "Ana", "Bo"))
    chat.now = MON
    return chat


@pytest.mark.parametrize("answer, picked", [
    ("第一个", 0), ("第1个", 0), ("第二个", 1), ("选第二个吧", 1), ("the second one", 1), ("第一项", 0),
    ("就第二个", 1)])
def test_a_place_answers_which_one(team, answer, picked):
    team.now = MON - dt.timedelta(days=1)  # won on Sunday, corrected on Monday: which one?
    team.said_ok("赢单 +京东 25万：服务好", "赢单 +小米 10万：价格低", user="张伟")
    team.now = MON
    asked = team.reply("其实是上周五签的", user="张伟")
    assert not asked.ok and "#1" in asked.text and "#2" in asked.text, asked.text
    before = deal_rows(team, "id", "closed_at")
    reply = team.reply(answer, user="张伟")
    assert reply.ok and "12月4日周五" in reply.text, reply.text
    after = deal_rows(team, "id", "closed_at")
    moved = [row for row, was in zip(after, before, strict=True) if row != was]
    assert len(moved) == 1 and moved[0][1].date().isoformat() == "2026-12-04", after
    assert f"#{moved[0][0]}" in reply.text
    assert team.reply("撤销", user="张伟").ok and deal_rows(team, "id", "closed_at") == before


@pytest.mark.parametrize("said, title", [
    ("task @team prep QBR deck by fri", "prep QBR deck"),
    ("task @everyone update your forecasts in the CRM by fri", "update your forecasts in the CRM"),
    ("task @all update forecasts by fri", "update forecasts"),
    ("任务 @团队 周五前准备QBR材料", "准备QBR材料"),
    ("任务 @大家 周五前更新CRM里的预测", "更新CRM里的预测"),
])
def test_a_managers_task_for_the_team_is_one_each_offered(team, said, title):
    before = records(team.session_factory)
    asked = team.reply(said, user="王芳")
    assert not asked.ok and "Ana, Bo, 张伟" in asked.text, asked.text
    assert records(team.session_factory) == before
    assert team.reply("1", user="王芳").ok
    assert sorted(task_rows(team, "assignee", "title")) == [("Ana", title), ("Bo", title), ("张伟", title)]
    assert {day.isoformat() for _title, day in task_rows(team)} == {"2026-12-11"}
    assert team.reply("undo", user="王芳").ok and task_rows(team) == []  # the five taken back at once


@pytest.mark.parametrize("said, shown", [
    ("task @team prep QBR deck by fri", "Only managers give tasks to others"),
    ("任务 @团队 周五前准备QBR材料", "只有经理可以给别人派任务")])
def test_a_reps_task_for_the_team_is_explained(team, said, shown):
    before = records(team.session_factory)
    reply = team.reply(said, user="Ana")
    assert not reply.ok and shown in reply.text, reply.text
    assert records(team.session_factory) == before


@pytest.mark.parametrize("said, metric, amount", [
    ("team revenue target for Q1 is 6m, split it across the reps", "revenue", 2000000),
    ("target team revenue 6m q1 split it among the team", "revenue", 2000000),
    ("target team visits 90 q1, divide it evenly between the reps", "visits", 30),
    ("target team revenue 6m q1, split across all reps", "revenue", 2000000),
    ("目标 团队 业绩 600万 下季度 按人头分下去", "revenue", 2000000),
    ("目标 团队 业绩 600万 下季度 平均分给大家", "revenue", 2000000),
])
def test_a_split_said_with_whom_is_the_split(team, said, metric, amount):
    reply = team.reply(said, user="王芳")
    assert reply.ok, reply.text
    rows = target_rows(team, "member", "metric", "amount")
    assert sorted((m, a) for who, m, a in rows if who) == [(metric, amount)] * 3, rows
    assert team.reply("undo", user="王芳").ok and target_rows(team) == []
