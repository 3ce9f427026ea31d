"""Several members' targets in one message: `Bo下个月目标50万，Ana也是50万`, `targets next month: Bo
50k, Ana 50k`, `下个月目标：Bo 50万，Ana 40万`. Each member's part is written as the target command
(`目标 @Bo 业绩 50万 下个月`), the period and metric said once shared by all, `也是`/`too` taking the
amount before it; the lines run together (handlers/grammar/several.py) when each reads in full as
a target, else the message is no list of targets."""
from __future__ import annotations

import re

from handlers.grammar import commands as c
from handlers.grammar import vocabulary as V
from handlers.grammar.patterns import pattern
from handlers.grammar.target_said import AMOUNT_ZH, METRIC_ZH, PERIOD_ZH, UNIT_ZH, counted, target_said

#: `targets next month: …` · `下个月业绩目标：…` · `Q1 goals - …`: what is said once, then the list
_HEAD = pattern(r"^(?:(?:please|pls|set|设定|设置)\s*)?(?P<before>[^:：]{0,30}?)\s*"
                r"(?:targets?|goals?|quotas?|目标)"
                r"(?P<after>[^:：]{0,30}?)\s*[:：]\s*(?P<list>\S.*)$", re.I)
#: one member's part of a list: `Bo 50k`, `@ana: 40`, `Ana 50万`
_ENTRY = pattern(r"^@?(?P<who>[^\s\d@#:：=]+?)\s*[:：=]?\s*"
                 r"(?P<amount>[¥$]?\d\S*|[零〇一二两三四五六七八九十百千]+万)$", re.I)
#: a part after the first that takes its period and metric (`Ana也是50万`, `Ana也是`, `Ana 40万`,
#: `Ana too`, `Ana the same`)
_AFTER = pattern(rf"^@?(?P<who>[^\s\d@#，,:：;；。]{{2,4}}?|[A-Za-z][A-Za-z.'-]*?)(?:'s|’s)?\s*(?:的目标)?\s*"
                 r"(?:也是|也|是|为)?\s*"
                 rf"(?P<amount>{AMOUNT_ZH}(?:{UNIT_ZH})?)?\s*(?P<same>也是|也一样|一样|同样|too|as\s+well|the\s+same)?"
                 r"\s*[!。.~]*$", re.I)
#: `下个月拜访目标 李娜40次，Tom35次`: the target word, then its list with no colon
_HEAD_BARE = pattern(r"^(?:(?:please|pls|set|设定|设置)\s*)?(?P<before>[^:：]{0,30}?)\s*"
                     r"(?:targets?|goals?|quotas?|目标)(?P<rest>\s*\S.*)$", re.I)
_CUT = pattern(rf"\s+|{PERIOD_ZH}|{METRIC_ZH}|[都是为定]")
#: Words in a list's part that are no member's name (a period, a metric, the target word)
_NOT_WHO = pattern(rf"{PERIOD_ZH}|{METRIC_ZH}|目标|(?<![A-Za-z])(?:next|this|month|quarter|year|revenue"
                   r"|visits?|is|are|be|to|of|for|at|should|will|the|an?|set|make|each|it)(?![A-Za-z])", re.I)
_SPACED = pattern(r"^@?[^\s\d]+?(?:\s|也|too|the\s+same)", re.I)
_PARTS = pattern(r"\s*(?:[,，;；、]|(?<![A-Za-z])and(?![A-Za-z]))\s*", re.I)


def targets_said(raw: str) -> list[str] | None:
    """The target command for each member a message sets a target for, two or more; else None."""
    from handlers.grammar.reading import read  # reading reads one target said (target_said)

    said = " ".join(raw.split())
    lines = _listed(said) or _each_metric(said) or _each_after(said) or _both(said)
    if not lines or len(lines) < 2:
        return None
    return lines if all(isinstance(read(line).command, c.SetTarget) for line in lines) else None


