"""Days said relative to when a message is read: "tomorrow" in a notice queued on Dec 1 and
delivered after downtime on Dec 4 would be wrong, so a queued message keeps the day itself (a
mark in its text) and the words are chosen when it is sent (`as_sent`, called by the outbox's
sender), in the reader's timezone and language. A handler says a day with `Ctx.day`, which marks
it when the reply is queued (`Ctx.queued`) and words it at once otherwise.

A mark may say more than the day: `task` words a task's due day (`· due tomorrow`, `· overdue
since Mon, Nov 30`), `visit` how late a customer's visit is (`due today`, `2 days overdue`), `togo` the days a
contest has to go (`2 days to go.`, `Last day!`), and a
follow-up line marked `in_bucket` goes under Overdue, Today, This week or Next week as of the reading day;
`days_left_mark` counts a period's working days left.

>>> import datetime as dt
>>> from handlers.text.reply import Reply
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

from handlers.grammar.patterns import pattern
from handlers.text import format as fmt
from handlers.text.reply import Heading, Reply
from handlers.text.strings import t

_MARK = "\u2063"  # an invisible separator: never typed, never shown
_DAY = pattern(f"{_MARK}(\\d{{4}}-\\d{{2}}-\\d{{2}})@([^{_MARK}#]+)(?:#(\\w+)(?::([^{_MARK}]*))?)?{_MARK}")
_BUCKETS = ("overdue", "today", "week", "next")  # the follow-ups' headings, in their order


def day_mark(day: dt.date, zone: str, form: str = "") -> str:
    """`day`, to be said relative to the day the message is read in `zone` (today, tomorrow …);
    `form`: said as a task's due day (`task`) or a visit's lateness (`visit`), see above."""
    return f"{_MARK}{day.isoformat()}@{zone}{'#' + form if form else ''}{_MARK}"


def days_left_mark(working_days: list[dt.date], zone: str, period: str) -> str:
    """`3 working days left in December.`, counting the `working_days` after the reading day."""
    listed = ",".join(day.isoformat() for day in working_days)
    return f"{_MARK}{working_days[0].isoformat()}@{zone}#left:{listed}|{period}{_MARK}"


def bucket_heading() -> Heading:
    """Where the follow-ups' headings go; `as_sent` puts them back as of the reading day."""
    return Heading(day_mark(dt.date.min, "UTC", "bucket"))


def bucket_of(day: dt.date, today: dt.date) -> str:
    """The heading a follow-up due on `day` goes under as of `today`: overdue, today, the rest of this
    week (to Sunday), or next week (a Monday 14th read on Monday 7th is next week's, r31zh #39)."""
    if day != today:
        sunday = today + dt.timedelta(days=6 - today.weekday())
        return "overdue" if day < today else "week" if day <= sunday else "next"
    return "today"


def in_bucket(line: str, day: dt.date, zone: str) -> str:
    """A follow-up line due on `day`: under Overdue, Today or This week when read."""
    return day_mark(day, zone, "under") + line


def say(day: dt.date, today: dt.date, locale: str, form: str = "") -> str:
    """`day` in words as of `today`, in one of the forms above."""
    if form == "visit":
        late = (today - day).days
        return t(locale, "due_overdue", days=late) if late > 0 else t(locale, "due_today")
    if form == "togo":  # a contest's last day
        left = (day - today).days
        if left < 0:
            return t(locale, "contest_ended", day=fmt.day(day, today, locale, relative=False))
        return t(locale, "contest_days_left", days=left) if left else t(locale, "contest_last_day")
    when = fmt.day(day, today, locale)
    if form == "task":
        return t(locale, "task_late" if day < today else "task_when", when=when)
    return when


def as_sent(reply: Reply, now: dt.datetime) -> Reply:
    """The reply with its marked days in words for `now` (aware); unchanged when it has none."""
    if _MARK not in reply.text:
        return reply
    locale = reply.locale

    def said(match: re.Match) -> str:
        if match[3] in ("bucket", "under"):
            return ""
        today = now.astimezone(ZoneInfo(match[2])).date()
        if match[3] == "left":
            return _days_left(match[4], today, locale)
        return say(dt.date.fromisoformat(match[1]), today, locale, match[3] or "")

    def words(text: str) -> str:
        out = _DAY.sub(said, text)
        return Heading(out) if isinstance(text, Heading) else out
    lines = _regroup(reply.lines, now, locale)
    return replace(reply, title=words(reply.title), lines=tuple(words(line) for line in lines),
                   fields=tuple((key, words(value)) for key, value in reply.fields),
                   bars=tuple(replace(bar, detail=words(bar.detail)) for bar in reply.bars),
                   notes=tuple(words(note) for note in reply.notes))


def _days_left(listed: str, today: dt.date, locale: str) -> str:
    days, period = listed.split("|", 1)
    left = [day for day in map(dt.date.fromisoformat, days.split(",")) if day > today]
    if left:
        return t(locale, "days_left", days=len(left), period=period)
    return t(locale, "days_left_none" if today <= max(map(dt.date.fromisoformat, days.split(","))) else
             "period_over", period=period)


def _regroup(lines: tuple, now: dt.datetime, locale: str) -> tuple:
    """Follow-up lines under the headings they belong to when read (a list queued on Monday and
    read on Tuesday has Monday's under Overdue)."""
    marked = [i for i, line in enumerate(lines) if _MARK in line and
              (match := _DAY.match(line)) and match[3] in ("bucket", "under")]
    if not marked:
        return lines
    first, last = marked[0], marked[-1]
    groups: dict[str, list[str]] = {bucket: [] for bucket in _BUCKETS}
    for line in lines[first:last + 1]:
        match = _DAY.match(line)
        if match and match[3] == "under":
            day, today = dt.date.fromisoformat(match[1]), now.astimezone(ZoneInfo(match[2])).date()
            groups[bucket_of(day, today)].append(line)
    block = [part for bucket, mine in groups.items() if mine
             for part in (Heading(t(locale, f"followups_{bucket}")), *mine)]
    return (*lines[:first], *block, *lines[last + 1:])


#: A day a question's offered line sends as the grammar writes it (`close 2026-12-15`, `2027/01/04`)
_SENT_DAY = pattern(r"(?<!\d)(\d{4})([-/])(\d{2})\2(\d{2})(?!\d)")


def offered_days(reply: Reply, today: dt.date) -> Reply:
    """A question whose offered lines send days as the grammar writes them (`close 2026-12-15`)
    with those days shown the way replies show days (`close Tue, Dec 15` · `预计 12月15日周二`):
    in the lines and the buttons' labels the member reads; what a tap sends is unchanged."""
    if not reply.buttons:
        return reply

    def said(found: re.Match) -> str:
        try:
            day = dt.date(int(found[1]), int(found[3]), int(found[4]))
        except ValueError:
            return found[0]
        return fmt.day(day, today, reply.locale, relative=False)

    def shown(line):
        return line if isinstance(line, Heading) else _SENT_DAY.sub(said, line)
    return replace(reply, lines=tuple(shown(line) for line in reply.lines),
                   buttons=tuple(replace(b, label=shown(b.label)) for b in reply.buttons))
