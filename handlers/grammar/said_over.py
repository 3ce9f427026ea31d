"""A value corrected inside the message that says it: `商机 #47 8万 不对 是9万`, `deal #47 80k no wait
90k`, `跟进 周五 不对 周四`. A value, then 不对/不是/错了/no wait/sorry/I mean, then a value of the same
kind (an amount, a day, or a stage: `deal #5 lost.. no wait WON 190k`, `输了 不对 赢了`) means the later
one: the message is read as if only that one were said, and the reply says which was kept, so the
corrected-away value is never stored or offered alone."""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import vocabulary as V
from handlers.grammar.amounts import parse_amount
from handlers.grammar.dates import parse_date
from handlers.grammar.patterns import pattern

#: the words between a value and the value meant instead
_OOPS = pattern(r"[\s,，;；。]+(?:(?:不对|不是|错了|说错了|写错了|搞错了)[\s,，。!！:：]*(?:应该是|应该|是)?"
                r"|(?:no,?\s+wait|sorry|i\s+mean|i\s+meant|oops)(?:[\s,，:：]+(?:it'?s|make\s+it))?"
                r"(?=[\s,，:：]))[\s,，。!！:：]*", re.I)


def kind_of(words: str, today: dt.date) -> str | None:
    """`amount`, `day` or `stage` when the words are one of those as a whole, else None."""
    if _stage(words):
        return "stage"
    if parse_amount(words) is not None:
        return "amount"
    if parse_date(words, today) is not None:
        return "day"
    return None


def said_over(text: str, today: dt.date) -> tuple[str, str, str] | None:
    """The text with a corrected value left out, the value dropped and the one kept; None when no
    value is corrected by a value of its kind (then the text is read as it is)."""
    for oops in _OOPS.finditer(text):
        before, after = text[:oops.start()].rstrip(), text[oops.end():]
        for left in _tails(before):
            kind = kind_of(left, today)
            if kind is None:
                continue
            for right in _heads(after):
                if kind_of(right, today) == kind:
                    start = len(before) - len(left)
                    if kind == "stage":  # `lost..`: the word, not its dots
                        left, right = left.strip(".!。！~"), right.strip(".!。！~") or right
                    return (before[:start] + right + after[len(right):]), left, right
    return None


def _stage(words: str) -> bool:
    """Whether `words` are a stage's word, a win's or a loss's too (`lost..`, `WON`, `赢了`, `输了`)."""
    word = words.strip(".!。！~ ").lower()
    return word in V.STAGE_WORDS or word in _CLOSED


_CLOSED = {"win", "赢了", "输了", "丢了", "签了", "拿下了", "拿下"}


def _tails(text: str) -> list[str]:
    """The last two words, then the last word, of `text` (`jan 15`, then `15`)."""
    words = text.split()
    return [" ".join(words[-n:]) for n in (2, 1) if len(words) > n]


def _heads(text: str) -> list[str]:
    """The first two words, then the first word, of `text` (as typed, spaces kept)."""
    found = re.match(r"\S+(?:\s+\S+)?", text)
    if not found:
        return []
    first = re.match(r"\S+", text).group(0)
    return [found.group(0), first] if found.group(0) != first else [first]
