"""Chinese typed without spaces, read as the spaced form: `商机#11商务谈判` is `商机 #11 商务谈判`,
`客户华为A类` is `客户 华为 A类`, `联想需求确认` is `联想 需求确认`, `预计月底` is `预计 月底`. Only
where what is glued on is certainly the grammar's (a deal number, a tier with its 类/级/档, a stage
of four characters or more, a close word and its date), so a name is never cut in two."""
from __future__ import annotations

import re

from handlers import vocabulary as V
from handlers.normal import view

_CJK = "\u3400-\u9fff"
#: `#11商务谈判` · `商机#51`: a deal number glued to Chinese on either side
_NUMBER_AFTER = re.compile(rf"(#\d{{1,9}})(?=[{_CJK}])")
_NUMBER_BEFORE = re.compile(rf"(?<=[{_CJK}])(?=#\d{{1,9}}(?:\s|$|[{_CJK}]))")
#: `华为A类`: a tier glued to a Chinese name
_TIER = re.compile(rf"(?<=[{_CJK}])(?=[ABCabc](?:类|级|档)(?:\s|$))")
#: `预计月底` · `12月15日成交`: a close word glued to its date, on either side
_CLOSE = re.compile(r"(?<=预计)(?=[\d下本这今明后月周])|(?<=\d[日号])(?=成交(?:\s|$))")


def _stage_suffixes() -> re.Pattern:
    words = sorted((w for w in V.STAGE_WORDS if len(w) >= 4 and re.fullmatch(f"[{_CJK}]+", w)),
                   key=len, reverse=True)
    return re.compile(rf"(?<=[{_CJK}])(?=(?:{'|'.join(words)})(?:\s|$))")


_STAGE = _stage_suffixes()


def unglue(text: str) -> str:
    """`text` with a space where a deal number, a tier or a stage is glued to Chinese."""
    seen = view(text)
    cuts = set()
    for pattern in (_NUMBER_BEFORE, _TIER, _STAGE, _CLOSE):
        cuts.update(m.start() for m in pattern.finditer(seen))
    cuts.update(m.end(1) for m in _NUMBER_AFTER.finditer(seen))
    if not cuts:
        return text
    out, last = [], 0
    for at in sorted(cuts):
        out.append(text[last:at])
        last = at
    out.append(text[last:])
    return " ".join(part for part in out)
