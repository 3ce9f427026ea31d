"""A change to a deal said in a sentence: `byd deal is in negotiation still, bump amount to 350k
pls`, `海尔那个单子推进到谈判了 金额改成30万`, `wayne renewal 95k now and close mid jan`.

Each field said is read (the stage, the amount, the close day after a word of closing), the words
that only say a change is made (`bump`, `now`, `moved to`, `推进到`, `改成`, `金额`) are claimed
by it, and every other word is named as left over. A field's word or an edit verb is never a
deal's title: a change is made to a deal there is.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from handlers.grammar import vocabulary as V
from handlers.grammar.amounts import amount_words
from handlers.grammar.patterns import pattern
from handlers.grammar.stage_moved import VERB_BEFORE, short_after_verb, stage_named, without_titles

_CJK = pattern(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Change:
    """The fields a sentence says (an amount as typed, a close day) and its words left over."""

    stage: str | None = None
    amount: str | None = None
    close: dt.date | None = None
    left: tuple[str, ...] = ()
    told: bool = False  # a word of a deal or of changing one was said (`deal`, `bump`, `改成`)

    @property
    def fields(self) -> bool:
        return bool(self.stage or self.amount or self.close)

    def line(self, deal: str, chinese: bool) -> str:
        """The grammar's line for this change to `deal` (`#51`): `商机 #51 谈判 30万 预计 2027-01-31`."""
        close = self.close and f"{'预计' if chinese else 'close'} {self.close.isoformat()}"
        return " ".join(part for part in ("商机" if chinese else "deal", deal, self.stage and _said_stage(
            self.stage, chinese), self.amount, close) if part)


