"""A leave's why that holds a day (`12/21 to 12/31, ill be in on the 1st`, `请假 周五 1号回来上班`):
never kept as the leave's note unasked (r23 W2). The days may have been meant there; the member is
asked, one tap each: the days with that why kept, or the days alone. Nothing is saved before.
Where a correction of the leave just entered takes off the very day the why names (`no, make it
12/30, i can work the 31st`), the why says why the days changed: kept, and said back."""
from __future__ import annotations

from dataclasses import replace

from handlers.context import Ctx
from handlers.grammar.commands import TakeLeave
from handlers.grammar.spans import date_in
from handlers.text import format as fmt
from handlers.text.reply import Button
from storage.models.team import Leave


def note_meant(ctx: Ctx, cmd: TakeLeave) -> TakeLeave:
    """`cmd` where its note names no day or the member already answered; else asks (raises a
    refusal with the two answers, nothing saved)."""
    named = date_in(cmd.note, ctx.today) if cmd.note and not cmd.note_checked else None
    if named is None or _taken_off(ctx, cmd, named[1]):
        return cmd
    day = lambda d: fmt.day(d, ctx.today, ctx.locale)
    word = "请假" if ctx.locale == "zh" else "leave"
    who = f"@{cmd.member} " if cmd.member else ""
    joined = "到" if ctx.locale == "zh" else " to "
    typed = f"{word} {who}{cmd.first_day.isoformat()}{joined}{cmd.last_day.isoformat()}"
    days = dict(first=day(cmd.first_day), last=day(cmd.last_day))
    buttons = (
        Button(ctx.t("leave_note_day_keep", **days, note=cmd.note), f"{typed}, {cmd.note}",
               action=replace(cmd, note_checked=True)),
        Button(ctx.t("leave_note_day_drop", **days), typed, action=replace(cmd, note="", note_checked=True)),
    )
    raise ctx.refuse("leave_note_day", **days, note=cmd.note, buttons=buttons)


def _taken_off(ctx: Ctx, cmd: TakeLeave, named) -> bool:
    """Whether `cmd` corrects a leave whose days held `named` and its new days do not."""
    leave = ctx.session.get(Leave, cmd.replaces) if cmd.replaces else None
    return leave is not None and leave.first_day <= named <= leave.last_day \
        and not cmd.first_day <= named <= cmd.last_day
