"""A task's done taken back and a task given to someone else, said after `task`/`任务` or alone:
`task 6 not done`, `wait no, 6 isnt done yet`, `任务6还没完成`, `任务6 未完成`, and with the verb
first `reopen task 6`, `重开任务6` (ReopenTask);
`task 6 to ana`, `task #6 reassign to @ana`, `任务6 给Ana`, `任务6 转给张伟` (ReassignTask).

>>> import datetime as dt
>>> today = dt.date(2026, 12, 6)
>>> said("6 isnt done yet", today), said("#6 还没完成", today), said("6 to ana", today)
(ReopenTask(task_id=6), ReopenTask(task_id=6), ReassignTask(task_id=6, assignee='ana'))
>>> said("6 to fri", today) is None, alone("wait no, 6 isnt done yet"), alone("6 not done yet")
(True, ReopenTask(task_id=6), ReopenTask(task_id=6))
>>> said("9 给华为打电话", today) is None, said("9 转给张伟", today)
(True, ReassignTask(task_id=9, assignee='张伟'))
>>> alone("task 6 not done"), alone("任务6 未完成"), alone("6 done")
(ReopenTask(task_id=6), ReopenTask(task_id=6), None)
>>> alone("reopen task 6"), alone("重开任务6"), alone("reopen 6")
(ReopenTask(task_id=6), ReopenTask(task_id=6), None)
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c
from handlers.grammar.dates import parse_date
from handlers.grammar.fillers import LEAD
from handlers.grammar.normal import view
from handlers.grammar.parse_tasks import parse_task
from handlers.grammar.patterns import pattern

_ID = r"#?\s*(?P<id>\d{1,9})"
_REOPEN = pattern(
    _ID + r"\s*(?:"
    r"(?:is\s+|was\s+|'s\s+)?(?:not|isn'?t|isnt|wasn'?t|wasnt|ain'?t)\s+(?:done|finished|complete[d]?)"
    r"(?:\s+yet)?(?:\s+after\s+all)?|(?:re-?open(?:ed)?|undone|open\s+again|not\s+yet\s+done)"
    r"|(?:还|其实|其實|實際上|实际上)?(?:没|没有|沒|沒有|未|尚未|还未|還未)(?:完成|做完|搞定|办完|辦完|弄完|结束|結束)"
    r"(?:呢|啊|哦|的)?|重新打开|重开|重開)[\s.!。！~～]*$", re.I)
_REASSIGN = pattern(
    _ID + r"\s*(?:(?:re-?assign(?:ed)?|give\s+it|goes|is)\s+)?(?:to|for|->|→)\s+@?(?P<who>[^\s,，。.!！]+)"
    r"(?:\s+(?:instead|please|pls))?[\s.!]*$"
    r"|" + _ID.replace("id", "zid") + r"\s*(?:改派|转派|轉派|转交|轉交|转|轉|交|派|改)?(?:给|給)\s*@?"
    r"(?P<zwho>[^\s,，。!！吧了]+)(?:吧|了)?[\s。!！~～]*$", re.I)
#: The reopen word first (`reopen task 6`, `pls re-open task #6`, `重开任务6`, `重新打开任务 6`)
_REOPEN_FIRST = pattern(LEAD + r"(?:(?:pls|please|can you|could you)\s+)?"
                        r"(?:re-?open|重开|重開|重新打开|重新打開)\s*(?:the\s+)?(?:task|任务|任務)\s*" + _ID
                        + r"(?:\s+(?:again|pls|please))*[\s.!。！吧~～]*$", re.I)
_CJK_LONG = re.compile(r"[\u4e00-\u9fff]{5,}")
_TASK = pattern(LEAD + r"(?:(?:the\s+)?task|任务|任務)?\s*(?=#?\s*\d)", re.I)


#: The words after a done taken back (`任务7还没完成 方案里缺了报价部分`, `task 7 not done - no pricing`)
_WHY = pattern(r"(?:\s*[,，;；:：。.!！~～]+\s*|\s[-–—]\s*|\s+)(?P<why>[^\d\s#].*)$")


def said(rest: str, today: dt.date) -> c.ReopenTask | c.ReassignTask | c.ParseError | None:
    """What the words after `task` (`6 not done`, `6 to ana`) say of a task, or None."""
    text = " ".join(view(rest).split())
    if (found := _REOPEN.match(text)) is not None:
        return c.ReopenTask(int(found["id"]))
    if (why := reopened_why(rest, today)) is not None:
        return why
    if (found := _REASSIGN.match(text)) is not None:
        who = found["who"] or found["zwho"]
        if parse_date(who, today) is not None or who.lower() in ("me", "i"):
            return None  # `task 6 to fri`: a day (task_moved reads it)
        if found["zwho"] and _CJK_LONG.search(who):
            return None  # `任务 9 给华为打电话`: a title (a Chinese name is two to four characters)
        return c.ReassignTask(int(found["id"] or found["zid"]), who)
    return None


def reopened_why(rest: str, today: dt.date) -> c.ParseError | None:
    """`7还没完成 方案里缺了报价部分` · `7 not done yet, pricing is missing`: the task's done taken back,
    offered (one tap) with the words said not kept (a task keeps no notes); None where the words say
    a day or a number (another change: never dropped)."""
    typed = " ".join(rest.split())
    text = view(typed)
    for end in (m.start() for m in _WHY.finditer(text)):
        if (found := _REOPEN.fullmatch(text[:end])) is None:
            continue
        words = typed[end:].strip(" ,，;；:：。.!！~～-–—")
        if not words or parse_date(words, today) is not None or re.search(r"\d", words):
            return None
        line = f"任务{found['id']}还没完成" if re.search(r"[\u4e00-\u9fff]", typed) else \
            f"task {found['id']} not done"
        return c.ParseError("task", "task_reopen_words", words, options=(("reopen_task", f"\n{line}", None),))
    return None


def alone(text: str) -> c.ReopenTask | None:
    """`wait no, 6 isnt done yet`, `task 6 not done`, `#6还没完成`: a done taken back, no command
    word needed (a number then the words of not done); None otherwise."""
    typed = " ".join(view(text).split())
    if (first := _REOPEN_FIRST.match(typed)) is not None:
        return c.ReopenTask(int(first["id"]))
    lead = _TASK.match(typed)
    if lead is None:
        return None
    found = _REOPEN.match(typed[lead.end():])
    return c.ReopenTask(int(found["id"])) if found else None


def alone_why(text: str, today: dt.date) -> c.ParseError | None:
    """`7还没完成 方案里缺了报价部分` with no command word: as `reopened_why` reads it after `task`."""
    typed = " ".join(text.split())
    lead = _TASK.match(view(typed))
    return reopened_why(typed[lead.end():], today) if lead is not None else None


def parse_task_said(rest: str, today: dt.date) -> c.Command | c.ParseError:
    """The `task` intent's words: a done taken back, or a task given to someone else, first."""
    return said(rest, today) or parse_task(rest, today)
