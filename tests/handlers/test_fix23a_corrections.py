"""Round 23: corrections of the bot's previous answer that went unread, EN and ZH.

1. `no I meant ana 550k` after several targets; `hmm its actually 45k` after a deal; `make that 135k,
   its a 3 yr contract` (the why offered, not kept, one tap); `actually start it jan 11` after a
   contest; `oops the week after, 17th-18th` after a leave.
2. `oops 7` after `tier B every 3 weeks`: the rhythm (7 weeks), never a deal's amount.
3. `task 6 not done`, `wait no, 6 isnt done yet`, `任务6还没完成`: the task open again, undoable.
4. `actually it closed on thu` some messages after a win: that win's day, its number said.
5. `no that was for ana`, `不对，那是给Ana的` after a task was given; `task 6 to ana`, `任务6 给Ana`."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Deal, Task
from storage.models.team import Contest, Leave, Target, Team
from storage.models.workspace import Member
from support import Chat, make_team_chat

pytestmark = pytest.mark.phrasing


def _chat(session_factory, manager: str = "Mia") -> Chat:
    return make_team_chat(session_factory, manager=manager, reps=("Ana", "Bo", "张伟"))


def _member(s, name: str) -> int:
    return s.scalars(select(Member.id).where(Member.display_name == name)).one()


@pytest.mark.parametrize("manager, set_, said, shown", [
    ("Mia", "targets next month: Bo 450k, Ana 500k", "no I meant ana 550k", "Corrected: it was ¥500K"),
    ("王芳", "下个月目标：Bo 45万，Ana 50万", "不对 我是说Ana 55万", "已更正：原为 ¥50万"),
])
def test_one_of_several_targets_named_is_corrected(session_factory, manager, set_, said, shown):
    chat = _chat(session_factory, manager)
    assert chat.reply(set_, user=manager).ok
    reply = chat.reply(said, user=manager)
    assert reply.ok and shown in reply.text, reply.text
    with session_factory() as s:
        rows = s.execute(select(Member.display_name, Target.amount)
                         .join(Member, Member.id == Target.member_id).order_by(Member.display_name)).all()
    assert [(name, int(amount)) for name, amount in rows] == [("Ana", 550000), ("Bo", 450000)]


@pytest.mark.parametrize("user, made, said, shown", [
    ("Ana", "deal +Globex 50k", "hmm its actually 45k", "¥50K → ¥45K"),
    ("Ana", "deal +Globex 50k", "oops it was actually 45k", "¥50K → ¥45K"),
    ("张伟", "商机 +华为 50万", "嗯 其实是45万", "¥50万 → ¥45万"),
])
def test_an_amount_said_again_with_actually(session_factory, user, made, said, shown):
    chat = _chat(session_factory)
    assert chat.reply(made, user=user).ok
    reply = chat.reply(said, user=user)
    assert reply.ok and shown in reply.text, reply.text
    with session_factory() as s:
        assert int(s.scalars(select(Deal.amount)).one()) == (45000 if user == "Ana" else 450000)


@pytest.mark.parametrize("user, made, said, why", [
    ("Ana", "deal +Globex 50k", "make that 135k, its a 3 yr contract", "its a 3 yr contract"),
    ("张伟", "商机 +华为 50万", "改成135万，签了三年", "签了三年"),
])
def test_an_amount_with_why_is_offered_the_why_said(session_factory, user, made, said, why):
    chat = _chat(session_factory)
    assert chat.reply(made, user=user).ok
    reply = chat.reply(said, user=user)
    assert not reply.ok and why in reply.text and len(reply.buttons) == 1, reply.text
    with session_factory() as s:
        assert int(s.scalars(select(Deal.amount)).one()) == (50000 if user == "Ana" else 500000)  # not yet
    assert chat.press(reply.buttons[0], user=user).ok
    with session_factory() as s:
        assert int(s.scalars(select(Deal.amount)).one()) == (135000 if user == "Ana" else 1350000)


@pytest.mark.parametrize("manager, made, said, shown", [
    ("Mia", "contest most deals dec 14-dec 20", "actually start it jan 11", "Jan 11"),
    ("王芳", "竞赛 成交数 12月14日-12月20日", "其实1月11号开始", "1月11日"),
])
def test_a_contest_started_later(session_factory, manager, made, said, shown):
    chat = _chat(session_factory, manager)
    assert chat.reply(made, user=manager).ok
    reply = chat.reply(said, user=manager)
    assert reply.ok and shown in reply.text, reply.text
    with session_factory() as s:
        contest = s.scalars(select(Contest)).one()
        assert (contest.starts_on, contest.ends_on) == (dt.date(2027, 1, 11), dt.date(2027, 1, 17))


@pytest.mark.parametrize("user, made, said", [
    ("Ana", "leave dec 10-11", "oops the week after, 17th-18th"),
    ("Ana", "leave dec 10-11", "oops the week after"),
    ("张伟", "请假 12月10日-12月11日", "哦不 推后一周"),
])
def test_a_leave_moved_the_week_after(session_factory, user, made, said):
    chat = _chat(session_factory)
    assert chat.reply(made, user=user).ok
    reply = chat.reply(said, user=user)
    assert reply.ok and ("Dec 17" in reply.text or "12月17日" in reply.text), reply.text
    with session_factory() as s:
        leave = s.scalars(select(Leave)).one()
        assert (leave.first_day, leave.last_day) == (dt.date(2026, 12, 17), dt.date(2026, 12, 18))


@pytest.mark.parametrize("manager, made, said, days", [
    ("Mia", "tier B every 3 weeks", "oops 7", 49),
    ("Mia", "tier B every 3 weeks", "no 7 days", 7),
    ("王芳", "B类 每3周回访", "不对 是7", 49),
])
def test_a_number_after_a_tier_rhythm_is_the_rhythm(session_factory, manager, made, said, days):
    chat = _chat(session_factory, manager)
    assert chat.reply("deal +Globex 50k", user=manager).ok  # a deal there, never changed by it
    assert chat.reply(made, user=manager).ok
    reply = chat.reply(said, user=manager)
    assert reply.ok and str(days) in reply.text, reply.text
    with session_factory() as s:
        assert any(str(days) in str(team.settings) for team in s.scalars(select(Team)))
        assert int(s.scalars(select(Deal.amount)).one()) == 50000


@pytest.mark.parametrize("user, made, done, said, undo", [
    ("Ana", "task call Globex fri", "done task 1", "task 1 not done", "undo"),
    ("Ana", "task call Globex fri", "done task 1", "wait no, 1 isnt done yet", "undo"),
    ("张伟", "任务 周五给华为打电话", "完成 任务 1", "任务1还没完成", "撤销"),
    ("张伟", "任务 周五给华为打电话", "完成 任务 1", "任务1 未完成", "撤销"),
])
def test_a_done_task_reopened(session_factory, user, made, done, said, undo):
    chat = _chat(session_factory)
    assert chat.reply(made, user=user).ok and chat.reply(done, user=user).ok
    reply = chat.reply(said, user=user)
    assert reply.ok and ("open again" in reply.text or "重新打开" in reply.text), reply.text
    with session_factory() as s:
        assert s.scalars(select(Task.done_at)).one() is None
    assert chat.reply(undo, user=user).ok
    with session_factory() as s:
        assert s.scalars(select(Task.done_at)).one() is not None


def test_another_members_task_is_not_reopened(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("task call Globex fri", user="Ana").ok and chat.reply("done task 1", user="Ana").ok
    reply = chat.reply("task 1 not done", user="Bo")
    assert not reply.ok, reply.text
    with session_factory() as s:
        assert s.scalars(select(Task.done_at)).one() is not None


@pytest.mark.parametrize("user, won, other, said, shown", [
    ("Ana", "won +Globex 50k: faster delivery", "customer +Initech", "actually it closed on thu", "Nov 19"),
    ("张伟", "赢单 +华为 5万：交付快", "客户 +小米", "其实是周四签的", "11月19日"),
])
def test_a_close_day_said_later_moves_the_last_win(session_factory, user, won, other, said, shown):
    chat = _chat(session_factory)
    assert chat.reply(won, user=user).ok and chat.reply(other, user=user).ok
    assert chat.reply("deals", user=user).ok
    reply = chat.reply(said, user=user)
    assert reply.ok and "#1" in reply.text and shown in reply.text, reply.text
    with session_factory() as s:
        closed = s.scalars(select(Deal.closed_at)).one()
        assert closed.astimezone(dt.timezone(dt.timedelta(hours=8))).date() == dt.date(2026, 11, 19)


@pytest.mark.parametrize("manager, said, undo", [
    ("Mia", "no that was for ana", "undo"),
    ("Mia", "task 1 to ana", "undo"),
    ("王芳", "不对，那是给Ana的", "撤销"),
    ("王芳", "任务1 给Ana", "撤销"),
])
def test_a_task_given_to_someone_else(session_factory, manager, said, undo):
    chat = _chat(session_factory, manager)
    assert chat.reply("task @Bo call Globex fri" if manager == "Mia" else "任务 @Bo 周五给华为打电话",
                      user=manager).ok
    reply = chat.reply(said, user=manager)
    assert reply.ok and "Ana" in reply.text and "Bo" in reply.text, reply.text
    with session_factory() as s:
        assert s.scalars(select(Task.assignee_id)).one() == _member(s, "Ana")
    assert chat.reply(undo, user=manager).ok
    with session_factory() as s:
        assert s.scalars(select(Task.assignee_id)).one() == _member(s, "Bo")


def test_a_rep_gives_no_task_to_another(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("task call Globex fri", user="Ana").ok
    reply = chat.reply("task 1 to bo", user="Ana")
    assert not reply.ok, reply.text
    with session_factory() as s:
        assert s.scalars(select(Task.assignee_id)).one() == _member(s, "Ana")
