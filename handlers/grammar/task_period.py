"""A period said in a task (`task @bo visit tencent this week`, `任务 本周 给华为发报价`, `next week`,
`下周`), r23 W5: never left in the title unsaid. Asked, one tap: due the period's last working day
(Friday, said back), the period's words out of the title; or the title as typed with no due day."""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c
from handlers.grammar.dates import parse_date
from handlers.grammar.normal import view
from handlers.grammar.patterns import pattern

_PERIOD = pattern(r"(?:(?<![A-Za-z])(?:(?:by|within|in|during|sometime)\s+)?(?:(?P<this>this)|(?P<next>next))"
                  r"\s+(?:wk|week)(?![A-Za-z])(?!['’]s)(?!\s+(?:mon|tue|wed|thu|fri|sat|sun))"
                  r"|(?:(?P<this_zh>本|这个?)|(?P<next_zh>下个?))(?:周|星期|礼拜)(?:内|之内)?"
                  r"(?![一二三四五六日天末的]))", re.I)  # `this week's demo`, `本周的演示`: a title's words


_CJK = pattern(r"[\u3400-\u9fff]")
_WEEKDAY_BEFORE = pattern(r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s*$", re.I)


def period_read(typed: str, title: str, due: dt.date | None, today: dt.date) -> bool:
    """Whether `due` was read from a period alone (`task call acme next week`, `任务 下周给京东打电话`:
    its Monday, r26), the period's words gone from `title`: asked as `this week` is, never Monday."""
    found = _PERIOD.search(view(typed))
    if due is None or found is None or _PERIOD.search(view(title)) is not None \
            or _WEEKDAY_BEFORE.search(view(typed)[:found.start()]):
        return False  # `tuesday next week`: that Tuesday
    return due == parse_date("next week" if found["next"] or found["next_zh"] else "this week", today)


def period_asked(text: str, task: c.AddTask, today: dt.date) -> c.ParseError | None:
    """The question where the title of `task` (no due day) holds a period; else None."""
    found = _PERIOD.search(view(text))
    if found is None:
        return None
    day = parse_date("end of next week" if found["next"] or found["next_zh"] else "eow", today)
    if day is None:
        return None
    title = " ".join(f"{text[:found.start()]} {text[found.end():]}".split())
    title = re.sub(r"\s+(?=[,，.。!！;；:：、])", "", title)
    title = title.strip(" ,，")  # `visit tencent this week, its overdue`: `visit tencent, its overdue`
    if not title:
        return None
    who = f"@{task.assignee} " if task.assignee else ""
    deal = f"#{task.deal_id} " if task.deal_id is not None else ""  # the tap keeps every word said (r26):
    about = f"{'客户' if _CJK.search(text) else 'customer'} {task.customer}: " if task.customer else ""  # its
    said = f"{who}{deal}{about}{title} {day.isoformat()}"  # deal, its customer
    return c.ParseError("task", "task_period", text[found.start():found.end()], options=(
        ("task_period_due", said, c.AddTask(title, task.assignee, day, task.deal_id, task.customer)),
        ("task_titled", "", task)))
