"""A day cut out of free text (a task's title, a visit's next step): the words that said it go
with it, its own preposition or marker too (`by wed`, `for fri`, `no later than mon`, `周三前`,
`周五之前`), and what is left is tidied (no dangling `,`, `&`, `and`, no leading `to`). What still
reads broken after that (`call Acme about the`), or a day or a part of the day left alone in it
(`call Acme morning`), is asked about, never kept silently.
"""
from __future__ import annotations

import re

from handlers.grammar.day_parts import ZH_PARTS, day_and_part
from handlers.grammar.normal import view
from handlers.grammar.patterns import pattern

#: The words before a day that say it is the day something is due by, taken with it
MARK_BEFORE = pattern(r"(?:(?<![A-Za-z])(?:no\s+later\s+than|not\s+later\s+than|due\s+(?:on|by)|by|for|"
                       r"before|on|until|till|til|due|latest\s+by|at\s+the\s+latest\s+by)\s*|[在于截至]\s*)$",
                       re.I)
#: The Chinese marks after a day that say it is the day something is due by (`周三前`, `月底之内`)
_MARK_AFTER = pattern(r"^\s*(?:之前|以前|之内|以内|前|内)")
#: What a text may not begin or end with once a day was cut from it
_LEAD = pattern(r"^(?:[\s,，;；:：&+、.。-]|(?:and|then|&)(?![A-Za-z]))+", re.I)
_TO = pattern(r"^to\s+(?=\S)", re.I)
_TRAIL = pattern(r"(?:[\s,，;；:：&+、-]|(?<![A-Za-z])(?:and|then)|[和并及且])+$", re.I)
#: Words a text cannot end with and still read whole (`call Acme about the`; not `check in`)
_BROKEN_END = pattern(r"(?<![A-Za-z])(?:the|a|an|of|with|about|to|for|by|at|from|before|until|due|"
                      r"my|our|their|his|her)$|[的在于把向]$", re.I)


def cut_day(text: str, start: int, end: int) -> str:
    """`text` without `text[start:end]` (a day said in it), its marker, and the punctuation and
    joining words it leaves dangling: `call Acme by wed, and chase the PO` → `call Acme, and chase
    the PO`; `prep review for fri` → `prep review`; `周三之前给华为打电话` → `给华为打电话`."""
    head, tail = text[:start], text[end:]
    if before := MARK_BEFORE.search(head):
        head = head[:before.start()]
    if after := _MARK_AFTER.match(tail):
        tail = tail[after.end():]
    return tidy(f"{head.rstrip()} {tail.lstrip()}" if head.strip() and tail.strip() else head + tail)


def tidy(text: str, *, to: bool = True) -> str:
    """`text` with no space before its punctuation, no punctuation said twice and no joining word
    or mark left at either end (`& send the deck` → `send the deck`), nor, with `to`, a leading `to`
    (`remind me tue to chase JD.com`: `chase JD.com`)."""
    said = " ".join(text.split())
    said = re.sub(r"\s+([,，;；.。!！?？])", r"\1", said)
    said = re.sub(r"([,，;；])(?:\s*[,，;；])+", r"\1", said)
    said = _LEAD.sub("", said)
    said = _TO.sub("", said) if to else said
    return _TRAIL.sub("", said).strip()


def reads_broken(text: str) -> bool:
    """Whether what is left of a text once a day was cut from it cannot stand on its own."""
    said = text.strip(" .。!！")
    return not said or bool(_BROKEN_END.search(said))


#: A day or a part of the day, as a word of its own (`morning`, `tmrw`, `周五`, `下午`); not `pm`,
#: a product manager as often as the afternoon
_DAY_WORD = pattern(r"(?<![A-Za-z0-9'’:])(?:today|tonight|tonite|tomorrow|tmrw|tmr|tomorow|yesterday|"
                    r"morning|afternoon|evening|noon|midday|eod|"
                    r"mon|monday|tue|tues|tuesday|wed|weds|wednesday|thu|thur|thurs|thursday|fri|friday|"
                    r"saturday|sunday)(?![A-Za-z'’])"
                    r"|今天|明天|后天|昨天|今晚|明早|明晚|(?:上午|下午|晚上|中午|早上)(?![\d一二三四五六七八九十两])|"
                    r"(?:周|星期|礼拜)[一二三四五六日天]", re.I)


