"""Periods, working days and pace: month and quarter ends, mid-week starts, China's 调休, timezones."""
import datetime as dt
from decimal import Decimal

import pytest

from handlers.grammar.commands import Period
from handlers.grammar.dates import parse_date
from handlers.rules.working_days import is_working_day, pace, period_bounds, working_days

D = dt.date


@pytest.mark.parametrize("period, today, bounds", [
    (Period("month"), D(2026, 11, 23), (D(2026, 11, 1), D(2026, 12, 1))),
    (Period("month"), D(2026, 12, 31), (D(2026, 12, 1), D(2027, 1, 1))),
    (Period("month", -1), D(2026, 1, 15), (D(2025, 12, 1), D(2026, 1, 1))),
    (Period("month", 1), D(2026, 12, 5), (D(2027, 1, 1), D(2027, 2, 1))),
    (Period("quarter"), D(2026, 11, 23), (D(2026, 10, 1), D(2027, 1, 1))),
    (Period("quarter"), D(2026, 3, 31), (D(2026, 1, 1), D(2026, 4, 1))),
    (Period("quarter", 1), D(2026, 12, 31), (D(2027, 1, 1), D(2027, 4, 1))),
    (Period("week"), D(2026, 11, 25), (D(2026, 11, 23), D(2026, 11, 30))),
    (Period("week"), D(2026, 11, 29), (D(2026, 11, 23), D(2026, 11, 30))),
    (Period("year"), D(2026, 6, 1), (D(2026, 1, 1), D(2027, 1, 1))),
])
def test_period_bounds(period, today, bounds):
    assert period_bounds(period, today) == bounds


def test_spring_festival_2026_holidays_are_not_working_days():
    for day in range(15, 24):  # 2026-02-15 .. 02-23: the Spring Festival break
        assert not is_working_day(D(2026, 2, day), "CN"), day


def test_chinas_2026_make_up_saturdays_are_working_days():
    assert D(2026, 2, 14).weekday() == 5 and is_working_day(D(2026, 2, 14), "CN")
    assert D(2026, 2, 28).weekday() == 5 and is_working_day(D(2026, 2, 28), "CN")
    assert not is_working_day(D(2026, 2, 21), "CN")  # an ordinary Saturday in the break


def test_february_2026_working_days_in_china_count_the_make_up_days():
    # 20 weekdays, minus 16,17,18,19,20,23 (six weekdays off), plus the Saturdays 14 and 28.
    assert working_days(D(2026, 2, 1), D(2026, 3, 1), "CN") == 16


def test_us_calendar_skips_thanksgiving_and_counts_no_saturdays():
    assert not is_working_day(D(2026, 11, 26), "US")
    assert not is_working_day(D(2026, 2, 14), "US")
    assert working_days(D(2026, 11, 1), D(2026, 12, 1), "US") == 19  # 21 weekdays - 11/11, 11/26


def test_a_year_china_has_not_published_falls_back_to_public_holidays():
    assert not is_working_day(D(2027, 1, 1), "CN")  # New Year's Day, from `holidays`
    assert is_working_day(D(2027, 1, 4), "CN")


def test_pace_behind_in_the_middle_of_the_month():
    # November 2026 in China: 21 working days; on Monday the 23rd, 16 are gone (the 23rd counts).
    p = pace(Decimal(210000), Decimal(100000), D(2026, 11, 1), D(2026, 12, 1), D(2026, 11, 23), "CN")
    assert (p.days_gone, p.days_total) == (16, 21)
    assert p.needed_by_today == Decimal("160000.00")
    assert p.gap == Decimal("60000.00") and not p.on_pace
    assert p.projection == Decimal("131250.00")


def test_pace_for_a_month_that_starts_mid_week_across_qingming():
    # April 2026 starts on a Wednesday; Qingming takes Sat 4 - Mon 6. 30 days - 9 off = 21 working
    # days; on Tue 7 April four are gone (1, 2, 3, 7).
    start, end = period_bounds(Period("month"), D(2026, 4, 7))
    assert start.weekday() == 2
    p = pace(Decimal(210), Decimal(50), start, end, D(2026, 4, 7), "CN")
    assert (p.days_gone, p.days_total) == (4, 21)
    assert p.needed_by_today == Decimal(40) and p.gap == Decimal(-10) and p.on_pace
    assert p.projection == Decimal("262.50")


def test_pace_on_the_last_day_of_a_quarter_needs_everything():
    p = pace(Decimal(100), Decimal(100), D(2026, 10, 1), D(2027, 1, 1), D(2026, 12, 31), "CN")
    assert p.needed_by_today == Decimal(100) and p.on_pace and p.projection == Decimal(100)


def test_pace_before_the_period_starts_needs_nothing():
    p = pace(Decimal(100), Decimal(0), D(2026, 12, 1), D(2027, 1, 1), D(2026, 11, 23), "CN")
    assert p.days_gone == 0 and p.needed_by_today == 0 and p.on_pace


@pytest.mark.parametrize("text, expected", [
    ("today", D(2026, 11, 23)), ("tomorrow", D(2026, 11, 24)), ("明天", D(2026, 11, 24)),
    ("后天", D(2026, 11, 25)), ("3天后", D(2026, 11, 26)), ("in 3 days", D(2026, 11, 26)),
    ("下周二", D(2026, 12, 1)), ("next Tue", D(2026, 12, 1)), ("周五", D(2026, 11, 27)),
    ("Fri", D(2026, 11, 27)), ("mon", D(2026, 11, 30)), ("本周三", D(2026, 11, 25)),
    ("下下周一", D(2026, 12, 7)), ("星期天", D(2026, 11, 29)),
    ("12/20", D(2026, 12, 20)), ("2026-12-20", D(2026, 12, 20)), ("12月20日", D(2026, 12, 20)),
    ("2027年1月5日", D(2027, 1, 5)), ("1/5", D(2027, 1, 5)), ("Dec 20", D(2026, 12, 20)),
    ("20 December 2026", D(2026, 12, 20)), ("月底", D(2026, 11, 30)), ("下周", D(2026, 11, 30)),
    ("2 weeks", D(2026, 12, 7)),
    # one grammar, read whole: short forms, end of week or month, next month, day first
    ("tmrw", D(2026, 11, 24)), ("eow", D(2026, 11, 27)), ("end of week", D(2026, 11, 27)),
    ("eom", D(2026, 11, 30)), ("end of month", D(2026, 11, 30)), ("下个月", D(2026, 12, 1)),
    ("next month", D(2026, 12, 1)), ("31/12", D(2026, 12, 31)), ("13/1", D(2027, 1, 13)),
    ("下个月5号", D(2026, 12, 5)), ("thurs", D(2026, 11, 26)), ("wednesday", D(2026, 11, 25)),
    ("下週二", D(2026, 12, 1)), ("12月28號", D(2026, 12, 28)),  # traditional: read as simplified
])
def test_dates_relative_to_the_users_today(text, expected):
    assert parse_date(text, D(2026, 11, 23)) == expected


def test_next_month_on_a_weekend_is_its_first_working_day():
    assert parse_date("next month", D(2026, 12, 10)) == D(2027, 1, 1)  # a Friday
    assert parse_date("下个月", D(2027, 1, 10)) == D(2027, 2, 1)  # a Monday
    assert parse_date("next month", D(2026, 10, 10)) == D(2026, 11, 2)  # Nov 1 is a Sunday


@pytest.mark.parametrize("text", ["someday", "2/30", "13/13", "下周八", "", "tue tue", "month", "monthly"])
def test_non_dates_are_none(text):
    assert parse_date(text, D(2026, 11, 23)) is None