def _listed(said: str) -> list[str] | None:
    """`targets next month: Bo 50k, Ana 50k`: the words around the target word kept for each; with
    no colon (`下个月拜访目标 李娜40次，Tom35次`), the list is where two or more members' parts start."""
    found = _HEAD.match(said) or _bare(said)
    if found is None:
        return None
    word = "目标" if re.search(r"[\u3400-\u9fff]", said) else "target"
    shared = " ".join(_CUT.sub(lambda m: f" {m.group()} ", f"{found['before']} {found['after']}").split())
    lines = []
    for part in _PARTS.split(found["list"].strip(" .。!")):
        entry = _ENTRY.match(part)
        if entry is None or _NOT_WHO.search(entry["who"]):
            return None
        lines.append(" ".join(f"{word} @{entry['who']} {entry['amount']} {shared}".split()))
    return lines if len(lines) > 1 or _HEAD.match(said) else None


def _bare(said: str) -> dict | None:
    """The target word's words and list said without a colon: the list from the first place (after
    a space, a period or a metric) where every part is a member and an amount."""
    found = _HEAD_BARE.match(said)
    if found is None:
        return None
    rest = found["rest"]
    cuts = [0, *(m.end() for m in _CUT.finditer(rest))]
    for cut in sorted(set(cuts)):
        parts = _PARTS.split(rest[cut:].strip(" .。!"))
        if len(parts) > 1 and all((e := _ENTRY.match(p)) and not _NOT_WHO.search(e["who"]) for p in parts):
            return {"before": found["before"], "after": rest[:cut], "list": rest[cut:]}
    return None


def _each_after(said: str) -> list[str] | None:
    """`Bo下个月目标50万，Ana也是50万`: the first part a target said in words, the others a name and
    an amount (or `也是`: the same), the first one's metric and period theirs."""
    from handlers.grammar.amounts import parse_amount

    parts = [part for part in _PARTS.split(said) if part]
    if len(parts) == 1:  # `Ana本月目标50万 Bo也是50万`: the next member after a space
        parts = next(([said[:cut.start()], said[cut.end():]] for cut in re.finditer(r"\s+", said)
                      if _AFTER.match(said[cut.end():]) and _SPACED.match(said[cut.end():])
                      and _target(said[:cut.start()])), parts)  # never `q1`, `FY2027`: no name
    first = _target(parts[0]) if len(parts) > 1 else None
    if first is None or len(words := first.split()) < 4:
        return None
    # the scope is the command's second word; the amount, the last word read as one
    at = next((i for i in range(len(words) - 1, 1, -1) if parse_amount(words[i]) is not None), None)
    if at is None:
        return None
    lines = [first]
    for part in parts[1:]:
        found = _AFTER.match(part)
        same = found and (found["same"] or part.rstrip("!。.~ ").endswith(("也是", "也一样")))  # `张伟也是`
        if found is None or not (found["amount"] or same) or found["who"].lower() in V.METRIC_WORDS:
            return None  # `…, visits 40`: a metric, never a member named so (`_each_metric`)
        amount = (found["amount"] or words[at]).replace(" ", "")
        lines.append(" ".join([words[0], f"@{found['who']}", *words[2:at], amount, *words[at + 1:]]))
    return lines


def _target(part: str) -> str | None:
    """The target command `part` says, in words (`Ana本月目标50万`) or as the command is written
    (`目标 @Ana 业绩 50万 本月`); None when it says none."""
    from handlers.grammar.reading import read

    if (said := target_said(part)) is not None:
        return said
    return " ".join(part.split()) if isinstance(read(part).command, c.SetTarget) else None


#: `Bo和Ana下个月目标都是50万`: names joined, then one target said for all (`都`)
_NAME = r"[A-Za-z\u3400-\u9fff]{2,10}?"
_BOTH = pattern(rf"^(?P<names>{_NAME}(?:\s*[和、与,，跟及]\s*{_NAME})+)"
                rf"(?P<rest>\s*的?\s*(?:{PERIOD_ZH})?\s*的?\s*(?:{METRIC_ZH})?\s*目标\s*都\s*\S.*)$")


