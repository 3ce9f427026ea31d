"""Words before a task's title that say "this one too" (r27 `add a task for that too: send Jim SSO docs
tmrw` stored the title "for that too: …" with no customer): never a title; `that`/`it`/`它` is the
customer of the last message (handlers/sales/customer_referred.py, said back in the reply)."""
from __future__ import annotations

import re

from handlers.grammar.patterns import pattern

#: Words before a task's title that say "this one too" (`for that too:`, `for it as well -`, `also:`,
#: `它也：`): no title; a customer referred to is the last message's (sales/customer_referred.py)
_FILLER = pattern(r"^(?:(?:for|about|re)\s+(?P<ref>that|it|them|this|that\s+one|this\s+one)\s*"
                  r"(?:too|also|as\s+well)?|too|also|as\s+well)\s*[:：,，\-–—]\s*"
                  r"|^(?:也)?(?:给|为)?(?P<zh>它|这家|他们)也?[:：，,]\s*", re.I)


def without_filler(text: str, after: str) -> str:
    """`task for that too: send Jim SSO docs` as `task customer it: send Jim SSO docs` (the filler no
    title; `that` the last message's customer); `text` itself where no filler starts its words `after`."""
    filler = _FILLER.match(after.strip())
    if filler is None or not after.strip()[filler.end():].strip():
        return text
    word = "任务" if filler["zh"] else "task"
    about = ("客户 it：" if filler["zh"] else "customer it: ") if filler["ref"] or filler["zh"] else ""
    return f"{word} {about}{after.strip()[filler.end():].strip()}"
