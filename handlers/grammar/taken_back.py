"""Words that take back what was just said, typed inside free text: `输单 京东：预算冻结 不对 还没输
撤回`, `哦上周已经记过了 撤销` (sent as a win's reason), `visit Acme: met Tom, scratch that`. A reason,
notes, an outcome or a title holding them is never stored: the bot asks (handlers/sales/taken_back.py).

Only words standing on their own count (a space or a mark before and after them): `客户取消了订单`,
`they want to cancel the contract` are what happened, kept as typed.

>>> taken_back("客户说明年预算冻结 不对 还没输 撤回")
(10, '不对 还没输 撤回')
>>> taken_back("哦上周已经记过了 撤销")
(9, '撤销')
>>> taken_back("budget frozen, scratch that")
(15, 'scratch that')
>>> taken_back("客户取消了订单") is None, taken_back("they want to cancel the contract") is None
(True, True)
"""
from __future__ import annotations

import re

from handlers.grammar.patterns import pattern

_MARK = r"\s,，.。;；!！?？:：、~～—–-"
#: Chinese: the word alone, a particle after it at most (`撤销吧`, `算了算了`, `不对不对`)
_ZH = r"(?:撤销|撤回|取消|算了|不对|作废|不算)(?:吧|一下|掉|啊|啦|了吧)?(?:撤销|撤回|算了|不对)?"
#: English: a phrase that can only take back (`scratch that`, `never mind`), or `undo`/`cancel`
#: alone between marks (`…, cancel`; not `cancel the contract`)
_EN = r"(?:scratch|ignore|disregard|forget|undo|cancel)\s+(?:that|this|it)|never\s?mind|nvm"
_ENDS = _MARK.replace(r"\s", "")
#: `undo` or `cancel` alone only after a mark (`…, cancel`; `they may cancel` is what happened)
_BARE = rf"(?:^|(?<=[{_ENDS}])\s*|(?<=[{_ENDS}]))(?:undo|cancel)(?=\s*(?:$|[{_ENDS}]))"
_TAKEN = pattern(rf"(?:^|(?<=[{_MARK}]))(?:{_ZH}(?=$|[{_MARK}])|(?:{_EN})(?=\s*(?:$|[{_ENDS}])))"
                 rf"|{_BARE}", re.I)
#: what may stand before a taking-back word as part of it (`哦不对`, `wait no,`)
_LEAD = pattern(r"(?:(?:哦|哎呀|啊|等等|wait|oh|oops|no)[\s,，]*)+$", re.I)


def taken_back(text: str) -> tuple[int, str] | None:
    """(where the words taking back start, those words to the end of `text`) when free text holds
    a word that takes back what was said (撤销/撤回/取消/算了/不对/undo/cancel/scratch that/never
    mind) standing on its own; None for any other text."""
    found = _TAKEN.search(text or "")
    if found is None:
        return None
    start = found.start()
    if lead := _LEAD.search(text[:start]):
        start = lead.start() if lead.start() == 0 or text[lead.start() - 1] in _MARK.replace("\\s", " ") \
            else start
    return start, text[start:].strip()


def kept(text: str) -> str:
    """`text` without the words that take it back (and the marks before them)."""
    found = taken_back(text)
    return text if found is None else text[:found[0]].rstrip(" ,，.。;；!！:：、~-—")
