"""A task or a deal given to someone, said with why (fix34b: `give task 12 to Bo because he knows
them` was not understood, `move task 6 to Bo because he knows them` read "Bo because …" as a day,
`task 6 to Bo as he is there tomorrow` the same; `把任务6交给Bo，因为他熟` not understood). The words
saying why are cut off first (`because`, `since`, `as`, `cos`, `bc`, `, he …`, `因为`, `由于`, `，他…`);
the rest must be a handover whole (`give task 12 to Bo`, `把任务6交给Bo`, `give deal 46 to bo`), else
None. The why is carried on the command (said back as not kept), never a due day or a title.

>>> import datetime as dt
>>> today = dt.date(2026, 12, 7)
>>> g = given("give task 12 to Bo because he knows them", today); g, g.why
(ReassignTask(task_id=12, assignee='Bo'), 'because he knows them')
>>> given("move task 6 to Bo as he is there tomorrow", today).why
'as he is there tomorrow'
>>> g = given("把任务6交给Bo，因为他熟", today); g, g.why
(ReassignTask(task_id=6, assignee='Bo'), '因为他熟')
>>> given("任务12给张伟因为他周五在那边", today).assignee
'张伟'
>>> given("give deal 46 to bo since he owns acme", today)
ReassignDeal(deal_id=46, owner='bo')
>>> given("move task 6 to fri because im out", today) is None, given("task 12 to tom, due fri", today) is None
(True, True)
>>> given("give task 12 to Bo", today), given("move task 6 to next week", today)
(ReassignTask(task_id=12, assignee='Bo'), None)
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from handlers.grammar import commands as c
from handlers.grammar.dates import parse_date
from handlers.grammar.deal_given import given as deal_given
from handlers.grammar.normal import view
from handlers.grammar.patterns import pattern

#: Where the words saying why start (`because …`, `, he knows them`, `因为…`, `，他熟`)
_WHY = pattern(r"(?:\s*[,;:.!—–-]\s*|\s+)(?=(?:because|since|as|cause|'cause|cos|coz|cuz|bc|b/c|given\s+that)"
               r"\s+\S)"
               r"|\s*[,;—–-]\s*(?=(?:he|she|they|he'?s|she'?s|they'?re|hes|shes)\s+\S)"
               r"|[\s，,；;。]*(?=因为|由于)|[\s，,；;。]+(?=他|她|反正|毕竟|人家)", re.I)
#: A task given, the verb first or not (`give task 12 to Bo`, `task 12 to Bo`, `把任务6交给Bo`)
_TASK = pattern(
    r"^(?:(?:pls|please|can you|could you)\s+)?(?:(?:re-?assign|give|hand|pass|move|transfer|shift)\s+)?"
    r"(?:the\s+)?task\s*#?\s*(?P<id>\d{1,9})\s+(?:over\s+)?(?:to|->|→)\s+@?(?P<who>[^\s,.!]+)"
    r"(?:\s+(?:instead|please|pls))?[\s.!]*$"
    r"|^(?:请|麻烦)?(?:把|将)?(?:任务|任務)\s*#?\s*(?P<zid>\d{1,9})\s*号?\s*"
    r"(?:改派|转派|转交|转|交|派|改)?(?:给|給)\s*@?(?P<zwho>[^\s,，。!！吧了]{1,12}?)(?:吧|了|负责)?[\s。!！~～]*$",
    re.I)
_CJK_LONG = re.compile(r"[\u4e00-\u9fff]{5,}")


def given(text: str, today: dt.date) -> c.ReassignTask | c.ReassignDeal | None:
    """The task or deal given to someone, with the words saying why; None."""
    said = " ".join(view(text).split())
    for cut in _WHY.finditer(said):
        head, why = said[:cut.start()], said[cut.end():].strip(" ,，;；:：.。!！—–-")
        if not head or not why:
            continue
        if (command := _given(head, today)) is not None:
            return replace(command, why=why)
    found = _TASK.match(said)  # no why: the verb first (`give task 12 to Bo`), the rest as read
    if found is not None and re.match(r"(?:pls|please|can|could|re-?assign|give|hand|pass|move|transfer|"
                                      r"shift|把|将|请|麻烦)", said, re.I):
        return _given(said, today)
    return None


def _given(head: str, today: dt.date) -> c.ReassignTask | c.ReassignDeal | None:
    if (deal := deal_given(head, today)) is not None:
        return deal
    found = _TASK.match(head)
    if found is None:
        return None
    who = found["who"] or found["zwho"]
    if parse_date(who, today) is not None or who.lower() in ("me", "i", "my", "myself") \
            or _CJK_LONG.search(who) or any(ch.isdigit() for ch in who):
        return None  # `move task 6 to fri`: a day (task_moved reads it)
    return c.ReassignTask(int(found["id"] or found["zid"]), who)
