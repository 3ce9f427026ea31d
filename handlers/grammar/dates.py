"""Dates as reps type them, relative to *their* today: `12/20`, `2026-12-20`, `12月20日`,
`tomorrow`, `next Tue`, `明天`, `后天`, `下周二`, `3天后`, `月底`, and ranges like `12/24-12/31`.

Only the forms dateutil does not know (relative words, Chinese) are matched here; other absolute
dates such as `Dec 20` or `20 December 2026` go to dateutil.
"""
from __future__ import annotations

import datetime as dt
import re
from calendar import monthrange

from handlers.grammar import month_days
from handlers.grammar.day_off import READING_CALENDAR, first_working_day, working
from handlers.grammar.day_parts import ALONE, day_and_part
from handlers.grammar.festivals import festival_day, first_day_after, last_day_before, named
from handlers.grammar.month_days import (
    YEAR_END,
    count_of,
    mid_month,
    month_end,
    numerals_in_digits,
    period_start,
    same_month,
)
from handlers.grammar.normal import view
from handlers.grammar.patterns import pattern
from handlers.grammar.year_said import with_year

_EN_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_ZH_DAYS = "一二三四五六日"
_ZH_DAY_ALIASES = {"天": 6, "七": 6, **{str(i + 1): i for i in range(7)}}

_NXT = pattern(r"(?<![a-z])nxt(?![a-z])")
_OFFSETS = {
    "today": 0, "tod": 0, "今天": 0, "今日": 0, "eod": 0, "end of day": 0, "end of today": 0, "cob": 0,
    "今天下班前": 0,
    "tomorrow": 1, "tmr": 1, "tmrw": 1, "tmw": 1, "tomorow": 1, "tommorow": 1, "tommorrow": 1,
    "明天": 1, "明日": 1,
    "day after tomorrow": 2, "后天": 2, "大后天": 3,
    "yesterday": -1, "yday": -1, "yest": -1, "yda": -1, "昨天": -1, "昨日": -1, "前天": -2, "大前天": -3,
}
#: A count of days, weeks or months from today (`3天后`, `两周后`, `过两天`, `in two weeks`, `一个月后`)
_EN_COUNTS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_COUNT = r"(\d{1,3}|[一二两三四五六七八九十]{1,3}|a|an|" + _EN_COUNTS + ")"
_IN_DAYS = pattern(r"^(?:in\s+|过\s*)?" + _COUNT + r"\s*(天|days?|个?星期|个?礼拜|周|weeks?|wks?)"
                   r"(?:后|以后|之后|\s+later|\s+from\s+(?:now|today))?$")
_IN_MONTHS = pattern(r"^(?:in\s+|过\s*)?(\d{1,2}|[一二两三四五六七八九十]{1,2}|半|a|an|" + _EN_COUNTS
                     + r"|half\s+a)\s*(?:months?|个月)"
                     r"(?:后|以后|之后|\s+later|\s+from\s+(?:now|today))?$")
#: A weekday's name in full or cut short (`mon`, `tues`, `thurs`): never a word that only starts
#: like one (`month` is no Monday).
_EN_WEEKDAY = pattern(r"^(?:(next|this|coming)\s+)?(mon|tue|wed|thu|fri|sat|sun)"
                      r"(?:day|s|sday|nesday|rsday|rs|urday|r|ur)?\.?$")
