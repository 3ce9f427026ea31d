"""A stage named with the word `stage`/`阶段` after it (`qualification stage`, `proposal stage`,
`需求挖掘阶段`, `方案呈现 阶段`) is that stage: the word says what the one before it is, so it is no
title's or name's word and no word left unread."""
from __future__ import annotations

from handlers.grammar import vocabulary as V

_STAGE = ("stage", "阶段")


def _is_stage(words: list[str]) -> bool:
    joined = " ".join(w.lower() for w in words)
    return joined in V.STAGE_WORDS or joined in ("closed won", "closed lost")


def _stage_before(out: list[tuple[str, bool]], n: int) -> bool:
    """Whether the last `n` tokens, none quoted, name a stage."""
    last = out[-n:]
    return len(out) >= n and not any(q for _w, q in last) and _is_stage([w for w, _q in last])


def stage_word_dropped(tokens: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """The (word, quoted) tokens without a `stage`/`阶段` that follows a stage's name (in one, two or
    three words), and with one glued to it (`需求挖掘阶段`) cut off.

    >>> stage_word_dropped([("Initrode", False), ("proposal", False), ("stage", False), ("25k", False)])
    [('Initrode', False), ('proposal', False), ('25k', False)]
    >>> stage_word_dropped([("华为", False), ("需求挖掘阶段", False)])
    [('华为', False), ('需求挖掘', False)]
    >>> stage_word_dropped([("Acme", False), ("stage", False), ("proposal", False)])
    [('Acme', False), ('stage', False), ('proposal', False)]
    """
    out: list[tuple[str, bool]] = []
    for word, quoted in tokens:
        if not quoted and word.endswith("阶段") and len(word) > 2 and _is_stage([word[:-2]]):
            out.append((word[:-2], False))
            continue
        if not quoted and word.lower() in _STAGE and any(_stage_before(out, n) for n in (1, 2, 3)):
            continue
        out.append((word, quoted))
    return out
