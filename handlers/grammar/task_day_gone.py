"""A task's day said as one gone by (`task call acme last fri`, `任务 上周五 给华为发报价`): never
read as the day to come (`fri`), nor left silently in the title. Asked: due on that day (on a
weekend, `last fri` is either Friday: handlers/grammar/visit_day.py `days_of`), or the words kept
in the title with no due day.

>>> import datetime as dt
>>> asked = day_gone("call acme last fri", None, None, None, dt.date(2026, 12, 6))
>>> [(o[0], o[1]) for o in asked.options]
[('task_due_gone', '2026-12-04'), ('task_due_gone', '2026-11-27'), ('task_titled', '')]
>>> day_gone("call acme next fri", None, None, None, dt.date(2026, 12, 6)) is None
True
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c
from handlers.grammar.normal import view
from handlers.grammar.patterns import pattern
from handlers.grammar.visit_day import days_of

_EN_END = pattern(r"(?:^|\s)(?:(?:by|due|on|for)\s+)?"
                  r"(?P<day>last\s+(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)\.?$", re.I)
_ZH_WEEK = r"上个?(?:周|星期|礼拜)[一二三四五六日天]"
_ZH_START = pattern(rf"^(?P<day>{_ZH_WEEK})(?:之?前)?")
_ZH_END = pattern(rf"(?P<day>{_ZH_WEEK})(?:之?前)?$")


def day_gone(text: str, assignee: str | None, deal_id: int | None, customer: str | None,
             today: dt.date) -> c.ParseError | None:
    """The question where `text` (a new task's words) starts (Chinese) or ends with a day gone by
    said as one (`last fri`, `上周五`); None otherwise."""
    seen = view(text)
    found = _EN_END.search(seen) or _ZH_START.match(seen) or _ZH_END.search(seen)
    days = days_of(found["day"], today) if found else ()
    if not days:
        return None
    title = (text[:found.start()] + text[found.end():]).strip(" ,，")
    if not title:
        return None
    return c.ParseError("task", "task_day_gone", text[found.start("day"):found.end("day")], options=(
        *(("task_due_gone", day.isoformat(), c.AddTask(title, assignee, day, deal_id, customer))
          for day in days),
        ("task_titled", "", c.AddTask(text, assignee, None, deal_id, customer))))
