"""r31zh #5: `小米的CRM推到方案阶段了，另外明天给小米发个报价 建个任务` made one task titled with the stage
move and left the deal where it was. A deal moved in words and a task said after a joining word
(另外, 顺便, also, `;`) are both done: the move, and a task with its own title and day; one `undo`
takes back both."""
import pytest

from support import MON, deal_rows, make_team_chat, task_rows

pytestmark = pytest.mark.phrasing


@pytest.mark.parametrize("said, stage, title, due", [
    ("小米的CRM推到方案阶段了，另外明天给小米发个报价 建个任务", "proposal", "给小米发个报价", "2026-12-08"),
    ("小米CRM推到方案阶段了 顺便建个任务 周五前给小米发报价", "proposal", "给小米发报价", "2026-12-11"),
    ("小米CRM推进到商务谈判了，另外提醒我周五给小米发合同", "negotiation", "给小米发合同", "2026-12-11"),
    ("move the 小米 CRM to proposal, also task call 小米 CFO tomorrow", "proposal", "call 小米 CFO",
     "2026-12-08"),
    ("move the 小米 CRM to negotiation; also remind me to send the contract fri", "negotiation",
     "send the contract", "2026-12-11"),
])
def test_a_move_and_a_task_are_both_done(session_factory, said, stage, title, due):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("Ana",))
    assert chat.reply('商机 +小米 "CRM" 20万 需求挖掘', user="Ana").ok
    reply = chat.reply(said, user="Ana")
    assert reply.ok, reply.text
    assert title in reply.text, reply.text
    assert deal_rows(chat, "title", "stage") == [("CRM", stage)]
    assert [(t, str(d)) for t, d in task_rows(chat)] == [(title, due)]
    assert chat.reply("撤销" if "小米C" in said else "undo", user="Ana").ok
    assert deal_rows(chat, "title", "stage") == [("CRM", "discovery")] and task_rows(chat) == []
