"""Several members in one task (handlers/grammar/people_each.py reads them; fix34b). From a rep, a
question of one task each is refused at once, their own line offered (only managers give tasks
to others: handlers/sales/tasks.py), never a tap then refused; `task Ana and Bo send the deck by
fri`, read as Ana's task titled "and Bo send the deck", is asked: one task each."""
from __future__ import annotations

from dataclasses import replace

from handlers.context import Ctx, Refusal, usage_reply
from handlers.grammar.commands import AddTask
from handlers.grammar.language import answered_in
from handlers.grammar.normal import name_fold
from handlers.grammar.people_each import lines, people_each
from handlers.lookup import example
from handlers.text.reply import Button, Reply


def _mine(ctx: Ctx) -> set[str]:
    return {"me", "我", "自己", name_fold(ctx.member.display_name)}


def for_others(ctx: Ctx, asked) -> Refusal | None:
    """A rep's question of one task each (`task_people`) naming others: refused, the rep's own line
    offered where the rep is one of them."""
    from handlers.grammar.reading import read

    if getattr(asked, "problem", None) != "task_people" or ctx.is_manager:
        return None
    said = [line for option in asked.options or () if len(option) > 2
            for line in option[1].strip().split("\n")]
    tasks = [(line, read(line, ctx.today).command) for line in said]
    others = [line for line, task in tasks if isinstance(task, AddTask) and task.assignee
              and name_fold(task.assignee) not in _mine(ctx)]
    if not others:
        return None
    mine = [line for line, task in tasks if isinstance(task, AddTask) and line not in others]
    if not mine:
        return ctx.refuse("task_for_others", example=example(ctx, "task"))
    names = " ".join(f"@{t.assignee}" for line, t in tasks if line in others)
    return ctx.refuse("task_each_for_others", others=names, buttons=(Button(mine[0][:75], mine[0]),))


def several_named(ctx: Ctx, cmd: AddTask) -> None:
    """`task Ana and Bo send the deck by fri` (one task read, its title starting with the others'
    names): asked, one task each; from a rep, refused as for_others says."""
    text = ctx.text or ""
    names = [m.display_name for m in ctx.people.members(ctx.tenant.id) if m.active]
    if "\n" in text.strip() or (found := people_each(text, names)) is None or not found[1]:
        return
    offer = lines(found, answered_in(text, ctx.locale) == "zh")
    from handlers.grammar import commands as c

    asked = c.ParseError("task", "task_people", " ".join(f"@{n}" for n in found[0]),
                         options=(("one_each", offer, None),))
    if not ctx.is_manager and (refused := for_others(ctx, asked)) is not None:
        raise refused
    reply = usage_reply(ctx.locale, asked)
    raise Refusal(replace(reply, locale=ctx.locale))


def asked(ctx: Ctx, question) -> Reply:
    """The reply asking `question` (a message with no command word), or a rep's refusal."""
    if (refused := for_others(ctx, question)) is not None:
        return replace(refused.reply, locale=ctx.locale)
    return replace(usage_reply(ctx.locale, question), locale=ctx.locale)
