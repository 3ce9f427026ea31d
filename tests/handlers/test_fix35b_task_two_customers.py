"""r31en #122: a task naming two customers (`task call 腾讯 and 阿里 about the security audit tmrw
morning`) was linked to the first silently; `任务 明天给华为和小米发报价` to none, without a word.
Which one is asked, one tap each or none; nothing stored before the tap; undo takes the task back."""
import pytest

from support import MON, records, task_rows

pytestmark = pytest.mark.phrasing

AUDIT = "task call 腾讯 and 阿里 about the security audit tmrw morning"


@pytest.fixture
def rep(chat):
    chat.team(manager="王芳", reps=("Ana", "张伟"))
    chat.now = MON
    chat.said_ok("客户 +腾讯 A类", "客户 +阿里巴巴 A类", "客户 +华为 A类", "客户 +小米 B类",
                 "customer +Globex tier B", "customer +Initech tier B", user="张伟")
    return chat


@pytest.mark.parametrize("said, user, names, pick, linked", [
    (AUDIT, "Ana", ("腾讯", "阿里巴巴"), "2", "阿里巴巴"),
    (AUDIT, "Ana", ("腾讯", "阿里巴巴"), "1", "腾讯"),
    ("任务 明天给华为和小米发报价", "张伟", ("华为", "小米"), "2", "小米"),
    ("任务 明天给华为、小米发报价", "张伟", ("华为", "小米"), "1", "华为"),
    ("task email Globex & Initech the pricing by fri", "Ana", ("Globex", "Initech"), "2", "Initech"),
    ("task call tencent and alibaba about the audit fri", "Ana", ("腾讯", "阿里巴巴"), "3", None),
])
def test_a_task_naming_two_customers_asks_which(rep, said, user, names, pick, linked):
    before = records(rep.session_factory)
    asked = rep.reply(said, user=user)
    assert not asked.ok and all(name in asked.text for name in names), asked.text
    assert len(asked.buttons) == 3 and records(rep.session_factory) == before
    reply = rep.reply(pick, user=user)
    assert reply.ok, reply.text
    [(customer,)] = task_rows(rep, "customer")
    assert customer == linked
    assert linked is None or linked in reply.text
    assert rep.reply("undo", user=user).ok and task_rows(rep) == []


def test_a_task_naming_one_customer_is_linked_at_once(rep):
    assert rep.reply("task call 腾讯 re the audit fri").ok
    assert task_rows(rep, "title", "customer") == [("call 腾讯 re the audit", "腾讯")]
