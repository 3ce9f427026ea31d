"""A month, a quarter or the year named as a day, relative to the reader's today: its end (`12月底`,
`下个月底`, `end of jan`, `年底`), its middle (`月中`, `mid jan`, `1月中旬`), its start (`jan`, `q1`,
`下季度`, `明年3月`). `dates.parse_date` reads them with the other forms.
"""
from __future__ import annotations

import datetime as dt
import re
from calendar import monthrange

from handlers.grammar.patterns import pattern

ZH_COUNT = {c: i for i, c in enumerate("一二三四五六七八九十", 1)} | {"两": 2}
_EN_COUNT = {w: i for i, w in enumerate(("one two three four five six seven eight nine ten eleven "
                                         "twelve").split(), 1)} | {"a": 1, "an": 1}


#: A month or a day of the month in Chinese numerals (`二月`, `十二月`, `十五号`, `月二十日`), never a
#: count (`三个月`) or an amount (`十五万`)
_ZH_NUMERAL_DAY = pattern(r"(?<![一二两三四五六七八九十\d])([一二三四五六七八九十]{1,3})"
                          r"(?=月(?!份?[内里])|[号日](?!子))")


def numerals_in_digits(text: str) -> str:
    """`二月底` → `2月底`, `三月十五号` → `3月15号`: a month or a day in Chinese numerals, in digits."""
    said = "月" in text or "号" in text or "日" in text
    return _ZH_NUMERAL_DAY.sub(_numeral_in_digits, text) if said else text


def _numeral_in_digits(found: re.Match) -> str:
    number = count_of(found[1])
    return str(number) if 1 <= number <= 31 else found[0]


def count_of(said: str) -> int:
    """`3`, `两`, `十五`, `二十`, `two`, `a` as a number."""
    if said.isdigit():
        return int(said)
    if said in _EN_COUNT:
        return _EN_COUNT[said]
    if "十" in said:  # `十五` 15, `二十` 20, `二十一` 21
        tens, _, ones = said.partition("十")
        return (ZH_COUNT.get(tens, 1) if tens else 1) * 10 + (ZH_COUNT.get(ones, 0) if ones else 0)
    return ZH_COUNT[said] if len(said) == 1 else 0
#: A month by its name (not `may` or `march` alone: words too), a quarter, or a Chinese month
#: (`3月`, `3月初`, `明年3月`): its first working day, the next one to come.
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_EN_MONTH = pattern(r"^(?:(?:early|start of|beginning of|in)\s+)?"
                    r"(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)(?:uary|ruary|ch|il|e|y|ust|tember|ober|ember)?\.?$")
#: A quarter, its year perhaps said (`q2`, `明年Q2`, `q2 next year`, `明年二季度`): its first day
_QUARTER = pattern(r"^(?P<year>明年|今年|(?:next|this)\s+year)?\s*(?:(?:early|start of|beginning of|in)\s+)?"
                   r"(?:q(?P<q>[1-4])|第?(?P<zh>[一二三四1-4])季度初?)(?:\s+(?P<after>next|this)\s+year)?$")
_NEXT_QUARTER = ("next quarter", "next qtr", "下季度", "下个季度", "下季度初", "下个季度初")
_ZH_MONTH = pattern(r"^(明年|今年)?(\d{1,2})月(?:初|份)?$")
#: A month with its year (`jan 2027`, `january, 2027`, `2027年1月`, `2027-01`): that month of that
#: year, read as the month alone is (its first working day), never a day of it taken from today
MONTH_OF_YEAR = pattern(r"^(?:(?:early|start of|beginning of|in)\s+)?"
                        r"(?P<en>jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?,?\s*(?P<en_year>(?:19|20)\d\d)$"
                        r"|^(?P<zh_year>(?:19|20)\d\d)\s*年\s*(?P<zh>\d{1,2})\s*月(?:初|份)?$"
                        r"|^(?P<iso_year>(?:19|20)\d\d)[-/.](?P<iso>\d{1,2})$")


