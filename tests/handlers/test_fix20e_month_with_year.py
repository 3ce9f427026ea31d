"""A month said with its year (#23, r20): `close jan 2027`, `due feb 2027`, `预计2027年1月签`,
`2027-02` is that month read as the month alone is (`jan`, `next month`, `预计下个月`): its first
working day, shown back with its weekday; never a day of it taken from today's number (Dec 6 →
Jan 6), and the year is no word of a task's title. A month already begun or gone by is no day:
nothing is stored."""
import datetime as dt

import pytest
from sqlalchemy import select

from storage.models.sales import Deal
from support import task_rows

pytestmark = pytest.mark.phrasing

DEC6 = dt.datetime(2026, 12, 6, 2, 0, tzinfo=dt.timezone.utc)  # a Sunday; Jan 1 2027 is a holiday


def _deal(chat, user="Bo", text='deal +Globex "expansion" 50k proposal close dec 20', lang=None):
    chat.now = DEC6
    chat(text, user=user, lang=lang)
    with chat.session_factory() as s:
        return s.scalars(select(Deal).order_by(Deal.id.desc())).first().id


def _close(chat, deal_id):
    with chat.session_factory() as s:
        return s.get(Deal, deal_id).expected_close


@pytest.mark.parametrize("said, day, shown", [
    ("deal #{deal} close jan 2027", dt.date(2027, 1, 4), "Mon, Jan 4, 2027"),
    ("deal #{deal} close January 2027", dt.date(2027, 1, 4), "Mon, Jan 4, 2027"),
    ("deal #{deal} close feb, 2027", dt.date(2027, 2, 1), "Mon, Feb 1, 2027"),
    ("deal #{deal} close 2027-02", dt.date(2027, 2, 1), "Mon, Feb 1, 2027"),
])
def test_a_close_month_with_its_year_is_its_first_working_day(team_chat, said, day, shown):
    deal = _deal(team_chat)
    out = team_chat(said.format(deal=deal), user="Bo")
    assert shown in out and "Jan 6" not in out, out
    assert _close(team_chat, deal) == day


def test_jan_2027_is_read_as_jan_and_next_month_are(team_chat):
    deal = _deal(team_chat)
    team_chat(f"deal #{deal} close next month", user="Bo")
    next_month = _close(team_chat, deal)
    team_chat(f"deal #{deal} close dec 20", user="Bo")
    team_chat(f"deal #{deal} close jan 2027", user="Bo")
    assert _close(team_chat, deal) == next_month == dt.date(2027, 1, 4)


@pytest.mark.parametrize("said, day, shown", [
    ("商机 #{deal} 预计2027年1月签", dt.date(2027, 1, 4), "2027年1月4日周一"),
    ("商机 #{deal} 预计 2027年2月", dt.date(2027, 2, 1), "2027年2月1日周一"),
    ("商机 #{deal} 预计2027年2月份成交", dt.date(2027, 2, 1), "2027年2月1日周一"),
])
def test_a_close_month_with_its_year_in_chinese(team_chat, said, day, shown):
    deal = _deal(team_chat, user="Ana", text="商机 +华为 数字化转型 线索 150万 预计12月20日", lang="zh")
    out = team_chat(said.format(deal=deal), user="Ana", lang="zh")
    assert shown in out and "没认出" not in out, out
    assert _close(team_chat, deal) == day


@pytest.mark.parametrize("said, title, day, shown, lang", [
    ("task email Globex due feb 2027", "email Globex", dt.date(2027, 2, 1), "Mon, Feb 1, 2027", None),
    ("task call Initech by jan 2027", "call Initech", dt.date(2027, 1, 4), "Mon, Jan 4, 2027", None),
    ("任务 给华为发报价 2027年1月前", "给华为发报价", dt.date(2027, 1, 4), "2027年1月4日周一", "zh"),
    ("任务 给京东发报价 截止2027年2月", "给京东发报价", dt.date(2027, 2, 1), "2027年2月1日周一", "zh"),
    ("任务 2027年1月 回访京东", "回访京东", dt.date(2027, 1, 4), "2027年1月4日周一", "zh"),
])
def test_a_task_due_in_a_month_with_its_year(team_chat, said, title, day, shown, lang):
    team_chat.now = DEC6
    out = team_chat(said, user="Ana", lang=lang)
    assert shown in out and "2027年：" not in out, out
    assert task_rows(team_chat) == [(title, day)]


@pytest.mark.parametrize("said, lang", [
    ("deal #{deal} close dec 2026", None), ("deal #{deal} close jan 2026", None),
    ("商机 #{deal} 预计2026年11月", "zh"),
])
def test_a_month_begun_or_gone_by_is_no_day_and_nothing_changes(team_chat, said, lang):
    deal = _deal(team_chat)
    out = team_chat(said.format(deal=deal), user="Bo", lang=lang)
    assert "Dec 6" not in out and "Jan 6" not in out and "12月6日" not in out, out
    assert _close(team_chat, deal) == dt.date(2026, 12, 20)