_ZH_WEEKDAY = pattern(r"^(下下|下个?|本|这个?|)(?:周|星期|礼拜)([一二三四五六日天七1-7])$")
_WEEK_SAID = pattern(r"^(下下|下|这|本|上|)个?(?:礼拜|星期)(?!天)")
_ISO = pattern(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_MONTH_DAY = pattern(r"^(\d{1,2})/(\d{1,2})$")
_ZH_MONTH_DAY = pattern(r"^(下个?月|本月|这个月)的?(\d{1,2})[日号]$")
_ZH_DATE = pattern(r"^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]?$")
RANGE_SEP = pattern(r"\s*(?:-|~|–|—|至|到|\bto\b|\buntil\b|\btill\b|\bthru\b|\bthrough\b)\s*")


#: the first or last ten days of a month (`3月上旬`, `下个月下旬`, `下旬`): read as its start or its end
_TEN_DAYS = pattern(r"^((?:明年|今年)?\d{1,2}月|下个?月|本月|这个?月)?([上下])旬$")


def parse_date(text: str, today: dt.date, *, future: bool = True, part_of_day: bool = True) -> dt.date | None:
    """The date `text` names, seen from `today`; None when it names no date.

    A date without a year is the next such date when `future` (a close date, a follow-up, a leave).
    A bare weekday is the next one after today; `next Tue` / `下周二` is Tuesday of next week. A
    part of the day said with a day (`明天中午`, `fri pm`) is that day, unless not `part_of_day`
    (a day of leave is a whole day). After a day or a holiday (`周三以后`, `元旦后`): the first
    working day after it; before a holiday (`春节前`): the last working day before it.

    >>> parse_date("下周二", dt.date(2026, 11, 23))
    datetime.date(2026, 12, 1)
    >>> parse_date("3天后", dt.date(2026, 11, 23))
    datetime.date(2026, 11, 26)
    """
    text = _NXT.sub("next", " ".join(view(text).strip().lower().split()))  # `nxt wk`; `12月28號`
    text = month_days.words_in_full(text)  # `end of wk`, `fri next wk`, `nxt mth`: week, month
    text = text[:-1] if len(text) > 2 and text[-1] in "了啦" else text  # `推到下个月了`: 下个月
    text = _WEEK_SAID.sub(r"\1周", text)  # `下礼拜三`, `下个星期`, `这礼拜五`: 礼拜 and 星期 are 周
    text = numerals_in_digits(text)  # `二月底`, `三月十五号`: `2月底`, `3月15号`
    text = _TEN_DAYS.sub(lambda said: f"{said[1] or '月'}{'初' if said[2] == '上' else '底'}", text)
    # `3月上旬`: as `3月初`; `3月下旬`, `下旬`: as `3月底`, `月底` (r31zh)
    text = month_days.ordinals_in_digits(text)  # `the fifteenth`, `dec twenty-first`: `the 15th`, `dec 21st`
    text = with_year(text, today)  # `明年1月15号`, `next year jan 15`: that year's day
    text = month_days.day_of_month_in_zh(text)  # `the 15th of next month`: `下个月15号`
    if (week := _DAY_OF_WEEK_SAID.match(text)) is not None:  # `tuesday next week`: `next tuesday`
        text = f"{week['which']} {week['day']}"
    if (both := WEEKDAY_AND_DATE.match(text)) is not None:  # `monday the 14th`, `wed dec 16`: the
        day = parse_date(both["date"], today, future=future, part_of_day=False)  # date, if that day
        return day if day is not None and day.weekday() == _EN_DAYS.index(both["day"][:3]) else None
    if not text:
        return None
    if text in _OFFSETS:
        return today + dt.timedelta(days=_OFFSETS[text])
    if part_of_day and text in ALONE:  # `tonight`, `明早`
        return today + dt.timedelta(days=ALONE[text])
    if (after := first_day_after(text, today, READING_CALENDAR.get())) is not None:
        return after  # `春节后`, `元旦后`: the first working day after it
    if (before := last_day_before(text, today, READING_CALENDAR.get())) is not None:
        return before  # `春节前`, `before CNY`: the last working day before it
    if named(text) or named(text, before=True):
        return None  # `元旦后` in a year not published yet: asked, never a day guessed by weekdays
    if part_of_day and (split := day_and_part(text)) is not None:  # `明天中午`, `fri pm`: that day
        return parse_date(split[0], today, future=future, part_of_day=False) if split[0] else None
    if (later := _AFTER_DAY.match(text)) and (day := _one_day(later["day"] or later["en"], today, future)):
        return first_working_day(day + dt.timedelta(days=1))  # `周三以后`, `after fri`
    for parse in (_relative, _weekday, _absolute):
        try:
            day = parse(text, today, future)
        except ValueError:  # e.g. 2/30
            return None
        if day is not None:
            return day
    return _dateutil(text, today, future)


#: `tuesday next week`, `fri this week`: the weekday of that week
_DAY_OF_WEEK_SAID = pattern(r"^(?P<day>(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)\.?,?\s+"
                            r"(?P<which>next|this)\s+week$")
#: A weekday and the date it falls on (`monday the 14th`, `wed dec 16`, `fri 12/18`)
WEEKDAY_AND_DATE = pattern(r"^(?P<day>mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?:the\s+)?"
                            r"(?P<date>\d{1,2}(?:st|nd|rd|th)|\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|"
                            r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?)$")


#: After a day (`周三以后`, `12月20日后`, `after fri`): the first working day after it (not `3日后`,
#: which may be three days later)
_AFTER_DAY = pattern(r"^(?!\d{1,2}日)(?P<day>.+?)\s*(?:以后|之后|后)$|^after\s+(?P<en>.+)$")


def _one_day(text: str, today: dt.date, future: bool) -> dt.date | None:
    """The one day `text` names (a weekday, a date, `明天`, `月底`, `xmas`), not a period's first
    day (`下周`, `下个月`: after them is no one day) nor a count (`3天`: `3天后` is read whole)."""
    if text in _OFFSETS:
        return today + dt.timedelta(days=_OFFSETS[text])
    if text in _END_OF_MONTH or (end := month_end(text, today)) is not None:
        return _relative(text, today, future) if text in _END_OF_MONTH else end
    if (festival := festival_day(text, today)) is not None:
        return festival
    try:
        return _weekday(text, today, future) or _absolute(text, today, future)
    except ValueError:
        return None


CROSSING_DAYS = 62  # `12/28-1/3` runs into the new year; `12/31-12/24` is backwards, not a year


def parse_date_range(text: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """`12/24-12/31`, `12月24日-12月31日`, `tomorrow to Fri`, or one day; None when not a range.

    >>> parse_date_range("15号到下个月15号", dt.date(2026, 12, 7))
    (datetime.date(2026, 12, 15), datetime.date(2027, 1, 15))
    """
    single = _range_end(text, today)  # half a day of leave is no day of leave
    if single is not None and not _WORD_SEP.search(text):  # `15号到下个月15号` (r25zh): two days,
        return single, single  # never the second alone
    for sep in RANGE_SEP.finditer(text):
        first, last = _range_end(text[: sep.start()], today), _range_end(text[sep.end():], today)
        first, last = same_month(text[: sep.start()], first, text[sep.end():], last)
        if first and last:
            crossed = last.replace(year=last.year + 1) if last < first else last
            if last < first and (crossed - first).days <= CROSSING_DAYS:
                last = crossed  # `12/28-1/3` crosses the new year
            return (first, last) if first <= last else None
    return (single, single) if single is not None else None


#: a range's separator said as a word (`到`, `to`): what it joins are two days, never one
_WORD_SEP = pattern(r"至|到|(?<![A-Za-z])(?:to|until|till|thru|through)(?![A-Za-z])", re.I)


_NEXT_YEAR = pattern(r"^\s*(?:明年|next\s+year,?)\s*", re.I)


def _range_end(text: str, today: dt.date) -> dt.date | None:
    """One end of a range of days; `明年1月3日` (`next year jan 3`): that day next year, or None."""
    year = _NEXT_YEAR.match(text)
    day = parse_date(text[year.end():] if year else text, today, part_of_day=False)
    return day if not (year and day) or day.year == today.year + 1 else None


_END_OF_WEEK = ("eow", "end of week", "end of the week", "end of this week", "周末前", "本周内", "这周内")
_END_OF_MONTH = ("month end", "end of month", "end of the month", "eom", "月底", "月末", "本月底", "这个月底")
_NEXT_MONTH = ("next month", "下个月", "下月", "下个月初", "下月初", "early next month")


_END_OF_QUARTER = pattern(r"^(?:end\s+of\s+(?:the\s+)?(?:q([1-4])|(this|next)\s+quarter|quarter)|"
                          r"q([1-4])\s*(?:end|末|底)|eoq|(?:the\s+)?quarter\s+end|"
                          r"(本|这个?|下个?)?(?:季度|季)(?:末|底)|"
                          r"(明年|今年)?(?:第)?([1-4一二三四])(?:季度|季)(?:末|底))$")  # `季度末`, `一季度末`


def _quarter_end(found: re.Match, today: dt.date) -> dt.date:
    """The last day of the quarter said (`q1`: the next Q1 not yet over; `next quarter`)."""
    now = (today.month - 1) // 3
    number = found[1] or found[3] or found[6] and str("1234一二三四".index(found[6]) % 4 + 1)
    index = int(number) - 1 if number else now + (found[2] == "next" or (found[4] or "").startswith("下"))
    year = today.year + (index < now) + index // 4
    if found[5]:  # `明年一季度末`: that year's; `今年四季度末`: this year's
        year = today.year + (found[5] == "明年")
    last_month = index % 4 * 3 + 3
    return dt.date(year, last_month, monthrange(year, last_month)[1])


def _relative(text: str, today: dt.date, _future: bool) -> dt.date | None:
    if text in _END_OF_MONTH:
        return today.replace(day=monthrange(today.year, today.month)[1])
    if text in ("end of next month", "next month end", "eonm"):  # `end of nxt mth`: its last day
        return month_end("下个月底", today)
    if (festival := festival_day(text, today)) is not None:  # `xmas`, `new year`, `cny`
        return festival
    if text in ("end of next week", "end of next wk", "eonw"):  # Friday of next week
        return _week_start(today, 1) + dt.timedelta(days=4)
    if (quarter := _END_OF_QUARTER.match(text)) is not None:  # `end of q1`, `q2 end`: its last day
        return _quarter_end(quarter, today)
    if text in _END_OF_WEEK:  # Friday, the last working day; at the weekend: the coming Friday
        friday = _week_start(today, 0) + dt.timedelta(days=4)
        return friday if friday >= today else friday + dt.timedelta(days=7)
    if text in _NEXT_MONTH:  # the first working day of next month (the reply shows which)
        return first_working_day((today.replace(day=1) + dt.timedelta(days=32)).replace(day=1))
    if (end := month_end(text, today)) is not None:  # `12月底`, `明年3月底`, `下个月底`
        return end
    if text in YEAR_END:  # `年底`, `end of year`: the last day of this year
        return today.replace(month=12, day=31)
    if (middle := mid_month(text, today)) is not None:  # `月中`, `mid jan`, `1月中旬`: the 15th
        return middle
    if (month := period_start(text, today)) is not None:  # `jan`, `q1`, `下季度`, `明年3月`
        return first_working_day(month)
    if text in ("week after next", "下下周", "下下个星期"):  # the Monday of the week after next
        return today + dt.timedelta(days=14 - today.weekday())
    if months := _IN_MONTHS.match(text):  # `in 6 months`, `3个月后`: the same day of that month
        if months[1] in ("半", "half a"):  # `半个月后`: two weeks
            return working(today + dt.timedelta(days=14))
        count = count_of(months[1])
        index = today.year * 12 + today.month - 1 + count
        year, month = index // 12, index % 12 + 1
        return working(dt.date(year, month, min(today.day, monthrange(year, month)[1])))
    if text in ("next week", "next wk", "下周"):
        return today + dt.timedelta(days=7 - today.weekday())
    match = _IN_DAYS.match(text)
    if not match:
        return None
    count, unit = count_of(match[1]), match[2]
    if not count:
        return None
    if unit in ("天", "day", "days"):  # a count of days is that day, whatever it is
        return today + dt.timedelta(days=count)
    return working(today + dt.timedelta(weeks=count))


def _weekday(text: str, today: dt.date, future: bool) -> dt.date | None:
    """A weekday; `this fri` / `本周五` already past (said on a Saturday) is the coming one when a
    future day is meant (a follow-up, a due day), never a day already gone."""
    day = _weekday_of(text, today)
    return day + dt.timedelta(weeks=1) if future and day is not None and day < today else day


def _weekday_of(text: str, today: dt.date) -> dt.date | None:
    match = _EN_WEEKDAY.match(text)
    if match:
        prefix, target = match[1], _EN_DAYS.index(match[2])
        if prefix == "next":
            return _week_start(today, 1) + dt.timedelta(days=target)
        if prefix == "this":
            return _week_start(today, 0) + dt.timedelta(days=target)
        return today + dt.timedelta(days=(target - today.weekday() - 1) % 7 + 1)
    match = _ZH_WEEKDAY.match(text)
    if match:
        prefix, char = match[1], match[2]
        target = _ZH_DAYS.index(char) if char in _ZH_DAYS else _ZH_DAY_ALIASES[char]
        weeks = 2 if prefix == "下下" else 1 if prefix.startswith("下") else 0
        if not prefix:  # 周五: the coming Friday
            return today + dt.timedelta(days=(target - today.weekday() - 1) % 7 + 1)
        return _week_start(today, weeks) + dt.timedelta(days=target)
    return None


#: A day of the month alone (`the 15th`, `15th`, `15号`): the next one to come
_MONTH_DAY_ALONE = pattern(r"^(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)$|^(\d{1,2})[号日]$")


def _absolute(text: str, today: dt.date, future: bool) -> dt.date | None:
    if (alone := _MONTH_DAY_ALONE.match(text)) and 1 <= (number := int(alone[1] or alone[2])) <= 31:
        month = today.replace(day=1)
        for _ in range(3):  # the 31st: the next month that has one
            if number <= monthrange(month.year, month.month)[1] and month.replace(day=number) >= today:
                return month.replace(day=number)
            month = (month + dt.timedelta(days=32)).replace(day=1)
        return None
    match = _ISO.match(text)
    if match:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    match = _MONTH_DAY.match(text)
    if match:  # month first (`12/20`), but day first when only that reads (`31/12`)
        first, second = int(match[1]), int(match[2])
        if first > 12 >= second:
            first, second = second, first
        return _with_year(None, first, second, today, future)
    match = _ZH_MONTH_DAY.match(text)
    if match:
        start = today.replace(day=1)
        if match[1].startswith("下"):
            start = (start + dt.timedelta(days=32)).replace(day=1)
        return start.replace(day=int(match[2]))
    match = _ZH_DATE.match(text)
    if match:
        return _with_year(match[1], int(match[2]), int(match[3]), today, future)
    return None


_TIME = pattern(r"\d\s*(?:am|pm|h)\b|\d:\d\d|\bnoon\b", re.IGNORECASE)


def _dateutil(text: str, today: dt.date, future: bool) -> dt.date | None:
    """Other absolute dates (`Dec 20`, `20 December 2026`) through dateutil, which knows them."""
    if not re.search(r"[a-z]{3}", text) or not re.search(r"\d", text) or _TIME.search(text) \
            or month_days.MONTH_OF_YEAR.match(text):  # `dec 2026`: no day of it is today's number
        return None  # `fri 3pm` is a day and a time: the day alone is read, the time left to say
    from dateutil import parser  # imported on first use: keeps `salesbot say` cold start short

    try:
        day = parser.parse(text, default=dt.datetime(today.year, today.month, today.day)).date()
    except (ValueError, OverflowError):
        return None
    if not re.search(r"\d{4}", text) and (day.year != today.year or len(re.findall(r"\d+", text)) > 1):
        return None  # `jan 25th-29th` is no Jan 25 of 2029: a year is said in four digits
    if future and day < today and not re.search(r"\d{4}", text):
        day = day.replace(year=day.year + 1)
    return day


def _with_year(year: str | None, month: int, day: int, today: dt.date, future: bool) -> dt.date:
    if year:
        return dt.date(int(year), month, day)
    candidate = dt.date(today.year, month, day)
    if future and candidate < today - dt.timedelta(days=30):
        candidate = dt.date(today.year + 1, month, day)
    return candidate


def _week_start(today: dt.date, weeks: int) -> dt.date:
    return today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=weeks)
