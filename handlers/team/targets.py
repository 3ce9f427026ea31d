"""Managers set targets for a member or a team, and split a team target over its reps."""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import ROUND_DOWN, Decimal

from handlers.context import Ctx
from handlers.grammar.commands import ListTargets, Period, Scope, SetTarget
from handlers.grammar.normal import name_fold
from handlers.grammar.patterns import pattern
from handlers.lookup import example
from handlers.members import managed_team, managers_team, member_named, members_named, scope_members
from handlers.rules.working_days import period_bounds
from handlers.team.target_corrections import where_said
from handlers.team.target_parts import inner_targets
from handlers.team.target_period import old_value, period_meant, says_change
from handlers.team.target_sums import sums_said
from handlers.text import format as fmt
from handlers.text.reply import Button, Reply, Table
from handlers.text.strings import METRIC_NAMES, name_of
from storage.models.team import PERIOD_KINDS
from storage.models.workspace import Member
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
        raise ctx.refuse("target_currency", currency=ctx.tenant.currency, given=cmd.currency,
                         amount=fmt.money(cmd.amount, cmd.currency, ctx.locale))
    start, _ = period_bounds(cmd.period, ctx.today)
    if cmd.scope.kind == "member":
        member = _member_meant(ctx, cmd)
        if not ctx.is_admin and not ctx.people.share_a_team(ctx.member.id, member.id):
            raise ctx.refuse("not_your_team")
        cmd = period_meant(ctx, cmd, member)  # `张伟的业绩目标改成60万`: the period just set, or asked
        start, _ = period_bounds(cmd.period, ctx.today)
        if says_change(ctx.text or "") and (old := old_value(ctx, cmd, member, start)) is not None \
                and (note := ctx.t("target_corrected", old=old)) not in ctx.notes:
            ctx.notes.append(note)  # old → new said
        return set_target(ctx, cmd, start, member=member)
    return set_target(ctx, cmd, start, team=managed_team(ctx, cmd.scope.name))


def set_target(ctx: Ctx, cmd: SetTarget, start, *, member=None, team=None) -> Reply:
    """Set `cmd`'s target of `member` or `team` for the period from `start` (a team's split too)."""
    repo = TargetRepository(ctx.session)
    common = dict(tenant_id=ctx.tenant.id, metric=cmd.metric, period_kind=cmd.period.kind,
                  period_start=start, set_by_id=ctx.member.id)
    value = lambda amount: fmt.metric_value(cmd.metric, amount, ctx.tenant.currency,
                                            ctx.locale)
    lines = []
    if member is not None:
        repo.set(member_id=member.id, amount=cmd.amount, **common)
        who, owner = member.display_name, f"member:{member.id}"
    else:
        repo.set(team_id=team.id, amount=cmd.amount, **common)
        who, owner = team.name, f"team:{team.id}"
        if cmd.split:
            lines.append(_split(ctx, repo, team, cmd, common, value))
    lines += sums_said(ctx, cmd.metric, cmd.period.kind, start, member=member, team=team)  # months ≠ quarter
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "target.set", "target", None, at=ctx.now, who=who,
                     metric=cmd.metric, amount=cmd.amount, period=f"{cmd.period.kind}:{start}",
                     owner=owner, split=cmd.split, split_all=cmd.split_all, here=where_said(ctx))
    title = ctx.t("target_set", who=who, metric=name_of(METRIC_NAMES, cmd.metric, ctx.locale),
                  amount=value(cmd.amount),
                  period=fmt.period_label(cmd.period.kind, start, ctx.locale))
    return Reply(title=title, lines=tuple(lines))


def _member_meant(ctx: Ctx, cmd: SetTarget) -> Member:
    """The member a target names: the one whose name it is (script, width and case aside), or
    a question with one tap per member it may mean (the manager's reps where it names nobody);
    a name only the start of someone's (`B` for Bo) is asked about, never taken."""
    name = cmd.scope.name or ""
    if name == "me" and not members_named(ctx, name):  # `set my own target to 500k`: the sender's
        return ctx.member
    if name in ctx.mentioned or ((by_id := ctx.people.by_identity(ctx.tenant.id, ctx.platform, name))
                                 and by_id.active):
        return member_named(ctx, name)  # a mention, or a form's user picker (`U2`): that user
    found = members_named(ctx, name)
    same = [m for m in found if name_fold(m.display_name) == name_fold(name)]
    if len(same) == 1:
        return same[0]
    teams = ctx.teams or [team for team in (ctx.team,) if team]  # an admin: the team all start in
    offered = found or [m for team in teams for m in ctx.people.roster(team.id) if m.role == "rep"]
    said = ctx.text if name in ctx.text else ""
    buttons = tuple(Button(m.display_name, _naming(said, name, m.display_name) or m.display_name,
                           action=replace(cmd, scope=Scope("member", m.display_name)))
                    for m in list({m.id: m for m in offered}.values())[:5])
    if not found and (team := ctx.people.team_by_name(ctx.tenant.id, name)) is not None:
        word = "团队" if ctx.locale == "zh" else "team"  # `target East 500k`: the team East's?
        buttons += (Button(f"{word} {team.name}", said.replace(name, f"{word} {team.name}", 1) if said
                           else f"{word} {team.name}", action=replace(cmd, scope=Scope("team", team.name))),)
    key = "target_whose_which" if found else "target_whose_unknown"
    raise ctx.refuse(key, name=name, names=", ".join(b.label for b in buttons), buttons=buttons)


def _naming(said: str, name: str, member: str) -> str:
    """The message with the member named as the target command names them (`@Bo`)."""
    if not said:
        return ""
    typed = f"@{name}" if f"@{name}" in said else name
    return said.replace(typed, f"@{member}", 1)


