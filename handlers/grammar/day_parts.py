"""A part of the day said with a day (`明天中午`, `周四下午`, `明天下班前`, `fri pm`, `tomorrow at
noon`, `eod fri`, `tonight`): the day is the date a follow-up, a due day or a close day keeps; the
part of the day is read with it, never left over as words of a next step or a name.

A task keeps a Chinese part of the day as the start of its title (`明天中午跟美的财务对一下` → due
tomorrow, `中午跟美的财务对一下`): it says when in the day; elsewhere it is consumed with the day.
"""
from __future__ import annotations

import re

from handlers.grammar.patterns import pattern

#: The parts of a day in Chinese, longest first where one holds another (`午饭后` before `饭后`)
ZH_PARTS = ("一大早", "一早", "早上", "早晨", "清晨", "凌晨", "上午", "中午", "午饭前", "午饭后", "午饭时",
            "午餐前", "午餐后", "午休前", "午休后", "午后", "饭后", "下午", "傍晚", "晚上", "晚间", "夜里",
            "晚饭前", "晚饭后", "下班前", "下班后", "下班", "上班前", "上班后", "白天", "早", "晚")
_EN = (r"(?:(?:in\s+the\s+|at\s+|by\s+|before\s+|after\s+|around\s+)?"
       r"(?:morning|noon|midday|lunch|lunchtime|afternoon|evening|night|eod|cob|eob|"
       r"end\s+of\s+(?:the\s+)?(?:business\s+)?day|close\s+of\s+business|am|pm|a\.m\.|p\.m\.)"
       r"|first\s+thing(?:\s+in\s+the\s+morning)?)")
#: A time of day in Chinese (`两点`, `3点半`, `十点十五`, `14:30`), after a part of the day or alone,
#: perhaps with `前` (`明天下午两点前`): kept as words with the part of the day
_ZH_CLOCK = (r"(?:(?:[零一二两三四五六七八九十]{1,3}|\d{1,2})[点點]"
             r"(?:半|一刻|三刻|\d{1,2}分?|[一二三四五]?十?"
             r"[一二三四五六七八九]?分)?|\d{1,2}:\d{2})")
_ZH_PARTS = "(?:" + "|".join(sorted(ZH_PARTS, key=len, reverse=True)) + ")"
_ZH_SUFFIX = pattern(f"(?<=.)(?:{_ZH_PARTS}(?:{_ZH_CLOCK}(?:之前|以前|前)?)?|{_ZH_CLOCK}(?:之前|以前|前)?)$")
_EN_SUFFIX = pattern(r"(?<=\S)\s*,?\s+" + _EN + r"$", re.I)
_EN_PREFIX = pattern(r"^" + _EN + r"\s*,?\s+(?:on\s+)?(?=\S)", re.I)
#: A day and its part in one word (`今晚`, `明早`, `tonight`): the day they name, from today
ALONE = {"tonight": 0, "tonite": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
         "今晚": 0, "今天晚上": 0, "明早": 1, "明晚": 1, "明儿": 1}


def day_and_part(text: str) -> tuple[str, str] | None:
    """(the day's words, the part of the day's) of `明天中午`, `fri pm`, `noon tomorrow`, as
    said; None when no part of the day is said with words left for a day."""
    said = text.strip()
    if found := _ZH_SUFFIX.search(said):
        return said[:found.start()].rstrip(" ,，"), found[0]
    if found := _EN_SUFFIX.search(said):
        return said[:found.start()], found[0].strip(" ,")
    if found := _EN_PREFIX.match(said):
        return said[found.end():], said[:found.end()].strip(" ,")
    return None


def zh_part_at_end(text: str) -> str:
    """The Chinese part of the day `text` ends with (`明天中午` → `中午`), or ``."""
    found = _ZH_SUFFIX.search(text.strip())
    return found[0] if found and found[0] not in ("早", "晚") else ""
