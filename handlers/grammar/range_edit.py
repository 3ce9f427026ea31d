"""One end of a range of days put right (`make it end 12/23`, `start 12/14`, `改成12月14号开始`,
`12月23日结束`): the offered line whose range it changes, that end moved (#23, r17: `make it end
12/23` while "give the contest these days?" was open).

>>> import datetime as dt
>>> edited("contest #1 12/7-12/18", "make it end 12/23", dt.date(2026, 12, 6))
'contest #1 12/7-12/23'
>>> edited("竞赛 #2 12月7日-12月31日", "算了 改成12月14号开始", dt.date(2026, 12, 6))
'竞赛 #2 12月14日-12月31日'
>>> edited("contest #1 12/14-12/20", "actually start it jan 11", dt.date(2026, 12, 6))
'contest #1 2027-01-11-2027-01-17'
>>> edited("contest #1 12/7-12/18", "make it 50k", dt.date(2026, 12, 6)) is None
True
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar.fillers import LEAD
from handlers.grammar.patterns import pattern

#: The contest named before its end (`the contest ends eom`, `比赛到月底`: fix34b)
_CONTEST_EN = r"(?:(?:the|this|that|our)\s+)?(?:contest|competition|comp|challenge|race)(?:'s)?\s+"
_CONTEST_ZH = r"(?:这个|这次|本次)?(?:比赛|竞赛|比拼)(?:的)?(?:时间|日期)?\s*"
_EN = pattern(LEAD + r"(?:(?:make|have|let)\s+(?:it|that|them)\s+|it\s+should\s+|"
              r"(?:" + _CONTEST_EN + r")?(?:should\s+|will\s+|is\s+to\s+|now\s+)?(?:the\s+)?)"
              r"(?P<kind>end|ends|finish|finishes|run\s+(?:until|till|til|to)|runs\s+(?:until|till|til|to)"
              r"|goes\s+(?:until|till|to)|lasts?\s+(?:until|till)|(?:is\s+)?(?:until|till|thru|through)"
              r"|start|starts|begin|begins)"
              r"(?:\s+(?:it|that|them))?(?:\s+(?:on|at|date))?\s+(?P<day>\S.*?)\s*[.!]*$", re.I)
_ZH_AFTER = pattern(LEAD + r"(?:" + _CONTEST_ZH + r")?(?:改成|改到|改为|换成|延长到|延到|到)?\s*(?:从)?"
                    r"(?P<day>\S+?)\s*(?P<kind>开始|结束|截止)"
                    r"(?:吧|了|啊|哈|呢)*[\s。!！~]*$")  # `改成25号开始吧`
_ZH_BEFORE = pattern(LEAD + r"(?:" + _CONTEST_ZH + r")?(?P<kind>开始|结束|截止)(?:日期|时间)?\s*"
                     r"(?:改成|改到|改为|是)?\s*(?P<day>\S+?)[\s。!！]*$"
                     # `不对，比赛到月底`: the contest named, its end after 到 (fix34b)
                     r"|" + LEAD + _CONTEST_ZH + r"(?:改成|改到|改为|延长到|延到|截止到)?\s*(?P<kind2>到)\s*"
                     r"(?P<day2>\S+?)(?:为止)?[\s。!！]*$")
_CJK = pattern(r"[\u3400-\u9fff]")


def edited(line: str, text: str, today: dt.date) -> str | None:
    """`line` with the end of its range `text` moves, or None where `text` moves none or `line`
    holds no one range of days."""
    from handlers.grammar.dates import parse_date, parse_date_range

    said = " ".join(text.split())
    found = _EN.match(said) or _ZH_AFTER.match(said) or _ZH_BEFORE.match(said)
    if found is None or (day := parse_date(found["day"] or found["day2"], today)) is None:
        return None
    ranges = [(token, days) for token in line.split() if ("-" in token or "到" in token or "至" in token)
              and (days := parse_date_range(token, today)) is not None and days[0] != days[1]]
    ranges = ranges or _spaced(line, today)  # `contest … dec 14-dec 20`: the range in words
    if len(ranges) != 1:
        return None
    token, (first, last) = ranges[0]
    starts = (found["kind"] or "").lower().startswith(("start", "begin", "开始"))
    length = last - first
    first, last = (day, last) if starts else (first, day)
    if starts and first > last:  # `start it jan 11` of a contest ending before: all of it moved
        last = first + length
    if first > last:
        return None
    zh = bool(_CJK.search(token))
    shown = [d.isoformat() if d.year != today.year else f"{d.month}月{d.day}日" if zh
             else f"{d.month}/{d.day}" for d in (first, last)]  # another year: `2027-01-11`
    return line.replace(token, "-".join(shown), 1)




#: The day it was, said after the new one (`start it jan 5 not 4`, `1月5号开始 不是4号`), and a why after
#: a comma (`…, 4th is still new yr hangover lol`)
_NOT_WAS = pattern(r"\s*[,，]?\s*(?<![A-Za-z])(?:not|instead\s+of|rather\s+than|不是)\s*(?:the\s+)?"
                   r"(?:\d{1,2}(?:st|nd|rd|th|号|日)?|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}月\d{1,2}[日号]?)"
                   r"(?![\w/])", re.I)
_WHY_AFTER = pattern(r"\s*(?:[,，;；]|\s[-–—]\s|\s(?:because|bc|cause|since|as)\s)\s*", re.I)


def said_and_why(text: str, today: dt.date) -> tuple[str, str]:
    """(`text` without the day it was nor a why, the why) where `text` moves an end and says more
    (`actually start it jan 5 not 4, 4th is still new yr hangover lol`); (`text`, "") otherwise."""
    said = " ".join(text.split())
    if (was := _NOT_WAS.search(said)) is not None:
        said = (said[:was.start()] + said[was.end():]).strip()
    for cut in _WHY_AFTER.finditer(said):
        head = said[:cut.start()]
        found = _EN.match(head) or _ZH_AFTER.match(head) or _ZH_BEFORE.match(head)
        if found is not None and _day(found["day"], today):
            return head, said[cut.end():].strip(" .。!！")
    return said, ""


def _day(said: str, today: dt.date) -> dt.date | None:
    from handlers.grammar.dates import parse_date

    return parse_date(said, today)


def _spaced(line: str, today: dt.date) -> list[tuple[str, tuple[dt.date, dt.date]]]:
    """The one range of days written over several words (`dec 14-dec 20`), the longest reading."""
    from handlers.grammar.dates import parse_date_range

    words, found = line.split(), {}
    for size in (4, 3, 2):
        for at in range(len(words) - size + 1):
            said = " ".join(words[at:at + size])
            if re.search(r"-|–|\bto\b|到|至", said) and (days := parse_date_range(said, today)) \
                    and days[0] != days[1] and days not in found.values() \
                    and not any(said in known for known in found):
                found[said] = days
    return list(found.items())


def range_moved(answers: list[str], text: str, today: dt.date) -> tuple[str, ...] | None:
    """The offered lines (of a question's `answers`) holding a range of days with the end `text`
    moves (`make it end 12/23`, `改成12月14号开始`), moved, to be offered again; None where `text`
    moves none or an option is no line."""
    from handlers.grammar.command_json import pressed

    lines = [line for answer in answers if isinstance(line := pressed(answer), str)]
    moved = [line for answer in lines if (line := edited(answer, text, today)) is not None]
    return tuple(dict.fromkeys(moved)) if moved and len(lines) == len(answers) else None
