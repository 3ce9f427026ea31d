"""Progress vs target with pace, the pipeline funnel, stalled deals, the leaderboard."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import partial
from zoneinfo import ZoneInfo

from handlers.context import Ctx
from handlers.grammar.commands import Period, ShowLeaderboard, ShowPipeline, ShowProgress, ShowStalled
from handlers.lookup import example
from handlers.members import managers_team, scope_members, team_named
from handlers.rules.working_days import estimated_years, pace, period_bounds
from handlers.text import format as fmt
from handlers.text.reply import Bar, Reply, Table
from handlers.text.strings import METRIC_NAMES, STAGE_NAMES, name_of, t
from storage import pipelines, reports
from storage.models.team import METRICS, Team
from storage.models.workspace import Member
from storage.rates import Converted
from storage.reports import TargetRepository, Targets
from storage.sales import DealRepository

FUNNEL_WINDOW = dt.timedelta(days=182)
LEADERBOARD_SIZE = 10  # a phone screen; the asker's own row is added when they are further down


def estimated_note(calendar: str, start: dt.date, end: dt.date, locale: str) -> str | None:
    """The line pace figures carry when the period's working days are estimated, or None."""
    years = estimated_years(calendar, start, end)
    if not years:
        return None
    return t(locale, "days_estimated", years="/".join(map(str, years)), code=calendar.split("@")[0])


def _team_of(ctx: Ctx, members: list[Member], team: Team | None) -> Team | None:
    """The team whose timezone and holiday calendar a report uses."""
    if team is not None:
        return team
    if members and members[0].id != ctx.member.id:
        teams = ctx.people.teams_of(members[0].id)
        return teams[0] if teams else None
    return ctx.team


def _period_in(ctx: Ctx, period: Period, team: Team | None, member: Member | None):
    """(today, first day, end day, UTC range) of a period, in the member's or team's timezone."""
    zone_name = (member.timezone if member else None) or (team.timezone if team else None)
    zone = ZoneInfo(zone_name) if zone_name else ctx.zone
    today = ctx.now.astimezone(zone).date()
    start, end = period_bounds(period, today)
    return today, start, end, ctx.utc_range(start, end, zone)


def handle_progress(ctx: Ctx, cmd: ShowProgress) -> Reply:
    label, members, team = scope_members(ctx, cmd.scope, team_needs_manager=False)
    home = _team_of(ctx, members, team)
    single = members[0] if team is None else None
    today, start, end, (since, until) = _period_in(ctx, cmd.period, home, single)
    ids = [m.id for m in members]
    table = reports.metric_table(ctx.session, ids, since, until, ctx.rates)
    done = {metric: sum((row[metric] for row in table.values()), Decimal(0)) for metric in METRICS}
    targets = _targets(ctx, ids, team, cmd.period.kind, start)
    calendar = home.calendar if home else ctx.calendar
    bars, fields, gone_line = [], [], ""
    currency = ctx.tenant.currency
    for metric in METRICS:
        value = partial(fmt.metric_value, metric, currency=currency, locale=ctx.locale)
        name = name_of(METRIC_NAMES, metric, ctx.locale)
        if metric not in targets:
            fields.append((name, value(done[metric])))
            continue
        p = pace(targets[metric], done[metric], start, end, today, calendar, whole=metric != "revenue")
        if end <= today:  # a period over: its result, no pace to keep (`progress last month`)
            short = p.target - p.done
            key = "final_missed" if short > 0 else "final_exceeded" if short < 0 else "final_reached"
            detail = ctx.t(key, done=value(p.done),
                           target=value(p.target), amount=value(abs(short)))
            gone_line = ctx.t("period_closed", total=p.days_total)
        else:
            gap = ctx.t("ahead" if p.on_pace else "behind", amount=value(abs(p.gap)))
            detail = ctx.t("pace_line" if p.gap else "pace_line_even", done=value(p.done),
                           target=value(p.target), needed=value(p.needed_by_today), gap=gap,
                           projection=value(p.projection), when=ctx.day(today))
            gone_line = ctx.t("days_gone", gone=p.days_gone, total=p.days_total)
        mark = float(p.needed_by_today / p.target) if p.target else None
        bars.append(Bar(name, p.share_done, detail, mark))
    who = ctx.t("you") if single and single.id == ctx.member.id else label
    lines = [gone_line] if gone_line else [ctx.t("no_target")]
    if cmd.behind_named and team is not None:  # `whos behind pace`: who, and by how much, first
        lines[:0] = _behind_named(ctx, members, table, (start, end, today), calendar, cmd.period.kind)
    estimated = estimated_note(calendar, start, end, ctx.locale) if gone_line else None
    if estimated:
        lines.append(estimated)
    if not bars and ctx.is_manager:
        lines.append(ctx.t("no_target_hint", example=example(ctx, "target")))

    period = fmt.period_label(cmd.period.kind, start, ctx.locale)
    return Reply(title=ctx.t("progress_title", who=who, period=period), lines=tuple(lines),
                 bars=tuple(bars), fields=tuple(fields), for_channel=team is not None,
                 notes=currency_notes(ctx, table.money) + summed_note(
                     ctx, cmd.period.kind, start, targets.summed_from, targets.summed_metrics, targets))


