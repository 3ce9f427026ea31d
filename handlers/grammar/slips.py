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

A leading `also` joins the message on to the one before and says nothing else (`also globex deal
to negotiation`): the message without it, unless a field of the last change follows (`also close
1/15`, `also fu fri`: more of that change, handlers/sales/said_again.py).

>>> lead_fixed("also globex deal to negotiation")
'globex deal to negotiation'
>>> lead_fixed("also fu fri")
'also fu fri'

A `sorry` (or a slip of it) or an `actually` at the end of a correction that a word of correcting
opens says nothing more (`actualy 185k sry`, `make it 185k sorry`): left out; at the end of any
other message it stays (`visit #5 follow up 12/18 actually` is read as it is).

>>> lead_fixed("actualy 185k sry")
'actually 185k'
>>> lead_fixed("make it 185k sorry!")
'make it 185k'
>>> lead_fixed("visit #5 follow up 12/18 actually")
'visit #5 follow up 12/18 actually'
>>> lead_fixed("lost: they were sorry")
'lost: they were sorry'
"""
from __future__ import annotations

import difflib
import re

from handlers.grammar.emoticons import without_emoticons
from handlers.grammar.fillers import is_filler
from handlers.grammar.patterns import pattern

_SORRY = {"sry", "sory", "srry", "sorr", "sorryy", "sorri", "srr", "soz"}
_FIRST = pattern(r"^(?P<word>[A-Za-z]+)(?P<rest>[\s,.!:]+\S.*)$", 0)
#: Words that open a correction besides the fillers (handlers/grammar/fillers.py)
_OPENERS = {"make", "it", "its"}
#: A last word that only says sorry or actually (`185k sry`, `185k, sorry!`), after a number
_LAST = pattern(r"^(?P<rest>.*[\dkKmMwW万%])[\s,.!:]+(?P<word>[A-Za-z]+)[\s.!]*$", 0)


_ALSO = pattern(r"^(?:also|and\s+also)[\s,]+(?!(?:(?:set|make|change|move|push|put)\s+)?(?:the\s+)?"
                r"(?:close|closing|follow[\s-]?up|fu|f/u|amount|value)(?![A-Za-z]))(?=[A-Za-z#\d])", re.I)


def lead_fixed(text: str) -> str:
    """`text` with its first word read as `sorry` or `actually` where it is a slip of one, without
    a leading `also` that says nothing, nor an emoticon (handlers/grammar/emoticons.py)."""
    text = without_emoticons(text)  # `lost 格力 :( price too high`: no emoticon left in a field
    if (also := _ALSO.match(text.strip())) is not None:
        text = text.strip()[also.end():]
    if (last := _LAST.match(text.strip())) is not None and _slip(last["word"].lower()) \
            and (first := _FIRST.match(last["rest"])) is not None \
            and (_slip(word := first["word"].lower()) or word in _OPENERS or is_filler(word)):
        text = last["rest"]  # `actualy 185k sry`, `make it 185k sorry`: said once, where it opens
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


def _slip(word: str) -> str | None:
    """`sorry` or `actually` where `word` is one of them or a slip of it, else None."""
    if word == "sorry" or word in _SORRY:
        return "sorry"
    if word == "actually" or word[0] == "a" and len(word) >= 6 and word not in ("actual", "actuals") \
            and difflib.SequenceMatcher(None, word, "actually").ratio() >= 0.8:
        return "actually"
    return None
