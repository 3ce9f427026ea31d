"""A task message that says two things to do (r26zh W9): `任务 下周一之前整理万科的比价资料；还有给海尔
发合同`,
`task send acme the quote by fri; and also call globex about renewal`, `任务 周五前给海尔发合同 另外 整理华为
的资料`. After `；`/`;` or a joining word (`还有`, `另外`, `同时`, `also`, `and also`, `plus`), a
clause that reads as a task on its own is a second task (its own day, its own customer), never glued
into the first one's title. A clause that reads as no task stays in the title, as typed.

>>> tasks("任务 下周一之前整理万科的比价资料；还有给海尔发合同")
['任务 下周一之前整理万科的比价资料', '任务 给海尔发合同']
>>> tasks("task @bo call acme; also send globex the deck")
['task @bo call acme', 'task @bo send globex the deck']
>>> tasks("任务 给海尔发合同") is None
True
"""
from __future__ import annotations

import re

from handlers.grammar import commands as c
from handlers.grammar.normal import view
from handlers.grammar.patterns import pattern

#: Where a second thing to do starts: `；`/`;` (a joining word after it or not), or a joining word
#: after a break (`，另外`, `, also`), `and also` or a Chinese one after a space (` 另外 `), or 另外 glued
#: to Chinese (`…资料另外…`); never a bare ` also ` (`check also the contract`: one task), a glued 还有
#: (`看看还有没有别的机会`: one title), nor 顺便 (`送样品 顺便见下王经理`: one errand, done while there)
_ALSO_ZH = r"另外|还有(?!没有|什么|多少|几)|然后|同时"  # `还有没有…`: a question, never a join
_SECOND = pattern(r"\s*[;；]\s*(?:(?:and\s+also|also|plus|and|" + _ALSO_ZH + r")(?![A-Za-z]))?[\s,，:：]*"
                  r"|\s*[,，。.!！]\s*(?:and\s+also|also|plus|" + _ALSO_ZH + r")(?![A-Za-z])[\s,，:：]*"
                  r"|\s+(?:and\s+also|" + _ALSO_ZH + r")(?![A-Za-z])[\s,，:：]*"
                  r"|(?<=[\u3400-\u9fff])另外[\s,，:：]*", re.I)
#: A clause that reports what someone said or is, never a thing to do
_PROSE = pattern(r"(?:they|he|she|it|we|there|客户说|客户那边|他们|他|她)(?![A-Za-z])", re.I)
#: The task word and who it is for, as typed (`task @bo `, `任务 @张伟 `, `任务`)
_HEAD = pattern(r"^(?P<word>\S+?)(?=\s|(?<=[务務])[^\s])\s*(?P<who>@\S+\s+)?", re.I)


def tasks(said: str) -> list[str] | None:
    """The task lines `said` holds, one a thing to do, or None where it says one thing."""
    from handlers.grammar.reading import parse

    if not isinstance(whole := parse(said), c.AddTask) or (head := _HEAD.match(said)) is None:
        return None
    for found in _SECOND.finditer(view(said)):
        first, other = said[:found.start()].strip(" ,，;；。."), said[found.end():].strip(" ,，;；。.")
        if not other or found.start() <= head.end():
            continue
        second = f"{head['word']} {head['who'] or ''}{other}"
        one, two = parse(first), parse(second)
        if isinstance(one, c.AddTask) and isinstance(two, c.AddTask) and _a_thing_to_do(two.title) \
                and _a_thing_to_do(one.title) \
                and one.assignee == whole.assignee:
            rest = tasks(second)
            return [first, *(rest or [second])]
    return None


def _a_thing_to_do(title: str) -> bool:
    """Whether `title` says something to do: two words, or four Chinese characters (`给海尔发合同`),
    never a name alone (`globex`)."""
    if _PROSE.match(title):
        return False  # `also they want a demo`: what was said, kept in the title as typed
    return len(title.split()) >= 2 or len(re.findall(r"[\u3400-\u9fff]", title)) >= 4
