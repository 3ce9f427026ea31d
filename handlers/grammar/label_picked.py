"""An answer that picks a question's option by its label (`the renewal one`, `迁移那个`, a label
typed out in full) rather than by its number: handlers/questions.py reads answers with these."""
from __future__ import annotations

import unicodedata

from handlers.grammar.negated import negated
from handlers.grammar.normal import name_fold, simplified
from handlers.grammar.patterns import pattern


def label_picked(text: str, labels: list) -> int | None:
    """The option whose label `text` is, whatever its case, width, script, quotes or emoji; else
    the one option whose label has all of its words (`the renewal one` for `#46 3yr support
    renewal`, `迁移那个` for `#53 数据迁移`)."""
    typed = name_fold(text)
    same = [i for i, label in enumerate(labels, 1) if isinstance(label, str) and typed
            and name_fold(label) == typed]
    if same:
        return same[0] if len(same) == 1 else None
    if negated(text):  # `不是任务`, `not the renewal one`: what it names is what it does not pick
        return None
    words = [w for w in _PICKING.sub(" ", typed).split() if w]
    having = [i for i, label in enumerate(labels, 1) if isinstance(label, str) and words
              and all(w in name_fold(label) for w in words)]
    return having[0] if len(having) == 1 else None


def label_typed(text: str, labels: list) -> int | None:
    """The option whose label is exactly `text` (width, script and case aside; no punctuation
    folded away, so `lost globex: …` is not the label `lost globex "…"`)."""
    typed = simplified(unicodedata.normalize("NFKC", " ".join(text.split()))).casefold().strip(" .!~。")
    same = [i for i, label in enumerate(labels, 1) if isinstance(label, str) and typed
            and simplified(unicodedata.normalize("NFKC", label)).casefold() == typed]
    return same[0] if len(same) == 1 else None


#: Words around a label's word in an answer: `the … one`, `…那个`, `…的`
_PICKING = pattern(r"(?:^|\s)(?:the|one|that|this|no|its|it's|it|is|a|an|as|i mean|meant)(?=\s|$)"
                   r"|那个|这个|那一个|不是|是|的$|吧$")
