"""Chinese typed without spaces, read as the spaced form: `商机#11商务谈判` is `商机 #11 商务谈判`,
`客户华为A类` is `客户 华为 A类`, `联想需求确认` is `联想 需求确认`. Only where what is glued on is
certainly the grammar's (a deal number, a tier with its 类/级/档, a stage word of four characters or
more, or a stage of the workspace's own pipeline by its name: `商机华为演示` where 演示 is one of
its stages), so a name is never cut in two."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from handlers.grammar import vocabulary as V
from handlers.grammar.normal import view
from handlers.grammar.patterns import pattern
from storage import pipelines
from storage.pipelines import fold

_CJK = "\u3400-\u9fff"
#: `#11商务谈判` · `商机#51`: a deal number glued to Chinese on either side
_NUMBER_AFTER = pattern(rf"(#\d{{1,9}})(?=[{_CJK}])")
_NUMBER_BEFORE = pattern(rf"(?<=[{_CJK}])(?=#\d{{1,9}}(?:\s|$|[{_CJK}]))")
#: `华为A类`: a tier glued to a Chinese name
_TIER = pattern(rf"(?<=[{_CJK}])(?=[ABCabc](?:类|级|档)(?:\s|$))")


def _stage_suffixes() -> re.Pattern:
    """The current workspace's: its stage words of four characters or more, and its own stages'
    names (two characters or more: the team chose them as stage names)."""
    pipeline = pipelines.current()
    own = {fold(name) for s in pipeline.stages for name in (s.zh, s.en, *s.crm_names)} \
        if pipeline.own else set()
    words = {w for w in V.STAGE_WORDS if len(w) >= 4} | {w for w in own if len(w) >= 2}
    return _pattern(frozenset(w for w in words if re.fullmatch(f"[{_CJK}]+", w)))


def _stage_whole(seen: str, at: int) -> bool:
    """Whether the Chinese run the stage word at `at` ends is a stage's name itself with a word glued
    to it (`商务谈判阶段`: 谈判阶段 is a stage word, and so is the whole), never cut inside."""
    start = at
    while start > 0 and re.match(f"[{_CJK}]", seen[start - 1]):
        start -= 1
    run = re.match(f"[{_CJK}]+", seen[start:])[0]
    return any(run[:end] in V.STAGE_WORDS for end in range(at - start + 1, len(run) + 1))


@lru_cache(maxsize=256)
def _pattern(words: frozenset[str]) -> re.Pattern:
    ordered = sorted(words, key=len, reverse=True)
    return re.compile(rf"(?<=[{_CJK}])(?=(?:{'|'.join(ordered)})(?:\s|$))")


#: `预计月底` · `预计成交12月20日` · `45万，预计1月15号`: the close word glued to its day
_CLOSE_BEFORE = pattern(rf"(?<![^\s,，;；])(?>{'|'.join(V.CLOSE_LABELS_ZH)})(?=[^\s,，;；])")  # `成交日期`
# whole: never `成交日` cut from its `期`
#: `12月15日成交` · `月底前成交` · `1月15号签` · `预计明天成交` (the close word said twice): a day
#: glued before a word of closing or signing, read as `预计 DAY`
_CLOSE_AFTER = pattern(r"(?<![^\s,，;；])(?:(?:预计成交|预计)\s*)?([^\s,，;；]+?)(?:之前|前)?"
                       r"(?:成交|签约|签单|签合同|签下来|签掉|签)(?:了|吧)?(?=[\s,，;；。]|$)")


_ANY_DAY = dt.date(2000, 1, 1)  # whether words are a day at all, whichever day


def _close_words(text: str) -> str:
    from handlers.grammar.dates import parse_date  # dates imports nothing of this module; kept lazy
    from handlers.grammar.periods import quarter_end

    def day(said: str) -> bool:  # `1月15号`, `月底`, or a quarter (`q1签`, `下季度签`: by its end)
        return bool(parse_date(view(said), _ANY_DAY) or quarter_end(view(said), _ANY_DAY))
    text = _CLOSE_AFTER.sub(lambda m: f"预计 {m[1]}" if day(m[1]) else m[0], text)
    return _CLOSE_BEFORE.sub(lambda m: f"{m[0]} ", text)


def unglue(text: str) -> str:
    """`text` with a space where a deal number, a tier, a stage or a close day is glued to
    Chinese."""
    text = _close_words(text) if "成交" in text or "预计" in text or "签" in text else text
    seen = view(text)
    cuts = set()
    for regex in (_NUMBER_BEFORE, _TIER):
        cuts.update(m.start() for m in regex.finditer(seen))
    cuts.update(m.start() for m in _stage_suffixes().finditer(seen) if not _stage_whole(seen, m.start()))
    cuts.update(m.end(1) for m in _NUMBER_AFTER.finditer(seen))
    if not cuts:
        return text
    out, last = [], 0
    for at in sorted(cuts):
        out.append(text[last:at])
        last = at
    out.append(text[last:])
    return " ".join(part for part in out)
