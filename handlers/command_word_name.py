"""A new customer's name holding a command word (`visit target 46`, a manager meaning the visits
target; `拜访 目标 46`; `visit task list`): no customer is made unasked. Asked, one tap each: the
target it may mean (a manager's visit with a number: the team's visits target), or the new
customer after all, its name as typed (handlers/lookup.py `customer_named` asks this). So is a
name that is a day or a period and nothing else (`拜访 本周`, `visit this week`: the visits of that
week, one tap, or the new customer after all)."""
from __future__ import annotations

import re

from handlers.context import Ctx
from handlers.grammar.commands import LogVisit
from handlers.grammar.customer_swapped import with_customer
from handlers.grammar.normal import simplified
from handlers.grammar.periods import whole_period
from handlers.grammar.spans import date_in
from handlers.text.reply import Button

#: Command words no customer's name is made of unasked (one word of the name, or in Chinese a part)
_WORDS_EN = {"target", "targets", "quota", "task", "tasks", "deal", "deals", "visit", "visits", "pipeline",
             "progress", "followups", "follow-ups", "leaderboard", "stalled", "standup"}
_WORDS_ZH = ("目标", "指标", "任务", "商机", "拜访", "进度", "漏斗", "待跟进", "排行榜", "站会")
_TARGET = {"target", "targets", "quota", "目标", "指标"}
_NUMBER = re.compile(r"\d[\d.,]*\s*(?:[kKmMwW万千]|次)?")


def command_word_name(ctx: Ctx, name: str) -> None:
    """Refuses, asking, where `name` (a customer not known yet) holds a command word."""
    words = name.casefold().split()
    word = next((w for w in words if w in _WORDS_EN), None) \
        or next((w for w in _WORDS_ZH if w in simplified(name)), None)
    if word is None:
        return
    buttons = []
    visit = ctx.command if isinstance(ctx.command, LogVisit) else None
    number = _NUMBER.search(name) or visit and _NUMBER.fullmatch(visit.notes.strip())  # `拜访 目标 46`
    if word in _TARGET and number and ctx.is_manager and visit:
        lead = "目标 团队 拜访 " if simplified(word) in _WORDS_ZH else "target team visits "
        target = lead + number[0].strip()
        buttons.append(Button(target, target))
    said = ctx.text or ""
    typed = said.replace(name, f"+{name}", 1) if name in said else f"+{name}"
    buttons.append(Button(ctx.t("new_customer_button", name=name), typed,
                          action=with_customer(ctx.command, name, f"+{name}")))
    raise ctx.refuse("name_is_a_command_word", name=name, word=word, buttons=tuple(buttons))


def day_name(ctx: Ctx, name: str) -> None:
    """Refuses, asking, where `name` (a customer not known yet) is a day or a period and nothing else."""
    period = whole_period(name, ctx.today)
    found = date_in(name, ctx.today) if period is None else None
    if period is None and (found is None or found[0].strip() != name.strip()):
        return
    zh = bool(re.search(r"[\u3400-\u9fff]", name))
    listed = f"拜访记录 {name}" if zh else f"visits {name}"  # the visits of that period
    buttons = [Button(listed, listed)] if period is not None and isinstance(ctx.command, LogVisit) else []
    said = ctx.text or ""
    typed = said.replace(name, f"+{name}", 1) if name in said else f"+{name}"
    buttons.append(Button(ctx.t("new_customer_button", name=name), typed,
                          action=with_customer(ctx.command, name, f"+{name}")))
    raise ctx.refuse("name_is_a_day", name=name, buttons=tuple(buttons))
