"""Words that push something later (`push`, `postpone`, `move … to`, `推到`, `推迟`, `延后`): what
they move to is never a day before the one it is due now (handlers/sales/push_later.py asks).

>>> pushed("跟进推到下下周"), pushed("push it to next fri"), pushed("跟进改到周四")
(True, True, False)
"""
from __future__ import annotations

import re

from handlers.grammar.normal import view
from handlers.grammar.patterns import pattern

#: (a regex's text, for grammars that look for a push after something else: `…，130推到下周三`)
PUSH_WORDS = (r"(?<![A-Za-z])(?:push(?:ed)?(?:\s+back)?|postpone[ds]?|delay(?:ed)?|defer(?:red)?|"
              r"mov(?:e|ed)\s+(?:(?:it|that|this|them)\s+)?(?:back\s+)?to|put\s+(?:it\s+)?off|"
              r"snooze[ds]?|bump(?:ed)?\s+(?:it\s+|that\s+)?back)(?![A-Za-z])"
              r"|推到|推迟|推后|往后推|延后|延到|延期|延迟|顺延|挪到|推一推|推一下")
_PUSH = pattern(PUSH_WORDS, re.I)


def pushed(text: str) -> bool:
    """Whether `text` says to push something later."""
    return bool(_PUSH.search(view(text)))
