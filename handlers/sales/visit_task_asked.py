"""Words asking for a task inside a visit's notes (`visit tencent this week its overdue, add a task`,
`拜访 腾讯 见了张总 加个任务发报价`): never kept as notes unasked. Offered: the visit with a task,
or a task only (the visit may be the plan itself); nothing stored until tapped. A reminder with
its day is the visit's follow-up (parse_visits), asked there."""
from __future__ import annotations

import re

from handlers.context import Ctx
from handlers.grammar import commands as c
from handlers.grammar.commands import LogVisit
from handlers.grammar.language import answered_in
from handlers.grammar.patterns import pattern
from handlers.text.reply import Button, Reply
from handlers.text.strings import WORDS, name_of
from storage.models.sales import Customer

#: A task asked for in words (`add a task`, `set a reminder`, `remind me`, `加个任务`, `提醒我`)
ASKS = pattern(r"(?<![A-Za-z])(?:(?:(?:please|pls|plz)\s+)?(?:add|create|make|set|open|put\s+in|log|need)\s+"
               r"(?:a\s+|an\s+|me\s+a\s+)?(?:new\s+)?(?:task|reminder|to-?do)|new\s+task|remind\s+me(?:\s+to)?)(?![A-Za-z])"
               r"|(?:请|帮我)?(?:加|建|记|开|设|添加|新建|创建|设置)(?:个|一个|一下|上)?(?:任务|提醒|待办)"
               r"|提醒我(?:一下)?|提醒一下"
               # a task's command word starting a clause of the notes (`demo went well and task send them
               # pricing by thu`, `；todo: send deck`, `，任务 周四前发报价`, `然后待办：发合同`)
               r"|(?:^|(?<=[,，;；.。!！:：])|(?<=\s)(?:and|then|also|plus|&)\s+)\s*"
               r"(?:task|todo|to-do|to\s+do)(?=\s*[:：]|\s+[A-Za-z\u3400-\u9fff])"
               r"|(?:^|(?<=[,，;；.。!！:：\s])|然后|另外|还有|顺便)\s*(?:任务|待办)(?:事项)?(?=\s*[:：]|\s*[^\s:：，,。])",
               re.I)
_EDGE = " ,，.。;；:：!！-–—"


def _words(found: re.Match) -> str:
    """The words asking for the task, without the joining word before them (`and task` → `task`)."""
    return re.sub(r"^(?:and|then|also|plus|&|然后|另外|还有|顺便)\s*", "", found[0].strip(_EDGE), flags=re.I)


def ask(ctx: Ctx, cmd: LogVisit, customer: Customer) -> None:
    """Asked when the visit's notes ask for a task (and no follow-up day took the words)."""
    found = ASKS.search(cmd.notes or "")
    if found is None or cmd.follow_up is not None or found[0].lower().startswith("remind"):
        return  # `remind me` is asked by the visit's grammar (a follow-up's day, or notes: chosen)
    before = cmd.notes[:found.start()].strip(_EDGE)
    after = re.sub(r"^(?:to|for|:)\s+", "", cmd.notes[found.end():].strip(_EDGE), flags=re.I).strip(_EDGE)
    visit, task, about = (name_of(WORDS, word, ctx.locale) for word in ("visit", "task", "customer"))
    colon = "：" if ctx.locale == "zh" else ": "
    day = f" {cmd.day.isoformat()}" if cmd.day else ""
    visit_line = f"{visit} {customer.name}{day}{colon}{before}" if before else f"{visit} {customer.name}{day}"
    task_line = f"{task} {about} {customer.name}{colon}{after or before or visit}"
    only = task_line if after else f"{task} {visit} {customer.name} {before}".strip()
    raise ctx.refuse("visit_task_asked", words=_words(found), customer=customer.name, buttons=(
        Button(ctx.t("visit_and_task_button"), f"{visit_line}\n{task_line}"),
        Button(ctx.t("task_only_button"), only)))


#: Words before the thing to do that say who or that it must be done (`for me to`, `need to`, `要`)
_LEAD = pattern(r"^(?:(?:for\s+(?:me|us|that|it)\s*)?(?:to\s+)?(?:(?:i|we)\s+)?(?:need\s+to|have\s+to|must"
                r"|gotta|should)?\s*(?:to\s+)?|(?:我)?(?:要|需要|得|记得)?)", re.I)
#: Where a clause of a visit's notes ends (`all good. need to send …`, ` - make a task`)
_CLAUSE = pattern(r"(?<=[.。;；!！])\s*|\s+[-–—]\s+|[，,]\s*(?=(?:need|have|must|要|需要|得))", re.I)


def offered(ctx: Ctx, text: str) -> Reply | None:
    """A visit asked about its follow-up day (`visited 格力 … pls make a task for me to send proposal by
    next wed`, `visit wayne: … need to send them the project plan by fri - make a task`) whose notes ask
    for a task: the visit (its notes without the task's words) with a task (the thing to do, due that
    day, the customer linked), or only the task, offered; None where no task is asked or none reads."""
    from handlers.grammar.reading import read

    error = read(text, ctx.today).command
    if not isinstance(error, c.ParseError) or error.problem not in ("deadline_in_notes", "call_again_no_day"):
        return None
    visit = next((each for _l, _t, each in error.options if isinstance(each, LogVisit)), None)
    if visit is None or not visit.notes or (found := ASKS.search(visit.notes)) is None \
            or re.search(r"remind|提醒", found[0], re.I):
        return None  # `remind me fri`: the visit's follow-up, asked by the grammar
    zh = answered_in(text, ctx.locale) == "zh"
    before = visit.notes[:found.start()].strip(_EDGE)
    after = visit.notes[found.end():].strip(_EDGE)
    if not after:  # `… need to send them the project plan by fri - make a task`: the clause with the day
        parts = [part.strip(_EDGE) for part in _CLAUSE.split(before) if part and part.strip(_EDGE)]
        at = next((i for i in reversed(range(len(parts))) if error.detail and error.detail in parts[i]), None)
        if at is None:
            return None
        after, before = parts[at], ("，" if zh else ", ").join(parts[:at] + parts[at + 1:])
    title = after[_LEAD.match(after).end():].strip(_EDGE) or after
    colon = "：" if zh else ": "
    task_line = f"{'任务 客户' if zh else 'task customer'} {visit.customer}{colon}{title}"
    day = f" {visit.day.isoformat()}" if visit.day else ""
    visit_line = f"{'拜访' if zh else 'visit'} {visit.customer}{day}" + (f"{colon}{before}" if before else "")
    task, logged = read(task_line, ctx.today).command, read(visit_line, ctx.today).command
    if not isinstance(task, c.AddTask) or not isinstance(logged, LogVisit):
        return None
    ctx.locale = "zh" if zh else "en"
    return Reply(lines=(ctx.t("visit_task_asked", words=_words(found), customer=visit.customer),
                        ctx.t("answer_hint", count=2)), ok=False, locale=ctx.locale, buttons=(
        Button(ctx.t("visit_and_task_button"), f"{visit_line}\n{task_line}"),
        Button(ctx.t("task_only_button"), task_line)))