_ZH_MONTH_END = pattern(r"^(?:(明年|今年)?(\d{1,2})月|(下个?月))(?:底|末)$")
_EN_NEXT_MONTH_END = pattern(r"^(?:end\s+of\s+(?:the\s+)?next\s+month|next\s+month(?:'s)?\s+end|eonm)$")


def month_end(text: str, today: dt.date) -> dt.date | None:
    """The last day of the month `text` names (`12月底`, `明年3月底`, `下个月底`): this month's
    while it lasts, else the next such month to come."""
    found = _ZH_MONTH_END.match(_EN_NEXT_MONTH_END.sub("下个月底", text))  # `end of next month`
    if found is None or (found[2] and not 1 <= int(found[2]) <= 12):
        return None
    if found[3]:
        first = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    else:
        year = today.year + (found[1] == "明年")
        first = dt.date(year, int(found[2]), 1)
        if not found[1] and first.replace(day=monthrange(year, first.month)[1]) < today:
            first = first.replace(year=year + 1)
    return first.replace(day=monthrange(first.year, first.month)[1])


_SHORT = {"wk": "week", "wks": "weeks", "mth": "month", "mths": "months", "mnth": "month", "mo": "month"}
_SHORT_WORD = pattern(r"(?<![a-z])(?:wks?|mths?|mnth)(?![a-z])|(?<=next )mo(?![a-z])")


def words_in_full(text: str) -> str:
    """`text` (lower case) with the words of a week or month cut short written out (`end of wk`,
    `fri next wk`, `end of nxt mth` after `nxt` is `next`): `end of week`, `end of next month`."""
    return _SHORT_WORD.sub(lambda cut: _SHORT[cut[0]], text)


YEAR_END = ("年底", "年末", "年终", "今年年底", "end of year", "end of the year", "year end", "eoy")
_EN_MONTHS = r"(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
_MID = pattern(rf"^(?:mid|middle of)[\s-]*(?:{_EN_MONTHS}|(month|the month|this month))$"
               r"|^(?:(明年|今年)?(\d{1,2})月|(下个?月|本月|这个月)?月?)(?:中|中旬)$")
_END_OF = pattern(rf"^(?:end of|end|late)\s+{_EN_MONTHS}$|^{_EN_MONTHS}\s+end$")


def mid_month(text: str, today: dt.date) -> dt.date | None:
    """The 15th of the month `text` names (`月中`, `mid jan`, `1月中旬`, `下个月中`), or the last
    day for `end of jan` / `jan end`: the next such day to come."""
    if end := _END_OF.match(text):
        month = _MONTHS.index((end[1] or end[2])[:3]) + 1
        year = today.year + (dt.date(today.year, month, monthrange(today.year, month)[1]) < today)
        return dt.date(year, month, monthrange(year, month)[1])
    found = _MID.match(text)
    if found is None:
        return None
    if found[1]:  # `mid jan`
        month, year = _MONTHS.index(found[1][:3]) + 1, None
    elif found[4] and 1 <= int(found[4]) <= 12:  # `1月中`, `明年1月中旬`
        month = int(found[4])
        year = today.year + 1 if found[3] == "明年" else today.year if found[3] else None
    elif found[4]:
        return None
    else:  # `月中`, `mid month`: this month's, else next month's; `下个月中`: next month's
        ahead = bool(found[5] and found[5].startswith("下"))
        first = today.replace(day=1)
        first = (first + dt.timedelta(days=32)).replace(day=1) if ahead else first
        if first.replace(day=15) < today:
            first = (first + dt.timedelta(days=32)).replace(day=1)
        return first.replace(day=15)
    day = dt.date(year or today.year, month, 15)
    return day.replace(year=day.year + 1) if year is None and day < today else day


