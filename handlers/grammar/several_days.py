"""Several days said in one breath (`tmrw + mon`, `fri and mon`, `12/24, 12/31`): leave on each
of them, asked (`leave tmrw + mon`, `gonna be OOO tmrw + mon`), each day a line of its own."""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c
from handlers.grammar.normal import view
from handlers.grammar.patterns import pattern

_DAYS_APART = pattern(r"\s*(?:\+|&|,|，|、|和|(?<![A-Za-z])(?:and|plus)(?![A-Za-z]))\s*", re.I)
#: A weekday said alone after one said with its week (`next wed and thurs`, `下周三和周四`): that week's
_BARE_WEEKDAY = pattern(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*$|^(?:周|星期|礼拜)[一二三四五六日天]$", re.I)
_WEEK_SAID = pattern(r"^(?:(?:next|this)\s+|下下?|这|本)", re.I)


def days_apart(said: str, today: dt.date) -> list[str] | None:
    """The days of `tmrw + mon` · `fri and mon` · `12/24, 12/31`, each as said, when there are two
    or more and each is a day (or a range of days); else None."""
    from handlers.grammar.dates import parse_date_range

    parts = [p.strip() for p in _DAYS_APART.split(said.strip(" .!")) if p.strip()]
    parts = [piece for part in parts for piece in _pieces(part, today)]  # `下周三下周四`, `下周三 下周四`
    for i in range(1, len(parts)):
        if _BARE_WEEKDAY.match(parts[i]) and (week := _WEEK_SAID.match(parts[i - 1])):
            parts[i] = week[0] + parts[i]
    days = [parse_date_range(p, today) for p in parts]
    if len(parts) < 2 or any(day is None for day in days):
        return None
    return [part for i, part in enumerate(parts) if days[i] not in days[:i]]  # `tmrw + mon` on a Sunday


#: A Chinese day word, so that two said with nothing between are told apart (`下周三下周四`, `明天后天`)
_ZH_DAY = pattern(r"(?:下下?|这|本|上)?个?(?:周|星期|礼拜)[一二三四五六日天]|大?后天|明天|今天"
                  r"|(?:\d{1,2}月)?\d{1,2}[日号]")


def _pieces(part: str, today: dt.date) -> list[str]:
    """`part`, or the days it holds said one after another with only a space, or nothing, between
    them (`下周三 下周四`, `下周三下周四`, `周三周四`, `next wed next thu`) where each is a day alone."""
    from handlers.grammar.dates import parse_date_range

    if parse_date_range(part, today) is not None:
        return [part]
    words = []
    for word in part.split():  # `下周三下周四`: the day words glued together, each its own
        glued = [word[found.start():found.end()] for found in _ZH_DAY.finditer(view(word))]  # (`下週三`)
        words += glued if len(glued) > 1 and "".join(glued) == word else [word]
    out, start = [], 0
    while start < len(words):  # the longest day first: `next wed` · `next thu`
        end = next((end for end in range(len(words), start, -1)
                    if parse_date_range(" ".join(words[start:end]), today)), None)
        if end is None:
            return [part]
        said = " ".join(words[start:end])
        week = _WEEK_SAID.match(view(out[-1])) if out and _BARE_WEEKDAY.match(view(said)) else None
        out.append((week[0] if week else "") + said)  # `下周三周四`: 下周四
        start = end
    return out


def one_stretch(said: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """(first, last) of days said apart that follow one another (`next wed and thurs`, `下周三和周四`,
    `12/24 + 12/25`): one leave from the first to the last; else None."""
    from handlers.grammar.dates import parse_date_range

    parts = days_apart(said, today)
    if parts is None:
        return None
    days = sorted(parse_date_range(part, today) for part in parts)
    if any((later[0] - earlier[1]).days != 1 for earlier, later in zip(days, days[1:], strict=False)):
        return None
    return days[0][0], days[-1][1]


def days_then_words(rest: str, today: dt.date) -> tuple[str, str] | None:
    """(the days, the words after them) when `rest` is days and then words (`24/12-1/1, family
    trip`, `next fri for a dentist appt`), else None."""
    from handlers.grammar.dates import parse_date_range

    for cut in reversed([m.start() for m in re.finditer(r"[\s,，;；]+", rest)]):
        head, tail = rest[:cut].strip(), rest[cut:].strip(" ,，;；-–")
        if tail and (parse_date_range(head, today) or one_stretch(head, today)) is not None:
            return head, tail
    return None


def leave_days(rest: str, today: dt.date, word: str = "leave", *, whole: bool = False) -> c.ParseError | None:
    """`leave tmrw + mon`: leave on each of the days (each a line of its own), asked; the option a
    message of its own (`whole`, no command word said), or after the command's word (a new line)."""
    days = days_apart(rest, today)
    if days is None:
        return None
    lines = "\n".join(f"{word} {day}" for day in days)
    return c.ParseError("leave", "leave_days", " · ".join(days),
                        options=(("as_leave_days", lines if whole else "\n" + lines, None),))


def days_said_why(rest: str, typed: str, today: dt.date) -> tuple[tuple[dt.date, dt.date], str] | None:
    """((first, last), why) when `rest` is the leave's days and then why (`fri, dentist`, `周五 看牙`,
    `12/24-12/31 family trip`): the words after the days as `typed` (case kept), kept with the leave
    as its note (r23: never asked to drop them); None where the words hold a day of their own."""
    from handlers.grammar.dates import parse_date_range

    found = days_then_words(rest, today)
    if found is None:
        return None
    head, tail = found
    days = parse_date_range(head, today) or one_stretch(head, today)
    if days is None or parse_date_range(tail, today) or one_stretch(tail, today) or _DAY_WORD.search(tail):
        return None
    at = typed.lower().rfind(tail)
    why = typed[at:at + len(tail)] if at >= 0 and len(typed) == len(typed.lower()) else tail
    return (days[0], days[-1]), why.strip(" ,，;；:：")


#: words of a day or a time of day: a tail holding one is more days, asked about, never a note
_DAY_WORD = pattern(r"\d|(?<![A-Za-z])(?:mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs?|rsday)?|"
                    r"fri(?:day)?|sat(?:urday)?|sun(?:day)?|tomorrow|tmrw|today|next|weeks?|months?|morning|"
                    r"afternoon|evening|am|pm|half)(?![A-Za-z])"
                    r"|[周礼星]|天|上午|下午|晚上|半天|明|后天|号|月", re.I)
