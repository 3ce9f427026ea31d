"""CSV import (roster, customers, targets, calendar) and export (customers, deals, visits, targets).

An import reads and checks the whole file first; any bad row is reported by its line number and
nothing of the file is stored. Exports use the column names CRMs such as Zoho map automatically
(`--crm zoho|fxiaoke` writes each CRM's own import file: `crm/exports.py`); a cell a spreadsheet
would read as a formula is written as text (`crm/cells.py`).
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import aliased

from crm.cells import safe_row
from handlers.grammar.amounts import parse_amount
from handlers.grammar.commands import Period
from handlers.grammar.dates import parse_date
from handlers.grammar.vocabulary import DAY_KIND_WORDS, LIFECYCLE_WORDS, METRIC_WORDS, ROLE_WORDS, tier_of
from handlers.rules.working_days import period_bounds
from handlers.text.strings import t
from storage import pipelines
from storage.holidays import CalendarRepository
from storage.models import PERIOD_KINDS, Customer, Deal, Member, Target, Team, Visit, utcnow
from storage.people import PeopleRepository
from storage.rates import RateRepository, zones_of
from storage.reports import TargetRepository
from storage.sales import CustomerRepository

COLUMNS = {
    "roster": ("name", "role", "team", "locale", "timezone", "weight", "user_id"),
    "customers": ("name", "tier", "lifecycle", "owner"),
    "deals": ("customer", "title", "stage", "amount", "currency", "close", "owner", "probability"),
    "targets": ("member", "team", "metric", "period", "start", "amount"),
    "calendar": ("day", "last_day", "kind", "calendar"),
}
REQUIRED = {"roster": ("name",), "customers": ("name",), "deals": ("customer", "title", "owner"),
            "targets": ("metric", "period", "start", "amount"), "calendar": ("day", "kind")}


class ImportProblems(Exception):
    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def _tenant(session, spec: str | None, create_with_currency: str | None = None):
    """The workspace `PLATFORM:ID` (a roster import may create it before anyone has talked), or
    with no spec the only workspace there is."""
    people = PeopleRepository(session)
    if spec is None:
        known = people.all_tenants()
        if len(known) == 1:
            return known[0]
        spec = "console:local"
        if known or not create_with_currency:
            raise ImportProblems([_which_workspace(known)])
    platform, _, external_id = spec.partition(":")
    tenant = people.tenant(platform, external_id)
    if tenant is None and create_with_currency and external_id:
        tenant = people.add_tenant(platform, external_id, external_id, create_with_currency)
    if tenant is None:
        raise ImportProblems([f"No workspace {spec}: nobody from it has talked to salesbot yet.",
                              _which_workspace(people.all_tenants())])
    return tenant


def _which_workspace(known) -> str:
    if not known:
        return "No workspace has talked to salesbot yet."
    listed = ", ".join(f"{t.platform}:{t.external_id} ({t.name})" for t in known)
    return f"Workspaces here: {listed}. Pick one with --tenant PLATFORM:ID."


def import_file(app, kind: str, path: Path, tenant_spec: str,
                progress: Callable[[Iterable], Iterable] | None = None, official: bool = False,
                dry_run: bool = False) -> int:
    """Check then store every row of `path` (CSV, or a CRM's .xlsx; a CRM's own headers are read
    as ours: `crm/imports.py`); raises ImportProblems and stores nothing if any is bad. `dry_run`:
    check only, store nothing. `official` (calendars): the file is a year's official schedule (the
    State Council's list): each year it covers counts as entered in full."""
    from crm.imports import read_rows

    header, rows = read_rows(path, kind)
    missing = [c for c in REQUIRED[kind] if c not in header]
    if missing:
        raise ImportProblems([f"line 1: missing column(s) {', '.join(missing)}; "
                              f"expected {', '.join(COLUMNS[kind])}"])
    with app.session_factory.begin() as session:
        tenant = _tenant(session, tenant_spec,
                         app.defaults.currency if kind == "roster" else None)
        from crm.imports import check_deal

        checker = {"roster": _check_roster, "customers": _check_customer, "deals": check_deal,
                   "targets": _check_target, "calendar": _check_calendar_day}[kind]
        problems, checked = [], []
        for line, row in rows:
            try:
                checked.append(checker(session, tenant, row, app.defaults))
            except ValueError as problem:
                problems.append(f"line {line}: {problem}")
        if kind == "calendar" and not problems:
            problems = _calendar_conflicts([line for line, _row in rows], checked)
        if problems:
            raise ImportProblems(problems)
        if dry_run:
            return len(checked)
        for store in (progress(checked) if progress else checked):
            store()
        if kind == "calendar" and official:
            repo = CalendarRepository(session)
            for code, year in sorted({(row.code, day.year) for row in checked for day in row.days}):
                repo.declare_official(tenant.id, code, year, None)
    return len(checked)


