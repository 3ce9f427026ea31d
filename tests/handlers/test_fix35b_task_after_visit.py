"""r31en #11–#12: right after a visit to 格力 with Ms Li, `oh and remind me to call her back next
tuesday` was offered (and made) as a task titled "oh and call her back" with no customer. A task said
right after a visit that refers to someone there by a pronoun (her, him, them, 她, 他, 对方) is that
visit's customer's, said back in the reply; `oh and`, `also`, `对了`, `还有` are never in a title."""
import pytest

from support import MON, task_rows

pytestmark = pytest.mark.phrasing


@pytest.fixture
def rep(chat):
    chat.team(manager="王芳", reps=("Ana", "张伟"))
    chat.now = MON
    return chat


@pytest.mark.parametrize("user, visit, said, title, customer", [
    ("Ana", "visit +格力: met Ms Li, she wants a pilot proposal",
     "oh and remind me to call her back next tuesday", "call her back", "格力"),
    ("Ana", "visit +格力: met Mr Wang", "also remind me to send him the deck by fri", "send him the deck",
     "格力"),
    ("Ana", "visit +格力: met their IT team", "task also email them the pricing by fri",
     "email them the pricing", "格力"),
    ("张伟", "拜访 +小米：见了王总，谈了价格", "对了 提醒我周五给他回个电话", "给他回个电话", "小米"),
    ("张伟", "拜访 +小米：见了李经理", "任务 对了 周五给她发报价", "给她发报价", "小米"),
    ("张伟", "拜访 +小米：见了李经理", "任务 周五给对方发合同", "给对方发合同", "小米"),
])
def test_a_task_right_after_a_visit_is_its_customers(rep, user, visit, said, title, customer):
    rep.said_ok(visit, user=user)
    reply = rep.reply(said, user=user)
    if not reply.ok:  # offered first (no command word): nothing stored before the tap
        assert reply.buttons and title in reply.text, reply.text
        assert task_rows(rep) == []
        reply = rep.reply("1", user=user)
    assert reply.ok and customer in reply.text, reply.text
    assert task_rows(rep, "title", "customer") == [(title, customer)]
    assert rep.reply("undo", user=user).ok and task_rows(rep) == []


def test_a_pronoun_with_no_recent_visit_links_nothing(rep):
    reply = rep.reply("task call her back by fri")
    assert reply.ok, reply.text
    assert task_rows(rep, "title", "customer") == [("call her back", None)]
