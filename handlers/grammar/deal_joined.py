"""A numbered deal's fields said with joining words, in any script (`商機#23 金額改成55萬 另外推到商務談判
預計12月底`, `49号单推到初步接触了 顺便金额改成25万`, `deal #23 amount to 550k and move to negotiation`):
the deal is the number's (`49号单` is `商机 #49`), the joiners (另外, 顺便, 还有, and, also …) and the
particles (了, 吧) say nothing of their own, and traditional characters read as simplified (no title
is said after a number but in quotes, left as typed). A word that makes a stage no other stage
(`商务谈判后期`: 后期) is asked about, one tap to change the deal without it, never dropped silently."""
from __future__ import annotations

import re

from handlers.grammar import commands as c
from handlers.grammar import vocabulary as V
from handlers.grammar.normal import simplified
from handlers.grammar.patterns import pattern

#: a deal by its number, at the start (`商机#23`, `deal 48`, `49号单`, `#49号商机`)
_NUMBERED = pattern(r"^\s*(?:(?:商机|单子|deal|opp|opportunity)\s*(?:no\.?\s*|#)\s*(?P<id>\d{1,9})\s*号?"
                    r"(?:单子?|商机)?|(?:商机|单子)\s*#?\s*(?P<id2>\d{1,9})\s*号(?:单子?|商机)?"
                    r"|#?\s*(?P<id3>\d{1,9})\s*号(?:单子?|商机))"
                    r"(?![A-Za-z\d.%万千亿元块月日年天周])\s*", re.I)  # `deal 3M …`, `商机 12月…`: no number;
# `deal 5 negotiation` (no #) may be a customer's name: asked as before; `24号` alone is a day
# (`24號的假不請了`), a deal's number only with 单/商机 after it or before it

#: a word joining one field on to the one before
_JOINER = pattern(r"(?:[\s,，;；、]+|(?<=了))"
                  r"(?:and\s+also|and|also|plus|then|另外|顺便|还有|然后|同时|并且|以及|而且|再)"
                  r"(?=[\s,，:：]|[\u3400-\u9fff])[\s,，:：]*", re.I)
#: a particle closing a stage or an amount (`推到初步接触了`, `25万吧`; `输了` is a loss, kept)
_PARTICLE = pattern(r"(?P<word>\S+?)(?:了|吧|啦|哈)+(?=[\s,，。!！]|$)")
#: a part of a stage no stage has (`商务谈判后期`, `方案前期`)
_PHASE = pattern(r"(?<=[\u3400-\u9fff])(?:阶段)?(?:后期|前期|初期|中期|早期|末期|晚期)(?=[\s,，。]|$)"
                 r"|(?<=[a-z])\s+(?:late|early|mid)(?![\s-]+(?:the\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
                 r"nov|dec|month|next|q[1-4])[a-z]*\.?(?![a-z]))"  # `close mid march`: a day (r31en #60)
                 r"(?:[\s-]+stage)?(?=[\s,.]|$)", re.I)
_QUOTES = pattern(r'["“”「」《》]')


def joined_deal(text: str) -> tuple[str, c.ParseError | None]:
    """(`text` as the deal command says it, the question about a word no stage has, or None); any
    other message as it is."""
    found = _NUMBERED.match(simplified(text))
    if found is None or _QUOTES.search(text):
        return text, None
    number = found["id"] or found["id2"] or found["id3"]
    rest = _PARTICLE.sub(_unparticled, _JOINER.sub(" ", simplified(text[found.end():])))
    zh = re.search(r"[\u3400-\u9fff]", text) is not None
    phase = _PHASE.search(rest)
    said = f"{'商机' if zh else 'deal'} #{number} {' '.join(_PHASE.sub(' ', rest).split())}".strip()
    if phase is None:
        return said, None
    return said, c.ParseError("deal", "deal_phase_dropped", phase[0].strip(),
                              options=(("without_phase", said, None),))


def _unparticled(found) -> str:
    word = found["word"]
    stage = any(len(each) > 1 and word.endswith(each) for each in V.STAGE_WORDS)
    return word if stage or re.search(r"\d\s*[万千kw元块]?$", word, re.I) else found[0]