#: When in the day, said the way a task keeps it with its due day (`中午跟美的…`, `… in the morning`)
_ZH_KEPT = "|".join(sorted((p for p in ZH_PARTS if len(p) > 1), key=len, reverse=True))
_PART_KEPT = pattern(f"^(?:{_ZH_KEPT})" + r"|\s(?:in\s+the\s+(?:morning|afternoon|evening)|"
                     r"at\s+(?:noon|midday|lunch(?:time)?|night)|by\s+(?:eod|cob|eob))(?![A-Za-z])", re.I)


def part_first(word: str) -> tuple[str, str] | None:
    """(the part of the day, the rest) of a Chinese title a task's day was put before (`上午给华为…`)."""
    found = _PART_KEPT.match(word)
    return (found[0], word[found.end():]) if found and found[0].strip() and word[found.end():] else None


def day_word_left(text: str, dated: bool = False) -> str | None:
    """A day or a part of the day left in a text (`call Acme morning`), or None; with a day read
    (`dated`), the part of the day kept with it (`中午跟美的…`, `… in the morning`) is no leftover."""
    found = _DAY_WORD.search(_PART_KEPT.sub(" ", text) if dated else text)
    return found[0] if found else None


#: The part of the day as a task's title keeps it in English (`tmrw morning` → `in the morning`)
_PHRASES = {"morning": "in the morning", "am": "in the morning", "a.m.": "in the morning",
            "afternoon": "in the afternoon", "pm": "in the afternoon", "p.m.": "in the afternoon",
            "evening": "in the evening", "night": "at night", "noon": "at noon", "midday": "at noon",
            "lunch": "at lunch", "lunchtime": "at lunch", "eod": "by eod", "cob": "by cob", "eob": "by eob"}


def with_part(title: str, part: str) -> str:
    """`title` said with its part of the day: `中午` before a Chinese one (`中午跟美的财务对一下`),
    an English one after it as a phrase (`call tencent's CTO in the morning`)."""
    if not part:
        return title
    if re.search(r"[\u3400-\u9fff]", part):
        return f"{part}{title}"
    said = " ".join(part.split())
    if said.lower().startswith(("end", "close")):  # `fri end of day`: by then
        said = f"by {said}"
    return f"{title} {_PHRASES.get(said.lower(), said)}"


def part_said(said: str) -> str:
    """The part of the day said with a task's day (`mon morning`, `明天上午`, `noon tomorrow`), as
    typed, kept in its title: it says when in the day (the due day holds no time)."""
    split = day_and_part(view(said))
    if split is None or not split[0]:
        return ""
    at = view(said).lower().rfind(split[1].lower())
    return said[at:at + len(split[1])] if at >= 0 else ""


def cut_day_keeping_part(text: str, start: int, end: int) -> str:
    """`cut_day`, the part of the day said with the day kept in the title where it was said
    (`call sarah tmrw morning re onboarding` → `call sarah in the morning re onboarding`; a Chinese
    one first, `上午给华为打电话 聊续约`): the due day holds no time, and no word said vanishes."""
    part = part_said(text[start:end])
    if not part or re.search(r"[\u3400-\u9fff]", part):
        return with_part(cut_day(text, start, end), part)
    head, tail = text[:start], text[end:]
    if before := MARK_BEFORE.search(head):
        head = head[:before.start()]
    if not head.strip():  # `tmrw morning call Acme`: said after the title, as at its end
        return with_part(tidy(tail), part)
    return tidy(f"{head.rstrip()} {with_part('', part).strip()} {tail.lstrip()}")
