"""Days read in the calendar of the person whose message is read: `next month` is its first
working day, and a count of weeks or months (`in 2 weeks`, `两周后`) that lands on a day off is
the next working day, noted for the reply to say so."""
from __future__ import annotations

import datetime as dt
from contextvars import ContextVar

#: The holiday calendar of the person whose message is read (dispatch sets it): `next month` is
#: the first working day in it (a weekday otherwise).
READING_CALENDAR: ContextVar[str | None] = ContextVar("reading_calendar", default=None)
#: Days said as a count of weeks or months (`in 2 weeks`, `两周后`) that fell on a day off and
#: were moved to the next working day: (the day said, the day read), for the reply to say so
MOVED_OFF: ContextVar[list | None] = ContextVar("moved_off", default=None)


def first_working_day(day: dt.date) -> dt.date:
    """`day`, or the first working day after it (a public holiday, a weekend skipped; a 调休
    Saturday is a working day) in the calendar of the message being read (a weekday without one)."""
    calendar = READING_CALENDAR.get()
    if calendar is None:
        return day + dt.timedelta(days=(7 - day.weekday()) % 7 if day.weekday() >= 5 else 0)
    from handlers.rules.working_days import working_day_from

    return working_day_from(day, calendar)


def working(day: dt.date) -> dt.date:
    """`day` (said as weeks or months from today), or the first working day after it when it is a
    day off (`in 2 weeks` said on a Sunday): noted in MOVED_OFF, for the reply to say so."""
    read = first_working_day(day)
    if read != day and (moved := MOVED_OFF.get()) is not None and (day, read) not in moved:
        moved.append((day, read))
    return read


def in_calendar(calendar: str | None, read, *args):
    """`read(*args)` with days read in `calendar` (`push it to next month` read after the grammar,
    as a correction: its first working day, as everywhere)."""
    token = READING_CALENDAR.set(calendar)
    try:
        return read(*args)
    finally:
        READING_CALENDAR.reset(token)
