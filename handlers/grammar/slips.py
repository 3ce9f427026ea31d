"""A word that opens a correction typed with a slip (`sry it was 290k`, `acutally close is jan 15`,
`actualy make it 50k`): read as the word meant, so the message is the correction it says, never
"not understood" (#23, r17). Only the first word of a message that says more, and only these
words: a slip of another word is asked about where it is read (handlers/grammar/typos.py).

>>> lead_fixed("sry it was 290k")
'sorry it was 290k'
>>> lead_fixed("acutally close is jan 15")
'actually close is jan 15'
>>> lead_fixed("Actualy, make it 50k")
'actually, make it 50k'
>>> lead_fixed("story time")
'story time'
"""
from __future__ import annotations

import difflib

from handlers.grammar.patterns import pattern

_SORRY = {"sry", "sory", "srry", "sorr", "sorryy", "sorri", "srr"}
_FIRST = pattern(r"^(?P<word>[A-Za-z]+)(?P<rest>[\s,.!:]+\S.*)$", 0)


def lead_fixed(text: str) -> str:
    """`text` with its first word read as `sorry` or `actually` where it is a slip of one."""
    found = _FIRST.match(text.strip())
    if found is None:
        return text
    word = found["word"].lower()
    if word in _SORRY:
        return "sorry" + found["rest"]
    if word != "actually" and word[0] == "a" and len(word) >= 6 \
            and difflib.SequenceMatcher(None, word, "actually").ratio() >= 0.8:
        return "actually" + found["rest"]  # `acutally`, `actualy`, `acually`, `actully`
    return text
