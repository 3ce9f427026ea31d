"""The words that open a correction and say nothing of their own (`no`, `oops`, `actually`, `my bad`,
`不对`, `哦`, `算了`): declared once, for every reader of a correction said right after a change (a
win said lost, a close's day, one end of a range, a slip of `sorry`).

`LEAD` is a regex's source: any number of them at the start of a message, each with the marks
after it. `不是` is one only before a mark or `是` (`不是，是12月28日`): glued to what follows it
says "not" (`不是昨天签的`), never a filler.

>>> import re
>>> re.match(LEAD, "oops, actually 不对，是").group()
'oops, actually 不对，'
>>> re.match(LEAD, "不是昨天签的").group(), re.match(LEAD, "not won").group()
('', '')
>>> is_filler("nooo"), is_filler("Oops"), is_filler("make")
(True, True, False)
"""
from __future__ import annotations

import re

#: English fillers (regex sources: `no+` is `nooo` too)
EN = (r"no+", "nope", "nah", "sorry", "oops", "whoops", "actually", "wait", r"hmm+", "oh", "btw", "fyi",
      "okay", "ok", "correction", r"my\s+bad")
#: Chinese fillers, the longest first
ZH = ("说错了", "搞错了", "不对", "错了", "更正", "其实", "对了", "算了", r"哦不", "哦", "噢", "嗯", "呃",
      r"不是(?=[\s,，.。!！:：]|是)")
_MARKS = r"[\s,，.。!！:：]*"
#: Any number of fillers at the start of a message, each with the marks after it
LEAD = r"^(?:(?:(?:" + "|".join(EN) + r")(?![A-Za-z])|" + "|".join(ZH) + r")" + _MARKS + r")*"
_ONE_EN = re.compile(r"(?:" + "|".join(EN) + r")", re.I)


def is_filler(word: str) -> bool:
    """Whether the one word `word` is an English filler (`nooo`, `oops`)."""
    return _ONE_EN.fullmatch(word) is not None
