"""Round 26a: short corrections right after a change, reopen with the verb first, a task given and
moved in one message, an undo with why, and one deal given to another rep; EN and ZH.

1. `oops wrong one, not done yet` after a task done: that task open again; `forget it, delete that`
   after a task made: it is undone; `bring it back` after a deletion: restored; `no actually he stays
   rep` after a role change: the role set again. Nothing when the last change does not fit.
2. `reopen task 1`, `重开任务1`.
3. `reassign task 1 to bo and make it due 12/21`: both, or (one refused) neither.
4. `undo, wrong customer`: the last change undone, the why stored nowhere.
5. `give deal 1 to bo`, `1号单子转给张伟`: a manager's; the new owner told; undoable."""
import datetime as dt

import pytest
from sqlalchemy import func, select

from storage.models.messaging import Delivery
from storage.models.sales import Customer, Deal, Task, Visit
from storage.models.workspace import Member
from support import Chat, make_team_chat

pytestmark = pytest.mark.phrasing


def _chat(session_factory, manager: str = "Mia") -> Chat:
    return make_team_chat(session_factory, manager=manager, reps=("Ana", "Bo", "张伟"))


def _task(session_factory) -> Task | None:
    with session_factory() as s:
        return s.scalars(select(Task)).one_or_none()


@pytest.mark.parametrize("made, done, said, shown", [
    ("task call acme fri", "done task 1", "oops wrong one, not done yet", "is open again"),
    ("任务 周五给华为打电话", "完成 任务 1", "点错了 还没做完", "已重新打开"),
    ("task call acme fri", "done task 1", "reopen task 1", "is open again"),
    ("任务 周五给华为打电话", "完成 任务 1", "重开任务1", "已重新打开"),
])
def test_a_done_taken_back_reopens_the_task(session_factory, made, done, said, shown):
    chat = _chat(session_factory)
    assert chat.reply(made).ok and chat.reply(done).ok and _task(session_factory).done_at is not None
    reply = chat.reply(said)
    assert reply.ok and shown in reply.text, reply.text
    assert _task(session_factory).done_at is None


def test_not_done_after_another_change_changes_nothing(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("task call acme fri").ok and chat.reply("done task 1").ok
    assert chat.reply("visit Globex: met the CTO").ok
    reply = chat.reply("oops wrong one, not done yet")
    assert not reply.ok, reply.text
    assert _task(session_factory).done_at is not None


@pytest.mark.parametrize("said, shown", [
    ("forget it, delete that", "is deleted"),
    ("算了 删掉吧", "删除了新建的任务"),
])
def test_delete_that_takes_away_what_was_just_made(session_factory, said, shown):
    chat = _chat(session_factory)
    assert chat.reply("task call acme fri").ok
    reply = chat.reply(said)
    assert reply.ok and shown in reply.text, reply.text
    assert _task(session_factory) is None


@pytest.mark.parametrize("said, asked", [
    ("forget it, delete that", "Delete what?"),
    ("算了 删掉吧", "删除哪条？"),
])
def test_delete_that_after_a_done_is_asked_and_deletes_nothing(session_factory, said, asked):
    chat = _chat(session_factory)
    assert chat.reply("task call acme fri").ok and chat.reply("done task 1").ok
    reply = chat.reply(said)
    assert not reply.ok and asked in reply.text, reply.text
    assert _task(session_factory).done_at is not None


@pytest.mark.parametrize("said, shown", [("bring it back", "Restored task #1"), ("恢复一下", "已恢复")])
def test_bring_it_back_restores_what_was_just_deleted(session_factory, said, shown):
    chat = _chat(session_factory)
    assert chat.reply("task call acme fri").ok and chat.reply("task #1 delete confirm").ok
    assert _task(session_factory) is None
    reply = chat.reply(said)
    assert reply.ok and shown in reply.text, reply.text
    assert _task(session_factory).title == "call acme"


@pytest.mark.parametrize("manager, made, said, shown", [
    ("Mia", "role @Bo manager", "no actually he stays rep", "Bo is now rep"),
    ("王芳", "角色 @Bo 经理", "不对 他还是销售", "Bo"),
])
def test_a_role_kept_said_of_a_pronoun_sets_it_again(session_factory, manager, made, said, shown):
    chat = _chat(session_factory, manager)
    assert chat.reply(made, user=manager).ok
    reply = chat.reply(said, user=manager)
    assert reply.ok and shown in reply.text, reply.text
    with session_factory() as s:
        assert s.scalars(select(Member.role).where(Member.display_name == "Bo")).one() == "rep"


@pytest.mark.parametrize("manager, give, said, shown", [
    ("Mia", "task @Ana call acme fri", "reassign task 1 to bo and make it due 12/21", "Mon, Dec 21"),
    ("王芳", "任务 @Ana 周五给华为打电话", "把任务1转给Bo 截止改到12月21日", "12月21日"),
])
def test_a_task_given_and_moved_in_one_message_does_both(session_factory, manager, give, said, shown):
    chat = _chat(session_factory, manager)
    assert chat.reply(give, user=manager).ok
    reply = chat.reply(said, user=manager)
    assert reply.ok and "Bo" in reply.text and shown in reply.text, reply.text
    task = _task(session_factory)
    with session_factory() as s:
        assert s.get(Member, task.assignee_id).display_name == "Bo"
    assert task.due_on == dt.date(2026, 12, 21)


def test_a_task_given_to_no_one_moves_nothing(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("task @Ana call acme fri", user="Mia").ok
    due = _task(session_factory).due_on
    assert not chat.reply("reassign task 1 to nobody and make it due 12/21", user="Mia").ok
    assert _task(session_factory).due_on == due


@pytest.mark.parametrize("said, note", [
    ("undo, wrong customer", "“wrong customer” read as why"),
    ("撤销 客户错了", "“客户错了”按撤销的原因处理"),
])
def test_an_undo_with_why_undoes_the_last_change_and_keeps_no_why(session_factory, said, note):
    chat = _chat(session_factory)
    assert chat.reply("task call acme fri").ok and chat.reply("visit Globex: met the CTO").ok
    reply = chat.reply(said)
    assert reply.ok and note in reply.text, reply.text
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Visit)) == 0  # the visit, not the task
        assert s.scalar(select(func.count()).select_from(Task)) == 1
        assert not s.scalars(select(Customer.name).where(Customer.name.contains("wrong"))).all()


