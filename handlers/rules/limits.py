"""What the database bounds, checked where a message enters the core: text that is no text (NUL,
control characters, lone surrogates: PostgreSQL refuses NUL, no encoder takes a lone surrogate)
and names or titles longer than their columns. Each is refused with a friendly reply in the
user's language, before anything is stored; nothing is ever cut (a cut name is another name).
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from handlers.grammar.patterns import pattern
from storage.models.base import name_key

NAME = 200  # customers, deal titles, teams, people's names, competitors: String(200)
SHORTER = {("AddTip", "topic"): 100}
#: fields stored as Text (notes, reasons, task titles) or never stored (a search)
FREE_TEXT = {("LogVisit", "notes"), ("LogVisit", "next_step"), ("LogVisit", "outcome"),
             ("ChangeVisit", "notes"),
             ("ChangeVisit", "add_notes"), ("AddTip", "text"), ("AnswerStandup", "text"),
             ("CloseDeal", "reason"), ("AddTask", "title"), ("FindTips", "query"),
             ("ConfigureSchedule", "questions"), ("ParseError", "detail"), ("ParseError", "fixed")}
JOINED = {("DealRef", "words")}
#: days a person plans or closes something on, however they came (typed, a form, a button): each
#: must fall within WINDOW_YEARS of today (0001-01-01 and 9999-12-31 are slips, not plans)
DAYS = {("LogVisit", "follow_up"), ("ChangeVisit", "follow_up"), ("LogVisit", "day"), ("ChangeVisit", "day"),
        ("UpsertDeal", "close"),
        ("SnoozeFollowup", "day"), ("AddTask", "due"), ("MoveTask", "day"), ("TakeLeave", "first_day"),
        ("TakeLeave", "last_day"), ("StartContest", "first"), ("StartContest", "last"),
        ("EditContest", "first"), ("EditContest", "last")}
WINDOW_YEARS = 2  # words that are read together as one name
_UNREADABLE = pattern(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def unreadable(text: str) -> bool:
    """Whether text holds characters that are not text (typed text never does)."""
    return bool(_UNREADABLE.search(text))


def too_long(command) -> tuple[str, int] | None:
    """(the value, its limit) of the first name or title in a command longer than its column."""
    if not dataclasses.is_dataclass(command):
        return None
    kind = type(command).__name__
    for field in dataclasses.fields(command):
        value = getattr(command, field.name)
        key = (kind, field.name)
        if dataclasses.is_dataclass(value):
            found = too_long(value)
        elif key in FREE_TEXT:
            found = None
        elif isinstance(value, tuple) and key in JOINED:
            found = _over(" ".join(v for v in value if isinstance(v, str)), SHORTER.get(key, NAME))
        elif isinstance(value, tuple):
            found = next((f for v in value if isinstance(v, str) and (f := _over(v, NAME))), None)
        elif isinstance(value, str):
            found = _over(value, SHORTER.get(key, NAME))
        else:
            found = None
        if found:
            return found
    if kind == "CloseDeal":  # the competitor read from the reason is kept as a name
        from handlers.rules.close_reasons import categorize

        return _over(categorize(command.reason)[1], NAME)
    return None


def day_window(today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day a planned or closing day may be: WINDOW_YEARS either side of today."""
    return _years_from(today, -WINDOW_YEARS), _years_from(today, WINDOW_YEARS)


def far_day(command, today: dt.date) -> dt.date | None:
    """The first planned or closing day of a command outside `day_window`, else None."""
    if not dataclasses.is_dataclass(command):
        return None
    first, last = day_window(today)
    kind = type(command).__name__
    for field in dataclasses.fields(command):
        value = getattr(command, field.name)
        if (kind, field.name) in DAYS and isinstance(value, dt.date) and not first <= value <= last:
            return value
    return None


def _years_from(today: dt.date, years: int) -> dt.date:
    try:
        return today.replace(year=today.year + years)
    except ValueError:  # 29 February
        return today.replace(year=today.year + years, day=28)


def unreadable_in(command) -> bool:
    """Whether any text a command carries (a form's, a button's) holds characters that are not text."""
    if not dataclasses.is_dataclass(command):
        return False
    for field in dataclasses.fields(command):
        value = getattr(command, field.name)
        values = value if isinstance(value, tuple) else (value,)
        for v in values:
            if (isinstance(v, str) and unreadable(v)) or unreadable_in(v):
                return True
    return False


def _over(value: str, limit: int) -> tuple[str, int] | None:
    return (value, limit) if max(len(value), len(name_key(value))) > limit else None


def display_name(name: str | None) -> str:
    """A person's name as a platform gave it, fit for its column: readable, at most NAME long
    (a platform's name is not a command: shortening it changes nothing anyone typed)."""
    name = _UNREADABLE.sub("", name if isinstance(name, str) else "").strip()[:NAME]
    while len(name_key(name)) > NAME:
        name = name[:-1]
    return name
