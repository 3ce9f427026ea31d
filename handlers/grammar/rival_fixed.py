"""A correction of the competitor of a deal just lost (`竞争对手写错了 是金蝶`, `竞争对手改成金蝶`,
`competitor was SAP not Oracle`, `actually it was SAP`, `change the competitor to SAP`): the new
name only, never the correction's words (`写错`, `改成金蝶`: r31zh #106, #107). Pure: the deal it
changes is handlers/sales/competitor_said.py's.

>>> fixed_rival("竞争对手写错了 是金蝶"), fixed_rival("竞争对手改成金蝶"), fixed_rival("把对手换成 用友")
('金蝶', '金蝶', '用友')
>>> fixed_rival("competitor was SAP not Oracle"), fixed_rival("actually it was SAP")
('SAP', 'SAP')
>>> fixed_rival("change the competitor to huawei cloud"), fixed_rival("it was cheaper")
('Huawei Cloud', None)
"""
from __future__ import annotations

import re

from handlers.grammar.fillers import LEAD
from handlers.grammar.normal import simplified
from handlers.grammar.patterns import pattern

_RIVAL_ZH = r"(?:竞争对手|竞品|对手)(?:的?名字|的?名称)?"
_NAME_AT = r"\s*([A-Za-z0-9\u3400-\u9fff][\w\u3400-\u9fff .&-]{0,40}?)"
_NOT_END = r"(?:\s*[,，;；]?\s*(?:不是|而不是|not|rather than|instead of)\s*[\w\u3400-\u9fff .&-]{1,40})?"
_END = r"\s*(?:吧|才对|啊|呀|哈)?[\s.。!！]*$"
_FIXES = (
    pattern(r"^(?:把)?" + _RIVAL_ZH + r"\s*(?:写错了?|记错了?|搞错了?|填错了?|错了|不对)?"
            r"[\s,，。;；:：]*(?:应该|其实)?(?:是|为|改成|改为|换成|写成)" + _NAME_AT + _NOT_END + _END),
    pattern(r"^" + _RIVAL_ZH + r"\s*不是[^，,\s]{1,20}[\s,，]*(?:而)?是" + _NAME_AT + _END),
    pattern(r"^(?:the\s+)?competitor(?:'s|\s+is|\s+was)?\s+(?:name\s+)?(?:wrong|off|incorrect)[\s,.;:-]*"
            r"(?:it(?:'s|\s+is|\s+was)|should\s+be|should've\s+been|is|was)" + _NAME_AT + _NOT_END + _END,
            re.I),
    pattern(r"^(?:pls\s+|please\s+)?(?:change|set|fix|update|correct|make)\s+(?:the\s+)?competitor"
            r"(?:\s+name)?\s+(?:to|as)" + _NAME_AT + _NOT_END + _END, re.I),
    pattern(r"^(?:the\s+)?competitor\s+(?:was|is|should\s+be|should've\s+been|was\s+actually|is\s+actually)"
            + _NAME_AT + r"\s*[,，;；]?\s*(?:not|rather than|instead of)\s*[\w .&-]{1,40}?" + _END, re.I),
    pattern(r"^(?:(?:we\s+lost\s+to|lost\s+to|it\s+was|they\s+went\s+with)\s+)" + _NAME_AT
            + r"(?:\s*[,，;；]?\s*(?:not|rather than|instead of)\s*[\w .&-]{1,40}?)?" + _END, re.I),
)


def fixed_rival(text: str) -> str | None:
    """The competitor `text` corrects a deal's to, as typed, or None where it is no such correction
    (the name must read as one: `it was cheaper` names no one)."""
    from handlers.rules.close_reasons import competitor_name

    said = " ".join(text.split())
    said = said[re.match(LEAD, said, re.I).end():]
    plain = simplified(said)
    for fix in _FIXES:
        if found := fix.match(plain):
            words = said[found.start(1):found.end(1)].strip(" .,，。")
            name = competitor_name(words, named=True)
            return name if name and name.lower() == words.lower() else None
    return None
