"""A push never lands earlier (#23, r19): `push it to next fri`, `跟进推到下下周`, `推迟到下周五`,
`任务7推到下下周` said of a follow-up, task or close day due after the day said would move it
EARLIER; that is asked, never made: the same weekday after the day it is due now (the push as
meant), or that earlier day itself. Snoozing a follow-up asks the same (handlers/sales/visits.py)."""
from __future__ import annotations

import datetime as dt

from handlers.context import Ctx
from handlers.text import format as fmt
from handlers.text.reply import Button, Reply


def later_than(day: dt.date, was: dt.date) -> dt.date:
    """The same weekday as `day`, in the first week after `was` (a push of `day`, as meant)."""
    return day + dt.timedelta(weeks=(was - day).days // 7 + 1)


def earlier_asked(ctx: Ctx, said: str, what: str, was: dt.date, day: dt.date, command) -> Reply:
    """The question about a push to `day`, before `was` (the day `what` is due now): one tap for
    the same weekday after `was`, one for `day` itself; `command(day)` is what to type for each."""
    later = later_than(day, was)
    when, due, after = (fmt.day(d, ctx.today, ctx.locale, relative=False) for d in (day, was, later))
    buttons = (Button(ctx.t("snooze_later_button", when=after), command(later)),
               Button(ctx.t("snooze_earlier_button", when=when), command(day)))
    return Reply(lines=(ctx.t("push_earlier", said=said, when=when, what=what, was=due),
                        *(f"{n}. {b.label}" for n, b in enumerate(buttons, 1)),
                        ctx.t("answer_hint", count=len(buttons))),
                 buttons=buttons, ok=False, locale=ctx.locale)
