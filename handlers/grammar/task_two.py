"""Two tasks in one task line, each led (or ended) by its own day (`任务 明天给华为打电话 后天去联想
拿合同`, `task call acme tmrw and send globex the deck fri`): never one task whose title holds the
second day. Offered as two lines, one tap (each line a task of its own, read by the task grammar)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from handlers.grammar import commands as c
from handlers.grammar.patterns import pattern

#: Where a second clause may start: a space or a comma, and the words that join two things to do
_BOUNDARY = pattern(r"\s*[,，;；、]\s*(?:(?:and|then|also|然后|再|还有|另外)\s+)?|\s+(?:and|then|also|&)\s+"
                    r"|\s+(?:然后|还有|另外|并且)?\s*|(?<=[\u3400-\u9fff])(?:然后|还有|另外|并且)")
_CJK = pattern(r"[\u3400-\u9fff]")


def two_tasks(rest: str, today: dt.date, parse: Callable) -> c.ParseError | None:
    """The question offering the two tasks `rest` (what follows `task`) says, or None where no
    cut leaves two tasks that each read whole with a day of their own."""
    said = " ".join(rest.split())
    lead = said.split()[0] + " " if said.startswith("@") else ""  # `@bo …`: each task Bo's
    body = said[len(lead):]
    keyword = "任务" if _CJK.search(body) else "task"
    for cut in _BOUNDARY.finditer(body):
        first, second = body[:cut.start()].strip(), body[cut.end():].strip()
        if not first or not second or cut.start() == 0:
            continue
        one, two = parse(lead + first, today), parse(lead + second, today)
        if isinstance(one, c.AddTask) and isinstance(two, c.AddTask) and one.due and two.due:
            lines = f"\n{keyword} {lead}{first}\n{keyword} {lead}{second}"
            return c.ParseError("task", "task_two", f"{first} · {second}",
                                options=(("two_tasks", lines, None),))
    return None
