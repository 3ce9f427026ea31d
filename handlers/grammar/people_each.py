"""Several members named at the start of one task (fix34b: `Tom and Bo both need to send the deck by
fri` by a manager made one task for Tom titled "and Bo both need to …"; `task Ana and Bo send the
deck by fri` one task for Ana titled "and Bo send the deck"; `Ana和Bo都要在周五前发方案` was not
understood). One task each is offered, one line per member (`task @Tom send the deck by fri`), the
words that only say they both must (`both need to`, `都要在`) out of the titles; nothing is stored
until tapped. A rep's lines for others are refused (handlers/sales/tasks.py)."""
from __future__ import annotations

import re

from handlers.grammar.patterns import pattern

#: The command word a line may start with (`task`, `todo`, `任务`)
#: (`task for Ana and 张伟: …`, `任务 给张伟和Ana：…`: the names after `for`)
_HEAD = pattern(r"^\s*(?:(?:task|todo|to-do)\s+|任务\s*|待办\s*)?(?:for\s+|给\s*)?", re.I)
#: Between two names (`and`, `&`, `,`, `和`, `、`)
_JOIN = r"\s*(?:,|，|、|&|\+|/|(?<![A-Za-z])and(?![A-Za-z])|和|与|跟|及|以及)\s*"
#: Words saying all of them must (`both need to`, `都要在`), never a title's
_MUST_EN = pattern(r"^[\s,:：]*(?:(?:both|all|each|all\s+of\s+them|each\s+of\s+them|two)\s+)?"
                   r"(?:(?:need|needs|have|has|got)\s+to\s+|must\s+|should\s+|gotta\s+|will\s+|are\s+to\s+)?",
                   re.I)
_MUST_ZH = pattern(r"^[\s，,:：]*(?:两人|两个人|他们|她们|各自|分别|每人|都|也)*"
                   r"(?:要|需要|得|必须|应该|该)?在?")


def people_each(text: str, names) -> tuple[list[str], str, str] | None:
    """(the members named, the command word said, the words after the names and the must-words)
    where `text` names two or more of `names` (the team's members) joined at its start; else None.

    >>> people_each("Tom and Bo both need to send the deck by fri", ["Tom", "Bo", "Ana"])
    (['Tom', 'Bo'], '', 'send the deck by fri')
    >>> people_each("Ana和Bo都要在周五前发方案", ["Ana", "Bo"])
    (['Ana', 'Bo'], '', '周五前发方案')
    >>> people_each("task @ana, @bo & Tom prep the QBR", ["Tom", "Bo", "Ana"])
    (['Ana', 'Bo', 'Tom'], 'task', 'prep the QBR')
    >>> people_each("task Ana and the CFO call", ["Ana", "Bo"]) is None
    True
    """
    known = sorted({n for n in names if n and n.strip()}, key=len, reverse=True)
    if not known:
        return None
    one = "|".join(re.escape(n) if not re.match(r"[A-Za-z]", n) else rf"{re.escape(n)}(?![A-Za-z])"
                   for n in known)
    head = _HEAD.match(text)
    said = re.compile(rf"@?(?P<name>{one})", re.I)
    at, found = head.end(), []
    while (name := said.match(text, at)) is not None:
        found.append(next(n for n in known if n.casefold() == name["name"].casefold()))
        at = name.end()
        join = re.compile(_JOIN, re.I).match(text, at)
        if join is None or said.match(text, join.end()) is None:
            break
        at = join.end()
    if len(dict.fromkeys(found)) < 2:
        return None
    rest = text[at:]
    rest = rest[(_MUST_ZH if re.match(r"\s*[\u3400-\u9fff]", rest) else _MUST_EN).match(rest).end():].strip()
    if not rest:
        return None
    return list(dict.fromkeys(found)), head[0].strip(), rest


def lines(found: tuple[list[str], str, str], chinese: bool) -> str:
    """One task line per member named (`task @Tom send the deck by fri`)."""
    names, _head, rest = found
    keyword = "任务" if chinese else "task"
    return "\n".join(f"{keyword} @{name} {rest}" for name in names)
