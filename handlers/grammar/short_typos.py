"""A short command word typed with a slip (`tsk call huawei tmrw`, `wn #2 150k`, `wom #2 150k`): a
word of two or three letters that is a command word with one letter dropped, or with one letter
hit on the key beside it, is that word, asked about as every misspelt command word is
(handlers/grammar/typos.py: "did you mean `task …`?"), never read as a visit's notes nor refused
(#23, r19). Only the words of commands that record or undo, where it can be one command only, and
only a word that is no English word or usual short form of its own (`to`, `lot`, `don`, `fu`).

>>> short_typo("tsk"), short_typo("wn"), short_typo("wom"), short_typo("dal")
('task', 'won', 'won', 'deal')
>>> short_typo("lot"), short_typo("to"), short_typo("won"), short_typo("tsks"), short_typo("fu")
(None, None, None, None, None)
"""
from __future__ import annotations

from handlers.grammar.intents import BY_NAME, KEYWORDS_EN

#: Keys beside each key on a phone's QWERTY keyboard
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_BESIDE = {key: {row[i - 1] if i else "", row[i + 1] if i + 1 < len(row) else ""} - {""}
           for row in _ROWS for i, key in enumerate(row)}
#: Short words of their own, never a slip of a command word
_WORDS = frozenset("""a i am an as at be by do go he hi if in is it me my no of oh ok on or so to up us we
    ye yo all and any are ask bad big bit bro but buy can cut day did die dip dot eat end eta few fix for
    fun get got had has her hey him his hit hmm how its let lit lol lot low mad man may met mom new nor
    not now off old one our out own pay per pls put ran red run saw say see set she sit six son sun ten
    the tho thx too top try two use via was way wed who why win won yes yet you tam tom tim kim ben ali
    ann dan ted ian ray sam joe lee max jim amy eva mia ana bo del sub tel fax ton dell
    tas tak wan own wen don doe de du ue wo wi los uno und fu""".split())
#: The command words a short slip is read for: those that record or undo (a slip of a listing's word,
#: `fu` for `fus`, is left to the other readings)
_KEYWORDS = ("task", "won", "win", "lost", "deal", "done", "help", "undo")


def short_typo(word: str) -> str | None:
    """The command word `word` (2 or 3 letters) is a slip of, or None."""
    lower = word.lower()
    if not 2 <= len(lower) <= 3 or not lower.isalpha() or not lower.isascii() or lower in _WORDS \
            or lower in KEYWORDS_EN:
        return None
    near = {k for k in _KEYWORDS if _dropped(lower, k) or _beside(lower, k)}
    intents = {KEYWORDS_EN[k] for k in near}
    if len(intents) != 1:
        return None
    intent = BY_NAME[intents.pop()]
    return next((k for k in intent.en if k in near), None)


def _dropped(word: str, keyword: str) -> bool:
    """Whether `word` is `keyword` with one letter left out (`tsk` of task, `wn` of won)."""
    return len(keyword) == len(word) + 1 and any(keyword[:i] + keyword[i + 1:] == word
                                                 for i in range(len(keyword)))


def _beside(word: str, keyword: str) -> bool:
    """Whether `word` is `keyword` (three letters) with one letter the key beside it (`wom`)."""
    if len(keyword) != len(word) or len(word) != 3:
        return False
    diff = [(a, b) for a, b in zip(word, keyword, strict=True) if a != b]
    return len(diff) == 1 and diff[0][0] in _BESIDE.get(diff[0][1], ())
