"""A day gone by said right after the customer in a visit told as a sentence (`went to huawei fri
actually, forgot to log. met li wei`, `visited acme yesterday met bob`): the visit's day, the
customer the words before it, the notes every word after it as typed (never a customer named
"huawei fri actually", never the visit stored today). Which day a weekday is on a weekend is
decided as for any visit (handlers/grammar/visit_day.py `days_of`).

>>> import datetime as dt
>>> name_then_day("went to huawei fri actually, forgot to log", 8, 27, dt.date(2026, 12, 6))
('huawei', 'fri', 'actually, forgot to log')
>>> name_then_day("went to big sunshine foods", 8, 26, dt.date(2026, 12, 6)) is None
True
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar.patterns import pattern
from handlers.grammar.visit_day import days_of

_DAY = (r"yesterday|yday|yest|today|(?:last\s+|on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday"
        r"|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?|\d{1,2}/\d{1,2}(?:/\d{2,4})?"
        r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?")
_NAME_DAY = pattern(rf"^(?P<name>\S.*?)\s+(?P<day>{_DAY})(?![A-Za-z0-9/])", re.I)


def name_then_day(raw: str, start: int, end: int, today: dt.date) -> tuple[str, str, str] | None:
    """(the customer, the day as typed, the rest of `raw` after it) where the words read as the
    customer (`raw[start:end]`) are a name then a day gone by; else None."""
    found = _NAME_DAY.match(raw[start:end])
    if found is None:
        return None
    day = re.sub(r"^on\s+", "", found["day"], flags=re.I)
    if not days_of(day, today) or any(d > today for d in days_of(day, today)):
        return None
    rest = raw[start + found.end():].lstrip(" ,;:.!-—")
    return found["name"].strip(), day, rest
