"""The day of a record said before any other reading (handlers/dispatch.py): a closed deal's
(`deal #10 close thu`, handlers/sales/close_day_said.py), which deal was lost or won (`丢单了`,
close_unnamed.py), a visit's named by its customer (`the byd visit was yesterday`,
visit_day_named.py)."""
from __future__ import annotations

from handlers.context import Ctx
from handlers.sales import close_day_said, close_unnamed, visit_day_named


def meant(ctx: Ctx, text: str):
    """The command or question of the first reader that reads `text`; else None."""
    return close_day_said.meant(ctx, text) or close_unnamed.meant(ctx, text) \
        or visit_day_named.meant(ctx, text)
