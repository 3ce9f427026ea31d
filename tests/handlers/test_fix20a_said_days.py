"""Issue #23, round 19: days said in ways the grammar knew elsewhere were silently wrong.

1. A visit's day gone by, said as `yday`/`yest`/`ytd`, `thurs`, `大前天`, traditional `週五`/`上禮拜五`, or
   right after the customer with no mark (`visit Acme yday met cfo`), is the visit's day; a date
   still to come where the visit's day goes (`拜访 比亚迪 12月5日 …` before Dec 5) is asked.
2. `last fri` / `上周五` said on a weekend is either Friday: asked for visits and wins (`其实是上周五签的`),
   by the one rule (handlers/grammar/visit_day.py `days_of`); a task said with one (`task call acme
   last fri`, read as next Friday with `last` in the title) is asked: titled so, or due the coming one.
3. A push (`push`, `postpone`, `move … to`, `推到`, `推迟`) to a day before the one a follow-up or
   task is due now is asked, never made (`跟进推到下下周` moved a follow-up three weeks earlier).
Fed through the real dispatch; the day is set per test (`chat.now`)."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Deal, Visit
from support import Chat, customer_names, make_team_chat, task_rows

pytestmark = pytest.mark.phrasing

ZONE = dt.timezone(dt.timedelta(hours=8))  # the demo team's Asia/Shanghai
WED = dt.datetime(2026, 11, 25, 2, 0, tzinfo=dt.timezone.utc)  # Wed, Nov 25, 2026
SUN = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)  # Sun, Dec 6, 2026


def _chat(session_factory, now=WED) -> Chat:
    chat = make_team_chat(session_factory, now=now, reps=("Ana", "张伟"))
    for line, user in (("客户 +小米", "张伟"), ("customer +Acme", "Ana")):
        assert chat.reply(line, user=user).ok, line
    return chat


def _visits(session_factory) -> list[tuple]:
    with session_factory() as s:
        return [(_day(v.visited_at), v.notes, v.follow_up_on)
                for v in s.scalars(select(Visit).order_by(Visit.id))]


def _day(at: dt.datetime) -> dt.date:
    return at.replace(tzinfo=at.tzinfo or dt.timezone.utc).astimezone(ZONE).date()


# --- 1. a visit's day, however it is said ---------------------------------------------------------

@pytest.mark.parametrize("user, said, day, notes, shown", [
    ("Ana", "visit Acme yday: demo went ok", dt.date(2026, 11, 24), "demo went ok", "Tue, Nov 24"),
    ("Ana", "visit Acme yest, demo went ok", dt.date(2026, 11, 24), "demo went ok", "Tue, Nov 24"),
    ("Ana", "visit Acme ytd: demo went ok", dt.date(2026, 11, 24), "demo went ok", "Tue, Nov 24"),
    ("Ana", "visited Acme thurs, cfo keen", dt.date(2026, 11, 19), "cfo keen", "Thu, Nov 19"),
    ("Ana", "visit Acme thur: cfo keen", dt.date(2026, 11, 19), "cfo keen", "Thu, Nov 19"),
    ("Ana", "visit Acme: was there yday, cfo keen", dt.date(2026, 11, 24), "was there yday, cfo keen",
     "Tue, Nov 24"),
    ("Ana", "visit Acme yday met cfo", dt.date(2026, 11, 24), "met cfo", "Tue, Nov 24"),
    ("Ana", "visit Acme 11/20 met cfo", dt.date(2026, 11, 20), "met cfo", "Fri, Nov 20"),
    ("张伟", "拜访 小米 前天 见了采购", dt.date(2026, 11, 23), "见了采购", "11月23日"),
    ("张伟", "拜访 小米 大前天 见了采购", dt.date(2026, 11, 22), "见了采购", "11月22日"),
    ("张伟", "拜访 小米：大前天去的 见了采购", dt.date(2026, 11, 22), "大前天去的 见了采购", "11月22日"),
    ("张伟", "拜訪 小米 週五去的 談了報價", dt.date(2026, 11, 20), "週五去的 談了報價", "11月20日"),
    ("张伟", "拜訪 小米 上週五 談了報價", dt.date(2026, 11, 20), "談了報價", "11月20日"),
    ("张伟", "拜訪 小米：禮拜一去的 談了報價", dt.date(2026, 11, 23), "禮拜一去的 談了報價", "11月23日"),
])
def test_a_day_gone_by_said_any_way_the_grammar_knows_is_the_visits_day(session_factory, user, said, day,
                                                                        notes, shown):
    chat = _chat(session_factory)
    reply = chat.reply(said, user=user)
    assert reply.ok and shown in reply.text, reply.text
    assert _visits(session_factory) == [(day, notes, None)]
    assert sorted(customer_names(session_factory)) == ["Acme", "小米"]  # no customer "Acme yday"


@pytest.mark.parametrize("now, said, day, follow_up", [
    (SUN, "拜访 小米 12月5日 见了采购 跟进 12月20日", dt.date(2026, 12, 5), dt.date(2026, 12, 20)),
    (WED, "拜访 小米 11月20日 见了采购 跟进 12月20日", dt.date(2026, 11, 20), dt.date(2026, 12, 20)),
    (dt.datetime(2027, 1, 3, 2, 0, tzinfo=dt.timezone.utc), "拜访 小米 12月28日 见了采购 跟进 1月8日",
     dt.date(2026, 12, 28), dt.date(2027, 1, 8)),
])
def test_a_date_right_after_the_customer_is_the_visits_day_and_the_follow_up_stays(session_factory, now, said,
                                                                                     day, follow_up):
    chat = _chat(session_factory, now)
    reply = chat.reply(said, user="张伟")
    assert reply.ok and "跟进" in reply.text, reply.text
    assert _visits(session_factory) == [(day, "见了采购", follow_up)]


@pytest.mark.parametrize("said, pick, stored", [
    ("拜访 小米 12月5日 见了采购 跟进 12月20日", -1,
     [(dt.date(2026, 11, 25), "12月5日 见了采购", dt.date(2026, 12, 20))]),
    ("拜访 小米 12月5日 见了采购", 1, [(dt.date(2026, 11, 25), "12月5日 见了采购", dt.date(2026, 12, 5))]),
])
def test_a_date_still_to_come_where_the_visits_day_goes_is_asked(session_factory, said, pick, stored):
    chat = _chat(session_factory)
    asked = chat.reply(said, user="张伟")
    assert not asked.ok and "12月5日" in asked.text and "还没到" in asked.text, asked.text
    assert _visits(session_factory) == []
    answered = chat.press(asked.buttons[pick], user="张伟")
    assert answered.ok, answered.text
    assert _visits(session_factory) == stored


# --- 2. `last fri` on a weekend: which Friday ---------------------------------------------------

@pytest.mark.parametrize("user, said, pick, day, notes", [
    ("Ana", "visit Acme last fri, met cfo", 0, dt.date(2026, 12, 4), "met cfo"),
    ("Ana", "visit Acme last fri met cfo", 1, dt.date(2026, 11, 27), "met cfo"),
    ("Ana", "visit Acme: was there last friday, met cfo", 1, dt.date(2026, 11, 27),
     "was there last friday, met cfo"),
    ("张伟", "拜訪 小米 上週五 談了報價", 0, dt.date(2026, 12, 4), "談了報價"),
    ("张伟", "拜访 小米：上礼拜五去的 聊了续约", 1, dt.date(2026, 11, 27), "上礼拜五去的 聊了续约"),
])
def test_last_friday_said_on_a_sunday_asks_which_for_a_visit(session_factory, user, said, pick, day, notes):
    chat = _chat(session_factory, SUN)
    asked = chat.reply(said, user=user)
    assert not asked.ok and len(asked.buttons) == 2, asked.text
    assert _visits(session_factory) == []
    answered = chat.press(asked.buttons[pick], user=user)
    assert answered.ok, answered.text
    assert _visits(session_factory) == [(day, notes, None)]


def _closed_on(session_factory, deal_id: int) -> dt.date:
    with session_factory() as s:
        return s.get(Deal, deal_id).closed_at.astimezone(ZONE).date()


@pytest.mark.parametrize("user, won, said, answer, day, shown", [
    ("张伟", "赢单 +华为 5万：交付快", "其实是上周五签的", "1", dt.date(2026, 12, 4), "12月4日"),
    ("张伟", "赢单 +华为 5万：交付快", "不对 其实是上礼拜五签的", "2", dt.date(2026, 11, 27), "11月27日"),
    ("Ana", "won +Globex 50k: faster delivery", "no wait it closed last fri", "2", dt.date(2026, 11, 27),
     "Nov 27"),
    ("Ana", "won +Globex 50k: faster delivery", "actually close was last friday", "1", dt.date(2026, 12, 4),
     "Dec 4"),
])
def test_last_friday_said_on_a_sunday_after_a_win_asks_which(session_factory, user, won, said, answer, day,
                                                              shown):
    chat = _chat(session_factory, SUN)
    assert chat.reply(won, user=user).ok
    with session_factory() as s:
        deal = s.scalars(select(Deal)).one().id
    asked = chat.reply(said, user=user)
    assert not asked.ok and len(asked.buttons) == 2 and f"#{deal}" in asked.text, asked.text
    assert _closed_on(session_factory, deal) == SUN.date()  # nothing moved yet
    answered = chat.reply(answer, user=user)
    assert answered.ok and shown in answered.text, answered.text
    assert _closed_on(session_factory, deal) == day


def test_last_friday_after_a_win_on_a_weekday_is_that_friday_at_once(session_factory):
    chat = _chat(session_factory)  # a Wednesday: `上周五` is Nov 20 only
    assert chat.reply("赢单 +华为 5万：交付快", user="张伟").ok
    reply = chat.reply("其实是上周五签的", user="张伟")
    assert reply.ok and "11月20日" in reply.text, reply.text
    with session_factory() as s:
        assert _closed_on(session_factory, s.scalars(select(Deal)).one().id) == dt.date(2026, 11, 20)


@pytest.mark.parametrize("user, said, pick, stored", [
    ("Ana", "task call acme last fri", 1, [("call acme", dt.date(2026, 12, 11))]),
    ("Ana", "task call acme by last friday", 0, [("call acme by last friday", None)]),
    ("张伟", "任务 上周五 给华为发报价", 1, [("给华为发报价", dt.date(2026, 12, 11))]),
    ("张伟", "任务 给华为发报价 上週五", 0, [("给华为发报价 上週五", None)]),
])
def test_a_task_said_with_last_friday_is_asked(session_factory, user, said, pick, stored):
    chat = _chat(session_factory, SUN)
    asked = chat.reply(said, user=user)
    assert not asked.ok and len(asked.buttons) == 2, asked.text
    assert ("已经过去了" if user == "张伟" else "a day gone by") in asked.text, asked.text
    assert task_rows(session_factory) == []
    answered = chat.press(asked.buttons[pick], user=user)
    assert answered.ok, answered.text
    assert task_rows(session_factory) == stored


def test_a_visits_day_put_right_to_last_friday_on_a_sunday_is_asked(session_factory):
    chat = _chat(session_factory, SUN)
    assert chat.reply("visit Acme: intro", user="Ana").ok
    asked = chat.reply("visit #1 day last fri", user="Ana")
    assert not asked.ok and len(asked.buttons) == 2, asked.text
    assert _visits(session_factory) == [(SUN.date(), "intro", None)]
    assert chat.press(asked.buttons[1], user="Ana").ok
    assert _visits(session_factory) == [(dt.date(2026, 11, 27), "intro", None)]


# --- 3. a push never lands earlier --------------------------------------------------------------

@pytest.mark.parametrize("user, setup, push, said, later", [
    ("张伟", "拜访 +华为：演示顺利；跟进 1月4日", "跟进推到下下周", "下下周", dt.date(2027, 1, 11)),
    ("张伟", "拜访 +华为：演示顺利；跟进 1月4日", "把它推到下下周", "下下周", dt.date(2027, 1, 11)),
    ("张伟", "拜访 +华为：演示顺利；跟进 12月20日", "推迟到下周五", "下周五", dt.date(2026, 12, 25)),
    ("张伟", "拜访 +华为：演示顺利；跟进 12月20日", "跟进推迟到下周五", "下周五", dt.date(2026, 12, 25)),
    ("Ana", "visit +Globex: demo; follow up dec 20", "push it to next fri", "next fri",
     dt.date(2026, 12, 25)),
    ("Ana", "visit +Globex: demo; follow up dec 20", "postpone it to next fri", "next fri",
     dt.date(2026, 12, 25)),
    ("Ana", "visit +Globex: demo; follow up dec 20", "move it to next fri", "next fri",
     dt.date(2026, 12, 25)),
])
def test_a_push_to_a_day_before_the_follow_up_is_asked(session_factory, user, setup, push, said, later):
    chat = _chat(session_factory, dt.datetime(2026, 12, 2, 2, 0, tzinfo=dt.timezone.utc))  # Wed, Dec 2
    assert chat.reply(setup, user=user).ok
    before = _visits(session_factory)
    asked = chat.reply(push, user=user)
    assert not asked.ok and said in asked.text and len(asked.buttons) == 2, asked.text
    assert _visits(session_factory) == before  # never moved earlier unsaid
    answered = chat.reply("1", user=user)  # the push as meant: the same weekday after its day
    assert answered.ok, answered.text
    assert [v[2] for v in _visits(session_factory)] == [later]


@pytest.mark.parametrize("user, setup, push, later", [
    ("张伟", "任务 给华为打电话 1月4日", "任务1推到下下周", dt.date(2027, 1, 11)),
    ("张伟", "任务 给华为打电话 1月4日", "把它推到下下周", dt.date(2027, 1, 11)),
    ("Ana", "task call Acme by dec 20", "push it to tuesday", dt.date(2026, 12, 22)),
    ("Ana", "task call Acme by dec 20", "task 1 push to next fri", dt.date(2026, 12, 25)),
])
def test_a_push_to_a_day_before_the_task_is_due_is_asked(session_factory, user, setup, push, later):
    chat = _chat(session_factory, dt.datetime(2026, 12, 2, 2, 0, tzinfo=dt.timezone.utc))  # Wed, Dec 2
    assert chat.reply(setup, user=user).ok
    before = task_rows(session_factory)
    asked = chat.reply(push, user=user)
    assert not asked.ok and len(asked.buttons) == 2, asked.text
    assert task_rows(session_factory) == before
    answered = chat.press(asked.buttons[0], user=user)
    assert answered.ok, answered.text
    assert [t[1] for t in task_rows(session_factory)] == [later]


@pytest.mark.parametrize("user, setup, push, day", [
    ("Ana", "visit +Globex: demo; follow up fri", "push it to next week", dt.date(2026, 12, 7)),
    ("张伟", "拜访 +华为：演示顺利；跟进 周五", "跟进推到下下周", dt.date(2026, 12, 14)),
    ("张伟", "拜访 +华为：演示顺利；跟进 周五", "推迟到下周五", dt.date(2026, 12, 11)),
])
def test_a_push_to_a_later_day_is_made_at_once(session_factory, user, setup, push, day):
    chat = _chat(session_factory, dt.datetime(2026, 12, 2, 2, 0, tzinfo=dt.timezone.utc))  # Wed, Dec 2
    assert chat.reply(setup, user=user).ok
    reply = chat.reply(push, user=user)
    assert reply.ok, reply.text
    assert [v[2] for v in _visits(session_factory)] == [day]


@pytest.mark.parametrize("user, said", [("张伟", "延后两天"), ("Ana", "snooze 2 weeks")])
def test_a_length_of_time_with_no_follow_up_named_changes_nothing_silently(session_factory, user, said):
    chat = _chat(session_factory, dt.datetime(2026, 12, 2, 2, 0, tzinfo=dt.timezone.utc))
    assert chat.reply("visit +Globex: demo; follow up dec 20", user=user).ok
    reply = chat.reply(said, user=user)
    assert not reply.ok, reply.text
    assert [v[2] for v in _visits(session_factory)] == [dt.date(2026, 12, 20)]
