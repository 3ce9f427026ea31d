"""Round 12 (issue #23, "an offered fix keeps every word"; "every word lands in a field, or we
ask"), fed through the real dispatch with a real database:

1. a deal said without its command word, its fields between dashes and commas (`stark deal -
   1.2m, negotiation, closing 15th`), is offered with every field said: the close day was dropped
   and `yes` stored the deal with none; words a deal cannot keep are named, never dropped unsaid;
2. a range with a day said alone at one end (`leave jan 25th-29th`: 29th was read as the year
   2029), or month names at both ends (`contest visits jan 4-jan 29`: "no team 4-jan 29"), reads
   as days;
3. a task due `before xmas` is due the day before it (Dec 24), `by xmas` that day.

Today is Monday 2026-11-23 (Asia/Shanghai)."""
import datetime as dt

import pytest
from sqlalchemy import select

from databases import prepared
from handlers.text import format as fmt
from storage.models.sales import Customer, Deal, Task
from storage.models.team import Contest, Leave
from support import Chat

pytestmark = pytest.mark.phrasing


@prepared
def _chat(session_factory) -> Chat:
    chat = Chat(session_factory)
    chat.team()
    for line in ("visit +Stark Industries: intro", "拜访 +万科：初次见面", "拜访 +海尔：初次见面"):
        assert chat.reply(line).ok, line
    return chat


def _deals(session_factory) -> list[tuple]:
    with session_factory() as s:
        return [(s.get(Customer, d.customer_id).name, d.stage, int(d.amount), d.expected_close)
                for d in s.scalars(select(Deal).order_by(Deal.id))]


# -- 1. a deal said in pieces: every field in the offered command ------------------------------

@pytest.mark.parametrize("typed, said, stored", [
    ("stark deal - 1.2m, negotiation, closing 15th", "close 2026-12-15",
     ("Stark Industries", "negotiation", 1_200_000, dt.date(2026, 12, 15))),
    ("stark deal - proposal, 90k, close eom", "close 2026-11-30",
     ("Stark Industries", "proposal", 90_000, dt.date(2026, 11, 30))),
    ("Stark Industries deal: negotiation, 1.1m, signing dec 18", "close 2026-12-18",
     ("Stark Industries", "negotiation", 1_100_000, dt.date(2026, 12, 18))),
    ("万科的单子 - 50万，商务谈判，签约 预计月底", "预计 2026-11-30",
     ("万科", "negotiation", 500_000, dt.date(2026, 11, 30))),
    ("海尔的单子，方案呈现，40万，预计1月15号签约", "预计 2027-01-15",
     ("海尔", "proposal", 400_000, dt.date(2027, 1, 15))),
])
def test_a_deal_said_in_pieces_is_offered_with_its_close_day_and_stored_so(session_factory, typed, said,
                                                                           stored):
    chat = _chat(session_factory)
    asked = chat.reply(typed)
    assert not asked.ok and len(asked.buttons) == 1, asked.text
    shown = fmt.day(stored[3], dt.date(2026, 11, 23), "zh" if "预计" in said else "en", relative=False)
    assert said in asked.buttons[0].command and shown in asked.text, asked.text  # shown as replies show days
    assert _deals(session_factory) == []  # nothing saved until answered
    done = chat.reply("是" if "万科" in typed or "海尔" in typed else "yes")
    assert done.ok, done.text
    assert _deals(session_factory) == [stored]
    day = stored[3]
    assert (f"{day.month}月{day.day}日" if "万科" in typed or "海尔" in typed
            else f"{day:%b} {day.day}") in done.text, done.text


@pytest.mark.parametrize("typed, left", [
    ("stark deal - 1.2m, negotiation, closing 15th, CFO signs off", "CFO signs off"),
    ("海尔 - 商务谈判，40万，预计1月15号签约，老板很满意", "老板很满意"),
])
def test_words_a_deal_cannot_keep_are_named_before_anything_is_saved(session_factory, typed, left):
    chat = _chat(session_factory)
    asked = chat.reply(typed)
    assert not asked.ok and f"“{left}”" in asked.text, asked.text
    assert _deals(session_factory) == []
    assert chat.reply("1").ok
    assert len(_deals(session_factory)) == 1 and _deals(session_factory)[0][3] is not None


