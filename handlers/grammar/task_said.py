"""A task asked for in words around the message, not by its command word first (`春节前要把华为的
合同签下来 建个任务`, `建个任务：周五前给格力发报价`, `send globex the deck by fri, add a task`): the
task those words ask for, read as `任务 …` (never a win, a visit or a question: the member said
task). A bare `任务` at the end stays what it was (`下周的任务` lists them).

>>> as_task("下周二下午去联想做demo 建个任务")
'任务 下周二下午去联想做demo'
>>> as_task("帮我建个任务：周五前给格力发报价")
'任务 周五前给格力发报价'
>>> as_task("send globex the deck by fri - add a task")
'task send globex the deck by fri'
>>> as_task("另外明天给海尔发个感谢信 建个任务"), as_task("不是 建个任务 明天去腾讯带合同")
('任务 明天给海尔发个感谢信', '任务 明天去腾讯带合同')
>>> as_task("下周的任务") is None
True
>>> as_task("明天給小米打電話確認預算，建個任務"), as_task("后天和京东开会 记个task")
('任务 明天給小米打電話確認預算', '任务 后天和京东开会')
"""
from __future__ import annotations

import re

from handlers.grammar.fillers import LEAD
from handlers.grammar.patterns import pattern

_ZH_ASK = (r"(?:帮我|给我|请)?(?:新建|创建|建|加|添加|记|开|设|弄|安排|排)(?:一个|个|一下|下)?\s*"
           r"(?:任务|(?<![A-Za-z])task(?![A-Za-z]))")
_EN_ASK = (r"(?:(?:pls|please)\s+)?(?:(?:create|make|add|set|open|log|put)\s+(?:(?:it|this|that)\s+)?"
           r"(?:as\s+)?(?:a\s+|an?\s+new\s+|new\s+)?task|(?:as|for)\s+a\s+task|new\s+task)(?:\s+(?:pls|please))?")
_SEP = r"[\s,，。.;；:：\-–—!！]*"
_AFTER = pattern(rf"^(?P<body>.+?){_SEP}(?:{_ZH_ASK}|(?<![A-Za-z]){_EN_ASK})(?:吧|哈|呀)?{_SEP}$", re.I)
_BEFORE = pattern(rf"^(?:{_ZH_ASK}|{_EN_ASK}(?![A-Za-z])){_SEP}(?P<body>\S.*)$", re.I)
_CJK = pattern(r"[\u3400-\u9fff]")
#: Fillers (`不是`, `oops`) and joining words (`另外`, `顺便`, `also`) before the task's words: no part of it
_LEAD = pattern(LEAD + r"(?:(?:另外|顺便|还有|然后|同时|并且|而且)[\s,，、:：]*"
                r"|(?:also|and|plus|btw|oh)(?![A-Za-z])[\s,:]*)*", re.I)


#: A day said before the tasks word (`22号任务：给华为发报价`, `下周三任务 给京东打电话`, `fri task: send
#: the quote`, `tomorrow's task - call acme`): the task's due day (r26), never a deal's number
_DAY_FIRST = pattern(r"^(?P<day>[^:：,，]{1,16}?)(?:['’]s|的)?\s*(?:任务|(?<![A-Za-z])task(?![A-Za-z]))"
                     r"(?:\s*(?P<sep>[:：,，\-–—])\s*|\s+)(?P<body>\S.*)$", re.I)
#: What is done to a task already there (`22号任务 完成了`, `7号任务：推到周五`): task #22's, no new one
_ACTED = pattern(r"^(?:已经?|都|也)?(?:完成|做完|搞定|弄完|办完|结束|关闭|取消|删|改|推|延|挪|移|标记|重开|"
                 r"(?:is\s+|was\s+)?(?:done|finished|complete|closed|cancel|delete|remove|move|push|snooze|"
                 r"edit|change|reopen))", re.I)
_QUESTION = pattern(r"[?？]\s*$|哪些|什么|多少|几个|[吗呢]\s*$|^(?:清单|列表|很多|挺多)"
                    r"|(?<![A-Za-z])(?:what|which)(?![A-Za-z])|^(?:list|lists)(?![A-Za-z])", re.I)


def day_first(text: str, today) -> str | None:
    """`text` as the task it says with its due day first (`22号任务：给华为发报价` → `任务 给华为发报价
    22号`), or None: no day before the tasks word, or the rest asks about tasks (`下周任务 有哪些`)."""
    from handlers.grammar.dates import parse_date
    from handlers.grammar.normal import simplified

    said = " ".join(text.split())
    found = _DAY_FIRST.match(simplified(said))
    if found is None or len(simplified(said)) != len(said) or _QUESTION.search(found["body"]) \
            or _ACTED.match(found["body"]):
        return None
    day = said[found.start("day"):found.end("day")].strip()
    if (when := parse_date(day, today)) is None or when < today:
        return None
    word = "任务" if _CJK.search(said[found.start("body"):]) or _CJK.search(day) else "task"
    return f"{word} {said[found.start('body'):].strip()} {day}"


def as_task(text: str) -> str | None:
    """`text` as the task command it asks for in words, or None where it asks for none (in either
    script: `建個任務` is `建个任务`; `记个task` asks for one too)."""
    from handlers.grammar.normal import simplified

    said = " ".join(text.split())
    seen = simplified(said)
    if (lead := _LEAD.match(seen)) and lead.end():  # `不是 建个任务 …`, `另外明天给海尔发个感谢信 建个任务`:
        said, seen = said[lead.end():], seen[lead.end():]  # words that say nothing, in no title
    found = _AFTER.match(seen) or _BEFORE.match(seen)
    if found is None or not found["body"].strip() or len(seen) != len(said):
        return None
    body = said[found.start("body"):found.end("body")]  # as typed (`給小米打電話`)
    asked = said[:found.start("body")] + said[found.end("body"):]
    word = "任务" if _CJK.search(asked) and not re.search(r"(?<![A-Za-z])task", asked, re.I) \
        or _CJK.search(body) else "task"
    return f"{word} {body.strip(' ,，。.;；:：-–—')}"
