"""`春节后`, `节后`, `国庆后`, `元旦后`: the first working day after that holiday; `春节前`, `before
CNY`: the last working day before it, from the working-day calendar (China's public holidays as the
State Council publishes them, with their make-up days). `节后` is the next of the two long holidays
(the Spring Festival, National Day). Where the calendar cannot say (the year is not published yet),
none: the day is asked for, never guessed, and never the holiday itself.
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar.patterns import pattern

#: The holidays by their Chinese names (`过年`: the Spring Festival; `十一`: National Day)
_HOLIDAYS_ZH = r"春节|过年|国庆节?|十一|元旦|清明节?|五一|劳动节|端午节?|中秋节?"
#: (the words, the holiday they name: None for the next long one)
_AFTER = pattern(rf"^(?:({_HOLIDAYS_ZH})|节)(?:小?长?假期?|放假)?(?:过)?(?:后|以后|之后)$|^过完(年|节)$")
_BEFORE = pattern(rf"^(?:({_HOLIDAYS_ZH})|节)(?:小?长?假期?|放假)?(?:前|之前|以前)$")
#: The same in English (`after CNY`, `post chinese new year`, `after golden week`, `before new year`)
_HOLIDAYS_EN = (r"(?:(cny|chinese\s+new\s+year|spring\s+festival|lunar\s+new\s+year)"
                r"|(golden\s+week|national\s+day)|(new\s+year(?:'?s)?(?:\s+day)?)|(?:the\s+)?holidays?)"
                r"(?:\s+holidays?)?$")
_AFTER_EN = pattern(r"^(?:after|post)\s+(?:the\s+)?" + _HOLIDAYS_EN, re.IGNORECASE)
_BEFORE_EN = pattern(r"^(?:before|pre)\s+(?:the\s+)?" + _HOLIDAYS_EN, re.IGNORECASE)
#: What every day relative to a holiday says (`后`, `前`, `过完`, `after`, `before`)
_MAYBE = pattern(r"[后後前完]|after|post|before|pre", re.IGNORECASE)
_NAMES = {"spring": "Spring Festival", "national": "National Day", "new_year": "New Year's Day",
          "qingming": "Tomb-Sweeping", "labour": "Labor Day", "dragon": "Dragon Boat",
          "mid_autumn": "Mid-Autumn"}
_ZH_KIND = {"春节": "spring", "过年": "spring", "年": "spring", "国庆": "national", "十一": "national",
            "元旦": "new_year", "清明": "qingming", "五一": "labour", "劳动": "labour", "端午": "dragon",
            "中秋": "mid_autumn"}


def named(text: str, *, before: bool = False) -> str | None:
    """The holiday `text` is "after" (`spring`, `national`, `new_year`, …, `next`: the next long
    one), or, `before`, the one it is "before"; None when it names none."""
    from handlers.grammar.normal import simplified

    if not _MAYBE.search(text):  # most days said name no holiday: not simplified to be sure
        return None
    if english := (_BEFORE_EN if before else _AFTER_EN).match(text.strip()):
        return "spring" if english[1] else "national" if english[2] else "new_year" if english[3] else "next"
    found = (_BEFORE if before else _AFTER).match(simplified(text.strip()))
    if found is None:
        return None
    word = found.group(1) or (None if before else found.group(2))
    if word in (None, "节"):
        return "next"
    return next(kind for prefix, kind in _ZH_KIND.items() if word.startswith(prefix))


def first_day_after(text: str, today: dt.date, calendar: str | None) -> dt.date | None:
    """The first working day after the holiday `text` names, the next to end after `today`; None
    when `text` names none or its year's working days are not known."""
    kind = named(text)
    if kind is None:
        return None
    starts = [start for start in _starts(today, kind) if start >= today - dt.timedelta(days=10)]
    for start in sorted(starts):
        day = _after(start, calendar)
        if day is None:
            return None  # the next such holiday is not in the calendar yet: ask
        if day > today:
            return day
    return None


def last_day_before(text: str, today: dt.date, calendar: str | None) -> dt.date | None:
    """The last working day before the holiday `text` names (`春节前`, `before CNY`), the next to
    start after `today`; None when `text` names none or its year's working days are not known."""
    kind = named(text, before=True)
    if kind is None:
        return _day_before_festival(text, today)
    for start in sorted(start for start in _starts(today, kind) if start > today):
        day = _before(start, calendar)
        if day is None:
            return None  # not in the calendar yet: asked
        if day >= today:
            return day
    return None


#: Those words inside a sentence (`节后再跟进`, `客户说春节后再谈`, `元旦前给答复`)
_SAID = pattern(rf"(?:{_HOLIDAYS_ZH}|节)(?:小?长?假期?|放假)?(?:过)?(?:后|以后|之后|前|之前|以前)"
                r"|过完(?:年|节)")

_SAID_EN = pattern(r"(?<![A-Za-z])(?:after|post|before|pre)\s+(?:the\s+)?(?:cny|chinese\s+new\s+year|"
                   r"spring\s+festival|lunar\s+new\s+year|golden\s+week|national\s+day|"
                   r"new\s+year(?:'?s)?(?:\s+day)?)(?![A-Za-z])", re.IGNORECASE)


def unknown_key(said: str) -> str:
    """The string that says a day relative to a holiday cannot be read yet: after it, or before."""
    return "festival_unknown_before" if named(said, before=True) else "festival_unknown"


