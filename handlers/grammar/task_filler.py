"""Words before a task's title that say "this one too" (r27 `add a task for that too: send Jim SSO docs
tmrw` stored the title "for that too: …" with no customer): never a title; `that`/`it`/`它` is the
customer of the last message (handlers/sales/customer_referred.py, said back in the reply).

The words that ask for a task and are no part of what is to be done (`pls`, `for me:`, `remind
me to`, `each`, `, remind me`, `by eod` once the day is read; `麻烦`, `帮我`, `提醒我`, `记一下`):
declared once and cut from a task's title, whichever reader built it (r29en/r29zh: titles stored as
"for me: prep QBR deck … by eod", "pls to chase …", "… , remind me", "each send me …", "… 记一下").

Only the ends of a title are cut; a word inside it is the title's own (`call Acme to remind them`).
`请` is never cut: `请客户吃饭` is a task whose first word is `请`.

>>> request_cut("for me: prep QBR deck for 海尔 by eod", dated=True)
'prep QBR deck for 海尔'
>>> request_cut("pls to chase 腾讯 legal on the MSA"), request_cut("call 京东 CIO re the platform, remind me")
('chase 腾讯 legal on the MSA', 'call 京东 CIO re the platform')
>>> request_cut("each send me your Q1 pipeline forecast"), request_cut("给华为发报价 记一下")
('send me your Q1 pipeline forecast', '给华为发报价')
>>> request_cut("麻烦帮我给美的发合同，别忘了"), request_cut("pls call 华为")
('给美的发合同', 'call 华为')
>>> request_cut("oh and call her back"), request_cut("对了 给格力回个电话"), request_cut("also: send it")
('call her back', '给格力回个电话', 'send it')
>>> request_cut("call acme by eod"), request_cut("remind me"), request_cut("请客户吃饭")
('call acme by eod', 'remind me', '请客户吃饭')
"""
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



_MARKS = r"[\s,，:：;；.。!！~\-–—]*"
#: Asking words before a title (English whole words; Chinese, the longest first)
_LEAD = pattern(r"^(?:(?:(?:pls|plz|please|kindly|can\s+you|could\s+you|for\s+me"
                r"|remind\s+me(?:\s+to)?|each|to|oh|and|also|plus|btw|oh\s+and|and\s+also)(?![A-Za-z])"
                r"|麻烦你?|帮我|提醒我一下|提醒我|记得|各自|每人|哦对了|对了|还有|哦)" + _MARKS + r")+", re.I)
#: Asking words after a title
_END = pattern(r"(?:" + _MARKS + r"(?<![A-Za-z])(?:pls|plz|please|thx|thanks|for\s+me|remind\s+me)"
               r"(?![A-Za-z])|" + _MARKS + r"(?:帮我记一下|记一下|记下来|记下|提醒我一下|提醒我|别忘了))+"
               + _MARKS + "$", re.I)
#: The end of the day the task is due (`by thu eod`: once Thursday is read, `by eod` says no more)
_DAY_END = pattern(r"[\s,，]*(?<![A-Za-z])(?:by\s+|before\s+)?(?:eod|cob|end\s+of\s+(?:the\s+)?day)"
                   r"(?![A-Za-z])[\s.!]*$", re.I)


def request_cut(title: str, dated: bool = False) -> str:
    """`title` without the asking words at its ends (and, when its day is read, `by eod`); as it
    was where nothing else would be left."""
    cut = _END.sub("", _LEAD.sub("", title))
    if dated:
        cut = _DAY_END.sub("", cut)
    return cut.strip(" ,，:：;；-–—") or title


#: The asking words wherever they stand (claimed by the task's grammar: handlers/grammar/spans.py)
_ANYWHERE = pattern("|".join(p.pattern.lstrip("^").removesuffix("$") for p in (_LEAD, _END, _DAY_END)), re.I)


def request_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` (a task as typed) says its asking words, which `request_cut` takes from a title."""
    return [found.span() for found in _ANYWHERE.finditer(text) if found.group().strip(" ,，:：;；.。!！~")]
