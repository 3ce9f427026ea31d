"""Days said relative to when a message is read: "tomorrow" in a notice queued on Dec 1 and
delivered after downtime on Dec 4 would be wrong, so a queued message keeps the day itself (a
mark in its text) and the words are chosen when it is sent (`as_sent`, called by the outbox's
sender), in the reader's timezone and language.

>>> import datetime as dt
>>> from handlers.reply import Reply
>>> notice = Reply(fields=(("Due", day_mark(dt.date(2026, 12, 2), "Asia/Shanghai")),), locale="en")
>>> as_sent(notice, dt.datetime(2026, 12, 1, 2, tzinfo=dt.timezone.utc)).fields
(('Due', 'tomorrow'),)
>>> as_sent(notice, dt.datetime(2026, 12, 4, 2, tzinfo=dt.timezone.utc)).fields
(('Due', 'Wed, Dec 2'),)
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from zoneinfo import ZoneInfo

from handlers import format as fmt
from handlers.reply import Reply

_MARK = "\u2063"  # an invisible separator: never typed, never shown
_DAY = re.compile(f"{_MARK}(\\d{{4}}-\\d{{2}}-\\d{{2}})@([^{_MARK}]+){_MARK}")


def day_mark(day: dt.date, zone: str) -> str:
    """`day`, to be said relative to the day the message is read in `zone` (today, tomorrow …)."""
    return f"{_MARK}{day.isoformat()}@{zone}{_MARK}"


def as_sent(reply: Reply, now: dt.datetime) -> Reply:
    """The reply with its marked days in words for `now` (aware); unchanged when it has none."""
    if _MARK not in reply.text:
        return reply

    def words(text: str) -> str:
        return _DAY.sub(lambda m: fmt.day(dt.date.fromisoformat(m[1]), now.astimezone(ZoneInfo(m[2])).date(),
                                          reply.locale), text)
    return replace(reply, title=words(reply.title), lines=tuple(words(line) for line in reply.lines),
                   fields=tuple((key, words(value)) for key, value in reply.fields),
                   notes=tuple(words(note) for note in reply.notes))
