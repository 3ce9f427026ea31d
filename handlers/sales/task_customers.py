"""A task whose words name two customers (`task call 腾讯 and 阿里 about the security audit`,
`任务 明天给华为和小米发报价`): which one it is about is asked, one tap each or none, never the first
one linked silently (r31en #122) nor none linked without a word."""
from __future__ import annotations

from dataclasses import replace

from handlers.context import Ctx
from handlers.grammar.commands import AddTask
from handlers.grammar.normal import name_fold
from handlers.grammar.patterns import pattern
from handlers.grammar.unsaid import customers_in
from handlers.known_names import known_customers
from handlers.text.reply import Button
from storage.sales import CustomerRepository

#: A name joined to another (`腾讯 and 阿里`, `华为和小米`, `阿里、腾讯`): the other one's words
_JOINED = (r"\s*(?:and|&|/|和|与|跟|及|、|,|，|以及|还有)\s*")
_AFTER = pattern(_JOINED + r"(?P<other>[\u3400-\u9fff]{2,6}|[A-Za-z][A-Za-z.&-]{2,})", 0)
_BEFORE = pattern(r"(?P<other>[\u3400-\u9fff]{2,6}|[A-Za-z][A-Za-z.&-]{2,})" + _JOINED + "$", 0)


def customers_named(ctx: Ctx, title: str) -> list[str]:
    """The known customers a task's words name, in their order: those named in full, and the one
    joined to a name by `and`/`和` whose name starts with the words said (`阿里` for 阿里巴巴)."""
    named = customers_in(title, CustomerRepository(ctx.session).names(ctx.tenant.id))
    folded = name_fold(title)
    for name in list(named):
        at = folded.find(name_fold(name))
        if at < 0:
            continue
        after = _AFTER.match(folded, at + len(name_fold(name)))
        before = _BEFORE.search(folded[:at])
        for found in (after, before):
            other = _starting(ctx, found["other"]) if found else None
            if other and other not in named:
                named.append(other)
    return named


def _starting(ctx: Ctx, words: str) -> str | None:
    """The one known customer whose name is or starts with `words` (or their first characters)."""
    for size in range(len(words), 1, -1):
        found = known_customers(ctx, words[:size])
        if len(found) == 1:
            return found[0].name
        if found:
            return None
    return None


def ask_which(ctx: Ctx, cmd: AddTask, named: list[str]):
    """The refusal asking which customer a task naming several is about: one tap each, or none."""
    buttons = [Button(ctx.t("task_about_customer", name=name)[:75], ctx.text.strip(),
                      action=replace(cmd, customer=name)) for name in named[:4]]
    buttons.append(Button(ctx.t("task_about_none"), ctx.text.strip(), action=replace(cmd, customer="")))
    hint = "\n".join([*(f"{n}. {b.label}" for n, b in enumerate(buttons, 1)),
                      ctx.t("answer_hint", count=len(buttons))])
    return ctx.refuse("task_two_customers", hint=hint, buttons=tuple(buttons), title=cmd.title,
                      names=("和" if ctx.locale == "zh" else " and ").join(named[:4]))