def period_start(text: str, today: dt.date) -> dt.date | None:
    """The first day of the month or quarter `text` names, the next one to start after `today`
    (the month or quarter `today` is in has begun: not read, so it is asked about)."""
    month, year, span = None, None, 1
    if (dated := MONTH_OF_YEAR.match(text)) is not None:  # `jan 2027`, `2027年1月`: that year's
        month = _MONTHS.index(dated["en"][:3]) + 1 if dated["en"] else int(dated["zh"] or dated["iso"])
        year = int(dated["en_year"] or dated["zh_year"] or dated["iso_year"])
        if not 1 <= month <= 12:
            return None
        first = dt.date(year, month, 1)
        return first if first > today else None  # begun or gone by: which day is asked
    if text in _NEXT_QUARTER:
        month, span = (today.month - 1) // 3 * 3 + 4, 3
    elif (en := _EN_MONTH.match(text)) and text not in ("may", "march", "mar"):
        month = _MONTHS.index(en[1][:3]) + 1
    elif quarter := _QUARTER.match(text):
        which = quarter["q"] or quarter["zh"]
        month, span = (int(which) if which.isdigit() else "一二三四".index(which) + 1) * 3 - 2, 3
        if said := (quarter["year"] or quarter["after"] or "").split()[:1]:  # `明年Q2`: that year's
            year = today.year + (said[0] in ("明年", "next"))
    elif (zh := _ZH_MONTH.match(text)) and 1 <= int(zh[2]) <= 12:
        month = int(zh[2])
        year = today.year + 1 if zh[1] == "明年" else today.year if zh[1] == "今年" else None
    if month is None:
        return None
    year, month = (year or today.year) + (month - 1) // 12, (month - 1) % 12 + 1
    first = dt.date(year, month, 1)
    index = year * 12 + month - 1 + span
    if first <= today < dt.date(index // 12, index % 12 + 1, 1):  # begun: which day of it is asked
        return None
    if first <= today and not text.startswith(("明年", "今年")) and "year" not in text:
        first = first.replace(year=first.year + 1)
    return first if first > today else None


#: A day of the month said alone at one end of a range (`jan 25th-29th`, `4th to 8th`, `25-29 jan`)
_BARE_DAY = pattern(r"^\s*(?:the\s+)?(\d{1,2})(?:st|nd|rd|th|号|日)?\s*$", re.I)


#: the other end's month said as the next one (`下个月15号`, `the 15th of next month`)
_NEXT_MONTH = pattern(r"下个?月|(?<![A-Za-z])next\s+month(?![A-Za-z])", re.I)


def same_month(head: str, first: dt.date | None, tail: str, last: dt.date | None) -> tuple:
    """The ends of a range, a day said alone at one end read in the month of the other (`jan
    25th-29th`: Jan 29, never Jan 25 of 2029 nor Dec 29); `4th to 8th`: the next 4th and the 8th
    after it."""
    alone_head, alone_tail = _BARE_DAY.match(head), _BARE_DAY.match(tail)
    try:
        if alone_tail and first is not None and not alone_head:
            last = first.replace(day=int(alone_tail[1]))
        elif alone_head and last is not None and not alone_tail and _NEXT_MONTH.search(tail):
            first = (last.replace(day=1) - dt.timedelta(days=1)).replace(day=int(alone_head[1]))  # `15号到
            # 下个月15号` (r25zh): this month's 15th, the month before the other end's
        elif alone_head and last is not None and not alone_tail:
            first = last.replace(day=int(alone_head[1]))
        elif alone_head and alone_tail and first is not None:
            last = first.replace(day=int(alone_tail[1]))
    except ValueError:  # `jan 25th-32nd`: no such day
        return None, None
    return first, last


_ORDINALS = {w: n for n, w in enumerate(
    "_ first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()) if n} | {
    # as often typed (`the nineth`, `fith`, `twelth`, `thrid`)
    "frist": 1, "fisrt": 1, "secnd": 2, "seccond": 2, "thrid": 3, "thrd": 3, "fourht": 4, "fouth": 4,
    "forth": 4, "fith": 5, "fifht": 5, "fivth": 5, "fiveth": 5, "sixht": 6, "seventh": 7, "sevnth": 7,
    "eigth": 8, "eighth": 8, "eightth": 8, "nineth": 9, "nith": 9, "nineht": 9, "tenht": 10, "elevnth": 11,
    "elevneth": 11, "twelth": 12, "twelvth": 12, "twelveth": 12, "thirteeth": 13, "fourteeth": 14,
    "fifteeth": 15, "sixteeth": 16, "ninteenth": 19, "nineteeth": 19, "twentith": 20, "twentyth": 20}
#: A day of the month in words after `the`, a month or a weekday (`the fifteenth`, `dec twenty-first`,
#: `monday the fourteenth`); never alone (`first meeting` is no day)
_ORDINAL_WORD = pattern(r"(?P<lead>(?<![a-z])(?:the|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
                        r"|[a-z]*day)\.?,?\s+)(?:(?P<tens>twenty|thirty)[\s-]?)?(?P<one>" + "|".join(
                            sorted(_ORDINALS, key=len, reverse=True)) + r"|thirtieth)(?![a-z])")


def ordinals_in_digits(text: str) -> str:
    """`the fifteenth` → `the 15th`, `jan thirty first` → `jan 31st` (a day past 31 as typed), and
    one after another (`dec ninth and tenth` → `dec 9th and 10th`)."""
    if not ("th" in text or "st" in text or "nd" in text):
        return text
    text = _ORDINAL_WORD.sub(_in_digits, text)
    return _ORDINAL_AFTER.sub(_in_digits, text)


#: A day in words after a day in digits and `and`, `to`, `-` (`9th and tenth`)
_ORDINAL_AFTER = pattern(r"(?P<lead>\d(?:st|nd|rd|th)\s*(?:and|to|through|thru|-|–)\s*)"
                         r"(?:(?P<tens>twenty|thirty)[\s-]?)?(?P<one>" + "|".join(
                             sorted(_ORDINALS, key=len, reverse=True)) + r"|thirtieth)(?![a-z])")


def _in_digits(found: re.Match) -> str:
    one = 30 if found["one"] == "thirtieth" else _ORDINALS[found["one"]]
    number = {"twenty": 20, "thirty": 30}.get(found["tens"] or "", 0) + one
    if found["tens"] and one > 9 or number > 31:
        return found[0]
    suffix = "th" if 10 < number % 100 < 14 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{found['lead']}{number}{suffix}"


#: A day of next or this month said in English (`the 15th of next month`, `15 of next month`,
#: `next month's 15th`, `on the 3rd next month`): read as its Chinese twin (`下个月15号`), never the
#: next 15th to come nor next month's first day
_EN_DAY_OF_MONTH = pattern(r"^(?:on\s+)?(?:the\s+)?"
                           r"(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+of|(?P<day2>\d{1,2})(?:st|nd|rd|th))"
                           r"\s+(?:the\s+)?(?P<which>next|this)\s+month$"
                           r"|^(?:on\s+)?(?P<which2>next|this)\s+month(?:'s)?,?\s+(?:on\s+)?(?:the\s+)?"
                           r"(?P<day3>\d{1,2})(?:st|nd|rd|th)?$")


def _day_of_month_said(found: re.Match) -> str:
    which = found["which"] or found["which2"]
    return ("下个月" if which == "next" else "本月") + (found["day"] or found["day2"] or found["day3"]) + "号"


def day_of_month_in_zh(text: str) -> str:
    """`the 15th of next month`, `next month's 15th` (lower case, ordinals in digits) as
    `下个月15号`, which `dates` reads; other text as it is."""
    return _EN_DAY_OF_MONTH.sub(_day_of_month_said, text)
