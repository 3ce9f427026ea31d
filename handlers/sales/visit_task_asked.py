"""Words asking for a task inside a visit's notes (`visit tencent this week its overdue, add a task`,
`拜访 腾讯 见了张总 加个任务发报价`): never kept as notes unasked. Offered: the visit with a task,
or a task only (the visit may be the plan itself); nothing stored until tapped. A reminder with
its day is the visit's follow-up (parse_visits), asked there."""
from __future__ import annotations

import re

from handlers.context import Ctx
from handlers.grammar.commands import LogVisit
from handlers.grammar.patterns import pattern
from handlers.text.reply import Button
from handlers.text.strings import WORDS, name_of
from storage.models.sales import Customer

#: A task asked for in words (`add a task`, `set a reminder`, `remind me`, `加个任务`, `提醒我`)
ASKS = pattern(r"(?<![A-Za-z])(?:(?:please\s+)?(?:add|create|make|set|open|put\s+in|log|need)\s+"
               r"(?:a\s+|an\s+|me\s+a\s+)?(?:new\s+)?(?:task|reminder|to-?do)|new\s+task|remind\s+me(?:\s+to)?)(?![A-Za-z])"
               r"|(?:请|帮我)?(?:加|建|记|开|设|添加|新建|创建|设置)(?:个|一个|一下|上)?(?:任务|提醒|待办)"
               r"|提醒我(?:一下)?|提醒一下", re.I)
_EDGE = " ,，.。;；:：!！-–—"


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
    raise ctx.refuse("visit_task_asked", words=found[0].strip(), customer=customer.name, buttons=(
        Button(ctx.t("visit_and_task_button"), f"{visit_line}\n{task_line}"),
        Button(ctx.t("task_only_button"), only)))
