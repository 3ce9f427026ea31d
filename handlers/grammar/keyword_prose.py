"""A clause that starts with a command's word but reads as prose (r26 W16): `客户出差`, `客户说下个月再谈`,
`客户那边在走流程`, `customer said call back later`, `deal looks good`, `任务太多了`. After a comma or
`and` in another command it is that command's why or outcome, never a command of its own (never a
customer named 出差).

>>> prose("客户出差"), prose("客户说下个月再谈增购"), prose("customer said call back later")
(True, True, True)
>>> prose("客户 +小米"), prose("customer Acme tier A"), prose("任务 周五前发报价")
(False, False, False)
"""
from __future__ import annotations

import re

from handlers.grammar import commands as c
from handlers.grammar.intents import split_keyword
from handlers.grammar.normal import simplified
from handlers.grammar.parse import normalize
from handlers.grammar.patterns import pattern

#: The words right after a command's word that make it a sentence about it: someone said, is, wants,
#: is away (`客户说…`, `客户那边…`, `customer's travelling`, `deal looks good`)
_PROSE_AFTER = pattern(
    r"(?:说|讲|表示|反馈|觉得|认为|希望|想|要求|同意|不同意|答应|出差|休假|放假|那边|这边|方面|在|正在|还|也|都|又|已经|"
    r"没|不|预算|领导|老板|决定|考虑|可能|应该|目前|最近|暂时|有|太|很|挺|比较|的)"
    r"|(?:'s|s'|'re|said|says|say|told|tells|is|are|was|were|wants?|wanted|asked|asks|thinks?|thought|"
    r"seems?|looks?|liked?|loves?|needs?|needed|prefers?|agreed|decided|travell?ing|away|out|on|has|had|"
    r"will|would|can|could|might|may|still|also|just|hasn't|isn't|wasn't|didn't|doesn't|won't|can't)"
    r"(?![A-Za-z])", re.I)


def prose(clause: str) -> bool:
    """Whether `clause` starts with a command's word and goes on as a sentence, not as that command's
    fields; a customer made of the words after the word (`客户出差`: a customer 出差) is prose too."""
    from handlers.grammar.reading import read

    seen = simplified(normalize(clause))
    name, _lang, rest = split_keyword(seen)
    if name is None:
        return False
    if _PROSE_AFTER.match(rest.lstrip(" :：")) and not rest.lstrip().startswith(("+", "#", "@")):
        return True
    command = read(clause).command
    return name == "customer" and isinstance(command, c.SetCustomer) \
        and not (command.tier or command.lifecycle) and not rest.lstrip().startswith("+")