def _check_roster(session, tenant, row, defaults):
    people = PeopleRepository(session)
    name = row.get("name") or _fail("name is empty")
    role = ROLE_WORDS.get((row.get("role") or "rep").lower()) or _fail(
        f"role “{row['role']}” is not rep, manager, admin or inactive")
    active = role != "inactive"  # someone who left: kept with their data, off rosters
    locale = (row.get("locale") or "en").lower()[:2]
    if locale not in ("en", "zh"):
        _fail(f"locale “{row['locale']}” is not en or zh")
    timezone = row.get("timezone") or None
    if timezone:
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            _fail(f"timezone “{timezone}” is unknown (use a name like Asia/Shanghai)")
    weight = Decimal(1)
    if row.get("weight"):
        money = parse_amount(row["weight"])
        weight = money.amount if money and money.amount > 0 else _fail(
            f"weight “{row['weight']}” is not a positive number")
    user_id = row.get("user_id") or name

    def store():
        member = people.by_identity(tenant.id, tenant.platform, user_id)
        if member is None:
            member = people.add_member(tenant.id, name, role=role if active else "rep", locale=locale,
                                       timezone=timezone, identity=(tenant.platform, user_id))
        else:
            member.display_name, member.locale = name, locale
            member.timezone = timezone or member.timezone
            if active:  # someone leaving keeps the role they had
                member.role = role
        member.active = active
        if row.get("team"):
            team = people.team_by_name(tenant.id, row["team"]) or people.add_team(
                tenant.id, row["team"], timezone=defaults.timezone,
                holiday_calendar=defaults.calendar)
            people.leave_team(team.id, member.id)
            people.join_team(team.id, member.id, weight)
    return store


def _check_customer(session, tenant, row, _defaults):
    name = row.get("name") or _fail("name is empty")
    tier = tier_of(row["tier"]) if row.get("tier") else None
    if row.get("tier") and tier is None:
        _fail(f"tier “{row['tier']}” is not A, B or C")
    lifecycle = LIFECYCLE_WORDS.get((row.get("lifecycle") or "potential").lower()) or _fail(
        f"lifecycle “{row['lifecycle']}” is not potential, intent or customer")
    owner = _member(session, tenant, row.get("owner")) if row.get("owner") else None
    repo = CustomerRepository(session)

    def store():
        customer = repo.exact(tenant.id, name) or repo.add(tenant.id, name,
                                                           owner.id if owner else None)
        customer.tier, customer.lifecycle = tier or customer.tier, lifecycle
        if owner:
            customer.owner_id = owner.id
    return store


