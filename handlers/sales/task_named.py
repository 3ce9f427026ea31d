"""A task whose title starts with a member's name and a colon (`task ana: get legal sign-off`,
`任务 张伟：给华为发报价`, read so by handlers/grammar/task_named.py; from a manager without the
colon too: `task bo send quote fri`) is for that member: the name
is the assignee, never left in the title. A name no member has (`re: contract`) stays as typed.
Who may give a task to whom is the rule of any `task @name …` (handlers/sales/tasks.py)."""
from __future__ import annotations

from dataclasses import replace

from handlers.context import Ctx
from handlers.grammar.commands import AddTask
from handlers.grammar.normal import name_fold
from handlers.grammar.task_named import NAME_FIRST, NAME_IN_TITLE


def named_assignee(ctx: Ctx, cmd: AddTask) -> AddTask:
    """`cmd` with the member named before a colon at its title's start as the assignee, where
    exactly one active member has that name (or that first name); else `cmd` as it was. From a
    manager, or naming oneself, the name needs no colon (`任务 张伟 准备报价 12月10日`: 张伟's,
    said back as for him)."""
    said = NAME_IN_TITLE.match(cmd.title) if cmd.assignee is None else None
    spaced = said is None and cmd.assignee is None and (said := NAME_FIRST.match(cmd.title)) is not None
    if said is None:
        return cmd
    key = name_fold(said["name"])
    found = [m for m in ctx.people.members(ctx.tenant.id) if m.active and key in (
        name_fold(m.display_name), name_fold((m.display_name.split() or [""])[0]))]
    if len(found) != 1 or spaced and not ctx.is_manager and found[0].id != ctx.member.id:
        return cmd
    return replace(cmd, assignee=found[0].display_name, title=said["title"].strip())
