"""Managers set targets for a member or a team, and split a team target over its reps."""
from __future__ import annotations

from decimal import ROUND_DOWN, Decimal

from handlers.context import Ctx
from handlers.grammar.commands import ListTargets, Period, SetTarget
from handlers.lookup import example, managed_team, managers_team, member_named, scope_members
from handlers.rules.working_days import period_bounds
from handlers.text import format as fmt
from handlers.text.reply import Reply, Table
from handlers.text.strings import METRIC_NAMES, name_of
from storage.models.team import PERIOD_KINDS
from storage.reports import TargetRepository


def split_amount(total: Decimal, weights: list[Decimal], quantum: Decimal) -> list[Decimal]:
    """Split `total` by `weights` in steps of `quantum`, the remainder to the largest fractions.

    >>> split_amount(Decimal(100), [Decimal(1)] * 3, Decimal(1))
    [Decimal('34'), Decimal('33'), Decimal('33')]
    """
    whole = sum(weights)
    exact = [total * w / whole for w in weights]
    shares = [e.quantize(quantum, rounding=ROUND_DOWN) for e in exact]
    left = int((total - sum(shares)) / quantum)
    by_fraction = sorted(range(len(weights)), key=lambda i: shares[i] - exact[i])
    for i in by_fraction[:left]:
        shares[i] += quantum
    return shares


def handle_set_target(ctx: Ctx, cmd: SetTarget) -> Reply:
    if cmd.currency and cmd.currency != ctx.tenant.currency:
        raise ctx.refuse("target_currency", currency=ctx.tenant.currency)
    repo = TargetRepository(ctx.session)
    start, _ = period_bounds(cmd.period, ctx.today)
    common = dict(tenant_id=ctx.tenant.id, metric=cmd.metric, period_kind=cmd.period.kind,
                  period_start=start, set_by_id=ctx.member.id)
    value = lambda amount: fmt.metric_value(cmd.metric, amount, ctx.tenant.currency,
                                            ctx.locale)
    lines = []
    if cmd.scope.kind == "member":
        member = member_named(ctx, cmd.scope.name or "")
        if not ctx.is_admin and not ctx.people.share_a_team(ctx.member.id, member.id):
            raise ctx.refuse("not_your_team")
        repo.set(member_id=member.id, amount=cmd.amount, **common)
        who = member.display_name
    else:
        team = managed_team(ctx, cmd.scope.name)
        repo.set(team_id=team.id, amount=cmd.amount, **common)
        who = team.name
        if cmd.split:
            lines.append(_split(ctx, repo, team, cmd, common, value))
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "target.set", "target", None, who=who,
                     metric=cmd.metric, amount=cmd.amount, period=f"{cmd.period.kind}:{start}")
    title = ctx.t("target_set", who=who, metric=name_of(METRIC_NAMES, cmd.metric, ctx.locale),
                  amount=value(cmd.amount),
                  period=fmt.period_label(cmd.period.kind, start, ctx.locale))
    return Reply(title=title, lines=tuple(lines))


def _split(ctx, repo, team, cmd, common, value) -> str:
    """Split over the reps, keeping the targets a manager set for a rep by hand (`target @ana …`):
    the rest of the team target is split over the others, and the reply says who was kept and
    how to split over everyone (`split all`)."""
    reps = [m for m in ctx.people.roster(team.id) if m.role == "rep"]
    if not reps:
        raise ctx.refuse("target_no_reps", team=team.name)
    own = {} if cmd.split_all else repo.set_by_hand([m.id for m in reps], cmd.metric,
                                                       common["period_kind"], common["period_start"])
    kept = [m for m in reps if m.id in own]
    others = [m for m in reps if m.id not in own]
    left = cmd.amount - sum(own.values(), Decimal(0))
    if not others or left < 0:
        raise ctx.refuse("target_split_kept_all", team=team.name,
                         kept=", ".join(f"{m.display_name} {value(own[m.id])}" for m in kept))
    quantum = Decimal("0.01") if cmd.metric == "revenue" else Decimal(1)
    shares = split_amount(left, [m.weight for m in others], quantum)
    for member, share in zip(others, shares, strict=True):
        repo.set(member_id=member.id, amount=share, split=True, **common)
    listed = ", ".join(f"{m.display_name} {value(s)}" for m, s in zip(others, shares, strict=True))
    line = ctx.t("target_split", count=len(others), shares=listed)
    if kept:
        line += "\n" + ctx.t("target_split_kept", kept=", ".join(
            f"{m.display_name} {value(own[m.id])}" for m in kept))
    return line


def handle_list_targets(ctx: Ctx, cmd: ListTargets) -> Reply:
    """The current periods' targets: mine, or (a manager) the team's own and each member's."""
    label, members, team = scope_members(ctx, managers_team(ctx, cmd.scope), team_needs_manager=True)
    repo = TargetRepository(ctx.session)
    rows = []
    for kind in PERIOD_KINDS:
        start, _end = period_bounds(Period(kind), ctx.today)
        period = fmt.period_label(kind, start, ctx.locale)
        per_member = repo.for_members([m.id for m in members], kind, start)  # one read for a team
        owners = ([(team.name, repo.for_team(team.id, kind, start))] if team else []) + [
            (m.display_name, per_member[m.id]) for m in members if m.id in per_member]
        for who, targets in owners:
            for metric, amount in targets.items():
                rows.append((period, who, name_of(METRIC_NAMES, metric, ctx.locale),
                             fmt.metric_value(metric, amount, ctx.tenant.currency, ctx.locale)))
    title = ctx.t("targets_title", who=label)
    if not rows:
        hint = (example(ctx, "target"),) if ctx.is_manager else ()
        return Reply(title=title, lines=(ctx.t("targets_none"), *hint))
    headers = tuple(ctx.t(k) for k in ("col_period", "col_who", "col_metric", "col_target"))
    return Reply(title=title, table=Table(headers, tuple(rows)))
