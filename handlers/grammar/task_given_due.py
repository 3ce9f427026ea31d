"""A task given to someone and its day moved in one message (r26): `reassign task 12 to tom and make
it due 12/21`, `task 12 to tom, due fri`, `把任务12转给张伟 截止改到12月21日`: both changes, as the
two lines `task 12 to tom` and `task 12 due 12/21` would make them (run together, the first refusal
refusing both), never the one without the other.

`reassign task 12 to tom` alone is the task given (`task 12 to tom`), not the whole book of work
`reassign @bo to @ana` moves.

>>> import datetime as dt
>>> today = dt.date(2026, 12, 6)
>>> lines("reassign task 12 to tom and make it due 12/21", today)
['task 12 to tom', 'task 12 due 2026-12-21']
>>> lines("把任务12转给张伟 截止改到12月21日", today)
['任务 12 给张伟', '任务 12 改到 2026-12-21']
>>> lines("task 12 to tom and call acme", today) is None, given("reassign task 12 to tom")
(True, (12, 'tom'))
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar.dates import parse_date
from handlers.grammar.normal import view
from handlers.grammar.patterns import pattern

_GIVE_EN = (r"(?:(?:pls|please)\s+)?(?:(?:re-?assign|give|hand|pass|move)\s+)?(?:the\s+)?"
            r"task\s*#?\s*(?P<id>\d{1,9})"
            r"\s+(?:over\s+)?(?:to|for)\s+@?(?P<who>[^\s,;]+)")
_GIVE_ZH = (r"(?:把|将)?(?:任务|任務)\s*#?\s*(?P<zid>\d{1,9})\s*(?:号)?\s*"
            r"(?:改派|转派|转交|转|交|派|改)?(?:给|給)\s*@?"
            r"(?P<zwho>[^\s,，;；。]{1,12}?)")
_GIVEN = pattern(r"^(?:" + _GIVE_EN + r"|" + _GIVE_ZH + r")[\s.!。！]*$", re.I)
_BOTH = pattern(
    r"^" + _GIVE_EN + r"\s*(?:,|;|\s(?:and|&|\+))\s*(?:and\s+)?"
    r"(?:(?:make|set|have)\s+it\s+|(?:move|push)\s+it\s+(?:to\s+)?"
    r"|(?:it'?s\s+|it\s+is\s+))?(?:due\s+(?:on\s+|by\s+)?)?(?P<day>[^,;]+?)[\s.!]*$"
    r"|^" + _GIVE_ZH + r"[\s，,；;]*(?:并且|并|再|然后|同时)?\s*(?:截止(?:日期|时间)?|期限|日期|到期日)?\s*"
    r"(?:改到|改成|改为|延到|推到|定在|定到|设为|设成|到)?\s*(?P<zday>[^\s，,；;。]+?)(?:截止|前完成|到期)?[\s。!！]*$",
    re.I)


def given(text: str) -> tuple[int, str] | None:
    """`reassign task 12 to tom` · `把任务12转给张伟`: (the task's number, whom it goes to); None."""
    found = _GIVEN.match(" ".join(view(text).split()))
    if found is None:
        return None
    return int(found["id"] or found["zid"]), found["who"] or found["zwho"]


def lines(text: str, today: dt.date) -> list[str] | None:
    """The two command lines (the task given, its day moved) `text` says; None for any other."""
    said = " ".join(view(text).split())
    found = _BOTH.match(said)
    if found is None:
        return None
    day = parse_date((found["day"] or found["zday"]).strip(), today)
    if day is None:
        return None
    if found["zid"]:
        return [f"任务 {found['zid']} 给{found['zwho']}", f"任务 {found['zid']} 改到 {day.isoformat()}"]
    return [f"task {found['id']} to {found['who']}", f"task {found['id']} due {day.isoformat()}"]
