"""The words the grammar knows (stages, periods, dates, labels, command words), read in one script
whatever script they were typed in (`華為 商務談判` → `華為 商务谈判`); names stay as typed."""
from __future__ import annotations

import datetime as dt

from handlers.grammar import vocabulary as V
from handlers.grammar.amounts import parse_amount
from handlers.grammar.dates import parse_date
from handlers.grammar.intents import KEYWORDS_ZH


def grammar_words(typed: str, simple: str) -> str:
    """`typed` with the words the grammar knows read simplified (`華為 商務談判` → `華為 商务谈判`):
    names stay as typed, stages, periods, dates and labels are matched in one script."""
    if typed == simple:
        return typed
    out = []
    for word, plain in zip(typed.split(" "), simple.split(" "), strict=False):
        out.append(plain if word != plain and is_grammar(plain) else word)
    return " ".join(out)


def is_grammar(word: str) -> bool:
    """Whether `word` is one the grammar knows (a stage, period, label, amount, day, command word)."""
    lower = word.lower()
    return (lower in _GRAMMAR_WORDS or V.tier_of(word) is not None or V.period_of([word], 0) is not None
            or parse_amount(word) is not None
            or parse_date(word, dt.date(2000, 1, 1)) is not None or lower in KEYWORDS_ZH)


_GRAMMAR_WORDS = {w for table in (V.STAGE_WORDS, V.METRIC_WORDS, V.ROLE_WORDS, V.LIFECYCLE_WORDS,
                                  V.CURRENCY_WORDS, V.FIELD_LABELS, V.CUSTOMER_FIXES, V.DAY_KIND_WORDS,
                                  V.LANGUAGE_WORDS)
                  for w in table} | V.TEAM_WORDS | V.ME_WORDS | V.SPLIT_WORDS | V.ALL_WORDS | \
    V.CLOSE_WORDS | V.HISTORY_WORDS | V.CUSTOMER_WORDS | V.DEAL_WORDS | V.TASK_WORDS | V.DELETE_WORDS \
    | V.OFF_WORDS | V.HERE_WORDS | V.CANCEL_WORDS | V.REOPEN_WORDS | V.NOTES_WORDS | V.SHARE_WORDS