# -- 2. ranges of days: a day said alone reads in the other end's month --------------------------

@pytest.mark.parametrize("typed, first, last", [
    ("leave jan 25th-29th", dt.date(2027, 1, 25), dt.date(2027, 1, 29)),
    ("leave jan 25-29", dt.date(2027, 1, 25), dt.date(2027, 1, 29)),
    ("leave 4th to 8th", dt.date(2026, 12, 4), dt.date(2026, 12, 8)),
    ("leave 25-29 jan", dt.date(2027, 1, 25), dt.date(2027, 1, 29)),
    ("leave dec 28th-jan 3rd", dt.date(2026, 12, 28), dt.date(2027, 1, 3)),
    ("请假 1月25号到29号", dt.date(2027, 1, 25), dt.date(2027, 1, 29)),
])
def test_leave_with_a_day_said_alone_at_one_end(session_factory, typed, first, last):
    chat = _chat(session_factory)
    reply = chat.reply(typed)
    assert reply.ok, reply.text
    assert ("1月" if "请假" in typed else f"{first:%b} {first.day}") in reply.text, reply.text
    with session_factory() as s:
        assert [(x.first_day, x.last_day) for x in s.scalars(select(Leave))] == [(first, last)]


@pytest.mark.parametrize("typed, first, last", [
    ("contest visits jan 4-jan 29", dt.date(2027, 1, 4), dt.date(2027, 1, 29)),
    ("contest revenue jan 4 to jan 29", dt.date(2027, 1, 4), dt.date(2027, 1, 29)),
    ("contest visits jan 4-29", dt.date(2027, 1, 4), dt.date(2027, 1, 29)),
    ("竞赛 拜访 1月4日-1月29日", dt.date(2027, 1, 4), dt.date(2027, 1, 29)),
])
def test_a_contest_over_days_said_with_month_names(session_factory, typed, first, last):
    chat = _chat(session_factory)
    reply = chat.reply(typed, user="Mia")
    assert reply.ok and "no team" not in reply.text, reply.text
    with session_factory() as s:
        assert [(x.starts_on, x.ends_on) for x in s.scalars(select(Contest))] == [(first, last)]


def test_a_range_with_no_such_day_is_no_range(session_factory):
    chat = _chat(session_factory)
    reply = chat.reply("leave feb 25th-31st")
    assert not reply.ok, reply.text
    with session_factory() as s:
        assert s.scalars(select(Leave)).all() == []


# -- 3. before a festival: the day before it -------------------------------------------------------

@pytest.mark.parametrize("typed, due, shown", [
    ("task @Ana visit 小米 before xmas", dt.date(2026, 12, 24), "Dec 24"),
    ("task @Ana call Stark before christmas eve", dt.date(2026, 12, 23), "Dec 23"),
    ("task @Ana send the deck before halloween", dt.date(2027, 10, 30), "Oct 30"),
    ("task @Ana send the cards by xmas", dt.date(2026, 12, 25), "Dec 25"),
    ("任务 @Ana 圣诞前寄贺卡", dt.date(2026, 12, 24), "12月24日"),
])
def test_a_task_due_before_a_festival_is_due_the_day_before(session_factory, typed, due, shown):
    chat = _chat(session_factory)
    reply = chat.reply(typed, user="Mia")
    assert reply.ok and shown in reply.text, reply.text
    with session_factory() as s:
        assert [t.due_on for t in s.scalars(select(Task))] == [due]


def test_before_new_years_day_is_its_last_working_day_never_the_day_itself(session_factory):
    # r20 (fix20g): New Year's Day is always Jan 1, so the day before it is read in the old year's
    # calendar (shown back), no longer asked while the new year's schedule is unpublished
    chat = _chat(session_factory)
    reply = chat.reply("task @Ana send gifts before new year's day", user="Mia")
    assert reply.ok and "Thu, Dec 31" in reply.text, reply.text
    with session_factory() as s:
        assert [t.due_on for t in s.scalars(select(Task))] == [dt.date(2026, 12, 31)]
