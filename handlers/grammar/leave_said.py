"""A leave said in a sentence whose days come after the leave word, around words that only say
those days again (`月底那几天请假 12月28号到31号 回老家`, `off end of month, 12/28-12/31, visiting
family`): offered as `请假 12月28号到31号，回老家` (the why after the days kept as the leave's note,
as the command keeps it). Anything else is no match here; nothing is stored until tapped.

>>> import datetime as dt
>>> leave_said("月底那几天请假 12月28号到31号 回老家", dt.date(2026, 12, 6)).options[0][1]
'请假 12月28号到31号，回老家'
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c
from handlers.grammar.patterns import pattern

_LEAVE_ZH = pattern(r"请(?:一|两|三|四|五|几)?天?的?假|休假|请假")
_LEAVE_EN = pattern(r"(?<![A-Za-z])(?:off|ooo|on\s+leave|leave|pto|on\s+vacation|vacation|on\s+holiday)"
                    r"(?![A-Za-z])", re.I)
#: Words beside the leave word that only say the days again or who takes them (`月底那几天`, `end of month`)
_SAYS_DAYS = pattern(r"^(?:我|要|想|得|那|这|几天|两天|几日|月底|月初|年底|年初|月末|年末|过年|元旦|"
                     r"(?:i'?m|im|i\s+am|i'?ll\s+be|i\s+will\s+be|gonna\s+be|will\s+be|taking|take|"
                     r"at|the|end|of|month|eom|eoy|year|for|from|on|a\s+few\s+days|days)(?![A-Za-z])"
                     r"|[\s,，:：;；\-–—])*$", re.I)
_SPLIT = pattern(r"[\s,，;；]+")


def leave_said(raw: str, today: dt.date) -> c.ParseError | None:
    """The leave of a sentence that says its days after the leave word, or None."""
    from handlers.grammar.spans import date_in

    said = " ".join(raw.split())
    word = _LEAVE_ZH.search(said) or _LEAVE_EN.search(said)
    if word is None:
        return None
    after = said[word.end():]
    if not _SAYS_DAYS.match(said[:word.start()]) or (found := _days(after, today)) is None:
        return None
    days, cut = found
    if not (said[:word.start()] + after[:after.find(days)]).strip(" ,，:：;；-–—"):
        return None  # `off 12/23-12/31 for xmas`: the leave's own reading (handlers/grammar/sentences.py)
    why = after[cut:].strip(" ,，;；-–—。.")
    if why and date_in(why, today) is not None:  # a why naming a day is asked there, never kept unasked
        return None
    chinese = _LEAVE_ZH.search(said) is not None
    line = f"{'请假' if chinese else 'leave'} {days}"
    if why:
        line += f"{'，' if chinese else ', '}{why}"
    return c.ParseError(None, "sentence_leave", raw, options=(("as_leave", line, None),))


def _days(after: str, today: dt.date) -> tuple[str, int] | None:
    """(the days said after the leave word, where they end): two days or more, only words that
    say them again before them (`end of month, 12/28-12/31`); None where there are none."""
    from handlers.grammar.dates import parse_date_range

    bounds = [0] + [m.end() for m in _SPLIT.finditer(after)]
    cuts = [m.start() for m in _SPLIT.finditer(after)] + [len(after)]
    for start in bounds:
        if not _SAYS_DAYS.match(after[:start]):
            break
        for cut in reversed([end for end in cuts if end > start]):
            days = after[start:cut].strip(" ,，:：;；-–—")
            if not days or _SAYS_DAYS.match(days.split()[0]):  # `month, 12/28-12/31`: from the days
                continue
            span = parse_date_range(days, today) if days else None
            if span is not None and span[1] > span[0]:
                return days, cut
    return None
