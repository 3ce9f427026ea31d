"""A task given to a member in words, with no command word (`给李娜派个任务，周四前回访海尔`,
`让张伟明天…`, `Bo pls chase 美的 pilot`, `张伟 麻烦跟进一下美的`): offered as `task @member …`.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from handlers.grammar import commands as c
from handlers.grammar.normal import name_fold
from handlers.grammar.patterns import pattern
from handlers.grammar.people_each import lines, people_each
from storage.people import PeopleRepository

#: A task given to someone in words: `给李娜派个任务，…`, `让张伟明天…`, `have Bo send …`,
#: `assign Bo a task: …` (who is checked against the team's members)
_ASSIGN = pattern(r"^(?:请|麻烦)?(?:给|帮|替)\s*@?(?P<a>.+?)\s*(?:派|安排|布置|分配|建|加|创建)"
                  r"(?:一?个|一?条)?任务\s*[，,:：。]?\s*(?P<ar>.+)$"
                  r"|^(?:请|麻烦)?(?:让|叫)\s*@?(?P<b>.+?)\s*(?P<br>(?:[\u3400-\u9fff]).+)$"
                  r"|^(?:pls\s+|please\s+)?(?:have|get|tell|ask)\s+@?(?P<c>.+?)\s+(?:to\s+)?(?P<cr>\S.+)$"
                  r"|^(?:pls\s+|please\s+)?(?:assign|give)\s+@?(?P<d>.+?)\s+(?:a\s+)?(?:new\s+)?task"
                  r"\s*[:,]?\s*(?:to\s+)?(?P<dr>\S.+)$"
                  r"|^@?(?P<e>[^\s,:]+)[\s,:]+(?:pls|plz|please|can\s+you|could\s+you)\s+(?P<er>\S.+)$"
                  r"|^@?(?P<f>[^\s，,:：]+?)[\s，,:：]*(?:麻烦你?|请你?|你去|你)\s*"
                  r"(?P<fr>(?:跟进|跟一下|跟下|催|盯|联系|打电话|去|推进|问问|问一下).+)$"
                  r"|^@?(?P<g>[^\s，,:：]{2,20})[\s，,:：]+(?P<gr>\S.+)$", re.I)  # `张伟 周三前…`: due


def assigned(session, tenant_id: int, text: str, chinese: bool, today: dt.date,
             bare: bool = True) -> c.ParseError | None:
    """`给李娜派个任务，周四前回访海尔` → `任务 @李娜 周四前回访海尔`: a task for the member named,
    offered as that command (its day read as the due day by the task's own grammar); None where
    no member of the team is named so (a name then words, `张伟 周三前…`: only where the message was
    read as nothing else, `bare`)."""
    from handlers.grammar.reading import read  # intents imports the parsers; kept lazy

    said = " ".join(text.split())
    if (each := _each(session, tenant_id, said, chinese, today)) is not None:
        return each or None  # `Tom and Bo both need to send the deck by fri`: one task each, asked;
        # `Ana and Bo met the cfo on monday`: told, no task (fix34b)
    if not (m := _ASSIGN.match(said)):
        return None
    who, rest = next((m[k], m[k + "r"]) for k in "abcdefg" if m[k] is not None)
    if m["g"] and not bare:  # `tom new customers 3 in jan`: read as something else already (a target)
        return None
    names = PeopleRepository(session).names_in(tenant_id).values()
    folded = {name_fold(name): name for name in names}
    if name_fold(who) not in folded:  # `让张伟明天…`: the lazy name is 张; the member is 张伟
        whole = f"{who}{rest}"
        name = max((n for f, n in folded.items() if name_fold(whole).startswith(f) and len(f) > len(who)),
                   key=len, default=None)
        if name is None or not (m[1] or m["b"]):
            return None
        who, rest = name, whole[len(name):].strip()
    else:
        who = folded[name_fold(who)]
    offer = f"{'任务' if chinese else 'task'} @{who} {rest.strip(' ，,:：')}"
    if not isinstance(task := read(offer, today).command, c.AddTask) or m["g"] and task.due is None:
        return None  # a member named, then words: a task only where they say its day
    if task.due is not None and _GONE_BY.search(rest):  # `its been stuck 3 wks`, `卡了三周了`: time
        # gone by, never a due day three weeks on; the words kept as typed
        task = replace(task, title=rest.strip(" ，,:："), due=None)
        return c.ParseError(None, "task_unsaid", said, options=(("as_task", offer, task),))
    return c.ParseError(None, "task_unsaid", said, options=(("as_task", offer, None),))


def _each(session, tenant_id: int, said: str, chinese: bool, today: dt.date) -> c.ParseError | bool | None:
    """Two members or more named first, then a thing to do with its day: one task each, offered;
    False where the words tell what they did (no task for anyone)."""
    from handlers.grammar.reading import read

    found = people_each(said, PeopleRepository(session).names_in(tenant_id).values())
    if found is None or found[1]:
        return None
    if _TOLD.search(found[2]):
        return False
    offer = lines(found, chinese)
    if not all(isinstance(task := read(line, today).command, c.AddTask) and task.due is not None
               for line in offer.split("\n")):
        return None
    return c.ParseError("task", "task_people", " ".join(f"@{n}" for n in found[0]),
                        options=(("one_each", offer, None),))


#: Something done told (`met`, `visited`, `见了`): no task to give
_TOLD = pattern(r"去了|见了|聊了|谈了|拜访了|签了|发了|"
                r"(?<![A-Za-z])(?:met|visited|went|had|talked|called|sent|"
                r"signed|closed|did|finished)(?![A-Za-z])", re.I)


#: Time gone by said in a task's words (`been stuck 3 wks`, `for 2 weeks now`, `卡了三周了`, `拖了两个月`)
_GONE_BY = pattern(r"(?<![A-Za-z])(?:been|stuck|for|over)\s+(?:\w+\s+)?(?:\d+|a|two|three|few)\s*"
                   r"(?:days?|d|weeks?|wks?|w|months?|mos?)(?![A-Za-z])"
                   r"|(?:卡了|拖了|等了|已经|停了)\s*(?:\d+|[一二三两四五六七八九十几]+)\s*(?:天|周|个?星期|个?月)了?"
                   r"|(?:\d+|[一二三两四五六七八九十几]+)\s*(?:天|周|个?星期|个?月)了", re.I)
