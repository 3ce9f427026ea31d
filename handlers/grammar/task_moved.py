"""A task's (or a bare number's) day moved: `task 7 due fri`, `#7 to next mon`, `7推到月底`,
`把任务7延到下周一`, and a bare number with a new day (`254 推到月底`), asked whose it is
(handlers/sales/unnamed.py). The words of moving a day are declared in task_edit.py."""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c
from handlers.grammar.dates import parse_date
from handlers.grammar.normal import view
from handlers.grammar.patterns import pattern
from handlers.grammar.task_edit import MOVED_EN, MOVED_ZH
from handlers.grammar.task_edit import shift_said as _shift

#: A bare number and a new day, no command word (`254 推到月底`, `#31 改到下周五`, `254 push to fri`):
#: a follow-up's, a deal's close or a task's day, asked which (handlers/sales/unnamed.py)
NUMBER_MOVED = pattern(rf"^(?:把|将)?\s*(?:跟进|商机)?\s*#?(?P<id>\d{{1,9}})\s*号?\s*[,，:：]?\s*"
                       rf"(?:{MOVED_ZH}|{MOVED_EN}\s+(?:it\s+)?(?:to|until|till|til)?)\s*(?P<day>.+?)\s*(?:吧|了)?"
                       r"[!！。.~]*$", re.I)
#: The words of moving a task's day, after its number: those, and `due`, `to`, `->`, `截止`
_MOVE_VERB = (rf"(?:(?:is\s+)?(?:now\s+)?due(?:\s+date)?(?:\s+(?:on|by|is))?|to|until|till|til|"
              rf"{MOVED_EN}(?:\s+(?:it\s+)?(?:to|until|till|til))?)(?![A-Za-z])|->|→|=|"
              rf"截止(?:日期)?(?:改到|改成|改为|到|是)?|{MOVED_ZH}")
_MOVE = pattern(rf"#?(?P<id>\d{{1,9}})(?!\d)\s*号?\s*[,，:：]?\s*(?P<verb>{_MOVE_VERB})?\s*"
                r"(?P<day>\S.*?)\s*(?:吧|了)?[!！。.~]*", re.I)
#: `把任务7延到下周一` · `move task 7 to fri`: a task's day moved, no command word at the start
_MOVE_LEAD = pattern(r"(?:把|将|请|(?:please|pls|plz)\s+)?\s*"
                     r"(?P<verb>(?:move|reschedule|postpone|push|delay|change)\s+)?"
                     r"(?:任务|待办|task)\s*(?=#?\d)", re.I)


def task_moved(rest: str, today: dt.date, *, verb_needed: bool = True) -> c.MoveTask | c.ParseError | None:
    """`7 due fri` · `#7 to next mon` · `7 2 days` · `7推到月底` (after `task`/`任务`): task #7's new
    day; a day that does not read in full is asked. None when `rest` is no number and a day (or,
    with `verb_needed`, no number and a word of moving), so `task 2 calls to Acme` is a new task."""
    found = _MOVE.fullmatch(" ".join(view(rest).split()))
    if found is None:
        return None
    said = re.sub(r"^(?:(?:by|on|to|until|till|til)\s+|到)", "", found["day"], flags=re.I)
    if shift := _shift(said):  # `2 days`: later than it was due
        return c.MoveTask(int(found["id"]), None, *shift)
    if (day := parse_date(said, today)) is not None:
        return c.MoveTask(int(found["id"]), day)
    if found["verb"] or not verb_needed:
        return c.ParseError("task", "date", said)  # `task 7 due someday`: which day?
    return None


def task_move_said(text: str, today: dt.date) -> c.MoveTask | c.ParseError | None:
    """`把任务7延到下周一` · `move task 7 to fri`: a task's day moved, said with no command word."""
    said = " ".join(view(text).split())
    lead = _MOVE_LEAD.match(said)
    if lead is None:
        return None
    return task_moved(said[lead.end():], today, verb_needed=not lead["verb"])
