"""A day of the month said alone in a correction (`哦不 还是15号吧`, `oops, back to the 15th`): the one
nearest the day being corrected (Jan 15, 2027 when the close is Jan 22, 2027 after a push), never the
next 15th to come months before it."""
from __future__ import annotations

import datetime as dt
import re
from calendar import monthrange

from handlers.grammar.dates import parse_date
from handlers.grammar.patterns import pattern

#: a word saying the day it had before (`还是15号`, `改回15号`, `back to the 15th`, `the 15th again`)
BACK = pattern(r"还是|改回|换回|回到|恢复|原来|之前的"
               r"|(?<![A-Za-z])(?:back|again|before|original(?:ly)?)(?![A-Za-z])", re.I)
#: a day of the month alone (`15号`, `15日`, `the 15th`, `15th`)
_ALONE = pattern(r"^(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)$|^(\d{1,2})\s*[号號日]$")


def nearest_day(value: str, was: dt.date | None) -> str:
    """`value` as the day nearest `was` (an ISO date) where it is a day of the month alone; else
    `value` itself."""
    alone = _ALONE.match(value.strip())
    if was is None or alone is None:
        return value
    number, days = int(alone[1] or alone[2]), []
    for shift in (-1, 0, 1):
        year, month = divmod(was.year * 12 + was.month - 1 + shift, 12)
        if 1 <= number <= monthrange(year, month + 1)[1]:
            days.append(dt.date(year, month + 1, number))
    return min(days, key=lambda day: abs((day - was).days)).isoformat() if days else value


#: a weekday alone (`wed`, `wednesday`, `周三`, `星期三`), no `next` / `下` before it
_WEEKDAY = pattern(r"^(?:mon|tue|wed|thu|fri|sat|sun)(?:day|s|sday|nesday|rsday|rs|urday|r|ur)?\.?$"
                   r"|^(?:周|星期|礼拜)[一二三四五六日天七1-7]$", re.I)


def corrected_day(value: str, was: dt.date | None, today: dt.date, back: bool) -> str:
    """The day a correction of a day just set means (`nah make it wed` after `due next tue`, Tue Dec
    15): a weekday alone is the one nearest `was` (Wed Dec 16, never Wed Dec 9 six days before it),
    unless that one is today or gone: then the next one after today, as the grammar reads a weekday
    (`跟进改成周三` on a Wednesday is next week's, never today unasked: r32); a day of the month alone
    where said as going back (`还是15号`). The reply shows the day's weekday and date, old → new."""
    if back:
        return nearest_day(value, was)
    if was is None or not _WEEKDAY.match(value.strip()):
        return value
    said = parse_date(value.strip(), today)
    if said is None:
        return value
    shift = (said.weekday() - was.weekday() + 3) % 7 - 3  # -3..3 days from `was`
    day = was + dt.timedelta(days=shift)
    return day.isoformat() if day > today else value
