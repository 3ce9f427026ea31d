"""A win rate said with the win words (`win rate 80`, `win rate is 80%`, `win-rate?`, `赢单率80%`,
`成交率多少`): a rate, never a win. The closing parser leaves it to the deal's probability answer
(handlers/sales/said_after.py: a deal's probability is its stage's, nothing is stored); a win rate
asked with no number (`what's my win rate`, `我的赢单率是多少`) is answered with the scorecard,
which shows it.

>>> bool(RATE_AFTER_WIN.match("rate 80")), bool(RATE_AFTER_WIN.match("Chance Co 50k"))
(True, False)
>>> asked("what's my win rate?"), asked("我的赢单率是多少"), asked("win rate 80")
(True, True, False)
"""
from __future__ import annotations

import re

from handlers.grammar.patterns import pattern

#: The words after `win`, `赢单`, `成交` that make a rate of it (`win rate 80`, `赢单率80%`,
#: `成交概率多少`), followed by what a rate is said with (a number, `is`, `?`, nothing): never a
#: customer that starts like one (`won Chance Co 50k`)
RATE_AFTER_WIN = pattern(
    r"^\s*[-–]?\s*(?:rates?|ratio|%|pct|percent(?:age)?|odds|chances?|likelihood|prob(?:ability)?)"
    r"(?=\s*(?:is|was|of|=|:|at|for|about|around|now|should|\d|%|\?|$))"
    r"|^\s*(?:率|概率|几率|机率|可能性)", re.I)
#: The win rate named (`win rate`, `win-rate`, `winrate`, `win %`, `赢单率`, `成交率`, `胜率`)
_RATE = r"(?:win[\s-]*(?:rates?|ratio|%|pct|percentage)|赢单率|成交率|签单率|胜率|赢率)"
_ASKED = pattern(
    r"^(?:(?:what(?:'s|\s+is|\s+was|\s+are)?|how(?:'s|\s+is)?|show(?:\s+me)?|tell\s+me|check)\s+)?"
    r"(?:(?:my|our|the\s+team'?s|team)\s+)?" + _RATE
    + r"(?:\s+(?:this|last)\s+(?:month|quarter|year|week))?\s*\??$"
    r"|^(?:我的|我们的|团队的?|本月|这个月)?" + _RATE + r"(?:是)?(?:多少|怎么样|如何|几)?[?？]?$", re.I)


def asked(text: str) -> bool:
    """Whether `text` asks for a win rate, with no number said (`what's my win rate?`, `赢单率多少`)."""
    return _ASKED.match(" ".join(text.split())) is not None
