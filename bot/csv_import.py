"""CSV import: roster, customers, targets, calendar (`salesbot import KIND FILE`; the export is
`bot/csv_export.py`).

An import reads and checks the whole file first; any bad row is reported by its line number and
nothing of the file is stored.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from crm.workspaces import ImportProblems, workspace_of
from handlers.grammar.amounts import parse_amount
from handlers.grammar.commands import Period
from handlers.grammar.dates import parse_date
from handlers.grammar.vocabulary import DAY_KIND_WORDS, LIFECYCLE_WORDS, METRIC_WORDS, ROLE_WORDS, tier_of
from handlers.rules.working_days import period_bounds
from handlers.text.strings import t
from storage.holidays import CalendarRepository
from storage.models.base import utcnow
from storage.models.team import PERIOD_KINDS
from storage.models.workspace import Member
from storage.people import PeopleRepository
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
        tenant = workspace_of(session, tenant_spec,
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
