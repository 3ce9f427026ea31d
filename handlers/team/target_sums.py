"""A target whose period lies inside a longer one that has a target of its own, or that holds shorter
ones with theirs (a month and its quarter, a quarter and its year): where the parts no longer add up
to the whole (all set, and another sum; or those set already above it), the reply says the sum
against the whole's target — `Months add up to ¥90K, the quarter's target is ¥120K` — so a split into
months is never silently short or over (r23). Both stay stored as said: which one is right is the
manager's to say, and the next target they set is checked again."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from handlers.context import Ctx
from handlers.text import format as fmt
from storage.models.team import Team
from storage.models.workspace import Member
from storage.reports import TargetRepository

#: the period a target's period lies inside, and the parts (kind, count) a longer period holds
_WHOLE = {"month": "quarter", "quarter": "year"}
_PARTS = {"quarter": ("month", 3, 1), "year": ("quarter", 4, 3)}  # kind, how many, months apart


def sums_said(ctx: Ctx, metric: str, kind: str, start: dt.date, *, member: Member | None = None,
              team: Team | None = None) -> list[str]:
    """The lines saying where the target just set of `kind` from `start` leaves a whole and its
    parts unequal: its own parts against it, and it with the other parts against its whole."""
    repo = TargetRepository(ctx.session)

    def own(part_kind: str, part_start: dt.date) -> Decimal | None:
        if member is not None:
            return repo.for_members([member.id], part_kind, part_start).get(member.id, {}).get(metric)
        return repo.for_team(team.id, part_kind, part_start).get(metric)

    wholes = [(kind, start)] if kind in _PARTS else []
    if kind in _WHOLE:
        wholes.append((_WHOLE[kind], _whole_start(_WHOLE[kind], start)))
    lines = []
    for whole_kind, whole_start in wholes:
        if (whole := own(whole_kind, whole_start)) is None:
            continue
        part_kind, count, step = _PARTS[whole_kind]
        parts = [own(part_kind, _months_later(whole_start, i * step)) for i in range(count)]
        have = [Decimal(p) for p in parts if p is not None]
        total = sum(have, Decimal(0))
        if not have or total == whole or (len(have) < count and total < whole):
            continue
        value = lambda amount: fmt.metric_value(metric, amount, ctx.tenant.currency, ctx.locale)
        lines.append(ctx.t("target_sum_off" if len(have) == count else "target_sum_over",
                           parts=ctx.t(f"target_sum_parts_{part_kind}"),
                           whole=ctx.t(f"target_sum_whole_{whole_kind}"), sum=value(total),
                           amount=value(whole), period=fmt.period_label(whole_kind, whole_start, ctx.locale)))
    return lines


def _whole_start(kind: str, start: dt.date) -> dt.date:
    return dt.date(start.year, 1 if kind == "year" else (start.month - 1) // 3 * 3 + 1, 1)


def _months_later(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)