def change_in(text: str, today: dt.date, named: tuple[str, ...] = ()) -> Change:
    """The change `text` says; `named`: words that name the deal (its customer, its title),
    claimed as the deal's own."""
    from handlers.grammar.money_said import amounts_said
    from handlers.grammar.periods import quarter_first
    from handlers.grammar.spans import date_in

    rest = " " + amount_words(" ".join(text.split())) + " "  # `two hundred k`: `200k`
    for words in sorted(named, key=len, reverse=True):
        if words and (at := rest.lower().find(words.lower())) >= 0:
            rest = rest[:at] + " " * len(words) + rest[at + len(words):]
    told = bool(_TOLD.search(rest))
    close = None
    for word in _CLOSE.finditer(rest):  # `close date end of jan`, `push close to april`, `预计月底`
        after, skip = rest[word.end():], 0
        if (money := amounts_said(after)) and after.lstrip().startswith(money[0]):  # `预计9万 3月底`: the
            skip = after.find(money[0]) + len(money[0])  # amount between the word and its day, kept
        if (found := quarter_first(after[skip:], today) or date_in(after[skip:], today)) \
                and after[skip:].lstrip().startswith(found[0]):  # `预计Q1`: by the quarter's end
            close, end = found[1], word.end() + after.find(found[0], skip) + len(found[0])
            start = end - len(found[0]) if skip else word.start()  # (before `签`: `预计30万 月底签`, r31zh)
            if signed := _SIGNED_AFTER.match(rest, end):  # `预计1月15号签`: the close word said twice
                end = signed.end()
            rest = rest[:start] + " " * (end - start) + rest[end:]
            if skip:
                rest = rest[:word.start()] + " " * (word.end() - word.start()) + rest[word.end():]
            break
    for pushed in _PUSHED_TO.finditer(rest) if close is None else ():  # `改到明年二季度`: by its end
        if found := quarter_first(rest[pushed.end():], today):
            close, end = found[1], pushed.end() + rest[pushed.end():].find(found[0]) + len(found[0])
            rest = rest[:pushed.start()] + " " * (end - pushed.start()) + rest[end:]
            break
    at = 0
    while close is None and (found := date_in(rest[at:], today)):  # `下周五签约`, `月底前成交`
        start = rest.find(found[0], at)
        year = _YEAR_BEFORE.search(rest, 0, start)
        if year and (whole := quarter_first(rest[year.start():], today)):
            start, found = year.start(), whole  # `明年二季度签`: the year's, never `明年` left in a title
        found = quarter_first(rest[start:], today) or found  # `slipped to q2`: by the quarter's end
        at = start + len(found[0])
        if signed := _SIGNED_AFTER.match(rest, at) \
                or _PUSHED_BEFORE.search(rest, 0, start) and _NOTHING.match(rest, at):
            close = found[1]  # `小米那单推到下个月签`, `xiaomi deal pushed to next month`: its close day
            rest = rest[:start] + " " * (signed.end() - start) + rest[signed.end():]
    rest = _WAS_NOT.sub(lambda m: " " * len(m[0]), rest)  # `30万不是32`, `300k not 320k`: the old amount
    # said wrong, claimed by the correction (r32), never a word left over
    for quarter in _QUARTER.finditer(rest) if close is None else ():  # `明年Q2签`: by the quarter's end
        if (found := quarter_first(rest[quarter.start():], today)) \
                and (signed := _SIGNED_AFTER.match(rest, quarter.start() + len(found[0]))):
            close = found[1]
            rest = rest[:quarter.start()] + " " * (signed.end() - quarter.start()) + rest[signed.end():]
            break
    amount = None
    if len(said := amounts_said(rest)) == 1:  # `bump amount to 350k`: one amount, else none read
        amount, at = said[0], rest.find(said[0])
        rest = rest[:at] + " " * len(amount) + rest[at + len(amount):]
    stages = sorted({m for m in _stages(without_titles(rest))}, key=lambda m: m[0])  # no `ops lead`
    stage = None
    moved_to = [(at, w) for at, w in stages if VERB_BEFORE.search(rest, 0, at)]
    arrow = len(stages) == 2 and _ARROW.fullmatch(rest[stages[0][0] + len(stages[0][1]):stages[1][0]])
    if len({stage_named(w) for _at, w in stages}) > 1 and len(moved_to) == 1 and not arrow:
        stages = moved_to  # `deal to negotiation they accepted the proposal`: the stage it goes to;
        # the other stage's word is the sentence's, left over (asked about, never a second move)
    if stages and len({stage_named(w) for _at, w in stages}) == 1 or len(stages) == 2 \
            and _ARROW.fullmatch(rest[stages[0][0] + len(stages[0][1]):stages[1][0]]):
        stage = stage_named(stages[-1][1])  # `lead → contact`: the stage it goes to
        for at, word in stages:
            if be := _BE_BEFORE.search(rest, 0, at):
                at, word = be.start(), be[0] + word
            rest = rest[:at] + " " * len(word) + rest[at + len(word):]  # `现在是需求阶段`: 是 the stage's
    rest = KEPT.sub(lambda m: " " * len(m[0]), rest)  # `金额不变`: no change to it, said so
    rest = _FILLER.sub(lambda m: " " * len(m[0]), rest)
    left = tuple(w for w in _WORD.findall(rest) if not _MARK.fullmatch(w))
    return Change(stage, amount, close, left, told or bool(close))  # a stage alone may be a task's word
    # (`华为的报价已经发了`: the quote sent, no stage)


def _stages(text: str) -> list[tuple[int, str]]:
    """Where a stage is named (`in negotiation`, `谈判`): the longest words first, none inside another."""
    found: list[tuple[int, str]] = []
    for word in sorted((w for w in V.STAGE_WORDS if V.STAGE_WORDS[w] not in ("won", "lost")),
                       key=len, reverse=True):
        edge = "" if _CJK.search(word) else r"(?<![A-Za-z])"
        for m in re.finditer(edge + re.escape(word) + ("" if edge == "" else r"(?![A-Za-z])"), text, re.I):
            if not any(at <= m.start() < at + len(w) or m.start() <= at < m.end() for at, w in found):
                found.append((m.start(), m[0]))
    return found + [(at, w) for at, w in short_after_verb(text)  # `to nego`: the stage said short
                    if not any(a <= at < a + len(f) or at <= a < at + len(w) for a, f in found)]


