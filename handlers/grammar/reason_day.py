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
    return isinstance(asked, ParseError) and asked.problem == "follow_up_in_reason" and bool(asked.options)
