"""The day gone by a message names (`yesterday`, `yday`, `mon`: last Monday, `12/3`, `上周五`,
`上週五`): what a visit's day, a close's day or a day put right may be (handlers/grammar/dates.py
reads the days to come)."""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar.dates import parse_date
from handlers.grammar.normal import view
from handlers.grammar.patterns import pattern


def past_day(text: str, today: dt.date) -> dt.date | None:
    """The day gone by (or today) that `text` names (`yesterday`, `mon`: last Monday, `12/3`,
    `上周五`, `上週五`, `yday`), or None: what a visit's day may be."""
    text = view(text)  # `週五`, `上禮拜五`: as simplified; `ytd` (elsewhere "year to date"): yesterday
    if text.strip().lower() == "ytd":
        return today - dt.timedelta(days=1)
    if zh := _LAST_WEEK_ZH.match(text.strip()):  # `上周三`: Wednesday of last week
        monday = today - dt.timedelta(days=today.weekday() + 7)
        return monday + dt.timedelta(days="一二三四五六日天".index(zh[1]) if zh[1] != "天" else 6)
    last = _LAST.match(text.strip())
    bare = last[1] if last else text.strip()
    day = parse_date(bare, today, future=False)
    while day is not None and _BARE_WEEKDAY.match(bare) and (day > today or (last and day == today)):
        day -= dt.timedelta(weeks=1)  # the one gone by
    if last and not _BARE_WEEKDAY.match(bare):
        return None
    if day is not None and day > today and (back := _year_before(day)) and (today - back).days <= 92:
        day = back  # `12月28日`, `12/28` said on Jan 3: last December's
    return day if day is not None and day <= today else None


def _year_before(day: dt.date) -> dt.date | None:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # Feb 29
        return None


_LAST = pattern(r"^last\s+(\S+)$", re.I)
_LAST_WEEK_ZH = pattern(r"^上个?(?:周|星期|礼拜)([一二三四五六日天])$")
_BARE_WEEKDAY = pattern(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$|^(?:周|星期|礼拜)[一二三四五六日天]$",
                        re.I)
