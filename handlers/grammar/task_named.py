"""A member's name and a colon at the start of a task (`task ana: get legal sign-off by 12/15`,
`task deal #46 @bo: call them`, `任务 张伟：周五前给华为发报价`): the grammar reads the rest (its
due day) without the name and keeps `name:` at the title's front as typed; whether it names a
member is known only with the roster (handlers/sales/task_named.py)."""
from __future__ import annotations

import re

from handlers.grammar import commands as c
from handlers.grammar.normal import view
from handlers.grammar.patterns import pattern

#: `[deal #46 ]ana: …` · `[商机#46 ]张伟：…` · `for ana: …`: the name (a word, or 2-4 Chinese characters)
NAMED_TASK = pattern(r"^(?P<lead>(?:(?:deal|opportunity|商机)\s*#?\d{1,9}\s*|#\d{1,9}\s+)?)"
                     r"(?P<named>(?:for\s+|给\s*)?@?(?:[A-Za-z][\w.'-]{0,30}|[\u4e00-\u9fff]{2,4})"
                     r"\s*[:：]\s*)"
                     r"(?P<body>\S.*)$", re.I | re.S)
#: The name and the title after it, in a title
NAME_IN_TITLE = pattern(r"^(?:for\s+|给\s*)?@?(?P<name>[A-Za-z][\w.'-]{0,30}|[\u4e00-\u9fff]{2,4})\s*[:：]\s*"
                        r"(?P<title>\S.*)$", re.S)
#: A member's name and a space at a task's start (`task bo send quote fri`, `任务 张伟 准备报价`):
#: a manager's task for that member (handlers/sales/task_named.py)
NAME_FIRST = pattern(r"^@?(?P<name>[A-Za-z][\w.'-]{0,30}|[\u4e00-\u9fff]{2,4})\s+(?P<title>\S.*)$", re.S)


def name_left(said: c.Command | c.ParseError, named: str) -> bool:
    """Whether reading the whole task left `named` (`ana:`) in its title, or read nothing: never a
    day said with a colon (`task fri: call umbrella`, read as the due day)."""
    name = view(named).strip(" :：@").lower()
    who = getattr(said, "assignee", None) or getattr(said, "member", None) or ""
    return isinstance(said, c.ParseError) or ":" in view(who) or isinstance(said, c.AddTask) \
        and view(said.title).lstrip("@").lower().startswith(name)  # `@张伟：下周二前…` glued: never
    # a member named "张伟:下周二前…", nor the tasks of one
