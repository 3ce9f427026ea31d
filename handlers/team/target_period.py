"""A member's target changed with no period said (`张伟的业绩目标改成60万`, `Bo的目标改成55万`) is the
target of the period just set for them (the manager's last change, when it set that member's
target: `给张伟定个目标：下个月业绩五十万` → January), else, where that member has targets of the
metric for other periods than this one, a question with one tap per period (nothing changed);
with none, this period's. The reply says old → new and the period (handlers/team/targets.py).

>>> said_as_change("张伟的业绩目标改成60万"), said_as_change("Bo的目标改成55万 2月")
(True, False)
>>> said_as_change("目标 @张伟 业绩 60万"), said_as_change("change Bo's target to 55k")
(False, True)
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from handlers.context import Ctx
from handlers.grammar.commands import Period, SetTarget
from handlers.grammar.patterns import pattern
from handlers.grammar.target_said import PERIOD_ZH
from handlers.rules.working_days import period_bounds
from handlers.sales.last_said import made_last
from handlers.text import format as fmt
from handlers.text.reply import Button
from storage.changes import latest_change_of
from storage.models.team import Target
from storage.models.workspace import Member
from storage.reports import TargetRepository

_CHANGE = pattern(r"改成|改为|改到|改回|调成|调到|调整为|调整到|提到|提高到|降到|"
                  r"(?<![A-Za-z])(?:change|changed|make|update|bump|raise|lower|actually)(?![A-Za-z])", re.I)
_PERIOD_EN = pattern(r"(?<![A-Za-z])(?:(?:this|next|last)\s+(?:month|quarter|year)|q[1-4]|"
                     r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)(?![A-Za-z])", re.I)


def says_change(text: str) -> bool:
    """Whether a target's message says it changes it (`改成`, `change … to`)."""
    return bool(_CHANGE.search(text))


def said_as_change(text: str) -> bool:
    """Whether a target's message changes it (`改成`, `change … to`) and names no period."""
    return says_change(text) and not re.search(PERIOD_ZH, text) and not _PERIOD_EN.search(text)


def period_meant(ctx: Ctx, cmd: SetTarget, member: Member) -> SetTarget:
    """`cmd` (said as a change, no period said) for the period the member's target was just set
    for; else a question which period where they have targets of its metric for others; else `cmd`."""
    if not said_as_change(ctx.text or ""):
        return cmd
    change = latest_change_of(ctx.session, ctx.tenant.id, ctx.member.id)
    if change is not None and change.status == "done" and change.entity == "targets" \
            and made_last(ctx, change):
        rows = [r["a"] for r in change.rows if r["t"] == "targets" and r["a"] is not None
                and r["a"].get("member_id") == member.id]
        rows = sorted(rows, key=lambda row: row["metric"] != cmd.metric)  # its metric's first
        if rows and (period := _period(ctx, rows[0]["period_kind"], rows[0]["period_start"])) is not None:
            return replace(cmd, period=period)
    now = period_bounds(cmd.period, ctx.today)[0]
    held = TargetRepository(ctx.session).held_from(ctx.tenant.id, member.id, cmd.metric, now)
    periods = [(t, p) for t in held if (p := _period(ctx, t.period_kind, t.period_start.isoformat()))]
    if not periods or [p for _, p in periods] == [cmd.period]:
        return cmd
    if cmd.period not in [p for _, p in periods]:
        periods.insert(0, (None, cmd.period))
    buttons = tuple(Button(_label(ctx, cmd, target, period), _label(ctx, cmd, target, period),
                           action=replace(cmd, period=period)) for target, period in periods[:5])
    raise ctx.refuse("target_which_period", who=member.display_name,
                     amount=fmt.metric_value(cmd.metric, cmd.amount, ctx.tenant.currency, ctx.locale),
                     buttons=buttons)


def _period(ctx: Ctx, kind: str, start: str) -> Period | None:
    return next((Period(kind, k) for k in range(-2, 13)
                 if period_bounds(Period(kind, k), ctx.today)[0].isoformat() == start), None)


def _label(ctx: Ctx, cmd: SetTarget, target: Target | None, period: Period) -> str:
    start = period_bounds(period, ctx.today)[0]
    label = fmt.period_label(period.kind, start, ctx.locale)
    new = fmt.metric_value(cmd.metric, cmd.amount, ctx.tenant.currency, ctx.locale)
    if target is None:
        return f"{label}: {new}"
    return f"{label}: {fmt.metric_value(cmd.metric, target.amount, ctx.tenant.currency, ctx.locale)} → {new}"


def old_value(ctx: Ctx, cmd: SetTarget, member: Member, start: dt.date) -> str | None:
    """The amount `member`'s target of `cmd`'s metric for the period from `start` had, shown; None
    where there was none or it is the same."""
    held = TargetRepository(ctx.session).held(ctx.tenant.id, cmd.metric, cmd.period.kind, start,
                                              member_id=member.id)
    if held is None or held.amount == cmd.amount:
        return None
    return fmt.metric_value(cmd.metric, held.amount, ctx.tenant.currency, ctx.locale)
