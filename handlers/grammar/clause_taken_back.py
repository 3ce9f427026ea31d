"""Words that take back what was said at the start of a later clause of a win's or a loss's reason
(r23en #165, #170): `they chose oracle. scratch that they havent decided yet`, `went with oracle.
wait no they havent decided`, `被金蝶抢了。不对还没定`. The reason is never stored: asked
(handlers/sales/taken_back.py), as `scratch that` standing alone is (taken_back.py).

Only at a clause's start (after `.` `。` `,` `，` `;` `；` `!`): `they're not yet ready to buy` and
`预算还没定下来所以输了` are what happened, kept as typed.

>>> clause_taken_back("they chose oracle. scratch that they havent decided yet")
(19, 'scratch that they havent decided yet')
>>> clause_taken_back("被金蝶抢了。不对还没定")
(6, '不对还没定')
>>> clause_taken_back("they're not yet ready to buy"), clause_taken_back("lost on price, actually no budget")
(None, None)
"""
from __future__ import annotations

import re

from handlers.grammar.patterns import pattern

_BREAK = r".。,，;；!！"
#: `oh`, `oops`, `哦` before the words (`. oh wait no`)
_LEAD = r"(?:(?:oh|oops|hmm|ah|哦|哎呀|等等|啊)[\s,，]*)*"
_EN = (r"(?:scratch|forget|ignore|disregard)\s+(?:that|this|it)|never\s?mind|nvm"
       r"|wait\s*,?\s*no|no\s*,?\s*wait"
       r"|actually\s*,?\s*no(?=\s*(?:$|[.,;!]|\s(?:they|it|its|it's|we|he|she|i|not|wait|scratch)\b))"
       r"|not\s+yet|(?:they\s+)?ha(?:ve)?n'?t\s+decided")
_ZH = r"算了|不对|先别记|别记|还没定|还没决定|没定|撤回|撤销"
_AT = pattern(rf"(?<=[{_BREAK}])\s*(?P<words>{_LEAD}(?:(?:{_EN})(?![A-Za-z])|{_ZH}).*)$", re.I | re.S)


def clause_taken_back(text: str) -> tuple[int, str] | None:
    """(where the words taking back start, those words to the end) when a clause after the first
    of `text` starts with words that take back what was said; None otherwise."""
    found = _AT.search(text or "")
    if found is None:
        return None
    return found.start("words"), found.group("words").strip()
