"""r28zh: `任务 客户 海尔：下个月再去拜访一次 看看还有没有别的机会` was split at the 还有 inside 还有没有 into
two tasks (the second "没有别的机会", with no day and no customer), and `任务 明天上午去格力送样品 顺便见下
王经理` at 顺便 (one errand, done while there). A 还有 that asks (还有没有/还有什么) and 顺便 join nothing
in a task; `；还有…` and ` 另外 ` still make a second task."""
import datetime as dt

import pytest

from support import MON, make_team_chat, task_rows

pytestmark = pytest.mark.phrasing


@pytest.mark.parametrize("said, title, due", [
    ("任务 客户 海尔：下个月再去拜访一次 看看还有没有别的机会", "再去拜访一次 看看还有没有别的机会",
     dt.date(2027, 1, 4)),
    ("任务 明天上午去海尔送样品 顺便见下王经理", "上午去海尔送样品 顺便见下王经理", dt.date(2026, 12, 8)),
])
def test_one_errand_is_one_task(session_factory, said, title, due):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟",))
    assert chat.reply("拜访 +海尔：初次见面", user="张伟").ok
    reply = chat.reply(said, user="张伟")
    assert reply.ok and title in reply.text, reply.text
    assert task_rows(session_factory, "title", "due_on", "customer") == [(title, due, "海尔")]


def test_a_second_thing_after_a_semicolon_is_still_a_second_task(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟",))
    assert chat.reply("拜访 +海尔：初次见面", user="张伟").ok
    assert chat.reply("任务 下周一之前整理海尔的比价资料；还有给海尔发合同", user="张伟").ok
    assert [row[0] for row in task_rows(session_factory, "title")] == ["整理海尔的比价资料", "给海尔发合同"]