def _behind_named(ctx: Ctx, members: list[Member], table, days, calendar: str, kind: str) -> list[str]:
    """`whos behind pace` · `这个月谁落后了`: each seller behind the pace of a target of theirs, with how
    far behind on each metric (short of it, once the period is over), the furthest behind first."""
    start, end, today = days
    ranked = sellers(ctx, members, kind, start)
    own = TargetRepository(ctx.session).for_members([m.id for m in ranked], kind, start, summed=True)
    period = fmt.period_label(kind, start, ctx.locale)
    if not any(own.get(m.id) for m in ranked):
        return [ctx.t("behind_no_targets", period=period)]
    over = end <= today
    behind = []
    for member in ranked:
        gaps = []
        for metric, target in sorted(own.get(member.id, {}).items(), key=lambda i: METRICS.index(i[0])):
            p = pace(target, table[member.id][metric], start, end, today, calendar, whole=metric != "revenue")
            short = p.target - p.done if over else p.gap
            if target and short > 0:
                said = ctx.t("short_by" if over else "behind_by",
                             metric=name_of(METRIC_NAMES, metric, ctx.locale),
                             amount=fmt.metric_value(metric, short, ctx.tenant.currency, ctx.locale))
                gaps.append((float(short / p.target), said))
        if gaps:
            behind.append((-max(share for share, _ in gaps), member.display_name, [said for _, said in gaps]))
    if not behind:
        return [ctx.t("behind_none_over" if over else "behind_none", period=period)]
    lines = [ctx.t("behind_over" if over else "behind_named", period=period, when=ctx.day(today))]
    return lines + [ctx.t("behind_member", name=name, gaps=" · ".join(said))
                    for _, name, said in sorted(behind)]


def _targets(ctx: Ctx, ids: list[int], team: Team | None, kind: str, start: dt.date) -> Targets:
    """Per metric: the team's own target where set, else the sum of the members' own targets
    (a team revenue target does not hide the visit targets its reps have). A quarter or year
    without targets of its own has its months' summed (`summed_from` says which)."""
    repo = TargetRepository(ctx.session)
    members = repo.for_members(ids, kind, start, summed=True)
    summed: dict[str, Decimal] = {}
    for per_member in members.values():
        for metric, amount in per_member.items():
            summed[metric] = summed.get(metric, Decimal(0)) + amount
    own = repo.for_team(team.id, kind, start, summed=True) if team is not None else Targets()
    out = Targets({**summed, **own})
    out.summed_metrics = frozenset(  # a metric the team set for the period itself is no sum
        (members.summed_metrics - set(own)) | getattr(own, "summed_metrics", frozenset()))
    if out.summed_metrics:
        out.summed_from = tuple(sorted({*members.summed_from, *getattr(own, "summed_from", ())},
                                       key=lambda part: (part[1], part[0])))
    return out


def summed_note(ctx: Ctx, kind: str, start: dt.date, parts, metrics=(), shown=()) -> tuple[str, ...]:
    """`No target is set for Q4 2026 itself: …the targets set for October 2026, November 2026.`,
    naming the `metrics` summed where other `shown` ones were set for the period itself."""
    if not parts:
        return ()
    comma = "、" if ctx.locale == "zh" else ", "
    names = comma.join(fmt.period_label(part_kind, part_start, ctx.locale) for part_kind, part_start in parts)
    period = fmt.period_label(kind, start, ctx.locale)
    if set(shown) - set(metrics):  # `Visits: no target is set for Q4 2026 itself: …`
        said = comma.join(name_of(METRIC_NAMES, m, ctx.locale) for m in METRICS if m in metrics)
        return (ctx.t("target_summed_some", metrics=said, period=period, parts=names),)
    return (ctx.t("target_summed", period=period, parts=names),)


