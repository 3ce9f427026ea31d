"""Issue #23, round 32: `任务8也删掉` right after another task's delete was offered as a NEW task
titled “8也删掉”. A delete said with "too" (`把任务8也删了`, `also delete task 8`, `task 8 too,
delete it`) is that record's delete, asked to confirm as `删除任务8` is; nothing is stored."""
import pytest

from support import make_team_chat, task_rows

pytestmark = pytest.mark.phrasing


@pytest.mark.parametrize("too, zh", [
    ("任务{n}也删掉", True),
    ("把任务{n}也删了", True),
    ("还有任务{n}也删除", True),
    ("也把任务{n}删了", True),
    ("also delete task {n}", False),
    ("task {n} too, delete it", False),
    ("delete task {n} too", False),
    ("and task {n} as well, delete it", False),
])
def test_a_delete_said_with_too_deletes_that_task(session_factory, too, zh):
    chat = make_team_chat(session_factory, manager="王芳", reps=("张伟", "Ana"))
    user = "张伟" if zh else "Ana"
    chat.said_ok("任务 给小米发报价 周五" if zh else "task send Acme the quote fri",
                 "任务 给京东打电话 周四" if zh else "task call Globex thu", user=user)
    first = chat.reply("删除任务1" if zh else "delete task 1", user=user)
    assert [b.command for b in first.buttons] == ["任务 #1 删除 确认" if zh else "task #1 delete confirm"]
    before = task_rows(session_factory, "id", "title")
    reply = chat.reply(too.format(n=2), user=user)
    assert [b.command for b in reply.buttons] == ["任务 #2 删除 确认" if zh else "task #2 delete confirm"], \
        reply.text
    assert ("删除任务 #2" if zh else "Delete task #2") in reply.text, reply.text
    assert task_rows(session_factory, "id", "title") == before  # nothing new, nothing gone yet
