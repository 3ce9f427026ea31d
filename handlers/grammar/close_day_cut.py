"""The day a win or loss said in words closed (`华为续约赢了 5万 上周四就签了 老关系`, `globex won
50k, signed last thu, great champion`): cut from the reason (it is no reason, and it is posted to the
team) and run right after the close as a line of its own (`其实是上周四签的`, `no wait close was last
thu`), which moves the close to that day, asking which one when the day is ambiguous
(handlers/sales/backdate.py).

>>> close_day_cut("上周四就签了 老关系", True)
('老关系', '上周四')
>>> close_day_cut("signed last thu, great champion", False)
('great champion', 'last thu')
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import command_json
from handlers.grammar import commands as c
from handlers.grammar.normal import view
from handlers.grammar.past_days import past_day
from handlers.grammar.patterns import pattern

_ZH_DAY = (r"(?:上上?个?(?:周|星期|礼拜)[一二三四五六日天]|昨天|前天|(?:\d{1,2}月)?\d{1,2}[日号]"
           r"|(?:这|本)?(?:周|星期|礼拜)[一二三四五六日天])")
_ZH = pattern(r"(?:^|(?<=[\s,，;；。（]))(?P<day>" + _ZH_DAY + r")(?:就|已经|已|刚)?"
              r"(?:签了|签的|签约了|签下来了|签单了|定了|定下来了|成交了|赢了|丢了|输了|关单了)"
              r"(?=[\s,，;；。!！）]|$)|(?<=（)成交日[：:](?P<day2>" + _ZH_DAY + r")(?=）)")
_EN_DAY = (r"(?:last\s+(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*|yesterday|"
           r"(?:mon|tue|tues|wed|thu|thur|thurs|fri)[a-z]*|\d{1,2}/\d{1,2}|the\s+\d{1,2}(?:st|nd|rd|th))")
_EN = pattern(r"(?:^|(?<=[\s,;.(]))(?:they\s+|we\s+)?(?:signed|closed|inked|won|lost)\s+(?:it\s+)?(?:on\s+)?"
              r"(?P<day>" + _EN_DAY + r")(?![A-Za-z])", re.I)
#: the word of closing just before the day, typos too (`closd last thu`): no word of the reason
_CLOSE_VERB = pattern(r"(?<![A-Za-z])(?:cl[oa]?s\w{0,3}d|clsoed|sign(?:ed|d)?|signe)\s*(?:on\s*)?$", re.I)
_EDGE = " ,，.。;；:：!！-–—()（）"  # `…, closed last thu: 方案对口`: no `, :` left between; the
# offer's own `(closed last thu)` · `（成交日：上周四）` read back whole
#: A day said as the end of a state (`paused until 2/1`, `直到12月1日`): never the close's day
_UNTIL = pattern(r"(?:(?<![A-Za-z])(?:until|till|til|by|before|after|since)|直到|到|等到|之前)\s*$", re.I)
#: A day that can only be gone by, said anywhere in a reason (`decided last wed`, `昨天定的`,
#: `上週三`): the close's day, never its reason (a bare weekday may be one to come: not read)
_GONE = pattern(r"(?:(?<![A-Za-z])(?:on\s+)?(?P<en>yesterday|yday|yest"
                r"|last\s+(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*|\d{1,2}/\d{1,2})(?![A-Za-z0-9/]))"
                r"|(?P<zh>大前天|前天|昨天|上上?个?(?:周|星期|礼拜)[一二三四五六日天]|\d{1,2}月\d{1,2}[日号]?)",
                re.I)


def close_day_cut(reason: str, chinese: bool, today: dt.date | None = None) -> tuple[str, str | None]:
    """(the reason without the clause saying the day the deal closed, that day as typed), or the
    reason and None where it says none. Given `today`, any day gone by said in the reason is that
    day too, only its words cut (`went with a competitor, decided last wed` → `…, decided`)."""
    found = _ZH.search(reason) or _EN.search(reason)
    if found is not None:
        rest = f"{reason[:found.start()].rstrip(_EDGE)} {reason[found.end():].lstrip(_EDGE)}"
        return " ".join(rest.split()).strip(_EDGE), found["day"] or found.groupdict().get("day2")
    seen = view(reason) if today is not None else ""
    gone = next((found for found in _GONE.finditer(seen)  # of the last month, never the end of a
                 if (day := past_day(found["en"] or found["zh"], today)) and day < today  # state (`until
                 and (today - day).days <= 31 and not _UNTIL.search(seen, 0, found.start())), None)  # 2/1`)
    if gone is None:
        return reason, None
    group = "en" if gone["en"] else "zh"
    left, right = _CLOSE_VERB.sub("", reason[:gone.start()].rstrip(" ")), reason[gone.end():].lstrip(" ")
    rest = left + ("" if left.endswith(tuple("，,、；：")) else " ") + right
    return " ".join(rest.split()).strip(_EDGE), reason[gone.start(group):gone.end(group)]


def with_close_day(option: tuple, day: str | None) -> tuple:
    """A win's or loss's one-tap answer, its close then moved to `day` when one was said."""
    if day is None:
        return option
    kind, line, command = option
    chinese = bool(re.search(r"[\u3400-\u9fff]", line[:3] + day))  # `#22：…` on 上周三: in Chinese
    after = f"其实是{day}签的" if chinese else f"no wait close was {day}"
    shown = f"{line}（成交日：{day}）" if chinese else f"{line} (closed {day})"
    first = line if command is None else command_json.MARK + command_json.encode(command)[1:]
    return kind, shown, c.Several((first, after))