def sellers(ctx: Ctx, members: list[Member], kind: str, start: dt.date) -> list[Member]:
    """Who is ranked and makes the medians: the reps, and managers only where they carry a
    revenue target of their own for the period (all members when the team has no reps)."""
    others = [m for m in members if m.role != "rep"]
    ids = tuple(m.id for m in others)
    carrying = ctx.once(("targets", kind, start, ids), lambda: TargetRepository(ctx.session).for_members(
        list(ids), kind, start, summed=True)) if others else {}
    chosen = [m for m in members if m.role == "rep" or carrying.get(m.id, {}).get("revenue")]
    return chosen or members


def handle_pipeline(ctx: Ctx, cmd: ShowPipeline) -> Reply:
    label, members, _team = scope_members(ctx, managers_team(ctx, cmd.scope), team_needs_manager=True)
    ids = [m.id for m in members]
    stages = reports.open_pipeline(ctx.session, ids, ctx.rates)
    since = ctx.now - FUNNEL_WINDOW
    days = reports.days_in_stage(ctx.session, ids, since)
    currency = ctx.tenant.currency
    money = lambda amount: fmt.money(amount, currency, ctx.locale)
    pipeline = pipelines.current()
    rows = tuple((pipeline.name(s, ctx.locale), str(stages.get(s, (0, 0))[0]),
                  money(stages.get(s, (0, Decimal(0)))[1]),
                  f"{days[s]:.0f}" if s in days else "–") for s in pipeline.open)
    count = sum(c for c, _ in stages.values())
    total = sum((a for _, a in stages.values()), Decimal(0))
    weighted = sum((a * pipeline.probability(s) / 100 for s, (_, a) in stages.items()), Decimal(0))
    lines = [ctx.t("open_total", count=count, amount=money(total), weighted=money(weighted))
             if count else ctx.t("pipeline_empty")]
    steps = _conversion(ctx, reports.reached_counts(ctx.session, ids, since))
    if steps:
        lines.append(ctx.t("conversion", steps=steps))
    headers = (ctx.t("col_stage"), ctx.t("col_deals"), ctx.t("col_amount"), ctx.t("col_days"))
    return Reply(title=ctx.t("pipeline_title", who=label), lines=tuple(lines),
                 table=Table(headers, rows), notes=currency_notes(ctx, stages.money))


def _conversion(ctx: Ctx, reached: dict[int, int]) -> str:
    """`Lead→Contact 60% · …`: of the deals that reached a stage, the share that reached the next."""
    order = (*pipelines.current().open, "won")
    at_least = [sum(n for rank, n in reached.items() if rank >= k) for k in range(len(order))]
    steps = []
    for k in range(len(order) - 1):
        if at_least[k]:
            share = fmt.percent(at_least[k + 1] / at_least[k])
            steps.append(f"{name_of(STAGE_NAMES, order[k], ctx.locale)}→"
                         f"{name_of(STAGE_NAMES, order[k + 1], ctx.locale)} {share}")
    return " · ".join(steps)


def handle_stalled(ctx: Ctx, cmd: ShowStalled) -> Reply:
    _label, members, team = scope_members(ctx, managers_team(ctx, cmd.scope), team_needs_manager=True)
    home = _team_of(ctx, members, team)
    days = home.stall_days if home else 14
    rows = DealRepository(ctx.session).stalled([m.id for m in members],
                                               ctx.now - dt.timedelta(days=days))
    if not rows:
        return Reply(title=ctx.t("stalled_title", days=days), lines=(ctx.t("stalled_none"),))
    lines = tuple(ctx.t("stalled_line", id=deal.id, customer=customer, title=deal.title,
                        stage=name_of(STAGE_NAMES, deal.stage, ctx.locale),
                        amount=fmt.money(deal.amount, deal.currency, ctx.locale),
                        days=(ctx.now - deal.updated_at).days, owner=owner)
                  for deal, customer, owner in rows)
    return Reply(title=ctx.t("stalled_title", days=days), lines=lines)


