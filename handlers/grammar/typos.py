"""A misspelt command word at the start of a message (`vist Acme: …`, `拜方 华为`, `392 dnoe`):
asked about, never read as something else."""
from __future__ import annotations

import re

from handlers.grammar import vocabulary as V
from handlers.grammar.intents import KEYWORDS_EN, ZH_LONGEST_FIRST
from handlers.grammar.patterns import pattern
from handlers.grammar.short_typos import short_typo

_CJK = pattern(r"[\u3400-\u9fff]")


def keyword_typo(text: str) -> tuple[str, str] | None:
    """(typo, keyword) when `text` starts with a misspelt command word (`vist Acme: …`, `拜方 华为`)."""
    first = text.split(" ", 1)[0].rstrip(":")
    if (numbered := NUMBER_FIRST.match(text)) is not None:  # `392 dnoe`, `392 完城`: the done word
        word = numbered["word"]  # after a number
        done = V.near_short(word, _DONE_AFTER_ZH) if _CJK.match(word) else V.near_word(word, _DONE_AFTER,
                                                                                        cutoff=0.7)
        return (word, done) if done else None
    if _CJK.search(first[:1]):
        for keyword in ZH_LONGEST_FIRST:  # glued (`拜方华为`) when 3+ long, else a word
            size = len(keyword)
            head = text[:size]
            near = size >= 2 and len(head) == size and sum(a != b for a, b in zip(head, keyword,
                                                                                 strict=True)) == 1
            if near and (size >= 3 or text[size:size + 1] in ("", " ", ":")):
                return head, keyword
        return None
    if first.rstrip("?？!！").lower() in KEYWORDS_EN:  # `fu's?`: the word itself, a mark after it
        return None
    if first.lower() in V.CLOSE_WORDS or first.lower() in V.FIELD_LABELS or first.lower() in V.STAGE_WORDS:
        return None  # `close date end of jan`: a field's own word, never a slip of `lose` (a loss)
    if first.lower() in _CLOSED_SAID:
        return None  # `closed globex 160k`: a win said in words, never a slip of `lose`
    keyword = V.near_word(first, KEYWORDS_EN) or _short_typo(first.lower()) or short_typo(first)
    return (first, keyword) if keyword else None


#: A follow-up's number and one word after it (`392 dnoe`): a misspelt done word is asked about
NUMBER_FIRST = pattern(r"^#?\d{1,9}\s*(?P<word>(?<=\s)[a-z]{3,}|[\u4e00-\u9fff]{2})(?:(?<=[^a-z])[了啦])?"
                        r"[\s!！.。]*$", re.I)
_CLOSED_SAID = frozenset({"closed", "signed", "landed", "nailed", "sealed"})
_DONE_AFTER = frozenset({"done", "finished", "completed"})
_DONE_AFTER_ZH = frozenset({"完成", "搞定", "做完", "办完", "弄完"})


def _short_typo(word: str) -> str | None:
    """A three-letter command word with one letter too many (`wonn`, `lsot` is near_word's)."""
    if len(word) != 4 or not word.isalpha() or word.endswith("s"):  # `wins this month?`: a plural
        return None
    near = {k for i in range(4) if len(k := word[:i] + word[i + 1:]) == 3 and k in KEYWORDS_EN}
    return near.pop() if len(near) == 1 else None
