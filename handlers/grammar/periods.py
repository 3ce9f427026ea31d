"""A month, a quarter or a week said as the days of something that lasts (a contest, a leave):
the whole of it (`contest revenue jan` is January, `leave next month` the month, `竞赛 拜访 一季度`
the quarter), never the one day `jan` names as a due day (its first working day)."""
from __future__ import annotations

import datetime as dt

from handlers.grammar import dates
from handlers.grammar import vocabulary as V
from handlers.grammar.parse_reports import named_period
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
