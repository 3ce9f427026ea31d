"""`calendar`: admins correct their holiday calendar where the published one is wrong or missing
(a year whose official schedule is not out yet, a company holiday): those days then count as
working days or days off everywhere (pace, standups, reminders, digests)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from handlers import format as fmt
from handlers.calendar import corrections_of, missing_years, use_all_corrections, use_corrections
from handlers.commands import CorrectCalendar
from handlers.context import Ctx
from handlers.lookup import example
from handlers.reply import Reply
from storage.calendars import CalendarRepository

MOST_DAYS = 366


def load_corrections(session: Session, tenant_id: int | None = None) -> None:
    """Bring this process's calendar corrections up to date: of one tenant, or of all (with no
    corrections, a tenant's are cleared)."""
    found = CalendarRepository(session).corrections(tenant_id)
    if tenant_id is None:
        use_all_corrections(found)
    else:
        use_corrections(tenant_id, found.get(tenant_id, {}))


def calendar_warning(calendar: str, today: dt.date, locale: str) -> str | None:
    """What a calendar lacks for this year and next, in words, or None."""
    years = missing_years(calendar, today)
    if not years:
        return None
    from handlers.messages import t, usage

    return t(locale, "calendar_missing", code=calendar.split("@")[0], years="/".join(map(str, years)),
             example=usage("calendar", locale)[1])


def handle_calendar(ctx: Ctx, cmd: CorrectCalendar) -> Reply:
    code = (cmd.code or ctx.calendar.split("@")[0]).upper()
    calendar = f"{code}@{ctx.tenant.id}"
    if cmd.first_day is None:
        return _listing(ctx, code, calendar)
    days = [cmd.first_day + dt.timedelta(days=n) for n in range((cmd.last_day - cmd.first_day).days + 1)]
    if len(days) > MOST_DAYS:
        raise ctx.refuse("calendar_too_long", hint=example(ctx, "calendar", 1))
    CalendarRepository(ctx.session).correct(ctx.tenant.id, code, days, cmd.working, ctx.member.id)
    load_corrections(ctx.session, ctx.tenant.id)
    kind = {True: "workday", False: "holiday", None: "reset"}[cmd.working]
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "calendar.set", "calendar", None, calendar=code,
                     first=cmd.first_day.isoformat(), last=cmd.last_day.isoformat(), kind=kind)
    span = _span(ctx, cmd.first_day, cmd.last_day)
    return Reply(lines=(ctx.t(f"calendar_{kind}", code=code, days=span, count=len(days)),))


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
