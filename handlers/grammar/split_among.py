"""A team target's split said with whom it goes to (`split it across the reps`, `divide it among the
team`, `按人头分下去`, `分给大家`): read as the split word alone (r31en #102: "no team 'across the
reps'", the words after `split` taken for a team's name).

>>> split_among("team revenue 6m q1, split it across the reps")
'team revenue 6m q1, split'
>>> split_among("team revenue 6m q1 divide it evenly among all the team members")
'team revenue 6m q1 split evenly'
>>> split_among("团队 业绩 600万 下季度 按人头分下去"), split_among("团队 业绩 600万 平均分给大家")
('团队 业绩 600万 下季度 分解', '团队 业绩 600万 平分')
"""
from __future__ import annotations

import re

from handlers.grammar.patterns import pattern

_EN = pattern(r"(?<![A-Za-z])(?:split|divide|spread|distribute|share)(?:\s+(?:it|this|that|them|this\s+one))?"
              r"(?P<even>\s+(?:evenly|equally))?"
              r"(?:\s+(?:across|among|amongst|between|over|to|for|with|by)\s+(?:(?:the|all|each|every|our|my|"
              r"of)\s+)*(?:reps?|members|people|everyone|everybody|sales\s*reps|salespeople|sellers|team"
              r"(?:\s+members)?|heads?|person)(?![A-Za-z]))?(?P<even2>\s+(?:evenly|equally))?"
              r"(?=[\s,.;!]*$|[\s,.;]+\S)", re.I)
_ZH = pattern(r"(?P<even>平均|平均地|均)?"
              r"(?:按人头|按人|给大家|给每个人|给每人|给各人|到每个人|到人头?|到每人)?"
              r"(?:分解|拆分|分配|分摊|摊|分)(?:给|到)?(?:大家|每个人|每人|各人|所有人|销售们?|组员|每个销售)?"
              r"(?:下去|一下)?(?=[\s,，。；;!！]*$)")


def split_among(text: str) -> str:
    """`text` with a split said with whom it goes to read as the split word alone (`split`,
    `split evenly`, `分解`, `平分`); else `text`."""
    said = _EN.sub(lambda m: "split" + (" evenly" if m["even"] or m["even2"] else ""), text)
    found = _ZH.search(said)
    if found is None or found.group() in ("", "分", "摊") or not re.search(r"分|摊", found.group()):
        return said
    return said[:found.start()] + ("平分" if found["even"] else "分解") + said[found.end():]