def handle_leaderboard(ctx: Ctx, cmd: ShowLeaderboard) -> Reply:
    team = team_named(ctx, cmd.team)
    if not ctx.is_admin and team.id not in {t.id for t in ctx.teams}:
        raise ctx.refuse("not_your_team")
    members = ctx.people.counted(team)
    _today, start, _end, (since, until) = _period_in(ctx, cmd.period, team, None)
    ranked_ones = sellers(ctx, members, cmd.period.kind, start)
    table = reports.metric_table(ctx.session, [m.id for m in ranked_ones], since, until, ctx.rates,
                                 (cmd.metric,))
    summed_from = ()
    ranked = sorted(ranked_ones, key=lambda m: (-table[m.id][cmd.metric], m.display_name))
    value = lambda m: fmt.metric_value(cmd.metric, table[m.id][cmd.metric],
                                       ctx.tenant.currency, ctx.locale)
    if cmd.share:  # by the share of each one's target; no target: last, no share
        targets = TargetRepository(ctx.session).for_members([m.id for m in ranked_ones],
                                                            cmd.period.kind, start, summed=True)
        summed_from = targets.summed_from if cmd.metric in targets.summed_metrics else ()
        share = {m.id: table[m.id][cmd.metric] / targets[m.id][cmd.metric]
                 for m in ranked_ones if targets.get(m.id, {}).get(cmd.metric)}
        ranked = sorted(ranked_ones, key=lambda m: (m.id not in share, -share.get(m.id, 0),
                                                    m.display_name))
        shown_value = value
        value = lambda m: (f"{fmt.percent(float(share[m.id]))} · {shown_value(m)}" if m.id in share
                           else f"– · {shown_value(m)}")
    medals = {0: "🥇", 1: "🥈", 2: "🥉"}
    shown = [(i, m) for i, m in enumerate(ranked) if i < LEADERBOARD_SIZE or m.id == ctx.member.id]
    rows = tuple((medals.get(i, str(i + 1)), m.display_name, value(m)) for i, m in shown)
    title = ctx.t("leaderboard_title", metric=name_of(METRIC_NAMES, cmd.metric, ctx.locale),
                  period=fmt.period_label(cmd.period.kind, start, ctx.locale))
    notes = currency_notes(ctx, table.money) + summed_note(ctx, cmd.period.kind, start, summed_from)
    lines = _none_named(ctx, cmd, [m for m in ranked_ones if not table[m.id][cmd.metric]], start)
    if not any(table[m.id][cmd.metric] for m in ranked_ones):
        return Reply(title=title, lines=(*lines, ctx.t("leaderboard_empty")), for_channel=True, notes=notes)
    metric = name_of(METRIC_NAMES, cmd.metric, ctx.locale)
    column = ctx.t("col_share", metric=metric) if cmd.share else metric
    headers = (ctx.t("col_rank"), ctx.t("col_name"), column)
    return Reply(title=title, lines=lines, table=Table(headers, rows), for_channel=True, notes=notes)


def _none_named(ctx: Ctx, cmd: ShowLeaderboard, none: list[Member], start: dt.date) -> tuple[str, ...]:
    """`who hasn't logged any visits this week?`: the line naming those with none of the metric
    (every one of them, where the table shows only the first ten)."""
    if not cmd.none_named:
        return ()
    metric = name_of(METRIC_NAMES, cmd.metric, ctx.locale)
    metric = metric if ctx.locale == "zh" else metric.lower()
    period = fmt.period_label(cmd.period.kind, start, ctx.locale)
    if not none:
        return (ctx.t("leaderboard_none_nobody", metric=metric, period=period),)
    names = ("、" if ctx.locale == "zh" else ", ").join(m.display_name for m in none)
    return (ctx.t("leaderboard_none", metric=metric, period=period, names=names),)


def currency_notes(ctx: Ctx, money: Converted) -> tuple[str, ...]:
    """Which rates a total used; what it left out for want of a rate, and how an admin sets one."""
    base = money.rates.base
    notes = [ctx.t("converted_at" if len(used) == 1 else "converted_at_days", base=base, currency=code,
                   rate=" / ".join(f"{rate:f}" for rate in sorted(used)))
             for code, used in sorted(money.used.items())]
    if money.left_out:
        amounts = " · ".join(fmt.money(amount, code, ctx.locale)
                             for code, amount in sorted(money.left_out.items()))
        currency = min(money.left_out)
        notes += [ctx.t("not_converted", amounts=amounts),
                  ctx.t("how_to_convert", currency=currency, base=base)]
        if currency in money.left_out_on_their_day and currency in money.rates.history:
            notes.append(ctx.t("how_to_convert_days", currency=currency,
                               day=ctx.today.replace(day=1).isoformat()))
    return tuple(notes)
