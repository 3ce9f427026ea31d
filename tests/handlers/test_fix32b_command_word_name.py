"""fix32b: `visit target 46` from a manager (the visits target meant) made a customer "target 46" at
once. A new customer's name holding a command word (target/目标/任务/商机/task/deal …) is asked
about: one tap for the team's visits target (a manager's visit with a number), one for the new
customer after all; nothing is stored before the answer."""
import pytest

from support import MON, customer_names, make_team_chat, records, target_rows, visit_rows

pytestmark = pytest.mark.phrasing


def _chat(session_factory):
    return make_team_chat(session_factory, now=MON, manager="王芳", reps=("张伟", "Ana"))


@pytest.mark.parametrize("said, user, name", [
    ("visit target 46", "王芳", "target 46"),
    ("拜访 目标 46", "王芳", "目标"),
    ("visit task list", "Ana", "task list"),
    ("deal target 50k", "Ana", "target"),
    ("拜访 任务清单：过了一遍", "张伟", "任务清单"),
])
def test_a_new_customer_named_with_a_command_word_is_asked_never_made(session_factory, said, user, name):
    chat = _chat(session_factory)
    before = records(session_factory)
    reply = chat.reply(said, user=user)
    assert not reply.ok and name in reply.text, reply.text
    assert reply.buttons[-1].label in (f"New customer “{name}”", f"新客户“{name}”")
    assert records(session_factory) == before and customer_names(session_factory) == []


@pytest.mark.parametrize("said, tapped", [("visit target 46", "target team visits 46"),
                                          ("拜访 目标 46", "目标 团队 拜访 46")])
def test_a_managers_visit_target_with_a_number_offers_the_team_visits_target(session_factory, said, tapped):
    chat = _chat(session_factory)
    reply = chat.reply(said, user="王芳")
    assert reply.buttons[0].command == tapped, reply.buttons
    assert chat.press(reply.buttons[0], user="王芳")
    assert [(metric, amount) for _m, metric, amount, _p in target_rows(session_factory)] == [("visits", 46)]
    assert customer_names(session_factory) == [] and visit_rows(session_factory) == []


def test_the_new_customer_is_still_one_tap_away(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("visit task list", user="Ana")
    assert chat.press(reply.buttons[-1], user="Ana")
    assert customer_names(session_factory) == ["task list"]
    assert len(visit_rows(session_factory)) == 1
