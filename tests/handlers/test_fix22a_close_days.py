"""Round 21: days said of deals that went unread.

1. A won or lost deal's close day, said by its number at any time (`deal #N close thu`, `deal #N
   closed on 2026-12-03`, `商机 #N 成交日期 12月3日`, `#N 其实是12月3日签的`), moves the day it was won or
   lost, old → new, undoable, its reason kept (handlers/sales/close_day_said.py); a day still to
   come is refused; `last fri` / `上周五` on a weekend asks which Friday. An open deal's close is
   its expected close, as before.
2. `明年1月15号` / `next year jan 15` is a date (handlers/grammar/dates.py), shown with its weekday.
Fed through the real dispatch; the day is set per test (`chat.now`)."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Deal, Task
from support import Chat, make_team_chat

pytestmark = pytest.mark.phrasing

ZONE = dt.timezone(dt.timedelta(hours=8))  # the demo team's Asia/Shanghai
SUN = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)  # Sun, Dec 6, 2026
WED = dt.datetime(2026, 12, 9, 2, 0, tzinfo=dt.timezone.utc)  # Wed, Dec 9, 2026


def _won(session_factory, user: str, won: str, now=SUN) -> tuple[Chat, int]:
    """A chat where `user` won a deal, then said something else (the moment after the win gone)."""
    chat = make_team_chat(session_factory, now=now, reps=("Ana", "张伟"))
    assert chat.reply(won, user=user).ok, won
    assert chat.reply("customer +Initech" if user == "Ana" else "客户 +小米", user=user).ok
    with session_factory() as s:
        return chat, s.scalars(select(Deal)).one().id


def _deal(session_factory, deal_id: int) -> tuple:
    with session_factory() as s:
        deal = s.get(Deal, deal_id)
        return deal.stage, deal.closed_at.astimezone(ZONE).date(), deal.reason, deal.expected_close


@pytest.mark.parametrize("user, won, said, day, shown", [
    ("Ana", "won +Globex 50k: faster delivery", "deal #{id} close thu", dt.date(2026, 12, 3), "Dec 3"),
    ("Ana", "won +Globex 50k: faster delivery", "deal #{id} closed on thu", dt.date(2026, 12, 3), "Dec 3"),
    ("Ana", "won +Globex 50k: faster delivery", "deal #{id} closed on 2026-12-03", dt.date(2026, 12, 3),
     "Dec 3"),
    ("Ana", "won +Globex 50k: faster delivery", "deal #{id} close date was yesterday", dt.date(2026, 12, 5),
     "yesterday"),
    ("张伟", "赢单 +华为 5万：交付快", "商机 #{id} 成交日期 12月3日", dt.date(2026, 12, 3), "12月3日"),
    ("张伟", "赢单 +华为 5万：交付快", "#{id} 其实是12月3日签的", dt.date(2026, 12, 3), "12月3日"),
    ("张伟", "赢单 +华为 5万：交付快", "商机 #{id} 签约日期是 前天", dt.date(2026, 12, 4), "12月4日"),
])
def test_a_closed_deals_day_said_later_moves_it(session_factory, user, won, said, day, shown):
    chat, deal = _won(session_factory, user, won)
    stage, _was, reason, close = _deal(session_factory, deal)
    reply = chat.reply(said.format(id=deal), user=user)
    assert reply.ok and shown in reply.text and ("(was today)" in reply.text or "原为今天" in reply.text
                                                  or "今天" in reply.text), reply.text
    assert "reopen" not in reply.text and "重开" not in reply.text
    assert _deal(session_factory, deal) == (stage, day, reason, close)  # the reason kept
    undone = chat.reply("undo" if user == "Ana" else "撤销", user=user)
    assert undone.ok, undone.text
    assert _deal(session_factory, deal) == (stage, SUN.date(), reason, close)


@pytest.mark.parametrize("user, said", [
    ("Ana", "deal #{id} close dec 20"),
    ("张伟", "商机 #{id} 成交日期 12月20日"),
])
def test_a_closed_deals_day_still_to_come_is_refused(session_factory, user, said):
    chat, deal = _won(session_factory, user, "won +Globex 50k: faster delivery" if user == "Ana"
                      else "赢单 +华为 5万：交付快")
    before = _deal(session_factory, deal)
    reply = chat.reply(said.format(id=deal), user=user)
    assert not reply.ok and f"#{deal}" in reply.text, reply.text
    assert ("still to come" if user == "Ana" else "未来的日期") in reply.text, reply.text
    assert _deal(session_factory, deal) == before


@pytest.mark.parametrize("user, won, said, answer, day", [
    ("Ana", "won +Globex 50k: faster delivery", "deal #{id} closed last fri", "2", dt.date(2026, 11, 27)),
    ("张伟", "赢单 +华为 5万：交付快", "商机 #{id} 其实是上周五签的", "1", dt.date(2026, 12, 4)),
])
def test_last_friday_on_a_weekend_asks_which(session_factory, user, won, said, answer, day):
    chat, deal = _won(session_factory, user, won)
    asked = chat.reply(said.format(id=deal), user=user)
    assert not asked.ok and len(asked.buttons) == 2 and f"#{deal}" in asked.text, asked.text
    assert _deal(session_factory, deal)[1] == SUN.date()
    assert chat.reply(answer, user=user).ok
    assert _deal(session_factory, deal)[1] == day


def test_an_open_deals_close_is_still_its_expected_close(session_factory):
    chat = make_team_chat(session_factory, now=WED, reps=("Ana",))
    assert chat.reply("deal +Globex proposal 50k", user="Ana").ok
    with session_factory() as s:
        deal = s.scalars(select(Deal)).one().id
    reply = chat.reply(f"deal #{deal} close thu", user="Ana")
    assert reply.ok, reply.text
    with session_factory() as s:
        row = s.get(Deal, deal)
        assert (row.stage, row.expected_close, row.closed_at) == ("proposal", dt.date(2026, 12, 10), None)


# --- 2. a day of next year said by the year's word ------------------------------------------------

@pytest.mark.parametrize("user, said, shown", [
    ("张伟", "商机 #{id} 预计 明年1月15号", "1月15日"),
    ("张伟", "商机 #{id} 预计 明年1月15日", "1月15日"),
    ("Ana", "deal #{id} close next year jan 15", "Jan 15"),
    ("Ana", "deal #{id} close jan 15th next year", "Jan 15"),
])
def test_a_day_of_next_year_said_by_its_word_is_the_close(session_factory, user, said, shown):
    chat = make_team_chat(session_factory, now=SUN, reps=("Ana", "张伟"))
    assert chat.reply("deal +Globex proposal 50k" if user == "Ana" else "商机 +华为 方案 5万", user=user).ok
    with session_factory() as s:
        deal = s.scalars(select(Deal)).one().id
    reply = chat.reply(said.format(id=deal), user=user)
    assert reply.ok and shown in reply.text and ("Fri" in reply.text or "周五" in reply.text), reply.text
    with session_factory() as s:
        assert s.get(Deal, deal).expected_close == dt.date(2027, 1, 15)


@pytest.mark.parametrize("user, said, title", [
    ("张伟", "任务 明年1月15号 给华为发报价", "给华为发报价"),
    ("Ana", "task call acme next year jan 15", "call acme"),
])
def test_a_task_due_on_a_day_of_next_year(session_factory, user, said, title):
    chat = make_team_chat(session_factory, now=SUN, reps=("Ana", "张伟"))
    reply = chat.reply(said, user=user)
    assert reply.ok and ("Fri" in reply.text or "周五" in reply.text), reply.text
    with session_factory() as s:
        assert [(t.title, t.due_on) for t in s.scalars(select(Task))] == [(title, dt.date(2027, 1, 15))]
