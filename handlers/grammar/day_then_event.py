"""A task due by a day said with what happens that day (`update crm notes before fri standup`,
`send the deck by monday's review`, `prep slides before the thu demo`): due that day, the event
kept in the title with its `before`/`by` (`update crm notes before standup`), as `下周一开会前…` is
Monday with 开会前 kept. Only when every word after the day is no day of its own: `by fri or sat`
stays a question."""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar.dates import parse_date

_JOINING = {"or", "and", "next", "this", "end", "to", "-"}
#: what happens on a day that a task is due before (`fri standup`, `the thu demo`, `monday's review`)
_EVENTS = {"standup", "stand-up", "standups", "meeting", "mtg", "call", "demo", "review", "sync", "kickoff",
           "kick-off", "presentation", "pitch", "workshop", "training", "qbr", "offsite", "session", "huddle",
           "retro", "planning", "1:1", "1-1", "board", "visit", "meetup", "interview"}


def day_then_event(due: str, today: dt.date) -> tuple[dt.date, str] | None:
    """(the day, the words of the event after it) for `fri standup`, `the thu demo`, `monday's
    review`; None when no day starts the words or a day-like word follows it.

    >>> day_then_event("fri standup", dt.date(2026, 12, 6))
    (datetime.date(2026, 12, 11), 'standup')
    >>> day_then_event("the thu demo", dt.date(2026, 12, 6))
    (datetime.date(2026, 12, 10), 'the demo')
    >>> day_then_event("monday's weekly review", dt.date(2026, 12, 6))
    (datetime.date(2026, 12, 7), 'weekly review')
    >>> day_then_event("fri or sat", dt.date(2026, 12, 6)) is None
    True
    """
    words = due.split()
    article = words[:1] if words and words[0].lower() == "the" else []
    body = words[len(article):]
    for size in (3, 2, 1):
        if len(body) <= size:
            continue
        said = " ".join(body[:size])
        said = re.sub(r"['’]s$", "", said, flags=re.I)  # `monday's review`
        day = parse_date(said, today)
        event = body[size:]
        if day is None or len(event) > 3 or event[-1].lower().rstrip(".!") not in _EVENTS \
                or any(re.search(r"\d", word) or word.lower() in _JOINING
                       or parse_date(word, today) is not None for word in event):
            continue
        return day, " ".join(article + event)
    return None
