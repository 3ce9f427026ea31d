"""The day a visit took place, said in its notes: `上周五去的`, `昨天去的`, `12月4日 跟采购确认了…`
(a day right after the customer), `went there yesterday`, `was there on mon`. It is the visit's day;
the notes keep the words as typed.

>>> import datetime as dt
>>> went_on("上周五去的 签约后回访 客户满意", dt.date(2026, 12, 6))
('上周五去的', (datetime.date(2026, 12, 4), datetime.date(2026, 11, 27)))
>>> went_on("met Tom, went there yesterday", dt.date(2026, 12, 6))
('went there yesterday', (datetime.date(2026, 12, 5),))
>>> went_on("下周五去 签合同", dt.date(2026, 12, 6)) is None
True
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c
from handlers.grammar.dates import past_day
from handlers.grammar.patterns import pattern

_DAY_ZH = (r"昨天|前天|今天|上个?(?:周|星期|礼拜)[一二三四五六日天]|(?:周|星期|礼拜)[一二三四五六日天]"
           r"|\d{1,2}月\d{1,2}[日号]?|\d{1,2}[日号]")
_WENT_ZH = pattern(rf"(?:^|(?<=[\s，,。;；:：]))(?P<day>{_DAY_ZH})(?:上午|下午|晚上|中午|早上)?\s*"
                   r"(?:去的|去了|过去的|过去了|上门的|上门了|拜访的|见的面?|见了|去拜访的|去拜访了|那天去的)")
_DAY_EN = (r"yesterday|today|last\s+(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*"
           r"|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|\d{1,2}/\d{1,2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?")
_WENT_EN = pattern(r"(?<![A-Za-z])(?:went|was|were|been|visited|dropped\s+by|stopped\s+by)"
                   r"(?:\s+(?:there|over|by|in\s+person|on\s*site))?\s+(?:on\s+)?"
                   rf"(?P<day>{_DAY_EN})(?![A-Za-z])", re.I)
#: a day gone by right at the start of what follows the customer (`12月4日 跟采购确认了…`)
_FIRST_ZH = pattern(r"^(?P<day>\d{4}-\d{1,2}-\d{1,2}|昨天|前天|上个?(?:周|星期|礼拜)[一二三四五六日天]"
                    r"|\d{1,2}月\d{1,2}[日号]?)(?=\s)")


def went_on(notes: str, today: dt.date) -> tuple[str, tuple[dt.date, ...]] | None:
    """(the words, the days they may be: `days_of`) where the notes say on which day gone by the
    visit took place; None where they say none (a day to come is never one)."""
    found = _WENT_ZH.search(notes) or _WENT_EN.search(notes)
    days = days_of(found["day"], today) if found else ()
    return (found[0], days) if days else None


def days_of(said: str, today: dt.date) -> tuple[dt.date, ...]:
    """The days `said` (a day gone by) may be: `上周五` said on a weekend, when this week's Friday is
    gone too, is either (asked); any other, the one `past_day` reads.

    >>> days_of("上周五", dt.date(2026, 12, 6))
    (datetime.date(2026, 12, 4), datetime.date(2026, 11, 27))
    >>> days_of("上周五", dt.date(2026, 12, 9))
    (datetime.date(2026, 12, 4),)
    """
    day = past_day(" ".join(said.split()), today)
    if day is None:
        return ()
    found = _LAST_WEEK.match(said.strip())
    if found and today.weekday() >= 5 and (index := "一二三四五六日天".index(found[1])) < 5:
        this_week = today - dt.timedelta(days=today.weekday() - index)
        return (this_week, day) if this_week != day else (day,)
    return (day,)


_LAST_WEEK = pattern(r"^上个?(?:周|星期|礼拜)([一二三四五六日天])")


def first_day(notes: str, today: dt.date) -> tuple[str, tuple[dt.date, ...]] | None:
    """`12月4日 跟采购确认了续约细节` (after the customer, no colon): the day gone by said first, and
    the day; None where the notes start with none."""
    found = _FIRST_ZH.match(notes.strip())
    days = days_of(found["day"], today) if found else ()
    return (found["day"], days) if days else None





def blanked(notes: str, words: str) -> str:
    """`notes` with `words` blanked out (places kept), so no other reading takes that day again."""
    at = notes.find(words)
    return notes if at < 0 else notes[:at] + " " * len(words) + notes[at + len(words):]


def which_day(said: tuple[str, tuple[dt.date, ...]], typed: str) -> c.ParseError:
    """`上周五去的`, said on a weekend: which Friday, each a tap sending the message with its day."""
    return c.ParseError("visit", "visit_day_which", said[0], options=tuple(
        ("visit_on", typed.replace("{day}", day.isoformat()), None) for day in said[1]) if typed else ())
