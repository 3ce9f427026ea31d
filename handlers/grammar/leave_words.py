"""Leave's days as people type them (#23, r19): dotted (`请假 12.28-12.31`: Dec 28 to Dec 31), and a
part of a day (`明天上午请半天假`, `请假 明天下午`, `leave tomorrow morning`). Leave is kept in whole
days (storage: a first and a last day), so a part of a day is asked about, the whole day offered
with one tap, never stored as the whole day unasked (DESIGN.md: every word lands in a field, or
we ask).

>>> dotted("12.28-12.31"), dotted("12.28到12.31"), dotted("1.5k"), dotted("v2.3.1")
('12/28-12/31', '12/28到12/31', '1.5k', 'v2.3.1')
>>> import datetime as dt
>>> part_of_day("明天上午", dt.date(2026, 12, 6)), part_of_day("tomorrow afternoon", dt.date(2026, 12, 6))
(('明天', '上午'), ('tomorrow', 'afternoon'))
>>> part_of_day("明天", dt.date(2026, 12, 6)) is None
True
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar.patterns import pattern

#: `12.28`: a month and a day, with no other digits or dots next to them (`1.5k`, `v2.3.1` are none)
_DOTTED = pattern(r"(?<![\d.])(1[0-2]|0?[1-9])\.(3[01]|[12]\d|0?[1-9])(?![\d.kKmMwW万%])")
#: A part of a day, or half of one
PART = pattern(r"(?:上午|下午|早上|晚上|中午|半天假?|半日|半天的?假"
               r"|(?<![A-Za-z])(?:morning|afternoon|evening|am|pm|a\.m\.|p\.m\.|half(?:\s+a)?[\s-]+day)"
               r"(?![A-Za-z]))", re.I)


def dotted(text: str) -> str:
    """`text` with each day written `12.28` written `12/28`."""
    return _DOTTED.sub(lambda m: f"{m[1]}/{m[2]}", text)


def part_of_day(said: str, today: dt.date) -> tuple[str, str] | None:
    """(the days, the part of a day said) where `said` is days with a part of a day in them
    (`明天上午`, `tomorrow morning`, `half day fri`); None otherwise."""
    from handlers.grammar.dates import parse_date_range

    parts = [m[0] for m in PART.finditer(said)]
    if not parts:
        return None
    days = " ".join(PART.sub(" ", said).split()).strip(" ,，的")
    return (days, " ".join(parts)) if days and parse_date_range(dotted(days), today) else None
