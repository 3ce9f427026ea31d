"""Whether a close typed out (`lost #5: went with SAP, check back next month`, `输单 美的：价格太高
下周再跟进`) is asked about for a day in its reason (a follow-up, never part of the reason): a
button that would close a deal with such a reason sends the close as text instead, so a tap asks
about the day as typing it does."""
from __future__ import annotations

import datetime as dt

from handlers.grammar.commands import ParseError
from handlers.grammar.reading import parse


def day_asked(typed: str, today: dt.date) -> bool:
    """Whether `typed` is asked about, its reason holding a day.

    >>> day_asked("lost #5: went with SAP, check back next month", dt.date(2026, 11, 23))
    True
    >>> day_asked("lost #5: went with SAP", dt.date(2026, 11, 23))
    False
    """
    asked = parse(typed, today)
    return isinstance(asked, ParseError) and asked.problem in DAY_PROBLEMS and bool(asked.options)


#: A day in a reason, asked about: a follow-up to come (`check back next month`) or the day the deal
#: closed (`won 海尔 数据平台 last friday`: never the reason `last friday`)
DAY_PROBLEMS = ("follow_up_in_reason", "close_day_in_reason")
