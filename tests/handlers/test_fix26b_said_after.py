"""Round 26b: what is said right after a change, about that change.

- a leave's days said again with a verb alone (`make that thu and fri`, `改成周四周五`): the leave just
  entered now has those days of its week (handlers/sales/correction_last.py);
- one metric of a two-metric target corrected (`no, visits 40`, `不对 拜访改成40次`): only that
  metric's target, never the revenue, never a new target (handlers/team/metric_corrected.py);
- a stage said in a sentence (`其实已经到方案阶段了`, `actually its already at proposal stage`) or
  corrected after it (`不对 是方案呈现 不是线索`, `no its proposal not lead`): the deal just touched,
  moved or asked, never a customer change nor a note (handlers/sales/said_after.py).
Today is Sun, Dec 6 2026."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Deal, Visit
from storage.models.team import Target
from support import Chat, leave_rows, make_team_chat

pytestmark = pytest.mark.phrasing

SUN = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)


def _chat(session_factory) -> Chat:
    return make_team_chat(session_factory, now=SUN, manager="王芳", reps=("Ana", "张伟"))


_LEAVES = ("first_day", "last_day")  # what the tests read


@pytest.mark.parametrize("user, leave, said, shown", [
    ("Ana", "leave wed", "make that thu and fri", "→ Thu, Dec 10 – Fri, Dec 11"),
    ("张伟", "请假 周三", "改成周四周五", "→ 12月10日周四 – 12月11日周五"),
    ("张伟", "请假 12/16", "改成周四和周五", "→ 12月17日周四 – 12月18日周五"),  # the leave's week
    ("Ana", "leave 12/16", "change it to thu and fri", "→ Thu, Dec 17 – Fri, Dec 18"),
])
def test_a_leave_moved_to_two_days(session_factory, user, leave, said, shown):
    chat = _chat(session_factory)
    assert chat.reply(leave, user=user).ok
    assert shown in chat(said, user=user)
    first = dt.date(2026, 12, 10) if "wed" in leave or "周三" in leave else dt.date(2026, 12, 17)
    assert leave_rows(session_factory, *_LEAVES) == [(first, first + dt.timedelta(days=1))]


@pytest.mark.parametrize("user, leave, said, shown", [
    ("Ana", "leave 12/15", "make that mon and wed", "Mon, Dec 14 and Wed, Dec 16 are not one day after"),
    ("张伟", "请假 12/15", "改成周一周三", "12月14日周一和12月16日周三不是相连的两天"),
])
def test_two_days_apart_change_no_leave(session_factory, user, leave, said, shown):
    chat = _chat(session_factory)
    assert chat.reply(leave, user=user).ok
    reply = chat(said, user=user)
    assert shown in reply and ("leave 12/14-12/16" in reply or "请假 12月14日-12月16日" in reply)
    unchanged = [(dt.date(2026, 12, 15), dt.date(2026, 12, 15))]
    assert leave_rows(session_factory, *_LEAVES) == unchanged


def _targets(session_factory) -> dict[str, int]:
    with session_factory() as s:
        return {t.metric: int(t.amount) for t in s.scalars(select(Target).order_by(Target.id))}


@pytest.mark.parametrize("target, said, shown", [
    ("target ana december 500k revenue and 30 visits", "no, visits 40", "Corrected: it was 30"),
    ("target ana december 500k revenue and 30 visits", "oops, 40 visits", "Corrected: it was 30"),
    ("张伟 12月目标 50万 拜访30次", "不对 拜访改成40次", "已更正：原为 30"),
    ("张伟 12月目标 50万 拜访30次", "不对 拜访应该是40次", "已更正：原为 30"),
])
def test_one_metric_of_two_corrected(session_factory, target, said, shown):
    chat = _chat(session_factory)
    assert chat.reply(target, user="王芳").ok
    reply = chat(said, user="王芳")
    assert shown in reply and ("Visits 40" in reply or "拜访 40" in reply)
    assert _targets(session_factory) == {"revenue": 500000, "visits": 40}
    with session_factory() as s:
        assert len(s.scalars(select(Target)).all()) == 2  # no new target


def test_a_metric_not_set_is_no_correction(session_factory):
    chat = _chat(session_factory)
    assert chat.reply("target ana december 500k revenue", user="王芳").ok
    assert "Corrected" not in chat("no, visits 40", user="王芳")
    assert _targets(session_factory) == {"revenue": 500000}


def _deal(session_factory) -> tuple[str, int]:
    with session_factory() as s:
        deal = s.scalars(select(Deal)).one()
        return deal.stage, s.scalar(select(Customer.id).where(Customer.id == deal.customer_id))


@pytest.mark.parametrize("user, deal, change, said, shown", [
    ("张伟", '商机 +海尔 "ERP" 线索 50万', "商机 #1 55万", "不对 是方案呈现 不是线索", "方案呈现"),
    ("Ana", 'deal +Acme "ERP" lead 50k', "deal #1 55k", "no its proposal not lead", "Proposal"),
    ("张伟", '商机 +海尔 "ERP" 线索 50万', "商机 #1 需求挖掘", "其实已经到方案阶段了", "方案呈现"),
    ("Ana", 'deal +Acme "ERP" lead 50k', "deal #1 discovery",
     "actually its already at proposal stage", "Proposal"),
])
def test_a_stage_corrected_on_the_deal_just_touched(session_factory, user, deal, change, said, shown):
    chat = _chat(session_factory)
    assert chat.reply(deal, user=user).ok
    chat.reply(change, user=user)
    reply = chat(said, user=user)
    assert f"→ {shown}" in reply and "客户改为" not in reply and "the customer" not in reply
    stage, customer = _deal(session_factory)
    assert stage == "proposal"
    with session_factory() as s:
        assert s.scalar(select(Customer.name).where(Customer.id == customer)) in ("海尔", "Acme")


_DISCOVERY = {True: '商机 +海尔 "ERP" 需求挖掘 50万', False: 'deal +Acme "ERP" discovery 50k'}


@pytest.mark.parametrize("user, said, asked", [
    ("张伟", "其实已经到方案阶段了", "推进到方案呈现？"),
    ("Ana", "actually its already at proposal stage", "to Proposal? Nothing was changed yet"),
])
def test_a_stage_said_after_an_amount_is_asked(session_factory, user, said, asked):
    chat = _chat(session_factory)
    zh = user == "张伟"
    assert chat.reply(_DISCOVERY[zh], user=user).ok
    chat.reply("商机 #1 55万" if zh else "deal #1 55k", user=user)
    reply = chat.reply(said, user=user)
    assert asked in "\n".join(reply.lines) and len(reply.buttons) == 1
    assert _deal(session_factory)[0] == "discovery"  # asked, nothing changed yet
    chat.press(reply.buttons[0], user=user)
    assert _deal(session_factory)[0] == "proposal"


@pytest.mark.parametrize("user, visit, said", [
    ("张伟", "拜访 海尔：聊了ERP的需求", "其实已经到方案阶段了"),
    ("Ana", "visit Acme: met the CIO", "actually its already at proposal stage"),
])
def test_a_stage_said_after_a_visit_is_its_customers_deal(session_factory, user, visit, said):
    chat = _chat(session_factory)
    zh = user == "张伟"
    assert chat.reply(_DISCOVERY[zh], user=user).ok
    assert chat.reply(visit, user=user).ok
    assert ("→ 方案呈现" if zh else "→ Proposal") in chat(said, user=user)
    assert _deal(session_factory)[0] == "proposal"
    with session_factory() as s:
        assert said not in s.scalars(select(Visit.notes)).one()  # never kept as a note
