"""CSV export: customers, deals, visits, targets (`salesbot export KIND`), and the reps'
scorecards for HR (`salesbot export scorecards --period 2026-11`); the import is `bot/csv_import.py`.

Exports use the column names CRMs such as Zoho map automatically (`--crm zoho|fxiaoke` writes each
CRM's own import file: `crm/exports.py`); a cell a spreadsheet would read as a formula is written as
text (`crm/cells.py`).
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from typing import TextIO
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import aliased

from crm.cells import safe_row
from crm.workspaces import ImportProblems, workspace_of
from storage import pipelines
from storage.models.sales import Customer, Deal, Visit
from storage.models.team import Target, Team
from storage.models.workspace import Member
from storage.people import PeopleRepository
from storage.rates import RateRepository, zones_of
from storage.reports import TargetRepository

_ZOHO_STAGE = {"won": "Closed Won", "lost": "Closed Lost"}


def export(app, kind: str, out: TextIO, tenant_spec: str) -> int:
    """Write all `kind` rows of the workspace to `out` as CSV; returns how many."""
    writer = csv.writer(out)
    count = 0
    with app.session_factory() as session:
        tenant = workspace_of(session, tenant_spec)
        header, query, to_row = _EXPORTS[kind](session, tenant, app.defaults.timezone)
        writer.writerow(header)
        for row in session.execute(query.execution_options(yield_per=1000)):
            writer.writerow(safe_row(to_row(*row)))
            count += 1
    return count


def _deals_export(session, tenant, timezone):
    """Zoho's deal columns; `Exchange Rate` into the base currency as the admins set it (1 for the
    base currency, empty where none is set), as Zoho's multi-currency import reads it: a closed
    deal's is the rate in force on its close day (in its owner's team's timezone), as reports use.
    `Deal #` is ours, so a second import can update; the closing day is that same local day."""
    header = ("Deal #", "Deal Name", "Account Name", "Stage", "Amount", "Currency", "Exchange Rate",
              "Closing Date", "Probability (%)", "Deal Owner", "Created Time", "Modified Time",
              "Description")
    rates = RateRepository(session).of(tenant)
    pipeline = pipelines.of(session, tenant.id)  # a workspace's own stages by their names
    zones = zones_of(session, list(session.scalars(select(Member.id).where(Member.tenant_id == tenant.id))),
                     timezone)
    query = (select(Deal, Customer.name, Member.display_name)
             .join(Customer, Customer.id == Deal.customer_id)
             .join(Member, Member.id == Deal.owner_id)
             .where(Deal.tenant_id == tenant.id).order_by(Deal.id))

    def to_row(deal, customer, owner):
        zone = zones.get(deal.owner_id) or timezone
        closing = deal.closed_at.astimezone(ZoneInfo(zone)).date() if deal.closed_at else deal.expected_close
        rate = (rates.at(deal.currency, deal.closed_at, zone)
                if deal.closed_at and deal.stage in ("won", "lost") else rates.rate_of(deal.currency))
        stage = pipeline.name(deal.stage, "en") if pipeline.own \
            else _ZOHO_STAGE.get(deal.stage, deal.stage.title())
        return (deal.id, deal.title, customer, stage,
                f"{deal.amount:.2f}", deal.currency, "" if rate is None else f"{rate.normalize():f}",
                closing or "", deal.probability, owner,
                deal.created_at.isoformat(), deal.updated_at.isoformat(), deal.reason)
    return header, query, to_row


def _customers_export(_session, tenant, _timezone):
    header = ("Account Number", "Account Name", "Tier", "Lifecycle", "Account Owner", "Created Time")
    query = (select(Customer, Member.display_name)
             .outerjoin(Member, Member.id == Customer.owner_id)
             .where(Customer.tenant_id == tenant.id).order_by(Customer.id))

    def to_row(customer, owner):
        return (customer.id, customer.name, customer.tier or "", customer.lifecycle, owner or "",
                customer.created_at.isoformat())
    return header, query, to_row


def _visits_export(_session, tenant, _timezone):
    header = ("Subject", "Account Name", "Owner", "Start DateTime", "Description", "Outcome",
              "Next Step", "Follow-up Date", "Follow-up Done")
    query = (select(Visit, Customer.name, Member.display_name)
             .join(Customer, Customer.id == Visit.customer_id)
             .join(Member, Member.id == Visit.member_id)
             .where(Visit.tenant_id == tenant.id).order_by(Visit.id))

    def to_row(visit, customer, owner):
        return (f"Visit: {customer}", customer, owner, visit.visited_at.isoformat(), visit.notes,
                visit.outcome, visit.next_step, visit.follow_up_on or "",
                "yes" if visit.follow_up_done else "no")
    return header, query, to_row


def _targets_export(_session, tenant, _timezone):
    header = ("member", "team", "metric", "period", "start", "amount", "currency")
    owner, team = aliased(Member), aliased(Team)
    query = (select(Target, owner.display_name, team.name)
             .outerjoin(owner, owner.id == Target.member_id)
             .outerjoin(team, team.id == Target.team_id)
             .where(Target.tenant_id == tenant.id).order_by(Target.period_start, Target.id))

    def to_row(target, member, team_name):
        return (member or "", team_name or "", target.metric, target.period_kind,
                target.period_start.isoformat(), f"{target.amount:.2f}",
                tenant.currency if target.metric == "revenue" else "")
    return header, query, to_row


_EXPORTS = {"customers": _customers_export, "deals": _deals_export, "visits": _visits_export,
            "targets": _targets_export}


SCORECARD_HEADER = ("team", "member", "period", "start", "end", "currency", "revenue", "target",
                    "target_share", "deals_won", "deals_lost", "win_rate", "new_customers",
                    "new_leads", "visits", "average_deal", "days_to_close", "open_pipeline")


def export_scorecards(app, out: TextIO, tenant_spec: str | None, period: str) -> int:
    """Each rep's scorecard for a month (`2026-11`) or a quarter (`2026-Q4`), team by team, in
    the team's timezone: the figures HR reads (revenue in the base currency, as reports add it)."""
    from handlers.team.scorecards import kpis
    from storage.reports import scorecard_table

    kind, start, end = _period_of(period)
    writer = csv.writer(out)
    writer.writerow(SCORECARD_HEADER)
    count = 0
    with app.session_factory() as session:
        tenant = workspace_of(session, tenant_spec)
        rates = RateRepository(session).of(tenant)
        people = PeopleRepository(session)
        for team in people.teams(tenant.id):
            reps = [m for m in people.roster(team.id) if m.role == "rep"]
            zone = ZoneInfo(team.timezone)
            since, until = (dt.datetime.combine(day, dt.time(), zone) for day in (start, end))
            table = scorecard_table(session, [m.id for m in reps], since, until, rates)
            targets = TargetRepository(session).for_members([m.id for m in reps], kind, start,
                                                            summed=True)
            for rep in reps:
                row, target = table[rep.id], targets.get(rep.id, {}).get("revenue")
                figures = kpis(row, target)
                last = end - dt.timedelta(days=1)
                writer.writerow(safe_row((team.name, rep.display_name, period, start, last,
                                 tenant.currency, _number(row["revenue"]), _number(target),
                                 _number(figures["target_share"], 4), int(row["deals_won"]),
                                 int(row["lost"]), _number(figures["win_rate"], 4),
                                 int(row["new_customers"]), int(row["leads"]), int(row["visits"]),
                                 _number(figures["avg_deal"]), _number(figures["days_to_close"], 1),
                                 _number(row["pipeline"]))))
                count += 1
    return count


def _number(value, places: int = 2) -> str:
    return "" if value is None else f"{value:.{places}f}"


def _period_of(text: str) -> tuple[str, dt.date, dt.date]:
    """(kind, first day, day after the last) of `2026-11` or `2026-Q4`."""
    found = re.fullmatch(r"(\d{4})-(?:(0?[1-9]|1[0-2])|[Qq]([1-4]))", text.strip())
    if not found:
        raise ImportProblems([f"--period {text}: give a month (2026-11) or a quarter (2026-Q4)."])
    year = int(found[1])
    if found[2]:
        first = dt.date(year, int(found[2]), 1)
        return "month", first, (first + dt.timedelta(days=32)).replace(day=1)
    first = dt.date(year, 3 * int(found[3]) - 2, 1)
    return "quarter", first, (first + dt.timedelta(days=95)).replace(day=1)
