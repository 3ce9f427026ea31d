"""`leave cancel 12/9` · `请假 取消 12月9日` · `12月9号的假不请了` (r21): only the days named are taken off
a leave. A leave of Dec 9–10 with Dec 9 cancelled is Dec 10 left; days in its middle split it in two;
naming all its days (or, with only one leave coming, no day: `请假 取消`) removes it. The reply says
what was taken off and what is left, so nothing goes unseen (DESIGN.md: never store other than meant).
"""
from __future__ import annotations

import datetime as dt

from handlers.context import Ctx
from handlers.text.reply import Reply
from storage.models.team import Leave
from storage.models.workspace import Member

ONE = dt.timedelta(days=1)


def cancel_leave(ctx: Ctx, member: Member, first: dt.date | None, last: dt.date | None, day) -> Reply:
    """Take `first`..`last` off `member`'s leave (all of their one coming leave where no day is named)."""
    coming = ctx.people.leave_of(member.id, ctx.today)
    if first is None:  # `请假 取消`: the one leave coming, or which one is asked
        if not coming:
            raise ctx.refuse("leave_none_to_cancel")
        if len(coming) > 1:
            raise ctx.refuse("leave_cancel_which", leaves="; ".join(
                f"{day(x.first_day)} – {day(x.last_day)}" for x in coming))
        first, last = coming[0].first_day, coming[0].last_day
    last = last or first
    hit = ctx.people.leaves_over(member.id, first, last)
    if not hit:
        raise ctx.refuse("leave_not_found", day=_span(day, first, last))
    removed, shrunk = [], False
    for leave in hit:
        was = (leave.first_day, leave.last_day)
        if first <= leave.first_day and last >= leave.last_day:  # all its days: the leave goes
            removed.append(was)
            ctx.people.drop_leave(leave)
            continue
        if first > leave.first_day and last < leave.last_day:  # days in the middle: two leaves
            ctx.session.add(Leave(member_id=member.id, first_day=last + ONE, last_day=leave.last_day,
                                  note=leave.note))  # both parts keep the leave's why (r25 #49)
            leave.last_day = first - ONE
        elif first <= leave.first_day:  # its first days
            leave.first_day = last + ONE
        else:  # its last days
            leave.last_day = first - ONE
        removed.append((max(first, was[0]), min(last, was[1])))
        shrunk = True
    ctx.session.flush()
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "leave.cancel", "member", member.id, at=ctx.now,
                     first=first, last=last)
    if not shrunk:  # whole leaves removed: said as before
        return Reply(lines=tuple(ctx.t("leave_cancelled", who=member.display_name, first=day(a), last=day(b))
                                 for a, b in removed))
    left = [(x.first_day, x.last_day) for x in ctx.people.leave_of(member.id, ctx.today)]
    return Reply(lines=(ctx.t("leave_days_cancelled", who=member.display_name, days=_spans(day, removed),
                              left=_spans(day, left)),))


def _span(day, first: dt.date, last: dt.date) -> str:
    return day(first) if first == last else f"{day(first)} – {day(last)}"


def _spans(day, pairs: list[tuple[dt.date, dt.date]]) -> str:
    return "; ".join(_span(day, a, b) for a, b in pairs)
