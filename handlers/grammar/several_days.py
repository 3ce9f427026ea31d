"""Several days said in one breath (`tmrw + mon`, `fri and mon`, `12/24, 12/31`): leave on each
of them, asked (`leave tmrw + mon`, `gonna be OOO tmrw + mon`), each day a line of its own."""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c

_DAYS_APART = re.compile(r"\s*(?:\+|&|,|，|、|(?<![A-Za-z])(?:and|plus)(?![A-Za-z]))\s*", re.I)


def days_apart(said: str, today: dt.date) -> list[str] | None:
    """The days of `tmrw + mon` · `fri and mon` · `12/24, 12/31`, each as said, when there are two
    or more and each is a day (or a range of days); else None."""
    from handlers.grammar.dates import parse_date_range

    parts = [p.strip() for p in _DAYS_APART.split(said.strip(" .!")) if p.strip()]
    days = [parse_date_range(p, today) for p in parts]
    if len(parts) < 2 or any(day is None for day in days):
        return None
    return [part for i, part in enumerate(parts) if days[i] not in days[:i]]  # `tmrw + mon` on a Sunday


def leave_days(rest: str, today: dt.date, word: str = "leave", *, whole: bool = False) -> c.ParseError | None:
    """`leave tmrw + mon`: leave on each of the days (each a line of its own), asked; the option a
    message of its own (`whole`, no command word said), or after the command's word (a new line)."""
    days = days_apart(rest, today)
    if days is None:
        return None
    lines = "\n".join(f"{word} {day}" for day in days)
    return c.ParseError("leave", "leave_days", " · ".join(days),
                        options=(("as_leave_days", lines if whole else "\n" + lines, None),))