def _split(ctx, repo, team, cmd, common, value) -> str:
    """Split over the reps, keeping the targets a manager set for a rep by hand (`target @ana …`):
    the rest of the team target is split over the others, and the reply says who was kept and
    how to split over everyone (`split all`)."""
    reps = [m for m in ctx.people.roster(team.id) if m.role == "rep"]
    if not reps:
        raise ctx.refuse("target_no_reps", team=team.name, buttons=_unsplit(ctx, cmd)[1:])
    own = {} if cmd.split_all else repo.set_by_hand([m.id for m in reps], cmd.metric,
                                                       common["period_kind"], common["period_start"])
    kept = [m for m in reps if m.id in own]
    others = [m for m in reps if m.id not in own]
    left = cmd.amount - sum(own.values(), Decimal(0))
    if not others or left < 0:  # nothing to split: nothing saved, the team's target neither
        raise ctx.refuse("target_split_kept_all" if not others else "target_split_over", team=team.name,
                         kept=", ".join(f"{m.display_name} {value(own[m.id])}" for m in kept),
                         amount=value(cmd.amount), total=value(sum(own.values(), Decimal(0))),
                         metric=name_of(METRIC_NAMES, cmd.metric, ctx.locale).lower(),
                         period=fmt.period_label(cmd.period.kind, common["period_start"], ctx.locale),
                         buttons=_unsplit(ctx, cmd))
    quantum = Decimal("0.01") if cmd.metric == "revenue" else Decimal(1)
    shares = split_amount(left, [Decimal(1) if cmd.split_even else m.weight for m in others], quantum)
    for member, share in zip(others, shares, strict=True):
        repo.set(member_id=member.id, amount=share, split=True, **common)
    listed = ", ".join(f"{m.display_name} {value(s)}" for m, s in zip(others, shares, strict=True))
    line = ctx.t("target_split", count=len(others), shares=listed)
    former = {m.id: m.display_name for m in ctx.people.former(team.id)}  # they left: what the team
    dropped = repo.drop(list(former), cmd.metric, common["period_kind"], common["period_start"])  # must
    if dropped:  # sell is on those who stay, none of it kept for someone gone
        line += "\n" + ctx.t("target_split_former", names=", ".join(
            f"{former[i]} {value(amount)}" for i, amount in dropped.items()))
    if kept:
        line += "\n" + ctx.t("target_split_kept", kept=", ".join(
            f"{m.display_name} {value(own[m.id])}" for m in kept))
    return line


def _unsplit(ctx: Ctx, cmd: SetTarget) -> tuple[Button, Button]:
    """What a split that cannot be made may be instead: split over everyone (`split all`,
    replacing the reps' own targets), or the team's target alone (theirs kept)."""
    said = ctx.text if _SPLIT_WORD.search(ctx.text) else ""
    zh = ctx.locale == "zh"
    every = _SPLIT_WORD.sub(lambda m: f"{m[0]} {'全部' if zh else 'all'}", said, count=1)
    alone = " ".join(_SPLIT_WORD.sub(" ", said).split())
    return (Button(ctx.t("target_split_all_button"), every or ctx.t("target_split_all_button"),
                   action=replace(cmd, split=True, split_all=True)),
            Button(ctx.t("target_team_only_button"), alone or ctx.t("target_team_only_button"),
                   action=replace(cmd, split=False, split_all=False)))


_SPLIT_WORD = pattern(r"(?<![A-Za-z])(?:split|分解|拆分|分配)(?![A-Za-z])", re.I)


def handle_list_targets(ctx: Ctx, cmd: ListTargets) -> Reply:
    """The current periods' targets (or the period asked for's): mine, or (a manager) the team's
    own and each member's; a rep asking for their team's sees the team's own, as its progress."""
    rep_of_team = cmd.scope.kind == "team" and not ctx.is_manager
    label, members, team = scope_members(ctx, managers_team(ctx, cmd.scope),
                                         team_needs_manager=not rep_of_team)
    members = [] if rep_of_team else members
    repo = TargetRepository(ctx.session)
    rows = []
    periods = [cmd.period] if cmd.period else [Period(kind) for kind in PERIOD_KINDS]
    for asked in periods:
        kind = asked.kind
        start, _end = period_bounds(asked, ctx.today)
        period = fmt.period_label(kind, start, ctx.locale)
        per_member = repo.for_members([m.id for m in members], kind, start)  # one read for a team
        owners = ([(team.name, repo.for_team(team.id, kind, start))] if team else []) + [
            (m.display_name, per_member[m.id]) for m in members if m.id in per_member]
        for who, targets in owners:
            for metric, amount in targets.items():
                rows.append((period, who, name_of(METRIC_NAMES, metric, ctx.locale),
                             fmt.metric_value(metric, amount, ctx.tenant.currency, ctx.locale)))
    title = ctx.t("targets_title", who=label)
    headers = tuple(ctx.t(k) for k in ("col_period", "col_who", "col_metric", "col_target"))
    if not rows and cmd.period and cmd.period.kind in ("quarter", "year"):  # `my q1 target?`: its months'
        start = period_bounds(cmd.period, ctx.today)[0]
        if (inner := inner_targets(ctx, cmd.period.kind, start, team, members))[0]:
            return Reply(title=title, lines=inner[1], table=Table(headers, tuple(inner[0])))
    if not rows:
        hint = (example(ctx, "target"),) if ctx.is_manager else ()
        none = ctx.t("targets_none_for", period=fmt.period_label(cmd.period.kind, period_bounds(
            cmd.period, ctx.today)[0], ctx.locale)) if cmd.period else ctx.t("targets_none")
        return Reply(title=title, lines=(none, *hint))
    return Reply(title=title, table=Table(headers, tuple(rows)))

