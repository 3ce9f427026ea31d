"""Scorecards (绩效): a rep's KPIs for a period, each beside the team's median, the rep's rank in
the team and the change from the period before (`scorecard quarter` · `scorecard @ana month` ·
`绩效 @张三 本季度`); a team's, a rep a row, with a chart (`scorecard team month`). Managers see
their teams' people (a manager's bare `scorecard` is her team's); a rep sees their own. Managers
are ranked and make the medians only where they carry a revenue target of their own. The first
working day of a month each rep gets last month's, and each manager their team's
(`worker/briefing_jobs.py`).
"""
from __future__ import annotations

import bisect
import statistics
from decimal import Decimal

from handlers.context import Ctx
from handlers.grammar.commands import Period, ShowScorecard
from handlers.members import managers_team, scope_members
from handlers.rules.working_days import period_bounds
from handlers.team.reports import currency_notes, sellers, summed_note
from handlers.text import format as fmt
from handlers.text.reply import Chart, Reply, Table
from storage.rates import Converted
from storage.reports import TargetRepository, scorecard_table

KPIS = ("revenue", "target_share", "deals_won", "new_customers", "leads", "visits", "win_rate",
        "avg_deal", "days_to_close", "coverage")
_LOWER_IS_BETTER = {"days_to_close"}


def kpis(row: dict, target: Decimal | None) -> dict[str, Decimal | None]:
    """The scorecard's KPIs from a member's figures (None where there is nothing to divide by).
    The average deal is the revenue over the deals it holds: a deal left out of the revenue for
    want of a rate is left out of the count too (`deals_converted`)."""
    won, lost, revenue = row["deals_won"], row["lost"], row["revenue"]
    counted = row.get("deals_converted", won)
    remaining = target - revenue if target else None
    return {"revenue": revenue, "target_share": revenue / target if target else None,
            "deals_won": won, "new_customers": row["new_customers"], "leads": row["leads"],
            "visits": row["visits"], "win_rate": won / (won + lost) if won + lost else None,
            "avg_deal": revenue / counted if counted else None,
            "days_to_close": row["days_to_close"] / won if won else None,
            "coverage": row["pipeline"] / remaining if remaining and remaining > 0 else None}


def figures(ctx: Ctx, member_ids: list[int], period: Period, notes: list | None = None,
            shown: list[int] | None = None) -> dict[int, dict[str, Decimal | None]]:
    """{member id: KPIs} for a period in the asker's calendar; `notes` gets the small print (the
    rates used, what was left out, targets summed from months; the deals left out of the average
    deal of the `shown` members, by default all)."""
    start, end = period_bounds(period, ctx.today)
    since, until = ctx.utc_range(start, end, ctx.zone)
    table, targets, out = ctx.once(("scorecard", period.kind, start, since, tuple(sorted(member_ids))),
                                   lambda: _read(ctx, member_ids, period.kind, start, since, until))
    if notes is not None:  # one person's scorecard: their own amounts left out, never a peer's
        money = table.money if not shown else _money_of(table, shown)
        notes += [*currency_notes(ctx, money),
                  *_left_out_of_average(ctx, table, member_ids if shown is None else shown),
                  *summed_note(ctx, period.kind, start, targets.summed_from)]
    return out


def _money_of(table, member_ids: list[int]) -> Converted:
    """The rates used and amounts left out of these members' own figures alone."""
    money = Converted(table.money.rates)
    for member_id in member_ids:
        theirs = table.money_of.get(member_id)
        if theirs is None:
            continue
        for code, used in theirs.used.items():
            money.used.setdefault(code, set()).update(used)
        for code, amount in theirs.left_out.items():
            money.left_out[code] = money.left_out.get(code, 0) + amount
        money.left_out_on_their_day |= theirs.left_out_on_their_day
    return money


def _read(ctx: Ctx, member_ids: list[int], kind: str, start, since, until):
    """(figures, targets, KPIs per member): what `figures` reads, once per job run for a team."""
    table = scorecard_table(ctx.session, member_ids, since, until, ctx.rates)
    targets = TargetRepository(ctx.session).for_members(member_ids, kind, start, summed=True)
    return table, targets, {m: kpis(table[m], targets.get(m, {}).get("revenue")) for m in member_ids}


def _standings(now: dict, peer_ids: list[int]) -> dict[str, tuple[list, object]]:
    """{kpi: (the peers' values, lowest first; their median)}."""
    out = {}
    for kpi in KPIS:
        values = sorted(now[m][kpi] for m in peer_ids if now[m][kpi] is not None)
        out[kpi] = (values, statistics.median(values) if values else None)
    return out


def _left_out_of_average(ctx: Ctx, table, shown: list[int]) -> list[str]:
    """`Average deal leaves out 1 deal won in USD: no exchange rate on their close day.`"""
    left = sum(table[m]["deals_won"] - table[m]["deals_converted"] for m in shown)
    if not left:
        return []
    currencies = ", ".join(sorted({c for m in shown for c in table.left_out_won.get(m, ())}))
    return [ctx.t("avg_deal_left_out", count=left, currencies=currencies)]


