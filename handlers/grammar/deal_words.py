"""How a message names a deal (`#12`, a quoted title, the customer's words) and why a word cannot
be part of a customer's name or a title: shared by the deal's grammar (`parse_deals`) and the
win's and loss's (`parse_closing`)."""
from __future__ import annotations

import re

from handlers.grammar import commands as c
from handlers.grammar import vocabulary as V
from handlers.grammar.parse import swap
from handlers.grammar.patterns import pattern

#: A token that starts like an amount but is none (`50kk`, `1.2mm`, `5wan`): never part of a name.
_AMOUNTISH = pattern(r"^[$¥]?\d[\d,.]*(?:[a-z]{1,6}|[千万亿元块]{1,3})$"
                     # a range or a count said vaguely (`50-60k`, `30多万`, `三十来万`, `十几万`)
                     r"|^[$¥]?(?:\d[\d,.]*[a-z千万]?\s*[-~～到至])?[$¥]?(?:\d[\d,.]*|[一二两三四五六七八九十百零]+)"
                     r"[多来几余]?(?:[kmw]|[千万亿元块])+(?:多|左右|上下)?$", re.IGNORECASE)


#: What the letters after an amount's number may be (`50kk`, `1.2mm`, `5wan`, `3mil`, `2bn`): else the
#: word is a name's or a title's (`5G`, `4S店`, `3D`, `2FA`), never an amount misspelt
_UNITS = ("k", "m", "w", "b", "kk", "mm", "wan", "mil", "mio", "mln", "bn", "grand", "thousand", "million",
          "billion", "usd", "rmb", "cny", "eur", "gbp", "hkd", "yuan")


def _unit_like(word: str) -> bool:
    letters = re.sub(r"^[$¥]?[\d,.\s~～到至-]*", "", word.lower())
    if not letters.isascii() or not letters.isalpha():
        return True  # `30多万`, `三十来万`: an amount said vaguely
    return letters in _UNITS or len(set(letters)) == 1 and letters[0] in "kmw" \
        or len(letters) > 2 and V.near_word(letters, _UNITS) is not None


def deal_ref(tokens: list[tuple[str, bool]]) -> c.DealRef:
    """Read a c.DealRef from tokens: `#12`, a quoted title, and the customer's words. A quoted
    first word is the customer (`deal "Big 4 Ltd" "ERP"`: names with numbers go in quotes)."""
    deal_id, title, words = None, None, []
    for i, (word, quoted) in enumerate(tokens):
        if quoted and i == 0 and word.strip():
            words.append(word.strip())
        elif quoted:
            title = word.strip() or None
        elif re.fullmatch(r"#\d{1,9}", word):
            deal_id = int(word[1:])
        else:
            words.append(word)
    return c.DealRef(deal_id, tuple(words), title)


def misread(word: str, rest: str, topic: str, stage_free: bool, fields_read: bool) -> c.ParseError | None:
    """Why `word` cannot be part of a customer's name or title here, or None when it can: a
    misspelt stage (offered corrected), an amount that is none, or a word after the stage,
    amount or date, where only those may come."""
    lower = word.lower()
    near = V.near_word(lower, V.STAGE_WORDS) if stage_free else None
    if near:
        return c.ParseError(topic, "stage_typo", word, swap(rest, word, near))
    if _AMOUNTISH.match(word) and _unit_like(word) or (lower in V.CURRENCY_WORDS and fields_read):
        return c.ParseError(topic, "amount", word)
    if fields_read:
        return c.ParseError(topic, "word", word)
    return None
