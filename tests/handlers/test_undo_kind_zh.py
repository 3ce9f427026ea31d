"""r30zh: `撤销刚才的任务` answered "没有找到名叫“撤销刚才”的成员" (read as someone's tasks asked
about). An undo naming its kind in Chinese undoes that change; a member's tasks asked by name are
still listed."""
import pytest

from support import MON, make_team_chat, task_rows

pytestmark = pytest.mark.phrasing


@pytest.mark.parametrize("undo", ["撤销刚才的任务", "撤回刚才的任务", "把刚才的任务撤销", "撤消刚才的任务"])
def test_an_undo_naming_the_task_just_made_undoes_it(session_factory, undo):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟",))
    chat.said_ok("任务 明天给华为打电话", user="张伟")
    reply = chat.reply(undo, user="张伟")
    assert reply.ok and "已撤销" in reply.text, reply.text
    assert task_rows(session_factory, "id") == []


def test_a_members_tasks_asked_by_name_are_still_listed(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟",))
    chat.said_ok("任务 @张伟 明天给华为打电话", user="王芳")
    reply = chat.reply("张伟的任务", user="王芳")
    assert reply.ok and "给华为打电话" in reply.text, reply.text
