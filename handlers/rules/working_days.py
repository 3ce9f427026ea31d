"""Periods, working days and pace: the arithmetic behind "how far am I from target?".

A working day is a weekday that is not a public holiday of the team's calendar. China's calendar
also has make-up working days (调休) on weekends; `chinesecalendar` knows them for the years the
State Council has published (to 2026 in its newest release, 1.11), and `holidays` covers every
other country and year (for China past 2026: the holidays by their rules, without make-up days).

A calendar is named `CODE` or `CODE@TENANT` (`Team.calendar`): with a tenant, the corrections its
admins made (`calendar 2027-02-06 workday`, a CSV import) win over the published days. They are
loaded into this process with `use_corrections` before a message or a job run is handled.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from handlers.grammar.commands import Period


def period_bounds(period: Period, today: dt.date) -> tuple[dt.date, dt.date]:
    """First day and the day after the last day of the period containing `today`, shifted by offset.

    >>> period_bounds(Period("quarter"), dt.date(2026, 11, 23))
    (datetime.date(2026, 10, 1), datetime.date(2027, 1, 1))
    """
    if period.kind == "day":  # `leaderboard visits today`: one day
        start = today + dt.timedelta(days=period.offset)
        return start, start + dt.timedelta(days=1)
    if period.kind == "week":
        start = today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=period.offset)
        return start, start + dt.timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}[period.kind]
    first_month = (today.month - 1) // months * months  # 0-based month index of the period start
    index = today.year * 12 + first_month + period.offset * months
    start = dt.date(index // 12, index % 12 + 1, 1)
    end_index = index + months
    return start, dt.date(end_index // 12, end_index % 12 + 1, 1)


#: "CODE@TENANT" → {day: working}: what each tenant's admins set, as last loaded.
_CORRECTIONS: dict[str, dict[dt.date, bool]] = {}


def use_corrections(tenant_id: int, by_calendar: dict[str, dict[dt.date, bool]]) -> None:
    """The corrections of one tenant's calendars, as stored now (replacing what was loaded).
    Copy on write: threads reading the registry meanwhile see the old one or the new one whole."""
    global _CORRECTIONS
    kept = {k: v for k, v in _CORRECTIONS.items() if not k.endswith(f"@{tenant_id}")}
    kept.update({f"{code.upper()}@{tenant_id}": dict(days) for code, days in by_calendar.items()})
    _CORRECTIONS = kept


def use_all_corrections(by_tenant: dict[int, dict[str, dict[dt.date, bool]]]) -> None:
    """Every tenant's corrections, as stored now: tenants not named have none."""
    global _CORRECTIONS
    _CORRECTIONS = {f"{code.upper()}@{tenant}": dict(days) for tenant, calendars in by_tenant.items()
                    for code, days in calendars.items()}


def corrections_of(calendar: str) -> dict[dt.date, bool]:
    return _CORRECTIONS.get(calendar.upper(), {})


#: "CODE@TENANT" → the years its admins declared entered in full (`calendar 2027 official`).
_OFFICIAL: dict[str, frozenset[int]] = {}


def use_official_years(by_tenant: dict[int, dict[str, set[int]]], tenant_id: int | None = None) -> None:
    """The years declared official, as stored now: of one tenant (`tenant_id`), or of all."""
    global _OFFICIAL
    kept = {} if tenant_id is None else {k: v for k, v in _OFFICIAL.items()
                                         if not k.endswith(f"@{tenant_id}")}
    kept.update({f"{code.upper()}@{tenant}": frozenset(years) for tenant, calendars in by_tenant.items()
                 for code, years in calendars.items()})
    _OFFICIAL = kept


