"""r32en: a name after a preposition is that name. `log a visit at 格力 …` made a customer "at 格力"
and put the visit on it, silently; `task for Ana and 张伟: …` by a manager made one task for herself
titled "for Ana and 张伟: …", silently. Now the visit is 格力's, and the task is offered one each
(or, for one name, is that member's); a rep's `task for Bo: …` is refused with her own task offered,
no `for` left in it."""
import pytest

from support import MON, customer_names, make_team_chat, records, task_rows, visit_rows

pytestmark = pytest.mark.phrasing


@pytest.mark.parametrize("said", ["visit at 格力: pricing talk", "log a visit at 格力: pricing talk",
                                  "visit At 格力：谈了价格"])
def test_a_visit_at_a_customer_is_that_customer(session_factory, said):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("Ana",))
    chat.said_ok("customer +格力")
    reply = chat.reply(said)
    assert reply.ok, reply.text
    assert [customer for (customer,) in visit_rows(session_factory, "customer")] == ["格力"]
    assert customer_names(session_factory) == ["格力"]


@pytest.mark.parametrize("said", ["task for Ana and 张伟: update your pipeline before thursday",
                                  "任务 给Ana和张伟：周四前更新漏斗"])
def test_a_task_for_two_members_is_offered_one_each(session_factory, said):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("Ana", "张伟"))
    before = records(session_factory)
    offer = chat.reply(said, user="王芳")
    assert not offer.ok and len(offer.buttons) == 1, offer.text
    assert records(session_factory) == before
    assert chat.reply("1", user="王芳").ok
    assert sorted(who for (who,) in task_rows(session_factory, "assignee")) == ["Ana", "张伟"]


@pytest.mark.parametrize("said", ["task for Ana: update your pipeline before thursday",
                                  "任务 给张伟：周五前给华为发报价"])
def test_a_task_for_one_member_is_theirs(session_factory, said):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("Ana", "张伟"))
    reply = chat.reply(said, user="王芳")
    assert reply.ok, reply.text
    [(who, title)] = task_rows(session_factory, "assignee", "title")
    assert who in said and not title.startswith(("for", f"给{who}")), title


def test_a_rep_task_for_another_offers_her_own_without_for(session_factory):
    chat = make_team_chat(session_factory, now=MON, manager="王芳", reps=("Ana", "Bo"))
    reply = chat.reply("task for Bo: send deck fri")
    assert not reply.ok and task_rows(session_factory, "title") == []
    [button] = reply.buttons
    assert button.command == "task send deck fri", button.command
