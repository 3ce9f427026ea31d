"""One end of a contest moved by its number (`contest #1 end 12/23`, `contest 1 ends on dec 23`,
`contest #2 start 12/1`, `contest #1 until 12/23`, `比赛1 结束改成12月23日`, `竞赛 #1 12月23日结束`,
`比赛1 延长到12月23日`): that contest's start or end, the other end kept as it is; never a new
contest, never the usage. A day that reads as none is said back (`contest #1 end someday`).

>>> import datetime as dt
>>> contest_day("#1 end 12/23", dt.date(2026, 12, 6))
EditContest(contest_id=1, first=None, last=datetime.date(2026, 12, 23))
>>> contest_day("1 开始改成12月1日", dt.date(2026, 11, 20)).first
datetime.date(2026, 12, 1)
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c
from handlers.grammar.dates import parse_date
from handlers.grammar.patterns import pattern

_ID = r"^(?:#|no\.?\s*|第)?\s*(?P<id>\d{1,9})\s*(?:号|个)?\s*(?:'s\s+|的)?\s*"
_EN = pattern(_ID + r"(?:(?P<which>(?:start|begin|end|finish|close)(?:s|es|ing)?)"
              r"(?:\s+(?:date|day))?|(?P<until>until|till|thru|through|extend(?:ed)?\s+(?:to|until)|"
              r"run(?:s)?\s+(?:until|till|to)))"
              r"(?:\s+(?:to|on|at|is|=|now|instead))*\s*:?\s*(?P<day>[^\s].*?)[\s.!]*$", re.I)
_ZH_VERB = r"(?:改成|改为|改到|调到|调成|延到|延长到|推迟到|推到|提前到|定在|定为|是|为|到|在)"
_ZH = pattern(_ID + r"(?:(?P<which>开始|开赛|结束|截止|收官)(?:日期|时间|日|的日子)?\s*" + _ZH_VERB + r"?\s*"
              r"(?P<day>[^\s吧。!！]+?)"
              r"|(?P<until>延长到|延到|推迟到|推到|提前到)\s*(?P<day3>[^\s吧。!！]+?)(?:结束|截止|为止)?"
              r"|(?:" + _ZH_VERB + r"\s*)?(?P<day2>[^\s吧。!！]+?)\s*(?P<which2>开始|开赛|结束|截止|为止))"
              r"[\s吧。!！]*$")
_START = ("start", "starts", "starting", "begin", "begins", "beginning", "开始", "开赛")


def contest_day(rest: str, today: dt.date) -> c.EditContest | c.ParseError | None:
    """The contest's start or end `rest` moves (`#1 end 12/23`), the error when its day reads as
    none, or None when `rest` says no such thing."""
    said = " ".join(rest.split())
    found = _EN.match(said) or _ZH.match(said)
    if found is None:
        return None
    groups = found.groupdict()
    day_said = groups.get("day") or groups.get("day2") or groups.get("day3") or ""
    which = (groups.get("which") or groups.get("which2") or "").lower()
    day = parse_date(day_said, today)
    if day is None:
        return c.ParseError("contest", "date", day_said)
    if which in _START:
        return c.EditContest(int(found["id"]), first=day, last=None)
    return c.EditContest(int(found["id"]), first=None, last=day)
