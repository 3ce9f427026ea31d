"""New days said for an offer still open (`no, 12/28-12/31, i'll work xmas eve` while "take the
days off without those words: leave 12/23 - 12/31?" waits): the offered line with those days instead,
asked again (never made at once: the offer was not taken). The words after the days say why the
days changed: no part of the line (the offer's own why, `leave …, dentist`, stays). One end moved
(`make it end 12/23`) is handlers/grammar/range_edit.py."""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar.dates import parse_date_range
from handlers.grammar.patterns import pattern

#: a correction's opening words, then the days (`no, 12/28-12/31`, `actually 12/28 - 12/31`, `不对 是…`)
_SAID = pattern(r"^(?:(?:no+|nope|nah|sorry|oops|actually|wait|correction|my\s+bad|typo|不对|不是|错了|"
                r"说错了|更正)[\s,，.!！:：]*)+(?:(?:i\s+meant|make\s+it|it'?s|should\s+be|应该是|是|改成|改为)\s*)?"
                r"(?P<days>.+)$", re.I)
_WHY = pattern(r"\s*(?:[,，;；]|\s[-–—]\s|\s+(?:because|bc|cause|as|since)\s)\s*", re.I)


def _days(said: str, today: dt.date) -> str | None:
    """The words of the days `said` starts with (the why after them left out), or None."""
    if parse_date_range(said.strip(" .。!！"), today) is not None:
        return said.strip(" .。!！")
    for cut in _WHY.finditer(said):
        if parse_date_range(said[:cut.start()].strip(), today) is not None:
            return said[:cut.start()].strip()
    return None


def range_replaced(answers: list[str], text: str, today: dt.date) -> tuple[str, ...] | None:
    """The one offered line ending in a range of days, with the days `text` says instead; None
    where `text` says no new days or the offer holds no such line.

    >>> range_replaced(["leave 12/23 - 12/31"], "no, 12/28-12/31, i'll work xmas eve", dt.date(2026, 12, 6))
    ('leave 12/28-12/31',)
    >>> range_replaced(["leave 12/23 - 12/31, for xmas"], "actually 12/28-12/31", dt.date(2026, 12, 6))
    ('leave 12/28-12/31, for xmas',)
    """
    from handlers.grammar.command_json import pressed

    found = _SAID.match(" ".join(text.split()))
    days = _days(found["days"], today) if found else None
    lines = [line for answer in answers if isinstance(line := pressed(answer), str)]
    if days is None or len(lines) != 1 or len(lines) != len(answers):
        return None
    head, why = lines[0], ""
    if (cut := re.search(r"[,，]", head)) is not None:  # `leave 12/23 - 12/31, for xmas`: its why kept
        head, why = head[:cut.start()], head[cut.start():]
    for line, tail in ((head, why), (lines[0], "")) if why else ((head, ""),):
        words = line.split()
        for start in range(1, len(words)):
            if parse_date_range(" ".join(words[start:]), today) is not None:
                return (f"{' '.join(words[:start])} {days}{tail}",)
    return None
