"""A second command joined by `and`, `顺便`, `另外`, `also` that no other reader split (r27: `done task 12
and move deal 13 close to feb` sent the second half to the manager as a done-note; `405完成了，资料已发，
顺便把406推到下周三` kept the snooze words in #405's outcome; `明天要去华为 顺便 任务7搞定了` made a task
titled 任务7搞定了; `宁德时代设成A类客户 另外 任务 …` offered the tier alone; `make 华为 tier A and remind me
to visit them again in 2 weeks` one task; `任务4 给张伟 顺便改到周五` the date alone).

Each clause is said again as a command line (`deal #13 close feb`, `推迟 406 下周三`, `客户 宁德时代 A类`,
`任务 4 改到周五`, `task customer 华为: visit them again …`); where both read, both are offered in one tap
(nothing stored until tapped), never one silently lost.
"""
from __future__ import annotations

import re

from handlers.context import Ctx
from handlers.grammar import commands as c
from handlers.grammar.language import answered_in
from handlers.grammar.patterns import pattern
from handlers.grammar.reading import read
from handlers.grammar.several import command_lines
from handlers.grammar.spans import date_in
from handlers.sales import visit_task_asked, visits_two
from handlers.text.reply import Button, Reply

#: A joining word between two commands (` and `, `顺便`, `另外`, `also`, `plus`)
_JOIN = pattern(r"\s*[,，;；]?\s*(?:(?<![A-Za-z])(?:and\s+also|and|also|plus)(?![A-Za-z])|顺便|另外|同时)"
                r"[\s,，:：]*", re.I)
_CJK = pattern(r"[\u3400-\u9fff]")
#: `make 华为 tier A`, `set acme to tier b`
_TIER_EN = pattern(r"^(?:please\s+|pls\s+)?(?:make|set|mark|put)\s+(?P<name>.+?)\s+(?:to\s+|as\s+)?(?:a\s+)?"
                   r"tier[\s-]*(?P<tier>[ABCabc])$", re.I)
#: `宁德时代设成A类客户`, `把华为改为B类`
_TIER_ZH = pattern(r"^(?:把)?(?P<name>.+?)(?:设成|设为|改成|改为|定为|定成|调成|调为)"
                   r"(?P<tier>[ABCabc])类(?:客户)?$")
#: `move deal 13 close to feb`, `push deal #13 close date to march`
_CLOSE = pattern(r"^(?:move|push|change|set|make)\s+deal\s+#?(?P<id>\d{1,9})(?:'s)?\s+close(?:\s+date)?\s+"
                 r"(?:to\s+)?(?P<day>.+)$", re.I)
#: `remind me to …`, `make a task to …`, `提醒我…`
_TASK = pattern(r"^(?:(?:please|pls)\s+)?(?:remind\s+me\s+(?:to\s+)?"
               r"|(?:make|add|create)\s+a\s+task\s+(?:to\s+)?)"
                r"|^(?:提醒我|建个任务|加个任务)", re.I)
#: A thing to do said with a day (`明天要去华为`)
_MUST = pattern(r"要|得|需要|记得|(?<![A-Za-z])(?:need\s+to|have\s+to|gotta)(?![A-Za-z])", re.I)
_THEM = pattern(r"(?<![A-Za-z])(?:them|it)(?![A-Za-z])|他们|它们|它", re.I)
#: The commands a clause may be read to (a change that stores)
_STORES = (c.DoneTask, c.DoneFollowups, c.SnoozeFollowup, c.UpsertDeal, c.AddTask, c.SetCustomer,
           c.MoveTask, c.ReassignTask)


