"""A quarter's or year's targets asked for where none is set for the period itself but some are
for the shorter periods inside it (`my q1 target?` with January's set, `我Q1目标多少`, `本季度目标`):
those targets listed, each under its own period, and where an owner has several, their sum on a
row labelled so; never "no target" while January's is there (issue #23, round 19). A month's weeks
are not read: a week may straddle two months, so its target is no part of either."""
from __future__ import annotations

import datetime as dt

from handlers.context import Ctx
from handlers.text import format as fmt
from handlers.text.strings import METRIC_NAMES, name_of
from storage.models.team import METRICS, Team
from storage.models.workspace import Member
from storage.reports import TargetRepository


def inner_targets(ctx: Ctx, kind: str, start: dt.date, team: Team | None,
                  members: list[Member]) -> tuple[list[tuple[str, str, str, str]], tuple[str, ...]]:
    """(the table's rows: period, who, metric, target; the line saying what they are) of the
    targets set for the periods inside the `kind` period from `start`; ([], ()) where none is."""
    repo, ids = TargetRepository(ctx.session), [m.id for m in members]
    summed = repo.for_members(ids, kind, start, summed=True)
    own = repo.for_team(team.id, kind, start, summed=True) if team else None
    parts = sorted({*summed.summed_from, *(own.summed_from if own else ())}, key=lambda p: (p[1], p[0]))
    if not parts:
        return [], ()
    rows = []
    for part_kind, part_start in parts:
        label = fmt.period_label(part_kind, part_start, ctx.locale)
        per_member = repo.for_members(ids, part_kind, part_start)
        owners = ([(team.name, repo.for_team(team.id, part_kind, part_start))] if team else []) + [
            (m.display_name, per_member.get(m.id, {})) for m in members]
        rows += [_row(ctx, label, who, metric, amount) for who, targets in owners
                 for metric, amount in targets.items()]
    period = fmt.period_label(kind, start, ctx.locale)
    sums = ([(team.name, own, len(own.summed_from))] if own and len(own.summed_from) > 1 else []) + [
        (m.display_name, summed.get(m.id, {}), len(summed.summed_from_of(m.id))) for m in members
        if len(summed.summed_from_of(m.id)) > 1]
    for who, targets, count in sums:
        label = ctx.t("target_parts_sum", period=period, count=count)
        rows += [_row(ctx, label, who, metric, targets[metric]) for metric in METRICS if metric in targets]
    return rows, (ctx.t("target_parts_only", period=period),)


def _row(ctx: Ctx, period: str, who: str, metric: str, amount) -> tuple[str, str, str, str]:
    return (period, who, name_of(METRIC_NAMES, metric, ctx.locale),
            fmt.metric_value(metric, amount, ctx.tenant.currency, ctx.locale))