def _said_stage(stage: str, chinese: bool) -> str:
    return next((w for w in V.STAGE_WORDS if V.STAGE_WORDS[w] == stage and bool(_CJK.search(w)) == chinese),
                stage)


#: A word of a deal or of changing one: the sentence is about a deal, not a visit
_TOLD = pattern(r"->|→|=>|单子|那单|这单|商机|项目|金额|阶段|预计|改成|改为|改到|调到|涨到|降到|推进|"
                rf"(?<![A-Za-z])(?:deal|opp|{V.AMOUNT_LABEL_EN}|stage|close|bump(?:ed)?|moved?|push(?:ed)?|"
                r"make\s+it|make\s+that|now|still)(?![A-Za-z])", re.I)
#: A word of closing before the close day (`expected to close`, `close date`, `push close to`, `预计成交改为`)
_CLOSE = pattern(r"(?<![A-Za-z])(?:(?:expected|expect|should|will|likely|want|wants)\s+(?:to\s+)?)?"
                 r"(?:(?:push|pushed|move|moved|set)\s+(?:the\s+)?)?"
                 r"(?:close|closes|closing|sign|signs|signing)(?:\s+date)?"
                 r"(?:\s+(?:to|is|now|should\s+be|on|by|around|=|->|→))?(?=\s)"
                 r"|(?:(?:签约|成交|签单)\s*)?(?:预计成交|成交日期|预计|签约日期)(?:日期|日|时间)?\s*"
                 r"(?:改成|改为|改到|调到|推到|为|是)?", re.I)
_SIGNED_AFTER = pattern(r"\s*(?:之?前)?\s*(?:才|再|就|能|才能|才会|应该能|会)?\s*"
                        r"(?:签约|成交|签单|签合同|签|close|sign)", re.I)
#: A word pushing a deal later right before a day (`推到`, `延到`, `pushed to`, `slips to`): its close day
_PUSHED_BEFORE = pattern(r"(?:(?:推到|推迟到|延到|延后到|延期到|挪到|顺延到|改到|(?:要|会|得)?拖到|"
                         r"(?<![A-Za-z])(?:"
                         r"push(?:ed|ing)?|postponed?|delay(?:ed|ing)?|slip(?:s|ped|ping)?|mov(?:e|ed)|bump(?:ed)?)"
                         r"(?:\s+back)?\s+(?:to|till|until|into))"
                         r"|(?<![A-Za-z])(?:push|move|bump)\s+(?:the\s+|that\s+|our\s+)?\s*(?:deal|opp)\s+(?:back\s+)?"
                         r"(?:to|till|until|into))\s*$", re.I)
#: A verb pushing a deal to a quarter (`改到明年二季度`, `推到Q2`, `pushed to q2`)
_PUSHED_TO = pattern(r"(?:推到|推迟到|延到|延后到|延期到|挪到|顺延到|改到|(?<![A-Za-z])(?:push(?:ed)?|"
                     r"postponed?|delayed?|slip(?:s|ped)?|mov(?:e|ed)|bump(?:ed)?)(?:\s+back)?\s+"
                     r"(?:to|till|until|into))\s*", re.I)
#: nothing more after the day (`… pushed to next month.`, `… feb 🙁`, `…二月了`)
_NOTHING = pattern(r"(?=\s*(?:[,，.。!！;；\U0001F300-\U0001FAFF\u2600-\u27BF]|$))|\s*(?:了|吧)")
#: A year said before a quarter (`明年二季度`, `next year q2`): the quarter's
_YEAR_BEFORE = pattern(r"(?:明年|今年|后年|(?<![A-Za-z])(?:next|this)\s+year)\s*第?$", re.I)
#: Where a quarter may start (`明年Q2`, `Q1`, `二季度`)
_QUARTER = pattern(r"(?:明年|今年|后年)|(?<![A-Za-z])(?:next|this)\s+year|(?<![A-Za-z])q[1-4]"
                   r"|第?[一二三四]季度", re.I)
