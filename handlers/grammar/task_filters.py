"""`tasks` / `任务` followed only by words that pick which tasks to show: a period or a day (`this
wk`, `next week`, `today`, `本周`, `下周`, `今天`), whose (`mine`, `@bo`, `我的`), `overdue` / `逾期`,
and words that say nothing (`pls`, `the`, `的`, `?`). Such a message is the list asked for, never a
new task titled "this wk" (issue #23, round 19); one word outside these makes it a task again.

>>> import datetime as dt
>>> day = dt.date(2026, 11, 23)
>>> filters_only("this wk", day), filters_only("mine this week pls", day)
((None, (datetime.date(2026, 11, 23), datetime.date(2026, 11, 29))), (None, (datetime.date(2026, 11, 23), \
datetime.date(2026, 11, 29))))
>>> filters_only("ths wk", day) == filters_only("this wk", day)
True
>>> filters_only("@bo overdue", day), filters_only("call bo this wk", day), filters_only("本周的", day)[1][1]
(('bo', None), None, datetime.date(2026, 11, 29))
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import vocabulary as V
from handlers.grammar.dates import parse_date
from handlers.grammar.patterns import pattern
from handlers.grammar.periods import whole_period

#: Words that pick no tasks and name none: filler, whose (the asker), late
_EMPTY = frozenset("pls please plz thx thanks the for due of on only just all list show me my mine i "
                   "open left overdue late outstanding pending any ones items stuff".split())
_EMPTY_ZH = pattern(r"^(?:我的|我|所有|全部|逾期|过期|超期|未完成|没做完?|待办|要做|到期|截止|"
                    r"的|呢|吧|啊|呀|了|都|还)+$")
_NUMBER = pattern(r"#?\d+")
_ENDS = pattern(r"[\s.。!！?？,，~～]+$")
#: Short forms of a period's word (`wk`, `mth`): the word as the grammar knows it
_SHORT = {"wk": "week", "wks": "week", "mth": "month", "mo": "month", "mnth": "month", "qtr": "quarter",
          "yr": "year", "tmrw": "tomorrow", "tmr": "tomorrow", "tmw": "tomorrow", "tdy": "today"}
#: Chinese words that pick no tasks, around a period said without spaces (`本周的`, `我的下周`)
_ZH_AROUND = pattern(r"^(?:我的|我)?(?P<period>.+?)(?:要到期|到期|截止|要做|要完成)?的?(?:任务|事)?$")
#: A period's words the grammar knows only as a day's (`下礼拜`, `这星期` alone: the week)
_ZH_WEEK = pattern(r"(?<=[这本下上])(?:个)?(?:礼拜|星期)$")
#: A span is listed when it is a week, month or quarter (a year is too long a list)
_SPAN_DAYS = 92
#: Words of a span of days, not one day (`next week`, `下周`): no list of one day
SPAN = pattern(r"week|wk|month|mth|quarter|qtr|year|周$|月$|季度?$|年$|星期$|礼拜$", re.I)


def filters_only(rest: str, today: dt.date) -> tuple[str | None, tuple[dt.date, dt.date] | None] | None:
    """(whose list: a name said with @, else None for the asker's; the days asked, or None for all
    open ones) where `rest` after the tasks word only picks tasks; None where any word is more."""
    words = _ENDS.sub("", rest.strip()).split()
    if not words:
        return None
    who = [w[1:] for w in words if w.startswith("@") and len(w) > 1]
    left = [_SHORT.get(w.lower(), _slip(w)) for w in words if not w.startswith("@")
            and w.lower() not in _EMPTY and not _EMPTY_ZH.fullmatch(w)]
    if len(who) > 1 or any(_NUMBER.fullmatch(w) for w in left):  # `task 1 due fri`: task #1 moved
        return None
    if not left:
        return (who[0] if who else None), None
    days = _days(" ".join(left), today)
    if days is None:
        return None
    return (who[0] if who else None), days


#: A period's words a slip of the thumb is put right for (`ths wk`, `nxt week`, `this mnoth`): the
#: message only lists tasks, so a slip read as one of these makes no record
_PERIOD_WORDS = ("this", "next", "last", "week", "month", "today", "tomorrow")


def _slip(word: str) -> str:
    """`word`, or the period word it is one letter dropped, added, changed or two swapped from (`ths` →
    this, `weeek` → week)."""
    lower = word.lower()
    if len(lower) < 3 or lower in _PERIOD_WORDS:
        return word
    near = [right for right in _PERIOD_WORDS if V.one_off(lower, right)  # `weeek`, `thsi` (fix34b); a
            and (len(right) != len(lower) or sorted(right) == sorted(lower) or right in ("week", "month"))]
    # letter changed only in week or month (`east` is no `last`)
    return near[0] if len(near) == 1 and lower not in V.OWN_WORDS else word


def _days(said: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """(first, last) day of a week, month or one day said alone (`this week`, `下周的`, `today`)."""
    found = _ZH_AROUND.fullmatch(said) if re.search(r"[\u3400-\u9fff]", said) else None
    for text in dict.fromkeys((said, found["period"] if found else said)):
        text = _ZH_WEEK.sub("周", text)
        if SPAN.search(text):
            if (period := span_days(text, today, _SPAN_DAYS)) is not None:
                return period
        elif (day := parse_date(text, today)) is not None:
            return day, day
    return None


def span_days(said: str, today: dt.date, most: int = 40) -> tuple[dt.date, dt.date] | None:
    """(first, last) day of the week or month said alone (`this week`, `next wk`, `本周`, `下个月`),
    spans of fewer than `most` days."""
    said = re.sub(r"^(?:the\s+)?(?:rest\s+of\s+(?:the\s+)?)?", "", said.strip(), flags=re.I)
    days = whole_period(said, today) if SPAN.search(said) else None
    if days and (days[1] - days[0]).days == 6 and days[0] <= today and today.weekday() >= 5:
        week = dt.timedelta(days=7)  # `this week` on a Saturday or Sunday: the work week ahead, as
        return days[0] + week, days[1] + week  # `eow` is read then (the coming Friday)
    return days if days and (days[1] - days[0]).days < most else None