def _both(said: str) -> list[str] | None:
    found = _BOTH.match(said)
    if found is None:
        return None
    rest = found["rest"].replace("都", "", 1)
    lines = [target_said(f"{name}{rest}") for name in re.split(r"\s*[和、与,，跟及]\s*", found["names"])]
    return lines if all(lines) else None


#: One more metric of the same member's target, after the first said in full (`Ana target jan 500k
#: and new customers 3` · `…, 3 new customers` · `Bo一月份新客户目标3个 拜访目标40次` · `…，新客户5个`):
#: a metric and its amount, nothing else (the period and whose are the first's)
_METRIC_EN = (r"(?:revenue|sales|visits?|deals(?:\s+won)?|won\s+deals|wins|new\s+customers?|new\s+clients?"
              r"|customers)")
_AMOUNT_EN = r"[$¥€£]?\d[\d.,]*\s?(?:k|m|mm|万)?"
_MORE_EN = pattern(r"(?:\s*[,;]\s*|\s+)(?:(?:and|plus|also|with)\s+)?(?:(?:the\s+|a\s+)?(?P<metric>"
                   + _METRIC_EN + r")(?:\s+(?:target|goal|quota))?(?:\s+(?:of|at|to|is|should\s+be))?"
                   r"\s*[:=]?\s*(?P<amount>" + _AMOUNT_EN + r")"
                   r"|(?P<amount2>" + _AMOUNT_EN + r")\s+(?P<metric2>" + _METRIC_EN + r"))[\s.!]*$", re.I)
_MORE_ZH = pattern(rf"(?:\s*[,，;；、]\s*|\s+|(?<=[万千亿元块个次单家位笔]))(?:还有|另外|以及|和|及)?\s*"
                   rf"(?:目标\s*)?(?P<metric>{METRIC_ZH})\s*(?:目标)?\s*(?:是|为|定为|[:：])?\s*(?P<amount>{AMOUNT_ZH})(?P<unit>{UNIT_ZH})?\s*[!。.~]*$")


def _each_metric(said: str) -> list[str] | None:
    """A target line for each metric one member's target says, the first said in full, the others
    a metric and an amount each (`Ana target jan 500k and new customers 3`): the same member and
    period for all, no metric twice; else None."""
    from handlers.grammar.amounts import parse_amount
    from handlers.grammar.normal import simplified
    from handlers.grammar.parse import normalize
    from handlers.grammar.reading import read

    def first_of(part: str) -> str | None:  # the first's line, when it is a target in full
        line = _target(part)
        return line if line and isinstance(read(line).command, c.SetTarget) else None

    rest, more = simplified(normalize(said)), []
    while len(more) < 4 and not (more and first_of(rest)):
        found = _MORE_ZH.search(rest) or _MORE_EN.search(rest)
        if found is None or found.start() == 0:
            return None
        metric = found["metric"] or found["metric2"]
        amount = counted(found) if _MORE_ZH.made(found) else (found["amount"] or found["amount2"])
        more.insert(0, f"{' '.join(metric.split())} {amount.replace(' ', '')}")
        rest = rest[:found.start()]
    first = first_of(rest) if more else None
    if first is None:
        return None
    words = first.split()
    shared = [w for w in words[2:] if w.lower() not in {*V.METRIC_WORDS, "won", "clients", "client"}
              and parse_amount(w) is None and not re.fullmatch(rf"\S+{UNIT_ZH}", w)]  # its period, `for`
    if "@" in " ".join(shared):  # `…本月，@Bo 拜访 40次`: another member's, never the first one's
        return None
    lines = [" ".join(words), *(" ".join([*words[:2], piece, *shared]) for piece in more)]
    targets = [read(line).command for line in lines]
    if not all(isinstance(t, c.SetTarget) for t in targets) or len({t.metric for t in targets}) < len(lines) \
            or len({(t.scope, t.period) for t in targets}) > 1:
        return None
    return lines
