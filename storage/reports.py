"""Report aggregates, computed in SQL over index ranges so their cost follows the period, not history.

- revenue / deals won: deals won in the period, credited to the owner (`ix_deals_owner_stage_closed`),
  in the tenant's base currency: other currencies converted at the rate its admins set that was in
  force on each deal's close day (`closed_sums`), those without one left out and reported beside
  (`MetricTable.money`; `deals_converted` counts the deals the revenue holds);
- new customers: customers a member opened in the period (`ix_customers_owner_created`);
- visits: visits logged in the period (`ix_visits_member_at`).
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import and_, case, func, literal, literal_column, select
from sqlalchemy.orm import Session

from storage.models.sales import CLOSED_STAGES, Customer, Deal, DealEvent, Visit
from storage.models.team import METRICS, Target
from storage.rates import Converted, Rates, zones_of


class MetricTable(dict):
    """{member_id: {metric: value}}; `money` says which rates the revenue used and what it left out."""

    def __init__(self, member_ids: list[int], metrics: tuple[str, ...], rates: Rates):
        super().__init__((m, dict.fromkeys(metrics, Decimal(0))) for m in member_ids)
        self.money = Converted(rates)
        self.left_out_won: dict[int, set[str]] = {}  # per member, the currencies of wins left out
        self.money_of: dict[int, Converted] = {}  # per member, as `money` for their own amounts alone


class Pipeline(dict):
    """{stage: (count, amount in the base currency)}; `money` as in `MetricTable`."""

    def __init__(self, rates: Rates):
        super().__init__()
        self.money = Converted(rates)


def metric_table(session: Session, member_ids: list[int], start: dt.datetime, end: dt.datetime,
                 rates: Rates, metrics: tuple[str, ...] = METRICS) -> MetricTable:
    """{member_id: {metric: value}} over [start, end) for `metrics`; missing values are zero."""
    table = MetricTable(member_ids, metrics, rates)
    if not member_ids:
        return table
    if "revenue" in metrics or "deals_won" in metrics:
        for row in table.values():
            row["deals_converted"] = Decimal(0)
        for owner, currency, rate, amount, count in closed_sums(session, member_ids, start, end,
                                                                 rates):
            row = table[owner]
            row["revenue"] = row.get("revenue", Decimal(0)) + table.money(amount, currency, rate)
            table.money_of.setdefault(owner, Converted(rates))(amount, currency, rate)
            row["deals_won"] = row.get("deals_won", Decimal(0)) + count
            if rate is None:
                table.left_out_won.setdefault(owner, set()).add(currency)
            else:
                row["deals_converted"] += count
    for metric, who, when in (("new_customers", Customer.owner_id, Customer.created_at),
                              ("visits", Visit.member_id, Visit.visited_at)):
        if metric in metrics:
            rows = session.execute(select(who, func.count()).where(
                who.in_(member_ids), when >= start, when < end).group_by(who))
            for member_id, count in rows:
                table[member_id][metric] = Decimal(count)
    return table


def closed_sums(session: Session, member_ids: list[int], start: dt.datetime, end: dt.datetime,
                rates: Rates, stage: str = "won"):
    """(owner, currency, rate, amount, count) of the deals closed at `stage` in [start, end), by
    owner, currency and the rate in force on their close day (None: none was), in SQL.

    A currency whose rate changed gets each deal's rate picked by a CASE over the rates' spans,
    cut at midnight in the owner's team's timezone (one query per timezone among the owners);
    with no dated rate it is one grouped query, as before rates had days."""
    dated = rates.dated
    if not dated:
        rows = session.execute(
            select(Deal.owner_id, Deal.currency, func.coalesce(func.sum(Deal.amount), 0), func.count())
            .where(Deal.owner_id.in_(member_ids), Deal.stage == stage, Deal.closed_at >= start,
                   Deal.closed_at < end)
            .group_by(Deal.owner_id, Deal.currency))
        return [(owner, currency, rates.rate_of(currency), amount, count)
                for owner, currency, amount, count in rows]
    by_zone: dict[str, list[int]] = {}
    for member_id, zone in zones_of(session, member_ids, rates.zone).items():
        by_zone.setdefault(zone, []).append(member_id)
    out = []
    for zone, ids in by_zone.items():
        spans = rates.spans(zone, start, end)
        picks = [(and_(Deal.currency == currency,
                       *(() if low is None else (Deal.closed_at >= low,)),
                       *(() if high is None else (Deal.closed_at < high,))), i)
                 for i, (currency, low, high, _rate) in enumerate(spans)]
        span = case(*picks, else_=-1) if picks else literal(-1)
        rows = session.execute(  # grouped by the span's output name: its binds are written once
            select(Deal.owner_id, Deal.currency, span.label("rate_span"),
                   func.coalesce(func.sum(Deal.amount), 0), func.count())
            .where(Deal.owner_id.in_(ids), Deal.stage == stage, Deal.closed_at >= start,
                   Deal.closed_at < end)
            .group_by(Deal.owner_id, Deal.currency, literal_column("rate_span")))
        for owner, currency, index, amount, count in rows:
            rate = (spans[index][3] if index >= 0 else None) if currency in dated \
                else rates.rate_of(currency)
            out.append((owner, currency, rate, amount, count))
    return out


def open_pipeline(session: Session, owner_ids: list[int], rates: Rates) -> Pipeline:
    """{stage: (count, amount in the base currency)} of open deals."""
    rows = session.execute(
        select(Deal.stage, Deal.currency, func.count(), func.coalesce(func.sum(Deal.amount), 0))
        .where(Deal.owner_id.in_(owner_ids), Deal.stage.notin_(CLOSED_STAGES))
        .group_by(Deal.stage, Deal.currency))
    pipeline = Pipeline(rates)
    for stage, currency, count, amount in rows:
        had_count, had_amount = pipeline.get(stage, (0, Decimal(0)))
        pipeline[stage] = (had_count + count, had_amount + pipeline.money(amount, currency))
    return pipeline


def reached_counts(session: Session, owner_ids: list[int], since: dt.datetime) -> dict[int, int]:
    """{rank: deals created since `since` whose furthest stage is exactly that rank}."""
    rows = session.execute(
        select(Deal.furthest_rank, func.count())
        .where(Deal.owner_id.in_(owner_ids), Deal.created_at >= since)
        .group_by(Deal.furthest_rank))
    return dict(rows.all())


def days_in_stage(session: Session, owner_ids: list[int], since: dt.datetime) -> dict[str, float]:
    """{stage: average days deals spent in it, over the stage changes made since `since`}."""
    rows = session.execute(
        select(DealEvent.from_stage, func.avg(DealEvent.seconds_in_from_stage))
        .where(DealEvent.kind == "stage", DealEvent.at >= since, DealEvent.owner_id.in_(owner_ids))
        .group_by(DealEvent.from_stage))
    return {stage: float(seconds) / 86400 for stage, seconds in rows if seconds is not None}


class Targets(dict):
    """{owner: {metric: amount}}; `summed_from`: the (kind, start) of the shorter periods whose
    targets were added up where the period had none of its own (empty when none were)."""

    summed_from: tuple[tuple[str, dt.date], ...] = ()
    summed_metrics: frozenset = frozenset()  # the metrics some owner's sum was made for
    _parts_of: dict | None = None  # per owner, the parts their sums used

    def summed_from_of(self, owner) -> tuple[tuple[str, dt.date], ...]:
        """`summed_from` for one owner's targets alone."""
        return tuple(sorted((self._parts_of or {}).get(owner, ()), key=lambda part: (part[1], part[0])))


