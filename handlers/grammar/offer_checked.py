"""An offer is only made when taking it stores what it says: each line an option would send (`task
@ana …` ⏎ `task @bo …` for "one task each") is read as the member would send it, and when one of
them would not read (only the usage would come back, nothing saved) the offer is not made: that
line's own trouble is said instead, as if it had been typed alone."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from handlers.grammar import commands as c


def offer_checked(asked: c.ParseError, read: Callable[[str, dt.date | None], c.Command | c.ParseError],
                  today: dt.date | None) -> c.ParseError:
    """`asked` when each of its text options reads (to a command, or to a question of its own);
    else the first failing line's error (what is wrong with it, in the command's usage)."""
    for _label, said, command in asked.options:
        if command is not None or not said:
            continue
        for line in (part.strip() for part in said.split("\n")):
            if not line or line.isdigit():
                continue
            got = read(line, today)
            if isinstance(got, c.ParseError) and not got.options and not got.fixed:
                return got
    return asked
