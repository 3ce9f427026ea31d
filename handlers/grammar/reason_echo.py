"""The bot's own question said back before an answer (`what decided it: relationship w/ the cfo`,
`why: price`, `reason - budget`, `原因：客户关系`): those words answer, they are no part of the reason."""
from __future__ import annotations

import re

from handlers.grammar.patterns import pattern

_ECHO = pattern(r"^\s*(?:what\s+decided\s+it\??|what\s+won\s+it\??|why(?:\s+we\s+(?:won|lost))?\??|"
                r"(?:the\s+)?reason(?:\s+was|\s+is)?|decided\s+by|"
                r"原因(?:是)?|理由(?:是)?|赢单原因|输单原因|为什么赢的?|为什么输的?)\s*(?:[:：=-]|\s+-\s+)\s*",
                re.I)


def without_echo(text: str) -> str:
    """`text` without the question said back before the answer.

    >>> without_echo("what decided it: relationship w/ the cfo mostly")
    'relationship w/ the cfo mostly'
    >>> without_echo("原因：跟采购很熟")
    '跟采购很熟'
    >>> without_echo("price, they were cheaper")
    'price, they were cheaper'
    """
    found = _ECHO.match(text)
    return text[found.end():] if found and text[found.end():].strip() else text