#: the periods a quarter's or a year's target is summed from where it has none: a year's quarters
#: (each its own, else its months'), a quarter's months
_PARTS = {"quarter": ("month",), "year": ("quarter", "month")}
_PARTS_OF = {"year": ("quarter",) * 4, "quarter": ("month",) * 3}
_MONTHS = {"month": 1, "quarter": 3, "year": 12}


def _months_later(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


class TargetRepository:
    def __init__(self, session: Session):
        self.s = session

    def set(self, *, tenant_id: int, metric: str, period_kind: str, period_start: dt.date,
            amount: Decimal, set_by_id: int | None, member_id: int | None = None,
            team_id: int | None = None, split: bool = False) -> Target:
        """Create or replace the target of one member or team for one metric and period
        (`split`: as a share of a team target, which a later split may replace)."""
        target = self.s.scalar(select(Target).where(
            Target.tenant_id == tenant_id, Target.member_id.is_(member_id) if member_id is None
            else Target.member_id == member_id,
            Target.team_id.is_(None) if team_id is None else Target.team_id == team_id,
            Target.metric == metric, Target.period_kind == period_kind,
            Target.period_start == period_start))
        if target is None:
            target = Target(tenant_id=tenant_id, member_id=member_id, team_id=team_id,
                            metric=metric, period_kind=period_kind, period_start=period_start)
            self.s.add(target)
        target.amount, target.set_by_id, target.from_split = amount, set_by_id, split
        return target

    def set_by_hand(self, member_ids: list[int], metric: str, period_kind: str,
                    period_start: dt.date) -> dict[int, Decimal]:
        """{member: amount} of these members' targets set for them by hand (not from a split)."""
        return dict(self.s.execute(select(Target.member_id, Target.amount).where(
            Target.member_id.in_(member_ids), Target.metric == metric, Target.from_split.is_(False),
            Target.period_kind == period_kind, Target.period_start == period_start)).all())

    def drop(self, member_ids: list[int], metric: str, period_kind: str,
             period_start: dt.date) -> dict[int, Decimal]:
        """Delete these members' targets of one metric and period; {member: amount} of those deleted."""
        rows = list(self.s.scalars(select(Target).where(
            Target.member_id.in_(member_ids), Target.metric == metric,
            Target.period_kind == period_kind, Target.period_start == period_start)))
        for row in rows:
            self.s.delete(row)
        return {row.member_id: row.amount for row in rows}

    def for_members(self, member_ids: list[int], period_kind: str, period_start: dt.date, *,
                    summed: bool = False, whole: bool = False) -> Targets:
        """{member: {metric: amount}} set for the period; `summed`: where a quarter or year has
        none of its own, the sum of those set for its months (a year's quarters, else months);
        `whole`: summed only where every part has one (what the scheduler announces and reminds
        of: one month's target is not a quarter's)."""
        if summed and period_kind in _PARTS:
            return self._summed(Target.member_id.in_(member_ids), Target.member_id, period_kind,
                                period_start, whole)
        rows = self.s.execute(select(Target.member_id, Target.metric, Target.amount).where(
            Target.member_id.in_(member_ids), Target.period_kind == period_kind,
            Target.period_start == period_start))
        out = Targets()
        for member_id, metric, amount in rows:
            out.setdefault(member_id, {})[metric] = amount
        return out

    def for_team(self, team_id: int, period_kind: str, period_start: dt.date, *,
                 summed: bool = False, whole: bool = False) -> dict[str, Decimal]:
        """{metric: amount} of the team's own targets (`summed`, `whole` as in `for_members`)."""
        if summed and period_kind in _PARTS:
            own = self._summed(and_(Target.team_id == team_id, Target.member_id.is_(None)),
                               Target.team_id, period_kind, period_start, whole)
            out = Targets(own.get(team_id, {}))
            out.summed_from, out.summed_metrics = own.summed_from, own.summed_metrics
            return out
        rows = self.s.execute(select(Target.metric, Target.amount).where(
            Target.team_id == team_id, Target.member_id.is_(None),
            Target.period_kind == period_kind, Target.period_start == period_start))
        return dict(rows.all())

    def _summed(self, whose, owner, period_kind: str, period_start: dt.date, whole: bool = False) -> Targets:
        """One read of the period's targets and its parts' (quarters, months): each owner's own
        per metric, else the sum over its parts of theirs (a quarter's own, else its months'),
        over every part (`whole`) or those that have one."""
        end = _months_later(period_start, _MONTHS[period_kind])
        rows = self.s.execute(select(owner, Target.metric, Target.period_kind, Target.period_start,
                                     Target.amount).where(
            whose, Target.period_kind.in_((period_kind, *_PARTS[period_kind])),
            Target.period_start >= period_start, Target.period_start < end))
        found: dict[tuple, Decimal] = {}
        for who, metric, kind, start, amount in rows:
            found[(who, metric, kind, start)] = Decimal(amount)
        out, used = Targets(), set()
        out._parts_of = {}

        def total(who, metric, kind, start, used) -> Decimal | None:
            if (who, metric, kind, start) in found:
                if kind != period_kind:
                    used.add((kind, start))
                return found[(who, metric, kind, start)]
            if kind not in _PARTS:
                return None
            step = _MONTHS[kind] // len(_PARTS_OF[kind])
            parts = [total(who, metric, _PARTS_OF[kind][0], _months_later(start, i * step), used)
                     for i in range(len(_PARTS_OF[kind]))]
            if whole and None in parts:
                return None
            parts = [p for p in parts if p is not None]
            return sum(parts, Decimal(0)) if parts else None

        for who, metric in {(who, metric) for who, metric, _kind, _start in found}:
            parts: set = set()
            value = total(who, metric, period_kind, period_start, parts)
            if value is not None:  # else not summed after all: its parts are not what it is made of
                out.setdefault(who, {})[metric] = value
                used |= parts
                out._parts_of.setdefault(who, set()).update(parts)
                if parts:
                    out.summed_metrics |= {metric}
        out.summed_from = tuple(sorted(used, key=lambda part: (part[1], part[0])))
        return out

    def held(self, tenant_id: int, metric: str, period_kind: str, period_start: dt.date, *,
             member_id: int | None = None, team_id: int | None = None) -> Target | None:
        """The member's target (else the team's own) of `metric` for the period from `period_start`."""
        whose = (Target.member_id == member_id,) if member_id is not None else \
            (Target.team_id == team_id, Target.member_id.is_(None))
        return self.s.scalar(select(Target).where(
            Target.tenant_id == tenant_id, *whose, Target.metric == metric, Target.period_kind == period_kind,
            Target.period_start == period_start))

    def held_from(self, tenant_id: int, member_id: int, metric: str, first: dt.date) -> list[Target]:
        """The member's targets of `metric` for periods starting on `first` or later, soonest first."""
        return list(self.s.scalars(select(Target).where(
            Target.tenant_id == tenant_id, Target.member_id == member_id, Target.metric == metric,
            Target.period_start >= first).order_by(Target.period_start, Target.period_kind)))

    def listing(self, tenant_id: int):
        return list(self.s.scalars(select(Target).where(Target.tenant_id == tenant_id)
                                   .order_by(Target.period_start, Target.id)))


def scorecard_table(session: Session, member_ids: list[int], start: dt.datetime, end: dt.datetime,
                    rates: Rates) -> MetricTable:
    """The scorecard's figures per member over [start, end): the four metrics, and deals lost,
    new leads (deals opened), the days won deals took from opening to close (summed), and the
    open pipeline now (in the base currency). Each is one grouped query over an index range."""
    table = metric_table(session, member_ids, start, end, rates)
    for row in table.values():
        row.update(lost=Decimal(0), leads=Decimal(0), days_to_close=Decimal(0), pipeline=Decimal(0))
    if not member_ids:
        return table
    rows = session.execute(select(Deal.owner_id, func.count()).where(
        Deal.owner_id.in_(member_ids), Deal.closed_at >= start, Deal.closed_at < end, Deal.stage == "lost")
        .group_by(Deal.owner_id))
    for owner, count in rows:
        table[owner]["lost"] = Decimal(count)
    rows = session.execute(select(Deal.owner_id, func.count()).where(
        Deal.owner_id.in_(member_ids), Deal.created_at >= start, Deal.created_at < end)
        .group_by(Deal.owner_id))
    for owner, count in rows:
        table[owner]["leads"] = Decimal(count)
    rows = session.execute(select(Deal.owner_id, Deal.created_at, Deal.closed_at).where(
        Deal.owner_id.in_(member_ids), Deal.closed_at >= start, Deal.closed_at < end, Deal.stage == "won"))
    for owner, opened, closed in rows:
        table[owner]["days_to_close"] += Decimal(max(0, (closed - opened).days))
    rows = session.execute(select(Deal.owner_id, Deal.currency, func.coalesce(func.sum(Deal.amount), 0))
                           .where(Deal.owner_id.in_(member_ids), Deal.stage.notin_(CLOSED_STAGES))
                           .group_by(Deal.owner_id, Deal.currency))
    for owner, currency, amount in rows:
        table[owner]["pipeline"] += table.money(amount, currency)
        table.money_of.setdefault(owner, Converted(table.money.rates))(amount, currency)
    return table
