"""`also` typed with a slip (`alos`, `aslo`, `alsp`, `laso`) where it joins a second command on
(`done task 1, alos snooze 1 to fri`, `alos leave fri`), or the command word after `also` typed with
one (`done task 1, also snoze 1 fri`, `…, and laeve fri`): the message with the words written in,
offered with one tap ("did you mean …"), never the slip and the command after it read as a title or
notes, nor dropped (r23). Only where a command's word follows; a slip inside notes is left as typed.

>>> also_fixed("done task 1, alos snooze 1 to fri")
('alos', 'done task 1, also snooze 1 to fri')
>>> also_fixed("aslo leave fri"), also_fixed("visit acme: alos asked about pricing")
(('aslo', 'also leave fri'), None)
>>> also_fixed("also snooze 1 fri"), also_fixed("als snooze 1 fri")
(None, ('als', 'also snooze 1 fri'))
>>> from handlers.grammar.reading import parse
>>> also_fixed("done task 1, also snoze 1 fri", None, parse)
('snoze', 'done task 1, also snooze 1 fri')
>>> also_fixed("snooze 1 fri, then laeve mon", None, parse)
('laeve', 'snooze 1 fri, then leave mon')
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c
from handlers.grammar.intents import split_keyword
from handlers.grammar.normal import simplified
from handlers.grammar.parse import normalize
from handlers.grammar.patterns import pattern
from handlers.grammar.typos import keyword_typo

#: a word at the message's start or after a break (`,`, `;`, `and`), then the words after it
_AT_BREAK = pattern(r"(?:^|[,，;；.。!！]\s*|\s)(?P<word>[A-Za-z]{3,5})\s+(?=\S)")
#: a joining word at a break, then the word after it (a command's, perhaps with a slip)
_JOINED = pattern(r"(?:(?:[,，;；.。!！]\s*|\s)(?:and\s+also|also|plus)|[,，;；]\s*(?:and|then))\s+"
                  r"(?P<word>[A-Za-z]{3,9})\s+(?=\S)", re.I)
#: slips of `also` a phone makes: two letters swapped, one dropped, doubled or the key beside it
_SLIPS = frozenset({"alos", "aslo", "laso", "asol", "als", "aso", "lso", "alsoo", "allso", "aalso",
                    "alsp", "alsi", "alao", "akso", "alwo", "alzo", "alsl", "slso", "aldo", "qlso"})


def also_fixed(text: str, today: dt.date | None = None, parse=None) -> tuple[str, str] | None:
    """(the slip, the message with `also` in its place) where a slip of `also` joins a command on;
    a command word's slip after `also` where the clause put right reads as a command (`parse`,
    handlers/grammar/reading.py's, given by it: this module is below it)."""
    for found in _AT_BREAK.finditer(text):
        word = found["word"]
        if word.lower() in _SLIPS and split_keyword(simplified(normalize(text[found.end():])))[0]:
            return word, text[:found.start("word")] + "also" + text[found.end("word"):]
    for found in _JOINED.finditer(text):
        typo = keyword_typo(clause := text[found.start("word"):]) if parse is not None else None
        if typo is not None and typo[0] == found["word"] \
                and isinstance(parse(clause.replace(typo[0], typo[1], 1), today), c.Command):
            return typo[0], text[:found.start("word")] + typo[1] + text[found.end("word"):]
    return None