def _check_target(session, tenant, row, _defaults):
    metric = METRIC_WORDS.get(row["metric"].lower()) or _fail(
        f"metric “{row['metric']}” is not revenue, deals_won, new_customers or visits")
    kind = row["period"].lower()
    if kind not in PERIOD_KINDS:
        _fail(f"period “{row['period']}” is not week, month, quarter or year")
    day = parse_date(row["start"], dt.date.today(), future=False) or _fail(
        f"start “{row['start']}” is not a date (use 2026-12-01)")
    money = parse_amount(row["amount"]) or _fail(f"amount “{row['amount']}” is not an amount")
    if bool(row.get("member")) == bool(row.get("team")):
        _fail("give either a member or a team")
    member = _member(session, tenant, row["member"]) if row.get("member") else None
    team = None
    if row.get("team"):
        team = PeopleRepository(session).team_by_name(tenant.id, row["team"]) or _fail(
            f"team “{row['team']}” does not exist")
    start, _ = period_bounds(Period(kind), day)

    def store():
        TargetRepository(session).set(
            tenant_id=tenant.id, metric=metric, period_kind=kind, period_start=start,
            amount=money.amount, set_by_id=None, member_id=member.id if member else None,
            team_id=team.id if team else None)
    return store


@dataclass
class _CalendarRow:
    """A checked calendar row, stored when called."""

    session: object
    tenant_id: int
    code: str
    days: list[dt.date]
    working: bool | None

    def __call__(self) -> None:
        CalendarRepository(self.session).correct(self.tenant_id, self.code, self.days, self.working, None)


def _check_calendar_day(session, tenant, row, defaults):
    """`day` (or `day` to `last_day`), `kind` workday/holiday (上班/放假) or reset, `calendar`
    (default: the installation's, e.g. CN): a calendar a country has or a team uses, days from
    last year to two years ahead."""
    from handlers.workspace.holidays import calendar_problem

    first = _iso_day(row["day"], "day")
    last = _iso_day(row["last_day"], "last_day") if row.get("last_day") else first
    kind = (row.get("kind") or "").lower()
    if kind not in DAY_KIND_WORDS:
        _fail(f"kind “{row.get('kind')}” is not workday, holiday or reset (上班, 放假, 恢复)")
    code = (row.get("calendar") or defaults.calendar).upper()
    problem = calendar_problem(session, tenant.id, code, first, last, utcnow().date())
    if problem is not None:
        key, values = problem
        _fail(t("en", key, **values))
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    return _CalendarRow(session, tenant.id, code, days, DAY_KIND_WORDS[kind])


def _calendar_conflicts(lines: list[int], rows: list[_CalendarRow]) -> list[str]:
    """Two rows of one file that say different things of one day: which is meant is unknown."""
    seen: dict[tuple[str, dt.date], tuple[int, bool | None]] = {}
    problems = []
    for line, row in zip(lines, rows, strict=True):
        for day in row.days:
            earlier = seen.setdefault((row.code, day), (line, row.working))
            if earlier[1] != row.working:
                problems.append(f"line {line}: {day} is {_KIND_NAMES[row.working]} here but "
                                f"{_KIND_NAMES[earlier[1]]} in line {earlier[0]}; keep one of them")
                break
    return problems


_KIND_NAMES = {True: "a workday", False: "a holiday", None: "reset"}


def _iso_day(text: str, column: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return _fail(f"{column} “{text}” is not a date (use 2027-02-06)")


def _member(session, tenant, name: str) -> Member:
    found = PeopleRepository(session).find_members(tenant.id, name)
    if len(found) != 1:
        _fail(f"member “{name}” is {'unknown' if not found else 'ambiguous'}")
    return found[0]


def _fail(problem: str):
    raise ValueError(problem)


_ZOHO_STAGE = {"won": "Closed Won", "lost": "Closed Lost"}


def export(app, kind: str, out: TextIO, tenant_spec: str) -> int:
    """Write all `kind` rows of the workspace to `out` as CSV; returns how many."""
    writer = csv.writer(out)
    count = 0
    with app.session_factory() as session:
        tenant = _tenant(session, tenant_spec)
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
        tenant = _tenant(session, tenant_spec)
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
