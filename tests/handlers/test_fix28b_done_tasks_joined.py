"""r25 #168: `done task 7 and task 2, cfo back on the 15th` made a NEW task "2, cfo back" and left task
2 open. Rule: several tasks said done, joined by `and task N` / `和任务N`, are each marked done; the
words after them are what came of it (sent to the giver, said not kept), never a new task."""
import pytest
from sqlalchemy import select

from storage.models.sales import Task

pytestmark = pytest.mark.phrasing


def _tasks(chat):
    with chat.session_factory() as s:
        return [(t.id, t.title, t.done_at is not None) for t in s.scalars(select(Task).order_by(Task.id))]


@pytest.fixture
def team(chat):
    chat.team(manager="王芳", reps=("Bo", "张伟"))
    assert chat.reply("task @Bo call lenovo's cfo by thu", user="王芳").ok
    assert chat.reply("task @Bo send tencent the nda by fri", user="王芳").ok
    return chat


@pytest.mark.parametrize("said, shown", [
    ("done task 1 and task 2, cfo back on the 15th", "“cfo back on the 15th” went to 王芳"),
    ("done task 2 & task 1: cfo back on the 15th", "“cfo back on the 15th” went to 王芳"),
    ("完成 任务1和任务2，CFO 15号回来", "“CFO 15号回来”已随完成通知发给王芳"),
    ("完成任务2、任务1，客户说下周再谈", "“客户说下周再谈”已随完成通知发给王芳"),
])
def test_each_task_done_and_no_new_task(team, said, shown):
    out = team(said, user="Bo")
    en = "Task #1 done" in out and "Task #2 done" in out
    assert en or "任务 #1 已完成" in out and "任务 #2 已完成" in out, out
    assert shown in out, out
    assert [done for _id, _title, done in _tasks(team)] == [True, True], _tasks(team)
