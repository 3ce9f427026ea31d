"""A new leave over leave already there (r20 W1): `请假 下周三-下周四` after `请假 下周四到下周五`.

An offer does what its words say: a leave typed (or offered) as a new leave never silently edits
the leave there. Where its days hold every day of the leave there, nothing is lost (the leave grows
to them); where they are the same days, nothing changes; else the member is asked, one tap each:
all the days in one leave (merge), or these days instead (replace). Only a correction word
(`不对 是…`, handlers/workspace/leave_corrected.py) edits the last leave unasked.
"""
from __future__ import annotations

from dataclasses import replace

from handlers.context import Ctx
from handlers.grammar.commands import TakeLeave
from handlers.text import format as fmt
from handlers.text.reply import Button


def days_meant(ctx: Ctx, cmd: TakeLeave, overlapping: list) -> TakeLeave:
    """`cmd` with the days to give the leave there: all the days where the answer was merge, or
    where the new days hold them all; `cmd` where the answer was replace or it corrects a leave.
    Asks (raises a refusal with the two answers, nothing saved) where the new days would drop some
    day of leave already there and nobody said which."""
    first = min([cmd.first_day, *(x.first_day for x in overlapping)])
    last = max([cmd.last_day, *(x.last_day for x in overlapping)])
    if cmd.replaces is not None or cmd.overlap == "replace":
        return cmd
    if cmd.overlap == "merge" or (first, last) == (cmd.first_day, cmd.last_day):
        return replace(cmd, first_day=first, last_day=last)
    day = lambda d: fmt.day(d, ctx.today, ctx.locale)
    there = "、".join if ctx.locale == "zh" else ", ".join
    was = there(f"{day(x.first_day)} – {day(x.last_day)}" for x in overlapping)
    merged, instead = replace(cmd, overlap="merge"), replace(cmd, overlap="replace")
    word = "请假" if ctx.locale == "zh" else "leave"
    who = f"@{cmd.member} " if cmd.member else ""
    joined = "到" if ctx.locale == "zh" else " to "
    typed = lambda a, b: f"{word} {who}{a.isoformat()}{joined}{b.isoformat()}"
    buttons = (
        Button(ctx.t("leave_overlap_merge", first=day(first), last=day(last)), typed(first, last),
               action=merged),
        Button(ctx.t("leave_overlap_replace", first=day(cmd.first_day), last=day(cmd.last_day)),
               typed(cmd.first_day, cmd.last_day), action=instead),
    )
    raise ctx.refuse("leave_overlap", was=was, first=day(cmd.first_day), last=day(cmd.last_day),
                     all_first=day(first), all_last=day(last), buttons=buttons)
