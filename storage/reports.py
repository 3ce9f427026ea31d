"""Report aggregates, computed in SQL over index ranges so their cost follows the period, not history.

- revenue / deals won: deals won in the period, credited to the owner (`ix_deals_owner_stage_closed`),
  in the tenant's base currency: other currencies converted at the rates its admins set, those
  without a rate left out and reported beside (`MetricTable.money`);
- new customers: customers a member opened in the period (`ix_customers_owner_created`);
- visits: visits logged in the period (`ix_visits_member_at`).
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.models import METRICS, OPEN_STAGES, Customer, Deal, DealEvent, Target, Visit
from storage.rates import Converted, Rates


class MetricTable(dict):
    """{member_id: {metric: value}}; `money` says which rates the revenue used and what it left out."""

    def __init__(self, member_ids: list[int], metrics: tuple[str, ...], rates: Rates):
        super().__init__((m, dict.fromkeys(metrics, Decimal(0))) for m in member_ids)
        self.money = Converted(rates)


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
        won = session.execute(
            select(Deal.owner_id, Deal.currency, func.coalesce(func.sum(Deal.amount), 0), func.count())
            .where(Deal.owner_id.in_(member_ids), Deal.closed_at >= start, Deal.closed_at < end,
                   Deal.stage == "won")
            .group_by(Deal.owner_id, Deal.currency))
        for owner, currency, amount, count in won:
            row = table[owner]
            row["revenue"] = row.get("revenue", Decimal(0)) + table.money(amount, currency)
            row["deals_won"] = row.get("deals_won", Decimal(0)) + count
    for metric, who, when in (("new_customers", Customer.owner_id, Customer.created_at),
                              ("visits", Visit.member_id, Visit.visited_at)):
        if metric in metrics:
            rows = session.execute(select(who, func.count()).where(
                who.in_(member_ids), when >= start, when < end).group_by(who))
            for member_id, count in rows:
                table[member_id][metric] = Decimal(count)
    return table


def open_pipeline(session: Session, owner_ids: list[int], rates: Rates) -> Pipeline:
    """{stage: (count, amount in the base currency)} of open deals."""
    rows = session.execute(
        select(Deal.stage, Deal.currency, func.count(), func.coalesce(func.sum(Deal.amount), 0))
        .where(Deal.owner_id.in_(owner_ids), Deal.stage.in_(OPEN_STAGES))
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

    def for_members(self, member_ids: list[int], period_kind: str,
                    period_start: dt.date) -> dict[int, dict[str, Decimal]]:
        rows = self.s.execute(select(Target.member_id, Target.metric, Target.amount).where(
            Target.member_id.in_(member_ids), Target.period_kind == period_kind,
            Target.period_start == period_start))
        out: dict[int, dict[str, Decimal]] = defaultdict(dict)
        for member_id, metric, amount in rows:
            out[member_id][metric] = amount
        return out

    def for_team(self, team_id: int, period_kind: str, period_start: dt.date) -> dict[str, Decimal]:
        rows = self.s.execute(select(Target.metric, Target.amount).where(
            Target.team_id == team_id, Target.member_id.is_(None),
            Target.period_kind == period_kind, Target.period_start == period_start))
        return dict(rows.all())

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
                           .where(Deal.owner_id.in_(member_ids), Deal.stage.in_(OPEN_STAGES))
                           .group_by(Deal.owner_id, Deal.currency))
    for owner, currency, amount in rows:
        table[owner]["pipeline"] += table.money(amount, currency)
    return table