#: Words that put a deal in its stage (`现在是需求阶段`, `目前在方案阶段`): the stage's, no title's
_BE_BEFORE = pattern(r"(?:是|在|处于)\s*$")
_ARROW = pattern(r"\s*(?:→|->|=>|➡|to)\s*", re.I)
#: A field said to stay as it is (`金额不变`, `阶段不动`, `其他照旧`, `amount unchanged`, `same amount`,
#: `keep the amount`): no change to it, claimed (a change says only what changes)
KEPT = pattern(r"(?:金额|价格|价钱|报价|阶段|预计(?:成交)?(?:日期|时间)?|成交日期|日期|"
                r"其他|其它|别的|其余|其他的)\s*"
                r"(?:都|也|还是|先|暂时)?\s*(?:不变|不动|没变|照旧|一样|保持不变|维持不变|保持|维持|不改|不用改|没有变化|"
                r"和原来一样|跟原来一样|还是原来的)"
                rf"|(?<![A-Za-z])(?:(?:the\s+)?(?:{V.AMOUNT_LABEL_EN}|price|stage|close(?:\s+date)?|rest|everything\s+else)"
                r"\s+(?:is\s+|stays?\s+|remains?\s+)?(?:unchanged|the\s+same|same|as\s+is|as\s+before|no\s+change)"
                rf"|(?:same|unchanged|no\s+change\s+(?:to|in|on))\s+(?:the\s+)?(?:{V.AMOUNT_LABEL_EN}|price|stage|close(?:\s+date)?)"
                rf"|keep(?:ing)?\s+(?:the\s+)?(?:{V.AMOUNT_LABEL_EN}|price|stage|close(?:\s+date)?)(?:\s+(?:as\s+is|the\s+same))?)"
                r"(?![A-Za-z])", re.I)
#: The amount a correction says was wrong, after the right one (`30万不是32`, `300k, not 320k`)
_WAS_NOT = pattern(r"(?<=[\d万千kKwWmM])\s*[,，]?\s*(?:(?<![A-Za-z])not|而不是|不是)\s*[$¥￥]?\d[\d,.]*\s*"
                   r"(?:万|千|亿|元|块|(?:k|w|m|mil|rmb|usd)(?![A-Za-z]))?", re.I)
#: Words that only say a change is made (`bump amount to`, `is in … now`, `推进到…了`)
_FILLER = pattern(r"(?<![A-Za-z])(?:the|a|deal|opp|opportunity|is|was|in|now|still|pls|please|plz|to|"
                  rf"moved?|bump(?:ed)?|push(?:ed)?|{V.AMOUNT_LABEL_EN}|stage|make|it|that|and|at|of|its|it's|"
                  r"has|been|gone|went|just|up|set|change|changed|update|updated|should|be|will|"
                  r"officially|finally|already|also|plus|actually)(?![A-Za-z])|顺便|另外|同时|还有"
                  r"|其实是|实际上是|应该是|其实|实际上|(?<=金额)是"
                  r"|(?:那个|这个|这一|那一|这笔|那笔|这|那)单子?|那个|这个|单子|那单|这单|那边|这边|项目|商机|推进到|推进|推到|进到|进入|到了|金额|阶段|"
                  r"涨到|降到|改成|改为|改到|调到|调成|调整为|变成|更新为|改|已经|现在|目前|一下|把|了|的|到|延到|推迟到|推迟|延后到|延后|"
                  r"挪到|顺延到|(?:要|会|得)?拖到|"
                  r"(?<![A-Za-z])(?:slip(?:s|ped|ping)?|pushing|delayed|postponed|till|until|into)(?![A-Za-z])",
                  re.I)
_WORD = pattern(r"[^\s,，.。;；:：!！?？、]+")
_MARK = pattern(r"[\W_]+")
