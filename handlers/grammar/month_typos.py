"""A month's name misspelt by one letter (`jna`, `janurary`, `feburary`, `agust`, `decmber`): found in
a message no command reads, so that the message as probably meant is offered (one tap), never a
day guessed and never a flat refusal (handlers/no_command.py asks).

>>> month_typo("close date end of jna")
MonthTypo(typed='jna', month=1, fixed='close date end of january')
>>> month_typo("snooze 69 to Decmber 3").fixed
'snooze 69 to December 3'
>>> month_typo("close date end of jan") is None
True
"""
from __future__ import annotations

from typing import NamedTuple

from handlers.grammar.patterns import pattern

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
#: Words a letter away from a month's name that are words of their own (`match`, `junk`, `jury`)
_WORDS = frozenset({"match", "marsh", "marc", "mach", "junk", "jury", "june", "jun", "jul", "jun.", "mayo",
                    "mays", "jane", "dune", "tune", "augusta", "julie", "julia", "julio", "marchs"})
_WORD = pattern(r"(?<![A-Za-z])[A-Za-z]{3,10}(?![A-Za-z])")


class MonthTypo(NamedTuple):
    typed: str  # the word as typed
    month: int  # 1-12
    fixed: str  # the message with the month's name written out


def month_typo(text: str) -> MonthTypo | None:
    """The first word of `text` that is a month's name misspelt by one letter, and `text` with it
    put right; None where there is none."""
    for found in _WORD.finditer(text):
        word = found[0]
        month = _month_of(word.lower())
        if month is not None:
            name = MONTHS[month - 1]
            name = name.capitalize() if word[:1].isupper() else name
            return MonthTypo(word, month, text[:found.start()] + name + text[found.end():])
    return None


def _month_of(word: str) -> int | None:
    if word in _WORDS or any(name.startswith(word) for name in MONTHS) or word == "sept":
        return None  # a month's name or the start of one (`jan`, `janu`, `sept`): no typo
    if len(word) == 3:  # `jna`, `fbe`, `dce`: the last two letters of its three swapped
        return next((i for i, name in enumerate(MONTHS, 1) if word == name[0] + name[2] + name[1]), None)
    near = [i for i, name in enumerate(MONTHS, 1) if name[0] == word[0] and len(name) >= 4
            and _one_edit(word, name)]
    return near[0] if len(near) == 1 else None


def _one_edit(word: str, name: str) -> bool:
    """Whether `word` is `name` with one letter left out, added, changed, or two side by side swapped."""
    if abs(len(word) - len(name)) > 1 or word == name:
        return False
    if len(word) == len(name):
        diff = [i for i, (a, b) in enumerate(zip(word, name, strict=True)) if a != b]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and word[diff[0]] == name[diff[1]] and word[diff[1]] == name[diff[0]])
    short, long = (word, name) if len(word) < len(name) else (name, word)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))