def is_published(code: str, year: int) -> bool:
    """Whether a calendar's working days for `year` come from an official schedule (China: the
    State Council's, with make-up days); other countries' holidays follow rules, always known."""
    if code.split("@")[0].upper() != "CN":
        return True
    import chinese_calendar

    try:
        chinese_calendar.is_workday(dt.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def is_entered(calendar: str, year: int) -> bool:
    """Whether a year's working days are known: published, or declared official by the tenant's
    admins once they entered it (corrections alone do not make a year known: a company holiday
    says nothing of the Spring Festival's make-up days)."""
    return is_published(calendar, year) or year in _OFFICIAL.get(calendar.upper(), ())


def missing_years(calendar: str, today: dt.date) -> list[int]:
    """This year and next, where the calendar's working days are estimated."""
    return [year for year in (today.year, today.year + 1) if not is_entered(calendar, year)]


def estimated_years(calendar: str, start: dt.date, end: dt.date) -> list[int]:
    """The years of [start, end) whose working days are estimated."""
    return [year for year in range(start.year, (end - dt.timedelta(days=1)).year + 1)
            if not is_entered(calendar, year)]


def correctable_years(today: dt.date) -> tuple[int, int]:
    """The years a calendar correction may touch: from last year to two years ahead."""
    return today.year - 1, today.year + 2


def is_valid_calendar(code: str) -> bool:
    import holidays

    return code.upper() in holidays.list_supported_countries()


@lru_cache(maxsize=256)
def _working_days_of_year(calendar: str, year: int) -> frozenset[dt.date]:
    day, days = dt.date(year, 1, 1), []
    if calendar == "CN":
        import chinese_calendar

        try:
            while day.year == year:
                if chinese_calendar.is_workday(day):
                    days.append(day)
                day += dt.timedelta(days=1)
            return frozenset(days)
        except NotImplementedError:  # a year not published yet: public holidays only
            day, days = dt.date(year, 1, 1), []
    import holidays

    public = holidays.country_holidays(calendar, years=year) if calendar else {}
    while day.year == year:
        if day.weekday() < 5 and day not in public:
            days.append(day)
        day += dt.timedelta(days=1)
    return frozenset(days)


def is_working_day(day: dt.date, calendar: str) -> bool:
    fixed = _CORRECTIONS.get(calendar.upper())
    if fixed and day in fixed:
        return fixed[day]
    return day in _working_days_of_year(calendar.upper().split("@")[0], day.year)


def working_day_from(day: dt.date, calendar: str) -> dt.date:
    """`day`, or the first working day after it (a weekend, a public holiday skipped)."""
    for _ in range(31):  # no calendar has a month without working days
        if is_working_day(day, calendar):
            return day
        day += dt.timedelta(days=1)
    return day


def working_days_later(day: dt.date, count: int, calendar: str) -> dt.date:
    """The `count`-th working day after `day` (`snooze 46 2 days` on a Friday: Tuesday).

    >>> working_days_later(dt.date(2026, 12, 4), 2, "CN")
    datetime.date(2026, 12, 8)
    """
    for _ in range(count):
        day = working_day_from(day + dt.timedelta(days=1), calendar)
    return day


def working_days(start: dt.date, end: dt.date, calendar: str) -> int:
    """Working days in [start, end)."""
    code = calendar.upper().split("@")[0]
    if end <= start:
        return 0
    # The years [start, end) touches: a period ending on 1 January does not reach into the next
    # year (whose schedule may not be published, which costs loading every country's holidays).
    count = sum(1 for year in range(start.year, (end - dt.timedelta(days=1)).year + 1)
                for day in _working_days_of_year(code, year) if start <= day < end)
    for day, working in _CORRECTIONS.get(calendar.upper(), {}).items():
        if start <= day < end and working != (day in _working_days_of_year(code, day.year)):
            count += 1 if working else -1
    return count


@dataclass(frozen=True)
class Pace:
    """Where a number stands against its target, given the working days gone in the period."""

    target: Decimal
    done: Decimal
    days_gone: int
    days_total: int
    step: Decimal = Decimal("0.01")  # 1 for counts: "needed by today" is a whole visit or deal

    @property
    def share_done(self) -> float:
        return float(self.done / self.target) if self.target else 0.0

    @property
    def needed_by_today(self) -> Decimal:
        if not self.days_total:
            return self.target
        return _round(self.target * self.days_gone / self.days_total, self.step)

    @property
    def gap(self) -> Decimal:
        """How much is missing against the pace; zero or less means on pace."""
        return self.needed_by_today - self.done

    @property
    def projection(self) -> Decimal:
        """The period's end result if the rest of it goes like the part gone so far."""
        if not self.days_gone:
            return self.done
        return _round(self.done * self.days_total / self.days_gone, self.step)

    @property
    def on_pace(self) -> bool:
        return self.gap <= 0


def pace(target: Decimal, done: Decimal, start: dt.date, end: dt.date, today: dt.date,
         calendar: str, *, whole: bool = False) -> Pace:
    """Pace for a period [start, end) on `today`: today counts as gone (the day's work is the goal).
    `whole`: a count (visits, deals), whose pace is in whole units, as it is shown.

    >>> pace(Decimal(2), Decimal(0), dt.date(2026, 11, 1), dt.date(2026, 12, 1), dt.date(2026, 11, 2),
    ...      "CN", whole=True).on_pace  # 2 × 1/21 rounds to 0 needed: not behind
    True
    """
    total = working_days(start, end, calendar)
    gone = working_days(start, min(max(today + dt.timedelta(days=1), start), end), calendar)
    return Pace(Decimal(target), Decimal(done), gone, total, Decimal(1) if whole else Decimal("0.01"))


def _round(value: Decimal, step: Decimal = Decimal("0.01")) -> Decimal:
    return value.quantize(step, rounding=ROUND_HALF_UP)
