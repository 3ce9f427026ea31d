"""A month, a quarter or a week said as the days of something that lasts (a contest, a leave):
the whole of it (`contest revenue jan` is January, `leave next month` the month, `竞赛 拜访 一季度`
the quarter), never the one day `jan` names as a due day (its first working day)."""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import dates
from handlers.grammar import vocabulary as V
from handlers.grammar.parse_reports import named_period
from handlers.grammar.patterns import pattern
from handlers.rules.working_days import period_bounds

_LASTING = ("week", "month", "quarter")


def whole_period(text: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """(first day, last day) of the month, quarter or week `text` names in full (`jan`, `1月`, `Q1`,
    `一季度`, `next month`, `下个月`, `this week`), or None."""
    words = text.lower().split()
    if not words:
        return None
    period = named_period(words[0], today) if len(words) == 1 else None
    if period is None and (found := V.period_of(words, 0)) is not None and found[1] == len(words):
        period = found[0]
    if period is None or period.kind not in _LASTING:
        return None
    first, after = period_bounds(period, today)
    return first, after - dt.timedelta(days=1)


def lasting_days(words: list[str], today: dt.date) -> tuple[tuple[dt.date, dt.date], int] | None:
    """The whole period said by the first one or two of `words` (`next month`, `jan`), and how
    many words said it."""
    for size in (2, 1):
        if len(words) >= size and (days := whole_period(" ".join(words[:size]), today)) is not None:
            return days, size
    return None


def is_reversed_range(text: str, today: dt.date) -> bool:
    """Whether `text` names two dates, the second before the first (`12/31-12/24`)."""
    for sep in dates.RANGE_SEP.finditer(text):
        first, last = dates.parse_date(text[: sep.start()], today), dates.parse_date(text[sep.end():], today)
        if first and last and last < first and (
                (last.replace(year=last.year + 1) - first).days > dates.CROSSING_DAYS):
            return True
    return False


#: A quarter with its year before or after (`明年Q2`, `Q2 next year`, `2027 Q2`, `明年二季度`)
_YEARED = pattern(r"^(?:(?P<before>明年|今年|后年|next\s+year|this\s+year|(?:19|20)\d\d)\s*年?\s*)?"
                  r"(?P<quarter>.+?)(?:\s*(?P<after>next\s+year|this\s+year|明年|今年|(?:19|20)\d\d)\s*年?)?$",
                  re.I)
_YEARS = {"今年": 0, "this year": 0, "明年": 1, "next year": 1, "后年": 2}


def quarter_end(text: str, today: dt.date) -> dt.date | None:
    """The last day of the quarter `text` names (`Q2`, `下季度`, `明年Q2`, `Q2 next year`, `2027年二季度`):
    a deal's close said as a quarter closes by its end; None when `text` names no quarter."""
    found = _YEARED.match(" ".join(text.lower().split()))
    if found is None or (days := whole_period(found["quarter"].replace("第", ""), today)) is None \
            or (days[1] - days[0]).days < 80:
        return None
    year = found["before"] or found["after"]
    if year is None:
        return days[1]
    if found["quarter"].lstrip("第")[:1] not in "qQ一二三四1234":  # `明年 下季度`: no such quarter
        return None
    year = today.year + _YEARS[" ".join(year.split())] if not year.isdigit() else int(year)
    return days[1].replace(year=year)


def quarter_first(text: str, today: dt.date) -> tuple[str, dt.date] | None:
    """The quarter `text` starts with (`Q1`, `下季度签`, `明年 Q2`, `Q2 next year …`) as typed, and its
    last day: a close day said as a quarter is by its end, never its first day.

    >>> quarter_first("下季度签", dt.date(2026, 12, 6))
    ('下季度', datetime.date(2027, 3, 31))
    """
    said = text.lstrip()
    words = said.split()
    for size in (3, 2, 1):  # `Q2 next year`, `明年 Q2`, `q1`
        if len(words) >= size and (day := quarter_end(" ".join(words[:size]).rstrip(".,，;；"), today)):
            return said[:said.find(words[size - 1]) + len(words[size - 1])].rstrip(".,，;；"), day
    for end in range(min(12, len(words[0]) if words else 0), 1, -1):  # glued: `下季度签`, `明年Q2前`
        if day := quarter_end(said[:end], today):
            return said[:end], day
    return None
