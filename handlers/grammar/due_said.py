"""A task's due day said with no command word (fix29a, class 3): `截止改到下周三` · `截止日期改成周五` ·
`期限 周四` · `due wed` · `due date fri` · `move the due to fri` · `push the deadline to next mon`. It is
the task's day moved (`任务 改到下周三`, `task move to wed`): the task the member just made or changed,
said back with its number, or asked which (handlers/sales/task_meant.py); with a task's number
before it (`task 6转给Bo 顺便截止改到下周三`: handlers/grammar/joined_clauses.py) that task's.

>>> due_said("截止改到下周三"), due_said("due wed"), due_said("move the due date to fri")
('任务 改到 下周三', 'task change to wed', 'task change to fri')
>>> due_said("截止"), due_said("due visits"), due_said("due wed", 6), due_said("push the due to fri")
(None, None, 'task 6 change to wed', 'task move to fri')
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c
from handlers.grammar.fillers import LEAD
from handlers.grammar.patterns import pattern
from handlers.grammar.push_words import pushed

_ZH = pattern(r"^(?:任务的?|它的?|这个的?)?(?:截止(?:日期|日|时间)?|期限|到期日)\s*"
              r"(?:(?:再|往后)?(?:改到|改成|改为|到|推到|推迟到|延到|延后到|挪到|调到|换到|提前到)|应该是|应该在|应为|是|为|在|[:：])?\s*"
              r"(?P<day>\S.*?)[\s吧啦。.!！]*$")
_EN = pattern(r"^(?:(?:move|push|change|set|make|bump|shift)\s+(?:the\s+|its\s+|it'?s\s+)?)?"
              r"(?:due(?:\s+date)?|deadline)\s*(?:to|is|on|now|should\s+be|[:=])?\s*"
              r"(?P<day>\S.*?)[\s.!]*$", re.I)

#: A correction's opening words and the task named before its day (`no wait the task is due thu`,
#: `sorry the deadline is thu`, `不对，截止是周四`: fix34b), read as the day said alone
_SAID_AGAIN = pattern(LEAD + r"(?:(?:the|that|this|my)\s+task(?:'s)?\s+(?:is\s+|was\s+|should\s+be\s+)?"
                      r"|task(?:'s)?\s+(?:is\s+|was\s+|should\s+be\s+)|(?=(?:the\s+)?deadline|任务|截止|期限|到期))"
                      r"(?:(?:the|its)\s+(?=due|deadline))?", re.I)


def due_said(text: str, task: int | None = None) -> str | None:
    """`text` as a task line moving the due day (of task `task`, else the one just touched), or None
    where it says no day (or reads as anything but a task's day moved)."""
    from handlers.grammar.reading import read  # noqa: PLC0415 (the reader imports the grammar)

    said = " ".join(text.split())
    said = said[again.end():] if (again := _SAID_AGAIN.match(said)) is not None else said
    found = _ZH.match(said)
    zh = found is not None
    found = found or _EN.match(said)
    if found is None:
        return None
    number = f" {task}" if task is not None else ""
    # a push is never to an earlier day (handlers/sales/push_later.py asks); a day said is set
    verb = ("推到" if zh else "move to") if pushed(said) else ("改到" if zh else "change to")
    told = f"任务{number} {verb} {found['day']}" if zh else f"task{number} {verb} {found['day']}"
    command = read(told, dt.date.today()).command
    if not isinstance(command, c.MoveTask) or command.named \
            or (command.day is None and not command.shift_days):
        return None
    return told
