"""A day of a year said by its word, not its number (`明年1月15号`, `今年12月3日`, `next year jan 15`,
`jan 15th next year`, `this year dec 3`): written with the year's digits, for the one date grammar
(`dates.parse_date`) to read as it reads `2027年1月15日` and `jan 15 2027` (r21)."""
from __future__ import annotations

import datetime as dt

from handlers.grammar.patterns import pattern

_ZH = pattern(r"^(明年|今年|后年)\s*(\d{1,2}月\d{1,2}[日号]?)$")
_EN_BEFORE = pattern(r"^(next|this)\s+year'?s?,?\s+(?P<day>[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?)$")
_EN_AFTER = pattern(r"^(?P<day>[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?),?\s+(next|this)\s+year$")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def with_year(text: str, today: dt.date) -> str:
    """`text` with its year word as the year's number; `text` as it was when it says none.

    >>> with_year("明年1月15号", dt.date(2026, 12, 6))
    '2027年1月15号'
    >>> with_year("next year jan 15", dt.date(2026, 12, 6))
    'jan 15 2027'
    >>> with_year("jan 15th next year", dt.date(2026, 12, 6))
    'jan 15th 2027'
    """
    if (zh := _ZH.match(text)) is not None:
        return f"{today.year + ('今年', '明年', '后年').index(zh[1])}年{zh[2]}"
    found = _EN_BEFORE.match(text) or _EN_AFTER.match(text)
    if found is None or found["day"][:3] not in _MONTHS:
        return text
    year = today.year + (1 if "next" in text.replace(found["day"], "") else 0)
    return f"{found['day']} {year}"
