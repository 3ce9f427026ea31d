"""Round 22 (r22en): corrections said in plain words right after a change, EN and ZH.

`no wait it closed last fri` after a win's amount was corrected, `and it closed thu actually` right
after a win (never its reason), `oh wait the contract says 201k not 210 typo` after a win, `no wait its
17th and 18th my bad` after a leave, `oh no wrong one bring it back` after a change (the undo, one
tap), `bo too` after Ana's target (the same for Bo, said back, one tap)."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Deal
from storage.models.team import Leave, Target
from storage.models.workspace import Member
from support import Chat, make_team_chat

pytestmark = pytest.mark.phrasing

ZONE = dt.timezone(dt.timedelta(hours=8))
WED = dt.datetime(2026, 12, 9, 2, 0, tzinfo=dt.timezone.utc)  # Wed, Dec 9, 2026


def _chat(session_factory, manager: str = "Mia") -> Chat:
    return make_team_chat(session_factory, now=WED, manager=manager, reps=("Ana", "Bo", "张伟"))


def _deal(session_factory) -> tuple:
    with session_factory() as s:
        deal = s.scalars(select(Deal)).one()
        return deal.stage, int(deal.amount), deal.closed_at.astimezone(ZONE).date(), deal.reason


@pytest.mark.parametrize("user, made, between, said, day", [
    ("Ana", "won +Globex 210k", "oops 201k", "no wait it closed last fri", dt.date(2026, 12, 4)),
    ("Ana", "won +Globex 210k", None, "and it closed last fri actualy", dt.date(2026, 12, 4)),
    ("Ana", "won +Globex 210k", None, "and it closed mon actually", dt.date(2026, 12, 7)),
    ("张伟", "赢单 +华为 21万", "哦不 20.1万", "其实是上周五签的", dt.date(2026, 12, 4)),
])
def test_a_close_day_said_after_a_win(session_factory, user, made, between, said, day):
    chat = _chat(session_factory)
    assert chat.reply(made, user=user).ok
    if between:
        assert chat.reply(between, user=user).ok
    _stage, amount, _was, reason = _deal(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok, reply.text
    assert _deal(session_factory) == ("won", amount, day, reason)  # no reason made of the words
    assert "closed" not in (reason or "")


@pytest.mark.parametrize("user, made, said, amount", [
    ("Ana", "won +Globex 210k", "oh wait the contract says 201k not 210 typo", 201000),
    ("Ana", "won +Globex 210k", "oh wait 201k not 210", 201000),
])
def test_an_amount_put_right_after_a_win(session_factory, user, made, said, amount):
    chat = _chat(session_factory)
    assert chat.reply(made, user=user).ok
    reply = chat.reply(said, user=user)
    assert reply.ok and "201K" in reply.text, reply.text
    stage, kept, _day, reason = _deal(session_factory)
    assert (stage, kept) == ("won", amount) and "contract" not in (reason or "")


@pytest.mark.parametrize("user, made, said", [
    ("Ana", "leave dec 10-11", "no wait its 17th and 18th my bad"),
    ("Ana", "leave dec 10-11", "sorry 17th & 18th"),
    ("张伟", "请假 12月10日-12月11日", "不对 是17号和18号 不好意思"),
])
def test_a_leave_put_right_with_two_days_joined(session_factory, user, made, said):
    chat = _chat(session_factory)
    assert chat.reply(made, user=user).ok
    reply = chat.reply(said, user=user)
    assert reply.ok and ("Dec 17" in reply.text or "12月17日" in reply.text), reply.text
    with session_factory() as s:
        leave = s.scalars(select(Leave)).one()
        assert (leave.first_day, leave.last_day) == (dt.date(2026, 12, 17), dt.date(2026, 12, 18))


@pytest.mark.parametrize("said", ["oh no wrong one bring it back", "oops wrong one, put it back pls"])
def test_bring_it_back_is_the_undo(session_factory, said):
    chat = _chat(session_factory)
    assert chat.reply("deal +Globex 50k").ok
    with session_factory() as s:
        deal_id = s.scalars(select(Deal.id)).one()
    assert chat.reply(f"deal #{deal_id} 60k").ok
    reply = chat.reply(said)
    assert not reply.ok and [b.command for b in reply.buttons] == ["undo confirm"], reply.text
    assert _amount(session_factory) == 60000  # not yet
    assert chat.reply("1").ok
    assert _amount(session_factory) == 50000


def _amount(session_factory) -> int:
    with session_factory() as s:
        return int(s.scalars(select(Deal.amount)).one())


@pytest.mark.parametrize("manager, made, said, shown", [
    ("Mia", "set Ana's target for feb to 450k", "bo too", "set Bo's target for feb to 450k"),
    ("Mia", "set Ana's target for feb to 450k", "and bo as well", "set Bo's target for feb to 450k"),
    ("王芳", "Ana 2月目标 45万", "Bo也一样", "Bo 2月目标 45万"),
])
def test_the_same_target_for_another_member(session_factory, manager, made, said, shown):
    chat = _chat(session_factory, manager)
    assert chat.reply(made, user=manager).ok
    reply = chat.reply(said, user=manager)
    assert not reply.ok and shown in reply.text and len(reply.buttons) == 1, reply.text
    assert _targets(session_factory) == [("Ana", 450000)]
    assert chat.reply("1", user=manager).ok
    assert _targets(session_factory) == [("Ana", 450000), ("Bo", 450000)]


def _targets(session_factory) -> list[tuple[str, int]]:
    with session_factory() as s:
        rows = s.execute(select(Member.display_name, Target.amount)
                         .join(Member, Member.id == Target.member_id).order_by(Member.display_name)).all()
    return [(name, int(amount)) for name, amount in rows]