def test_an_undo_with_a_second_thing_in_its_why_is_offered(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("visit Globex: met the CTO").ok
    reply = chat.reply("undo, wrong customer, it was initech")
    assert not reply.ok and "not kept" in reply.text, reply.text
    with session_factory() as s:
        assert s.scalar(select(func.count()).select_from(Visit)) == 1
        assert s.scalars(select(Customer.name)).all() == ["Globex"]


@pytest.mark.parametrize("manager, said, to, shown", [
    ("Mia", "give deal 1 to bo", "Bo", "is now Bo's (was Ana's)"),
    ("王芳", "1号单子转给张伟", "张伟", "已转给 张伟（原为 Ana）"),
])
def test_a_manager_gives_one_deal_to_another_rep(session_factory, manager, said, to, shown):
    chat = _chat(session_factory, manager)
    assert chat.reply("deal +Globex ERP 50k").ok
    reply = chat.reply(said, user=manager)
    assert reply.ok and shown in reply.text, reply.text
    with session_factory() as s:
        deal = s.scalars(select(Deal)).one()
        assert s.get(Member, deal.owner_id).display_name == to
        assert s.scalars(select(Delivery.key).where(Delivery.key.contains("deal:1:given"))).all()
    undone = chat.reply("undo" if manager == "Mia" else "撤销", user=manager)
    back = "is Ana's again" if manager == "Mia" else "已改回 Ana 负责"
    assert undone.ok and back in undone.text, undone.text
    with session_factory() as s:
        assert s.get(Member, s.scalars(select(Deal.owner_id)).one()).display_name == "Ana"
        told = sorted(" ".join(d.payload["lines"]) for d in s.scalars(
            select(Delivery).where(Delivery.key.contains("given-undone"))))
    # the two owners, told of the handover, are told of its undo (in their own language)
    assert len(told) == 2 and all("#1" in line and "Globex" in line for line in told), told
    assert any("is yours again" in line or "重新由你负责" in line for line in told), told


def test_a_rep_gives_no_deal_away(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("deal +Globex ERP 50k").ok
    assert not chat.reply("give deal 1 to bo").ok
    with session_factory() as s:
        assert s.get(Member, s.scalars(select(Deal.owner_id)).one()).display_name == "Ana"


@pytest.mark.parametrize("said, shown", [("reopen task 7", "There is no task #7."),
                                         ("重开任务7", "没有任务 #7。")])
def test_reopening_a_task_there_is_not_says_so(session_factory, said, shown):
    chat = _chat(session_factory)
    assert chat.reply("task call acme fri").ok
    answer = chat.reply(said)
    assert not answer.ok and answer.lines[0] == shown
    assert _task(session_factory).done_at is None
