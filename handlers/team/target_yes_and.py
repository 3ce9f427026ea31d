"""A yes to an offered target with another metric's figure after it (`yes and visits 35`,
`好的，拜访也定35次`): the offered target, and that metric's target for the same member (or team) and
period, never the words read as a message of their own (a visit to a customer "35"), nor dropped.

Words of another period in them (`yes and visits 35 in feb`) are that period's; words the target
grammar does not read are asked about with the target's usage, nothing saved (the offer's line one
button still there)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from handlers.grammar import commands as c
from handlers.grammar import vocabulary as V
from handlers.grammar.amounts import parse_amount
from handlers.grammar.command_json import encode, pressed
from handlers.grammar.parse_targets import parse_target
from handlers.grammar.patterns import pattern
from handlers.grammar.reading import parse

#: Words that only say "set that too" (`too`, `also`, `as well`, `也定`, `目标`)
_FILLERS = {"too", "also", "as", "well", "same", "set", "make", "it", "its", "target", "targets", "the",
            "for", "please", "pls", "and", "with", "to", "a", "an", "of", "him", "her", "them", "plus",
            "add", "one"}
_FILLERS_ZH = pattern(r"也是|也|定为|定成|定|设为|设成|设上|设|加上|加|再|一个|目标|的|吧|呢|同样|一样"
                      r"|还有|然后")
#: A metric's Chinese word, glued to what is around it (`拜访也定35次`)
_METRIC_ZH = pattern("(" + "|".join(sorted((w for w in V.METRIC_WORDS if not w.isascii()), key=len,
                                           reverse=True)) + ")")
#: A word saying a target is meant, with no figure read (`visits too, lots`, `拜访也定很多次`)
_TOO = pattern(r"(?<![A-Za-z])(?:too|also|as well|targets?)(?![A-Za-z])|也|定|设|目标", re.I)
_COUNT_UNIT = pattern(r"(\d)\s*(?:次|个|位|家|单)")
_CJK = pattern(r"[\u3400-\u9fff]")


def target_too(option: str, rest: str, today: dt.date) -> list[str] | None:
    """The parts to run for a yes to `option` followed by `rest` (module doc), or None when the
    option is no target or `rest` names no metric with a figure (read as before)."""
    offered = pressed(option)
    offered = parse(offered, today) if isinstance(offered, str) else offered
    if not isinstance(offered, c.SetTarget) or offered.split:
        return None
    spaced = _COUNT_UNIT.sub(r"\1 ", _METRIC_ZH.sub(r" \1 ", rest))  # `35次`: 35
    words = [w for w in re.sub(r"[,，、;；.。!！]", " ", _FILLERS_ZH.sub(" ", spaced)).split()
             if w.lower() not in _FILLERS]
    figure = any(re.search(r"\d", w) and parse_amount(w) is not None for w in words)
    if not any(w.lower() in V.METRIC_WORDS for w in words) or not (figure or _TOO.search(rest)):
        return None  # `yes and visit acme: demo`: a message of its own
    whom = f"@{offered.scope.name}" if offered.scope.kind == "member" and offered.scope.name else "team"
    said = " ".join([whom, *words])
    read = parse_target(said, today)
    if not isinstance(read, c.SetTarget) or read.metric == offered.metric:
        return [option, f"{'目标' if _CJK.search(rest) else 'target'} {said}"]  # asked: its usage
    period_said = any(w.lower() not in V.METRIC_WORDS and parse_amount(w) is None for w in words)
    also = replace(read, scope=offered.scope, period=read.period if period_said else offered.period)
    return [option, encode(also)]
