"""A win told in English with no customer and no command word (`signed fri`, `they signed on
friday`, `contract signed! 135k`, `signed it yesterday: beat SAP on delivery`): the deal it is about
is asked (handlers/sales/unnamed.py), every word read into the win's amount, day and reason, or the
message is left to the other readings.

>>> import datetime as dt
>>> signed_said("they signed on friday", dt.date(2026, 12, 6))
Signed(day=datetime.date(2026, 12, 4), amount='', why='')
>>> signed_said("signed with acme", dt.date(2026, 12, 6)) is None
True
"""
from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from handlers.grammar.amounts import parse_amount
from handlers.grammar.past_days import past_day
from handlers.grammar.patterns import pattern

_SIGNED = pattern(r"^(?:(?:they|we|he|she|customer|client|the|it|it's|its|it\s+is|deal|contract|po|"
                  r"finally|just|have|has|all|officially|got\s+it|got\s+the\s+(?:contract|po)|is|was)\s+)*"
                  r"(?:signed|inked)(?:\s+(?:it|them|the\s+deal|the\s+contract|the\s+po|off))?(?![A-Za-z])",
                  re.I)
_WHY = pattern(r"\s*(?:[,;:，；：]|\s[-–—]+\s)\s*(?=\S)")
_MARKS = " !.🎉~"


class Signed(NamedTuple):
    day: dt.date | None  # the day said (`fri`: the Friday gone by), None where none was
    amount: str  # as typed, or ""
    why: str  # the reason as typed, or ""


def signed_said(text: str, today: dt.date) -> Signed | None:
    """The win `text` tells (`signed fri`), or None where a word after `signed` is no day, amount
    or reason (`signed with acme`, `signed next fri`: never a win guessed)."""
    said = " ".join(text.split())
    found = _SIGNED.match(said)
    if found is None:
        return None
    rest, why = said[found.end():], ""
    if (cut := _WHY.search(rest)) is not None:
        rest, why = rest[:cut.start()], rest[cut.end():].strip()
    words = rest.strip(_MARKS).split()
    amount = next((w for w in words if re.search(r"\d", w) and parse_amount(w.strip(_MARKS))), "")
    words = [w.strip(_MARKS) for w in words if w != amount]
    day = None
    if words and words[0].lower() == "on":
        words = words[1:]
    if words:
        day = past_day(" ".join(words), today)
        if day is None:
            return None
    return Signed(day, amount.strip(_MARKS), why)
