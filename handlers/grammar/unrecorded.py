"""A message that ends by saying not to record it (`小米pilot输了 预算被砍 算了先别记`, `…，先别记`,
`…不用记了`, `lost umbrella budget cut, don't log it`): nothing is stored and the bot says so; those
words are never kept in a reason, notes or a title, and nothing is asked.

>>> unrecorded("小米pilot输了 预算被砍 算了先别记")
'算了先别记'
>>> unrecorded("lost umbrella, budget cut. never mind, don't log it")
"never mind, don't log it"
>>> unrecorded("客户不记得上次的报价"), unrecorded("拜访 京东：先别记错了型号，是X5")
(None, None)
"""
from __future__ import annotations

import re

from handlers.grammar.normal import view
from handlers.grammar.patterns import pattern

_MARKS = r"\s,，.。;；!！~～、…—-"
_ZH = (r"(?:(?:算了|哦|那|嗯|还是)[\s,，。]*)*(?:先|就|暂时|还是)?(?:别|不用|不要|不必|甭|先不|不)"
       r"(?:记|存|录|保存|记录|登记)(?!得|住|错|性|忆)(?:下来|上|了|吧|啦|哈|啊)*")
_EN = (r"(?:(?:never\s?mind|nvm|scratch\s+that|forget\s+(?:it|that)|actually|wait|oops)[\s,.;]*)*"
       r"(?:don'?t|do\s+not|no\s+need\s+to)\s+(?:log|record|save|store|enter|add)\s+(?:it|that|this|anything)"
       r"(?:\s+(?:yet|for\s+now|after\s+all))?")
_AT_END = pattern(rf"(?:^|(?<=[{_MARKS}]))(?P<words>{_ZH}|{_EN})[{_MARKS}]*$", re.I)


def unrecorded(text: str) -> str | None:
    """The words at the end of `text` that say not to record it, or None."""
    seen = view(text or "")
    found = _AT_END.search(seen)
    if found is None:
        return None
    return text[found.start("words"):found.end("words")].strip()