def offer(ctx: Ctx, text: str) -> Reply | None:
    """Both commands offered in one tap, where `text` is two joined (or a visit and the task its notes
    ask for: sales/visit_task_asked.py); None."""
    if (visit_and_task := visit_task_asked.offered(ctx, text) or visits_two.offered(ctx, text)) is not None:
        return visit_and_task
    said = " ".join(text.split())
    if "\n" in text.strip():
        return None
    for join in _JOIN.finditer(said):
        first, other = said[:join.start()].strip(" ,，;；"), said[join.end():].strip(" ,，;；")
        if not first or not other:
            continue
        one = _line(ctx, first, None, other)
        two = _line(ctx, other, one, first) if one else None
        if one is None or two is None or one[1] == first and _TASK.search(other):
            continue  # `推迟 1 下周一 另外提醒我…`: the command, with or without the task (rest_kept.py)
        ctx.locale = answered_in(text, ctx.locale)
        one, two = _worded(one, ctx.locale == "zh"), _worded(two, ctx.locale == "zh")
        both = f"{one[1]}\n{two[1]}"
        if command_lines(both) is None:
            continue  # a tap would not read as the two lines offered
        return Reply(lines=(ctx.t("second_joined_offer", one=one[1], two=two[1]), ctx.t("answer_hint_one")),
                     ok=False, locale=ctx.locale,
                     buttons=(Button(ctx.t("second_joined_both")[:75], both),))
    return None


def _worded(said: tuple[c.Command, str], zh: bool) -> tuple[c.Command, str]:
    """`said` with its command word first (`405完成了，资料已发`: `完成 405：资料已发`), so a tap of both
    lines reads each line alone."""
    command, line = said
    if isinstance(command, c.DoneFollowups):
        ids = " ".join(str(each) for each in command.visit_ids)
        note = f"{'：' if zh else ': '}{command.note}" if command.note else ""
        return command, f"{'完成' if zh else 'done'} {ids}{note}"
    return said


def _line(ctx: Ctx, clause: str, before: tuple | None, other: str) -> tuple[c.Command, str] | None:
    """(the command, its line) that `clause` says; None."""
    zh = bool(_CJK.search(clause)) and not re.match(r"[A-Za-z]", clause)
    for line in _lines(ctx, clause, before, other, zh):
        got = read(line, ctx.today).command
        if isinstance(got, c.AddTask) and line == clause and re.match(r"(?:task|任务)\s*#?\d", clause, re.I):
            continue  # `… and task 2, cfo back …`: task #2, never a new task titled "2, …"
        if isinstance(got, _STORES) and not isinstance(got, c.ParseError) \
                and not (isinstance(got, c.SetCustomer) and not got.tier):
            return got, line
    return None


def _lines(ctx: Ctx, clause: str, before: tuple | None, other: str, zh: bool):
    """The lines `clause` may be said as, most literal first."""
    if before is not None and getattr(before[0], "task_id", None) and isinstance(before[0], c.ReassignTask):
        yield f"{'任务' if zh else 'task'} {before[0].task_id} {clause}"  # `任务4 给张伟 顺便改到周五`
    if _TASK.search(clause) is None and not _MUST.search(clause):
        yield clause
    if (found := re.match(r"^把?\s*#?(\d{1,9})\s*(?:推到|推迟到|挪到|改到|延到)(.+)$", clause)):
        yield f"推迟 {found[1]} {found[2]}"  # `把406推到下周三`
    if (found := _TIER_EN.match(clause)):
        yield f"customer {found['name']} tier {found['tier'].upper()}"
    if (found := _TIER_ZH.match(clause)):
        yield f"客户 {found['name']} {found['tier'].upper()}类"
    if (found := _CLOSE.match(clause)):
        yield f"deal #{found['id']} close {found['day']}"
    asked = _TASK.search(clause)
    if asked or _MUST.search(clause) and date_in(clause, ctx.today) is not None:
        title = clause[asked.end():].strip() if asked else clause
        name = _customer_in(before, other)
        word = "任务" if zh else "task"
        if name and _THEM.search(title):
            yield f"{word} {'客户' if zh else 'customer'} {name}{'：' if zh else ': '}{title}"
        yield f"{word} {title}"


def _customer_in(before: tuple | None, other: str) -> str | None:
    """The customer the other clause names (`make 华为 tier A and remind me to visit them …`)."""
    if before is not None and isinstance(before[0], c.SetCustomer):
        return before[0].name
    return None