def handle_scorecard(ctx: Ctx, cmd: ShowScorecard) -> Reply:
    label, members, team = scope_members(ctx, managers_team(ctx, cmd.scope), team_needs_manager=True)
    start, _end = period_bounds(cmd.period, ctx.today)
    if team is None:  # one person, beside their team
        person = members[0]
        home = (ctx.people.teams_of(person.id) or [None])[0]
        if home is None and person.role == "admin":  # in no team: beside the team everyone starts in
            home = ctx.people.default_team(ctx.tenant.id)
        peers = sellers(ctx, ctx.people.counted(home), cmd.period.kind, start) if home else []
        return _person(ctx, person, peers, cmd.period, label)
    return _team(ctx, team.name, sellers(ctx, members, cmd.period.kind, start), cmd.period)


def _person(ctx: Ctx, member, peers, period: Period, label: str) -> Reply:
    """The member's KPIs; the median and rank are the sellers' (a manager without a target of
    her own is shown, but neither ranked nor in the median)."""
    peer_ids = sorted({m.id for m in peers})
    ids = sorted({*peer_ids, member.id})
    notes: list[str] = []
    now = figures(ctx, ids, period, notes, shown=[member.id])
    before = figures(ctx, ids, Period(period.kind, period.offset - 1))[member.id]  # one read for a team's
    standings = ctx.once(("standings", period, ctx.today, tuple(ids), tuple(peer_ids)),
                         lambda: _standings(now, peer_ids))  # once for a team's scorecards
    rows = []
    for kpi in KPIS:
        mine = now[member.id][kpi]
        values, median = standings[kpi]
        ranked = mine is not None and member.id in peer_ids
        ahead = (bisect.bisect_left(values, mine) if kpi in _LOWER_IS_BETTER
                 else len(values) - bisect.bisect_right(values, mine)) if ranked else 0
        rank = f"{ahead + 1}/{len(values)}" if ranked else "–"
        rows.append((ctx.t(f"kpi_{kpi}"), _show(ctx, kpi, mine), _show(ctx, kpi, median), rank,
                     _change(mine, before[kpi])))
    start, _end = period_bounds(period, ctx.today)
    headers = tuple(ctx.t(k) for k in ("col_kpi", "col_value", "col_median", "col_standing", "col_change"))
    title = ctx.t("scorecard_title", who=label, period=fmt.period_label(period.kind, start, ctx.locale))
    return Reply(title=title, table=Table(headers, tuple(rows)),
                 lines=(ctx.t("scorecard_peers", count=len(peer_ids)),), notes=tuple(notes))


def _team(ctx: Ctx, team: str, members, period: Period) -> Reply:
    ids = [m.id for m in members]
    notes: list[str] = []
    now = figures(ctx, ids, period, notes, shown=[])  # no average deal column: no note on it
    start, _end = period_bounds(period, ctx.today)
    targets = TargetRepository(ctx.session).for_members(ids, period.kind, start, summed=True)
    ranked = sorted(members, key=lambda m: (-now[m.id]["revenue"], m.display_name))
    shown = ("revenue", "target_share", "deals_won", "win_rate", "visits", "leads")
    rows = tuple((m.display_name, *(_show(ctx, k, now[m.id][k]) for k in shown)) for m in ranked)
    title = ctx.t("scorecard_title", who=team, period=fmt.period_label(period.kind, start, ctx.locale))
    chart = Chart(title=title, labels=tuple(m.display_name for m in ranked),
                  values=tuple(float(now[m.id]["revenue"]) for m in ranked),
                  targets=tuple(float(targets.get(m.id, {}).get("revenue", 0)) for m in ranked),
                  value_label=ctx.t("kpi_revenue"), target_label=ctx.t("scorecard_target"),
                  unit="万" if ctx.locale == "zh" else "")
    headers = (ctx.t("col_name"), *(ctx.t(f"kpi_{k}") for k in shown))
    return Reply(title=chart.title, table=Table(headers, rows), chart=chart, for_channel=True,
                 notes=tuple(notes))


def _show(ctx: Ctx, kpi: str, value) -> str:
    if value is None:
        return "–"
    if kpi in ("revenue", "avg_deal"):
        return fmt.money(Decimal(value), ctx.tenant.currency, ctx.locale)
    if kpi in ("target_share", "win_rate", "coverage"):
        return fmt.percent(float(value)) if kpi != "coverage" else f"{float(value):.1f}×"
    if kpi == "days_to_close":
        return ctx.t("kpi_days", days=f"{float(value):.0f}")
    return f"{Decimal(value):f}".rstrip("0").rstrip(".") if "." in f"{Decimal(value):f}" else f"{value}"


def _change(now, before) -> str:
    if now is None or before is None:
        return "–"
    if not before:
        return "▲" if now else "="
    change = float((Decimal(now) - Decimal(before)) / Decimal(before))
    return "=" if abs(change) < 0.005 else f"{'▲' if change > 0 else '▼'} {change:+.0%}"
