"""A task said in a sentence with no command word, its day or its person in the middle, not first
(r24zh): offered as the task it is (one tap), never as a visit with the whole sentence its notes.

- `腾讯这家我明天去一趟 提醒我带上合同`, `globex, going there tomorrow, remind me to bring the contract`:
  a reminder word inside the message and a day still to come: `任务 明天 腾讯这家我去一趟 带上合同`
  (the day first, where the task's grammar reads it; the reminder word in no title);
- `海尔ERP那单让张伟跟一下 周三前给我个更新`, `have bo chase the haier erp deal, update me by wed`: a
  member of the team named after 让/叫/have/ask: `任务 @张伟 商机 #19 周三前 跟一下 给我个更新` (the deal
  the words before name, when they name one open deal of that customer; else the words stay).

Nothing is stored until the offer is taken; a visit told (`去了`, `met`) is left to its readers.
"""
from __future__ import annotations

import re
from dataclasses import replace

from handlers.context import Ctx, usage_reply
from handlers.grammar import commands as c
from handlers.grammar.language import answered_in
from handlers.grammar.normal import name_fold
from handlers.grammar.patterns import pattern
from handlers.grammar.reading import read
from handlers.grammar.spans import date_in
from handlers.grammar.task_filler import request_cut
from handlers.grammar.unsaid import customers_in
from handlers.lookup import open_deals
from handlers.text.reply import Reply
from storage.sales import CustomerRepository

#: A reminder word inside a message (`… 提醒我带上合同`, `…, remind me to bring the contract`)
_REMIND = pattern(r"[\s,，;；。]*(?:请)?(?:提醒我一下|提醒我|提醒一下|别忘了|(?<![我你他她还都])记得)\s*"
                  r"|[\s,;.]*(?<![A-Za-z])(?:remind me to|remind me|don'?t (?:let me )?forget to)\s+", re.I)
#: A member asked to do it (`…让张伟跟一下`, `have bo chase …`, `ask Ana to …`)
_ASK = pattern(r"(?:让|叫)\s*@?|(?<![A-Za-z])(?:have|get|ask|tell)\s+@?", re.I)
#: A visit told, or a question: not a task
_TOLD = pattern(r"去了|见了|聊了|谈了|拜访了|[?？]\s*$|吗\s*$|"
                r"(?<![A-Za-z])(?:met|visited|went|had|talked)(?![A-Za-z])", re.I)
#: A deal named by its customer and title words (`海尔ERP那单`, `the haier erp deal`)
_DEAL = pattern(r"(?:的)?(?:那单|这单|那个单子?|这个单子?|单子|项目|商机)$"
                r"|^(?:the\s+)?(?P<en>.+?)\s+(?:deal|opp|opportunity)$", re.I)
_CJK = pattern(r"[\u3400-\u9fff]")


def offered(ctx: Ctx, text: str) -> Reply | None:
    """The task the sentence asks for, offered; None where it asks for none."""
    said = " ".join(text.split())
    if _TOLD.search(said):
        return None
    chinese = answered_in(said, ctx.locale) == "zh"
    line = _reminded(ctx, said, chinese) or _asked_of(ctx, said, chinese)
    if line is None:
        return None
    command = read(line, ctx.today).command
    if not isinstance(command, c.AddTask) or command.due is None or not command.title.strip():
        return None
    ctx.locale = "zh" if chinese else "en"
    asked = c.ParseError(None, "task_unsaid", said, options=(("as_task", line, None),))
    return replace(usage_reply(ctx.locale, asked), locale=ctx.locale)


def _reminded(ctx: Ctx, said: str, chinese: bool) -> str | None:
    found = _REMIND.search(said)
    if found is None or not said[:found.start()].strip(" ,，;；。"):
        return None  # `提醒我…` first: the sentence readers' own (handlers/grammar/unsaid.py)
    return _day_first(_joined(said[:found.start()], said[found.end():], found[0]), ctx, chinese, "")


def _asked_of(ctx: Ctx, said: str, chinese: bool) -> str | None:
    members = {name_fold(m.display_name): m.display_name for m in ctx.people.members(ctx.tenant.id)}
    for asked in _ASK.finditer(said):
        before, after = said[:asked.start()].strip(" ,，"), said[asked.end():]
        name = max((n for key, n in members.items() if name_fold(after).startswith(key)), key=len,
                   default=None)
        if not before or name is None:
            continue
        rest = after[len(name):].lstrip()
        rest = re.sub(r"^to\s+", "", rest, flags=re.I)
        deal = _deal_named(ctx, before)
        body = _joined("", rest) if deal else _joined(before, rest)
        return _day_first(body, ctx, chinese, f"@{name} {'商机' if chinese else 'deal'} #{deal} " if deal
                          else f"@{name} ")
    return None


def _deal_named(ctx: Ctx, words: str) -> int | None:
    """The one open deal `words` name (`海尔ERP那单`: 海尔's deal titled ERP…), or None."""
    found = _DEAL.search(words)
    if found is None:
        return None
    named = found["en"] if found["en"] else words[:found.start()]
    names = CustomerRepository(ctx.session).names(ctx.tenant.id)
    customers = customers_in(named, names)
    if len(customers) != 1:
        return None
    title = name_fold(named).replace(name_fold(customers[0]), "").strip()
    customer_id = next(i for i, name in names if name == customers[0])
    deals = [d for d in open_deals(ctx, customer_id) if not title or title in name_fold(d.title)]
    return deals[0].id if len(deals) == 1 else None


def _day_first(words: str, ctx: Ctx, chinese: bool, head: str) -> str | None:
    """`task HEAD DAY words` (Chinese: `任务 HEAD DAY前 words`; English: `task HEAD words by DAY`)
    with the day still to come that `words` say, or None."""
    day = date_in(words, ctx.today)
    if day is None or day[1] <= ctx.today:
        return None
    at = words.find(day[0])
    end = at + len(day[0])
    before = re.match(r"\s*(?:之前|以前|前)", words[end:]) if chinese else None
    by = re.search(r"(?<![A-Za-z])(?:by|before|due|on)\s*$", words[:at], re.I) if not chinese else None
    title = _joined(words[:by.start() if by else at], words[end + (before.end() if before else 0):])
    title = request_cut(title.strip(" ,，;；。"), dated=True)
    if not title:
        return None
    if chinese:
        return f"任务 {head}{day[0]}{'前' if before else ''} {title}"
    return f"task {head}{title} by {day[0]}"


def _joined(before: str, after: str, cut: str = "") -> str:
    """Two pieces of a sentence put together around the words `cut` from between them: a mark or
    a space said there kept (`去一趟 带上合同`, `going there, bring …`), none between Chinese glued."""
    between = before[len(before.rstrip(" ,，;；")):] + cut + after[:len(after) - len(after.lstrip(" ,，;；"))]
    before, after = before.rstrip(" ,，;；"), after.lstrip(" ,，;；")
    if not before or not after:
        return before or after
    mark = next((m for m in "，,；;" if m in between), "")
    glued = not between.strip("，,；;") == "" or not between
    if mark:
        return f"{before}{mark}{'' if mark in '，；' else ' '}{after}"
    if " " in between:
        return f"{before} {after}"
    return f"{before}{'' if glued and _CJK.match(before[-1]) and _CJK.match(after[0]) else ' '}{after}"
