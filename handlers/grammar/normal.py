"""Text as the grammar matches it, kept apart from text as it is stored.

A message is matched on a *view* of it that has exactly the length of what was typed, so that a
span found in the view is the same span of the original: full-width forms folded to half-width
(`：；５万` → `:;5万`) and traditional Chinese read as simplified (`拜訪 華為` → `拜访 华为`,
through OpenCC, the maintained conversion library). Names are compared on a looser key still
(`acme corp.` = `Acme Corp`, `華為` = `华为`); what is stored is always what the person typed.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from handlers.grammar.patterns import pattern

# Full-width ASCII forms (what a Chinese IME types: `：；（）`, ｄｉｇｉｔｓ) to half-width, one for one.
# `，` stays: it is prose punctuation, never structure.
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F) if code != 0xFF0C}
_FOLD.update({0x3000: 0x20, 0xFFE5: ord("¥")})
_CJK = pattern(r"[\u3400-\u9fff]")
_converter = None


def fold(text: str) -> str:
    text = text if text.isascii() else text.translate(_FOLD)  # ASCII has no full-width form
    if "," in text and _DECIMAL_COMMA.search(text):  # `1,2m`: a decimal comma, as `1.2m` (same length)
        text = _DECIMAL_COMMA.sub(r"\1.\2", text)
    return text


#: A comma between a number's whole and its one or two decimals before a unit (`1,2m`, `2,5k`)
_DECIMAL_COMMA = pattern(r"(?<![\d,.])(\d{1,3}),(\d{1,2}[kKmMwW万千亿])(?![A-Za-z\d])")


def simplified(text: str) -> str:
    """`華為 商務談判` → `华为 商务谈判`, character for character (the same length as `text`)."""
    if not _CJK.search(text):
        return text
    return _simplified(text)


@lru_cache(maxsize=4096)
def _simplified(text: str) -> str:
    global _converter
    if _converter is None:
        import opencc  # loaded on the first Chinese text: keeps the cold start of English short

        _converter = opencc.OpenCC("t2s")
    out = _converter.convert(text)
    if len(out) != len(text):  # a phrase read as another length: convert one by one instead
        out = "".join(c if len(s := _converter.convert(c)) != 1 else s for c in text)
    return out


def view(text: str) -> str:
    """What the grammar matches: `text` folded and simplified, position for position."""
    return simplified(fold(text))


_PUNCT = pattern(r"[^\w\s&+#@]+")


def name_fold(name: str) -> str:
    """The key two names are the same customer by: width, case, script, punctuation and spacing
    aside (`ACME Corp.` = `acme corp` · `華為` = `华为`)."""
    text = simplified(unicodedata.normalize("NFKC", name)).casefold()
    return " ".join(_PUNCT.sub(" ", text).split())
