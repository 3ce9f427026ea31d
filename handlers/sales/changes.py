"""Every change a member makes from chat goes into the journal (storage/journal.py), so that
their `undo` can put it back and a deletion can be restored from the bin. Reading commands
change nothing and leave no entry; `undo` is not a change of its own (`restore` is: undone, the
record goes back to the bin)."""
from __future__ import annotations

from collections.abc import Callable

from handlers.context import Ctx
from handlers.grammar import commands as c
from handlers.text.reply import Reply
from storage import journal

#: Commands that put things back themselves (so `undo` never undoes an undo). A `link` is a change
#: of the member it joins (the sender's own member is gone into it): their `undo` parts them again.
NOT_JOURNALED = (c.Undo,)
_TABLES = {"deal": "deals", "visit": "visits", "task": "tasks", "tip": "tips", "contest": "contests",
           "customer": "customers"}


def run(ctx: Ctx, command: c.Command, handler: Callable[[Ctx, c.Command], Reply]) -> Reply:
    if isinstance(command, NOT_JOURNALED) or type(command).__name__ == "ShowTrash":
        return handler(ctx, command)
    with journal.Recorder(ctx.session) as recorder:
        reply = handler(ctx, command)
        rows = recorder.rows()
    label = ctx.change_label or ctx.text or reply.title or (reply.lines[0] if reply.lines else "")
    actor = ctx.change_actor or ctx.member
    change = journal.record(ctx.session, tenant_id=actor.tenant_id, actor_id=actor.id, at=ctx.now,
                            kind=ctx.change_kind or type(command).__name__, label=label, rows=rows,
                            main_table=_TABLES.get(ctx.change_kind.partition(".")[0]))
    if change is not None:
        ctx.journaled.append(change)
    return reply
