"""Free text (notes, titles, reasons) kept as the user typed it: where the grammar read two parts
of one stretch of the message apart (`met mr.` | `zhang, …`), the stretch is taken back from the
message itself, never glued again with a separator of our own (`met mr, zhang`)."""
from __future__ import annotations

import re

_BETWEEN = re.compile(r"[\s.,;:!?。，；：！？、]*")


def as_typed(text: str, *parts: str | None) -> str | None:
    """The stretch of `text` from the first of `parts` to the end of the last, where they follow
    one another in it with only spaces and punctuation between; else None.

    >>> as_typed("visit 格力 met mr. zhang, they like it", "met mr", "zhang, they like it")
    'met mr. zhang, they like it'
    >>> as_typed("visit a b", "b", "x") is None
    True
    """
    said = [p for p in parts if p]
    if not said or not text:
        return None
    start = at = text.find(said[0])
    if start < 0:
        return None
    at += len(said[0])
    for part in said[1:]:
        found = text.find(part, at)
        if found < 0 or not _BETWEEN.fullmatch(text[at:found]):
            return None
        at = found + len(part)
    return text[start:at].strip()
