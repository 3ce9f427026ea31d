"""A task's day said as one gone by (`task call acme last fri`, `任务 上周五 给华为发报价`): never
read silently as the day to come (`fri`, with `last` left in the title), and never a due day (a
task is due on a day to come). Asked: the words kept in the title with no due day, or due the
coming such weekday, one tap each.

>>> import datetime as dt
>>> asked = day_gone("call acme last fri", None, None, None, dt.date(2026, 12, 6))
>>> [(o[0], o[1]) for o in asked.options]
[('task_titled', ''), ('task_due_coming', '2026-12-11')]
>>> day_gone("call acme next fri", None, None, None, dt.date(2026, 12, 6)) is None
True
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c
from handlers.grammar.dates import parse_date
from handlers.grammar.normal import view
from handlers.grammar.patterns import pattern

_EN_END = pattern(r"(?:^|\s)(?:(?:by|due|on|for)\s+)?"
                  r"(?P<day>last\s+(?P<en>(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*))\.?$", re.I)
_ZH_WEEK = r"上个?(?P<zh>(?:周|星期|礼拜)[一二三四五六日天])"
_ZH_START = pattern(rf"^(?P<day>{_ZH_WEEK})(?:之?前)?")
_ZH_END = pattern(rf"(?P<day>{_ZH_WEEK})(?:之?前)?$")


def day_gone(text: str, assignee: str | None, deal_id: int | None, customer: str | None,
             today: dt.date) -> c.ParseError | None:
    """The question where `text` (a new task's words) starts (Chinese) or ends with a day gone by
    said as one (`last fri`, `上周五`); None otherwise."""
    seen = view(text)
    found = _EN_END.search(seen) or _ZH_START.match(seen) or _ZH_END.search(seen)
    coming = parse_date(found.groupdict().get("en") or found["zh"], today) if found else None
    title = (text[:found.start()] + text[found.end():]).strip(" ,，") if found else ""
    if coming is None or not title:
        return None
    return c.ParseError("task", "task_day_gone", text[found.start("day"):found.end("day")], options=(
        ("task_titled", "", c.AddTask(text, assignee, None, deal_id, customer)),
        ("task_due_coming", coming.isoformat(), c.AddTask(title, assignee, coming, deal_id, customer))))
