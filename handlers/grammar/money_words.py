"""An amount said in English words (`half a mil`, `a quarter million`, `two hundred k`, `twenty-five
grand`, `a million`), written in digits (`500k`, `250k`, `200k`, `25k`, `1m`) before it is read.
Only forms with one reading: a fraction of a million, or a whole number in words (up to 999) with
its unit (`k`, `grand`, `thousand`, `mil`, `million`); `two fifty k` (250k? 2 and 50k?) stays words."""
from __future__ import annotations

import re

from handlers.grammar.patterns import pattern

_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
         "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_NUMBER = "|".join(sorted((*_ONES, *_TENS), key=len, reverse=True))
_DIGIT = "one|two|three|four|five|six|seven|eight|nine|zero"
_THOUSAND = r"(?:k|grand|thousand|thou)"
_MILLION = r"(?:mil|mils|million|millions|mio|mln)"
#: `half a mil` · `a quarter million` · `a quarter of a mil` · `three quarters of a million`
_FRACTION = pattern(rf"(?<![\w.,$¥€£])(?:(?P<three>three)[\s-]+quarters"
                    rf"|(?:an?\s+|one\s+)?(?P<part>half|quarter))"
                    rf"(?:\s+of)?\s+(?:an?|one)\s+{_MILLION}(?![\w])"
                    rf"|(?<![\w.,$¥€£])(?:an?\s+)?(?P<short>quarter)\s+{_MILLION}(?![\w])", re.I)
#: `two hundred k` · `a hundred grand` · `twenty-five thousand` · `a million` · `one point five mil`
_WORDS = pattern(rf"(?<![\w.,$¥€£])(?P<num>(?:(?:an?|{_NUMBER})[\s-]+hundred(?:[\s-]+(?:and[\s-]+)?"
                 rf"(?:{_NUMBER})(?:[\s-]+(?:{_NUMBER}))?)?)|(?:{_NUMBER})(?:[\s-]+(?:{_NUMBER}))?|an?)"
                 rf"(?:\s+point\s+(?P<tenth>{_DIGIT}))?\s+(?P<unit>{_THOUSAND}|{_MILLION})(?![\w])", re.I)


def money_words(text: str) -> str:
    """`text` with each amount said in English words written in digits (`half a mil` → `500k`)."""
    text = _FRACTION.sub(_fraction, text)
    return _WORDS.sub(_in_digits, text)


def _fraction(found: re.Match) -> str:
    if found["three"]:
        return "750k"
    return "500k" if (found["part"] or "").lower() == "half" else "250k"


def _in_digits(found: re.Match) -> str:
    value = _value(re.split(r"[\s-]+", found["num"].lower()))
    if value is None or found["num"].lower() in ("a", "an") and found["unit"].lower() == "k":  # `a k`
        return found[0]
    unit = "k" if re.fullmatch(_THOUSAND, found["unit"], re.I) else "m"
    if found["tenth"]:  # `one point five mil`: 1.5m
        tenth = 0 if found["tenth"].lower() == "zero" else _ONES[found["tenth"].lower()]
        return f"{value}.{tenth}{unit}"
    return f"{value}{unit}"


def _value(words: list[str]) -> int | None:
    """`two hundred and fifty` 250, `twenty five` 25, `a` 1; None for words of no one number."""
    total = 0
    if "hundred" in words:
        at = words.index("hundred")
        head = words[:at]
        if len(head) != 1 or not (head[0] in ("a", "an") or head[0] in _ONES and _ONES[head[0]] < 10):
            return None
        total, words = (1 if head[0] in ("a", "an") else _ONES[head[0]]) * 100, words[at + 1:]
        words = [w for w in words if w != "and"]
        if not words:
            return total
    if words in (["a"], ["an"]):
        return 1 if not total else None
    if len(words) == 1 and (words[0] in _ONES or words[0] in _TENS):
        return total + _ONES.get(words[0], 0) + _TENS.get(words[0], 0)
    if len(words) == 2 and words[0] in _TENS and words[1] in _ONES and _ONES[words[1]] < 10:
        return total + _TENS[words[0]] + _ONES[words[1]]  # `twenty five`, `twenty-five`
    return None
