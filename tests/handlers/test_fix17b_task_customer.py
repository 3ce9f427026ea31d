"""A task whose words name one known customer (by name or alias) is that customer's, and the reply
says so (#23); words naming none or two link none."""
import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Task

pytestmark = pytest.mark.phrasing


def _tasks(chat):
    with chat.session_factory() as s:
        names = dict(s.execute(select(Customer.id, Customer.name)).all())
        return [(names.get(t.customer_id), t.title) for t in s.scalars(select(Task).order_by(Task.id))], \
            sorted(names.values())


@pytest.mark.parametrize("text, lang, title, about", [
    ("task call huawei re pricing fri", None, "call huawei re pricing", "About  华为"),
    ("task send Huawei the quote by fri", None, "send Huawei the quote", "About  华为"),
    ("task follow up with globex on the contract tomorrow", None, "follow up with globex on the contract",
     "About  Globex"),
    ("任务 周五给华为发报价", "zh", "给华为发报价", "关于  华为"),
    ("任务 明天给huawei打电话", "zh", "给huawei打电话", "关于  华为"),
    ("任务 下周一 约Globex的CTO", "zh", "约Globex的CTO", "关于  Globex"),
])
def test_a_task_naming_a_customer_is_linked_to_it(team_chat, text, lang, title, about):
    team_chat("visit +华为: intro", user="Ana")
    team_chat("visit +Globex: intro", user="Ana")
    out = team_chat(text, user="Ana", lang=lang)
    tasks, names = _tasks(team_chat)
    assert about in out, out
    assert tasks == [(about.split()[-1], title)]
    assert names == sorted(["Globex", "华为"])


@pytest.mark.parametrize("text", ["task prep the quarterly deck fri", "任务 周五 整理报表"])
def test_a_task_naming_no_one_customer_is_linked_to_none(team_chat, text):
    team_chat("visit +华为: intro", user="Ana")
    team_chat("visit +Globex: intro", user="Ana")
    out = team_chat(text, user="Ana")
    tasks, names = _tasks(team_chat)
    assert "About" not in out and "关于" not in out, out
    assert [customer for customer, _title in tasks] == [None]
    assert names == sorted(["Globex", "华为"])


def test_a_task_naming_two_customers_asks_which(team_chat):
    """(fix35b, r31en #122: two customers linked none without a word; now asked, nothing stored.)"""
    team_chat("visit +华为: intro", user="Ana")
    team_chat("visit +Globex: intro", user="Ana")
    out = team_chat("task call huawei and globex fri", user="Ana")
    tasks, _names = _tasks(team_chat)
    assert "which customer" in out and "华为" in out and "Globex" in out, out
    assert tasks == []


def test_a_manager_task_for_a_rep_naming_a_customer_is_linked(team_chat):
    team_chat("visit +华为: intro", user="Ana")
    out = team_chat("task @Ana call huawei re pricing fri", user="Mia")
    tasks, _names = _tasks(team_chat)
    assert "华为" in out and tasks == [("华为", "call huawei re pricing")]


@pytest.mark.parametrize("made, moved, lang", [
    ("task call huawei re pricing fri", "任务 华为 改到下周一", "zh"),
    ("任务 周五给华为发报价", "task move huawei to next mon", None),
    ("任务 周五给华为发报价", "任务 huawei 改到下周一", "zh"),
])
def test_a_task_is_found_by_its_customer_said_either_way(team_chat, made, moved, lang):
    team_chat("visit +华为: intro", user="Ana")
    team_chat(made, user="Ana")
    team_chat("task prep the deck fri", user="Ana")  # another open task: the words must pick
    out = team_chat(moved, user="Ana", lang=lang)
    with team_chat.session_factory() as s:
        due = {t.id: t.due_on for t in s.scalars(select(Task))}
    assert due[1] != due[2] and due[1].weekday() == 0, out
