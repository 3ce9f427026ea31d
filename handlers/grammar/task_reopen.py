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
from handlers.grammar.vocabulary import near_word

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
    if (slip := _reassign_slip(text)) is not None:
        return slip  # `6该派给Bo`, `6转个Bo`: `6改派给Bo`? asked (fix29a)
    if (found := _REASSIGN.match(text)) is not None:
        who = found["who"] or found["zwho"]
        if parse_date(who, today) is not None or who.lower() in ("me", "i"):
            return None  # `task 6 to fri`: a day (task_moved reads it)
        if found["zwho"] and _CJK_LONG.search(who):
            return None  # `任务 9 给华为打电话`: a title (a Chinese name is two to four characters)
        return c.ReassignTask(int(found["id"] or found["zid"]), who)
    return None


#: `6该派给Bo` · `6转个Bo`: a task's number, a slip of the giving word, then a name
_SLIP = pattern(r"^(?P<id>#?\s*\d{1,9})\s*(?P<verb>[\u4e00-\u9fff]{2,3}?)\s*@?"
                r"(?P<who>[A-Za-z][\w.]*|[\u4e00-\u9fff]{2,4})"
                r"[\s。!！~～]*$")
_GIVE_ZH = ("改派给", "转派给", "转交给", "转给", "交给", "派给")


def _reassign_slip(text: str) -> c.ParseError | None:
    """The question "did you mean `6改派给Bo`?" for a slip of the giving word, else None."""
    found = _SLIP.match(text)
    if found is None or found["verb"] in _GIVE_ZH:
        return None
    near = [w for w in _GIVE_ZH if len(w) == len(found["verb"])
            and sum(a != b for a, b in zip(w, found["verb"], strict=True)) == 1]
    if len(near) != 1:  # `6发给Bo`: 转给, 交给 or 派给? no slip of one
        return None
    return c.ParseError(None, "typo", found["verb"], f"{found['id']}{near[0]}{found['who']}")


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


#: A word before `task N` that may be the reopen word misspelt (`reopne task 6`, `从新打开任务6`)
_VERB_BEFORE = pattern(LEAD + r"(?:(?:pls|please)\s+)?(?P<verb>[A-Za-z-]{4,9}|[\u4e00-\u9fff]{2,4}?)\s*"
                       r"(?=(?:the\s+)?(?:task|任务|任務)\s*#?\s*\d)", re.I)
_REOPEN_ZH = ("重开", "重開", "重新打开", "重新打開")


def reopen_typo(text: str) -> tuple[str, str] | None:
    """(the word as typed, the message put right) where `text` is `reopen task N` with the reopen
    word misspelt (`reopne task 6`, `re-opne task 6`, `从新打开任务6`, `重新打卡任务6`); else None."""
    typed = " ".join(text.split())
    found = _VERB_BEFORE.match(typed)
    if found is None:
        return None
    verb = found["verb"]
    if verb in _REOPEN_ZH:
        return None
    if re.match(r"[\u4e00-\u9fff]", verb):
        right = next((w for w in _REOPEN_ZH if len(w) == len(verb) and w != verb
                      and sum(a != b for a, b in zip(w, verb, strict=True)) == 1), None)
    else:
        right = near_word(verb.lower().replace("-", ""), {"reopen"}, cutoff=0.7)
    if right is None:
        return None
    fixed = typed[:found.start("verb")] + right + (" " if right.isascii() else "") \
        + typed[found.end("verb"):].lstrip()
    return (verb, fixed) if alone(fixed) is not None else None


def parse_task_said(rest: str, today: dt.date) -> c.Command | c.ParseError:
    """The `task` intent's words: a done taken back, or a task given to someone else, first."""
    return said(rest, today) or parse_task(rest, today)
