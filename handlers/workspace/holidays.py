"""`calendar`: admins correct their holiday calendar where the published one is wrong or missing
(a year whose official schedule is not out yet, a company holiday): those days then count as
working days or days off everywhere (pace, standups, reminders, digests)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from handlers.context import Ctx
from handlers.grammar.commands import CorrectCalendar
from handlers.lookup import example
from handlers.rules.working_days import (
    correctable_years,
    corrections_of,
    is_valid_calendar,
    missing_years,
    use_all_corrections,
    use_corrections,
    use_official_years,
)
from handlers.text import format as fmt
from handlers.text.reply import Reply
from storage.holidays import CalendarRepository

MOST_DAYS = 366


def load_corrections(session: Session, tenant_id: int | None = None) -> None:
    """Bring this process's calendar corrections up to date: of one tenant, or of all (with no
    corrections, a tenant's are cleared)."""
    repo = CalendarRepository(session)
    found = repo.corrections(tenant_id)
    if tenant_id is None:
        use_all_corrections(found)
    else:
        use_corrections(tenant_id, found.get(tenant_id, {}))
    use_official_years(repo.official_years(tenant_id), tenant_id)


def calendar_problem(session: Session, tenant_id: int, code: str, first: dt.date, last: dt.date,
                     today: dt.date) -> tuple[str, dict] | None:
    """What is wrong with a correction of `code` from `first` to `last`, as (message key, values),
    or None: a calendar no country has and no team uses, a reversed range, days outside the
    years a correction may touch (last year to two years ahead), more than a year of days."""
    if not is_valid_calendar(code) and code not in CalendarRepository(session).calendars_in_use(tenant_id):
        return "bad_calendar", {"value": code}
    if last < first:
        return "calendar_reversed", {"first": first.isoformat(), "last": last.isoformat()}
    low, high = correctable_years(today)
    for day in (first, last):
        if not low <= day.year <= high:
            return "calendar_out_of_range", {"day": day.isoformat(), "first": f"{low}-01-01",
                                             "last": f"{high}-12-31"}
    if (last - first).days + 1 > MOST_DAYS:
        return "calendar_too_long", {}
    return None


def calendar_warning(calendar: str, today: dt.date, locale: str) -> str | None:
    """What a calendar lacks for this year and next, in words, or None."""
    years = missing_years(calendar, today)
    if not years:
        return None
    from handlers.grammar.intents import usage
    from handlers.text.strings import t

    code = calendar.split("@")[0]
    done = (f"日历 {code} {years[0]} 官方" if locale == "zh" else f"calendar {code} {years[0]} official")
    return t(locale, "calendar_missing", code=code, years="/".join(map(str, years)),
             example=usage("calendar", locale)[1], done=done)


def handle_calendar(ctx: Ctx, cmd: CorrectCalendar) -> Reply:
    code = (cmd.code or ctx.calendar.split("@")[0]).upper()
    calendar = f"{code}@{ctx.tenant.id}"
    if cmd.official_year is not None:
        return _official(ctx, code, cmd.official_year)
    if cmd.first_day is None:
        if cmd.code and not is_valid_calendar(code) and code not in CalendarRepository(
                ctx.session).calendars_in_use(ctx.tenant.id):
            raise ctx.refuse("bad_calendar", value=code)
        return _listing(ctx, code, calendar)
    problem = calendar_problem(ctx.session, ctx.tenant.id, code, cmd.first_day, cmd.last_day, ctx.today)
    if problem is not None:
        key, values = problem
        raise ctx.refuse(key, hint=example(ctx, "calendar", 1), **values)
    days = [cmd.first_day + dt.timedelta(days=n) for n in range((cmd.last_day - cmd.first_day).days + 1)]
    CalendarRepository(ctx.session).correct(ctx.tenant.id, code, days, cmd.working, ctx.member.id)
    load_corrections(ctx.session, ctx.tenant.id)
    kind = {True: "workday", False: "holiday", None: "reset"}[cmd.working]
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "calendar.set", "calendar", None, calendar=code,
                     first=cmd.first_day.isoformat(), last=cmd.last_day.isoformat(), kind=kind)
    span = _span(ctx, cmd.first_day, cmd.last_day)
    return Reply(lines=(ctx.t(f"calendar_{kind}", code=code, days=span, count=len(days)),))


def _official(ctx: Ctx, code: str, year: int) -> Reply:
    """`calendar 2027 official`: the admin entered the year's official schedule (its holidays and
    make-up days, by hand or by importing the State Council's list): its working days count as
    known from now on."""
    low, high = correctable_years(ctx.today)
    if not low <= year <= high:
        raise ctx.refuse("calendar_year_out_of_range", year=year, first=low, last=high,
                         hint=example(ctx, "calendar", 4))
    problem = calendar_problem(ctx.session, ctx.tenant.id, code, dt.date(year, 1, 1), dt.date(year, 1, 1),
                               ctx.today)
    if problem is not None:
        key, values = problem
        raise ctx.refuse(key, hint=example(ctx, "calendar", 4), **values)
    CalendarRepository(ctx.session).declare_official(ctx.tenant.id, code, year, ctx.member.id)
    load_corrections(ctx.session, ctx.tenant.id)
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "calendar.official", "calendar", None, calendar=code,
                     year=year)
    return Reply(lines=(ctx.t("calendar_official", code=code, year=year),))


def _listing(ctx: Ctx, code: str, calendar: str) -> Reply:
    fixed = sorted(corrections_of(calendar).items())
    lines = [ctx.t("calendar_day", day=_span(ctx, day, day),
                   kind=ctx.t("calendar_kind_work" if working else "calendar_kind_off"))
             for day, working in fixed if day >= ctx.today - dt.timedelta(days=31)]
    if not lines:
        lines.append(ctx.t("calendar_none", code=code))
    warning = calendar_warning(calendar, ctx.today, ctx.locale)
    if warning:
        lines.append(warning)
    return Reply(title=ctx.t("calendar_title", code=code), lines=tuple(lines))


def _span(ctx: Ctx, first: dt.date, last: dt.date) -> str:
    day = lambda d: f"{d.isoformat()} ({fmt.day(d, ctx.today, ctx.locale, relative=False)})"
    return day(first) if first == last else f"{day(first)} – {day(last)}"