#: Days people give as deadlines by a festival's name (`before xmas`, `by new year's day`, `圣诞前`);
#: not `new year` alone, which may be the Chinese one (`after chinese new year`: asked)
_FIXED = {"xmas": (12, 25), "x-mas": (12, 25), "christmas": (12, 25), "christmas day": (12, 25),
          "圣诞": (12, 25), "圣诞节": (12, 25), "christmas eve": (12, 24), "xmas eve": (12, 24),
          "平安夜": (12, 24), "new year's day": (1, 1), "new years day": (1, 1), "元旦": (1, 1),
          "nye": (12, 31),
          "new year's eve": (12, 31), "new years eve": (12, 31), "valentine's": (2, 14),
          "valentines": (2, 14), "valentine's day": (2, 14), "halloween": (10, 31)}


def festival_day(text: str, today: dt.date) -> dt.date | None:
    """The next day a festival of a fixed date names (`xmas` → Dec 25, `new year's day` → Jan 1), or
    None when `text` names none."""
    said = text.strip().lower().replace("’", "'")
    said = re.sub(r"^the\s+", "", said)
    if said in _FIXED:
        month, day = _FIXED[said]
        found = dt.date(today.year, month, day)
        return found if found >= today else found.replace(year=today.year + 1)
    return None  # `cny`, `after CNY`: the calendar's (first_day_after) or asked, never guessed here


#: Before a festival of a fixed date (`before xmas`, `圣诞前`, `pre-halloween`): the day before it
_BEFORE_FIXED = pattern(r"^(?:before|pre-?)\s*(?P<en>.+)$|^(?P<zh>.+?)(?:之前|以前|前)$", re.IGNORECASE)


def _day_before_festival(text: str, today: dt.date) -> dt.date | None:
    """The day before the festival `before xmas` names (Dec 24), the next one still to come; None
    when `text` says no such thing."""
    found = _BEFORE_FIXED.match(text.strip())
    festival = found and festival_day(found["en"] or found["zh"], today)
    if not festival:
        return None
    if festival == today:  # `before xmas` said on Christmas Day: the next one
        festival = festival_day(found["en"] or found["zh"], today + dt.timedelta(days=1))
    return festival - dt.timedelta(days=1)


def unknown_in(text: str, today: dt.date) -> tuple[str, int] | None:
    """(the words, the year not published) where `text` says `节后` and the calendar cannot say
    which day that is; None otherwise."""
    from handlers.grammar.normal import simplified

    seen = simplified(text)
    for found in (*_SAID.finditer(seen), *_SAID_EN.finditer(seen)):
        if (year := unknown_year(found[0], today)) is not None:
            return text[found.start():found.end()], year
    return None


def unknown_year(text: str, today: dt.date) -> int | None:
    """The year whose calendar is missing to read `text` (`春节后` in a year not published)."""
    kind = named(text) or named(text, before=True)
    if kind is None:
        return None
    from handlers.rules.working_days import is_entered

    for start in sorted(_starts(today, kind)):
        if start >= today - dt.timedelta(days=10):
            return None if is_entered("CN", start.year) else start.year
    return None


def _starts(today: dt.date, kind: str) -> list[dt.date]:
    import holidays

    wanted = (_NAMES["spring"], _NAMES["national"]) if kind == "next" else (_NAMES[kind],)
    days = holidays.country_holidays("CN", years=[today.year, today.year + 1])
    found = sorted(day for day, name in days.items() if any(w in name for w in wanted))
    return [day for day in found if day - dt.timedelta(days=1) not in found]  # each holiday's first day


def _before(start: dt.date, calendar: str | None) -> dt.date | None:
    from handlers.rules.working_days import is_entered, is_working_day

    code = calendar if calendar and calendar.upper().split("@")[0] == "CN" else "CN"
    day = start - dt.timedelta(days=1)
    fixed = (start.month, start.day) == (1, 1)  # New Year's Day is always Jan 1: the days before it
    # are the old year's, read in its calendar (shown back where a day is stored)
    if not fixed and not is_entered(code, start.year) or not is_entered(code, day.year):
        return None
    for _ in range(20):
        if is_working_day(day, code):
            return day
        day -= dt.timedelta(days=1)
    return None


def _after(start: dt.date, calendar: str | None) -> dt.date | None:
    from handlers.rules.working_days import is_entered, is_working_day

    code = calendar if calendar and calendar.upper().split("@")[0] == "CN" else "CN"
    if not is_entered(code, start.year):
        return None
    day = start
    for _ in range(20):
        if is_working_day(day, code):
            return day
        day += dt.timedelta(days=1)
    return None


#: What makes a holiday's name the start of a day relative to it (`元旦|后`, `春节|前`, `国庆|假期后`)
_RELATIVE_AFTER = pattern(r"(?:小?长?假期?|放假)?(?:过)?(?:后|以后|之后|前|之前|以前)")
_HOLIDAY_END = pattern(rf"(?:{_HOLIDAYS_ZH}|new\s+year(?:'?s)?(?:\s+day)?)$", re.IGNORECASE)


def cut_from_holiday(seen: str, end: int) -> bool:
    """Whether a day read from `seen[:end]` is a holiday's own day cut from the day relative to it
    (`元旦|后`, `春节|前`): never that day (the whole is read, or asked about)."""
    from handlers.grammar.normal import simplified

    return bool(_HOLIDAY_END.search(simplified(seen[:end])) and _RELATIVE_AFTER.match(seen, end))
