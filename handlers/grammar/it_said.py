"""The words around a follow-on about the record just made (handlers/sales/it_meant.py): its lead-in
(`no wait`, `不对`), its tail (`pls`, `吧`), and the plain sentences that name that record's follow-up or
day (r27: `明天跟进`, `418 明天跟进一下`, `the 腾讯 follow up should be friday`, `the byd one was
yesterday`)."""
from __future__ import annotations

import re

from handlers.grammar.patterns import pattern

LEAD_EN = (r"^(?:(?:and|ok|okay|so|also|oh|now|then|pls|please|no|nope|wait|actually|sorry|oops|hmm+"
            r"|scratch\s+that|my\s+bad|wrong\s+customer|can\s+you|could\s+you)[\s,.!:]+)*")
LEAD_ZH = r"^(?:(?:不对|错了|搞错了|记错了|哦|噢|嗯|还有|另外|然后|再|那|对了|其实)[\s,，。!！]*)*"
TAIL_EN = r"(?:[\s,]+(?:now|pls|please|too|as\s+well|then|thanks|thx|instead|actually))*[\s.!]*$"
TAIL_ZH = r"(?:阶段)?(?:吧|了|啦)*[\s。!！]*$"

_FU_EN = r"(?:follow[\s-]?up|fu|f/u)"
_NOT_EN = r"(?:\s*,?\s+not\s+\S.*?)?"  # `friday not thursday`: the day it had, said too
_MOVE_ZH = r"(?:改到|改成|推迟到|推到|挪到|调到|放到|延到)"
#: `明天跟进`, `跟进 明天`, `418 明天跟进一下`, `420 改到下周二跟进`, `follow up friday`, `418 follow up fri`
FOLLOW_PLAIN = pattern(
    LEAD_EN + r"(?:(?:visit\s*)?#?\s*(?P<id>\d+)\s+)?" + _FU_EN + r"\s+(?:on\s+|is\s+)?(?P<day>\S.*?)"
    + _NOT_EN + TAIL_EN
    + "|" + LEAD_ZH + r"(?:(?:拜访\s*)?#?\s*(?P<zid>\d+)\s*号?\s*)?(?:(?:跟进|回访)?\s*" + _MOVE_ZH + r"\s*)?"
    r"(?P<zday>[^\s，,。]+?)\s*(?:再)?(?:跟进|回访)(?:一下)?" + TAIL_ZH
    + "|" + LEAD_ZH + r"(?:跟进|回访)\s*(?P<zday2>[^\s，,。]+?)" + TAIL_ZH, re.I)
#: `follow up on that globex one friday not thursday`, `the 腾讯 follow up should be friday`,
#: `globex的跟进改到周五`
FOLLOW_OF = pattern(
    LEAD_EN + r"(?:" + _FU_EN + r"\s+(?:on|with|for)\s+(?:that|the)\s+(?P<who>\S.*?)\s+(?:one|visit)"
    r"|(?:the|my|that)\s+(?P<who2>\S.*?)(?:'s)?\s+" + _FU_EN + r"(?:\s+(?:should\s+be|is|to|on))?)"
    r"\s+(?:on\s+)?(?P<day>\S.*?)" + _NOT_EN + TAIL_EN
    + "|" + LEAD_ZH + r"把?(?P<zwho>[^\s，,]+?)(?:的|那个|那条|这个)(?:跟进|回访)\s*" + _MOVE_ZH
    + r"\s*(?P<zday>[^\s，,。]+?)" + TAIL_ZH, re.I)
#: `oh the byd one was yesterday actually`, `比亚迪那次其实是昨天去的`
VISIT_OF = pattern(
    LEAD_EN + r"(?:the|that)\s+(?P<who>\S.*?)\s+(?:one|visit)\s+(?:was|happened)\s+(?:on\s+)?(?P<day>\S.*?)"
    + _NOT_EN + TAIL_EN
    + "|" + LEAD_ZH + r"(?P<zwho>[^\s，,]+?)(?:那次|这次|那个|这个)(?:拜访)?\s*(?:其实|应该)?是?"
    r"(?P<zday>[^\s，,。]+?)(?:去的|拜访的|见的)" + TAIL_ZH, re.I)
