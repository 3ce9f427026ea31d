"""r31zh #140/#139: several members' targets with the period and metric said once before the list and
no colon (`下个月拜访目标 李娜40次，Tom35次`) or `也是` with a count (`李娜下个月拜访目标40次，Tom也是40次`)
set each member's target (it was offered as a task, the whole sentence its title); undo takes back
both."""
import datetime as dt

import pytest

from support import MON, target_rows, task_rows

pytestmark = pytest.mark.phrasing

JAN = dt.date(2027, 1, 1)


@pytest.fixture
def team(chat):
    chat.team(manager="王芳", reps=("李娜", "Tom", "Ana"))
    chat.now = MON
    return chat


@pytest.mark.parametrize("said, expected", [
    ("下个月拜访目标 李娜40次，Tom35次", {("李娜", "visits", 40), ("Tom", "visits", 35)}),
    ("下个月拜访目标李娜40次，Tom35次", {("李娜", "visits", 40), ("Tom", "visits", 35)}),
    ("下个月拜访目标 李娜40次、Tom35次。", {("李娜", "visits", 40), ("Tom", "visits", 35)}),
    ("下个月业绩目标 李娜50万，Tom40万", {("李娜", "revenue", 500000), ("Tom", "revenue", 400000)}),
    ("李娜下个月拜访目标40次，Tom也是40次", {("李娜", "visits", 40), ("Tom", "visits", 40)}),
    ("李娜下个月拜访目标40次，Tom也40次", {("李娜", "visits", 40), ("Tom", "visits", 40)}),
    ("李娜下个月拜访目标40次，Tom 35次", {("李娜", "visits", 40), ("Tom", "visits", 35)}),
    ("visit targets next month Ana 40, Tom 35", {("Ana", "visits", 40), ("Tom", "visits", 35)}),
])
def test_a_list_of_targets_said_once_sets_each(team, said, expected):
    reply = team.reply(said, user="王芳")
    assert reply.ok and reply.text.count("目标已设定" if "目标" in said else "Target set") == 2, reply.text
    rows = target_rows(team, "member", "metric", "amount", "period_start")
    assert {row[:3] for row in rows} == expected and {row[3] for row in rows} == {JAN}
    assert task_rows(team) == []
    assert team.reply("撤销", user="王芳").ok and target_rows(team) == []

