"""A change of a deal's amount said in a sentence about a customer the member has no open deal with
(`聯想那個續約 金額改成10萬`, `lenovo renewal amount to 100k`): said at once that there is no such deal
of theirs, and how to change one of theirs or add one; never offered as a visit with it as the notes.
"""
from __future__ import annotations

import re

from handlers.grammar import commands as c
from handlers.grammar.money_said import amounts_said
from handlers.grammar.normal import simplified
from handlers.grammar.parse import normalize
from handlers.grammar.patterns import pattern

#: A deal's amount said changed (`金额改成10万`, `报价调到`, `amount to 100k`, `change the amount …`)
_AMOUNT_CHANGED = pattern(r"(?:金额|价格|报价|合同额|合同金额)\s*"
                          r"(?:改成|改为|改到|调到|调成|变成|更新为|更新成)"
                          r"|(?<![A-Za-z])(?:amount|price|value)\s+(?:to|is\s+now|now|should\s+be)(?![A-Za-z])"
                          r"|(?<![A-Za-z])(?:change|update|set|bump|make)\s+(?:the\s+)?(?:amount|price|value)"
                          r"(?![A-Za-z])", re.I)


def change_unowned(text: str, found: list[str], has_deal) -> c.ParseError | None:
    """`change_no_own_deal` for the one customer `found` names where the words change an amount
    (one said) and `has_deal(name)` is False; None otherwise."""
    seen = simplified(normalize(" ".join(text.split())))
    if len(found) != 1 or not _AMOUNT_CHANGED.search(seen) or len(amounts_said(seen)) != 1 \
            or has_deal(found[0]):
        return None
    return c.ParseError(None, "change_no_own_deal", found[0], amounts_said(seen)[0])
