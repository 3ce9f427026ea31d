"""A period's pace asked of the period itself (`how's my quarter looking?`, `hows our month going`,
`on track this qtr?`, `ahead for the month?`): the question in the words the progress question reads
(handlers/grammar/parse_reports.py: `how am i doing this quarter`, `am i on track this quarter`).

>>> plainly("how's my quarter looking?"), plainly("on track this qtr?"), plainly("hows our Q4 going")
('how am i doing this quarter', 'am i on track this qtr', 'how are we doing Q4')
"""
from __future__ import annotations

import re

from handlers.grammar.patterns import pattern

#: A period's pace asked of the period (`how's my quarter looking?`, `on track this qtr?`): as `how am i
#: doing this quarter` asks it
_OWN_PERIOD = pattern(r"^how(?:'?s|\s+is)\s+(?P<who>my|our|the\s+team'?s?)\s+(?:this\s+)?"
                      r"(?P<p>month|quarter|qtr|year|week|q[1-4])\s+(?:looking|going|shaping\s+up|tracking)"
                      r"(?:\s+so\s+far)?[\s?!.]*$"
                      r"|^(?P<how>on\s+(?:track|pace|course)|ahead|behind)\s+(?:for\s+)?(?:this|the)\s+"
                      r"(?P<p2>month|quarter|qtr|year|week)[\s?!.]*$", re.I)


def plainly(text: str) -> str:
    """`text`, or the question it asks in the words `_PROGRESS_ASKED` reads (`_OWN_PERIOD`)."""
    if (found := _OWN_PERIOD.match(text)) is None:
        return text
    if found["how"]:
        return f"am i {found['how']} this {found['p2']}"
    period = found["p"] if found["p"][0].lower() == "q" and found["p"][1:].isdigit() else f"this {found['p']}"
    return f"how {'am i' if found['who'].lower() == 'my' else 'are we'} doing {period}"
