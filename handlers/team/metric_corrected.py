"""One metric of the targets just set, corrected by its name (#26): after `target ana december 500k
revenue and 30 visits` or `张伟 12月目标 50万 拜访30次`, `no, visits 40` · `no, 40 visits` ·
`不对 拜访改成40次` · `不对 新客户应该是3个` change only the target of that metric, as
handlers/team/target_meant.py picks it (and handlers/team/target_corrections.py corrects it: only
while in effect, only a value the metric counts). Never the revenue, never a new target; with no
target just set by the member's previous message, it is no such correction (None).

>>> metric_said("no, visits 40"), metric_said("不对 拜访改成40次"), metric_said("no, 40 visits")
(('visits', '40'), ('visits', '40次'), ('visits', '40'))
>>> metric_said("不对 新客户应该是3个"), metric_said("no, deals won should be 5"), metric_said("visits 40")
(('new_customers', '3个'), ('deals_won', '5'), None)
"""
from __future__ import annotations

import re

from handlers.context import Ctx
from handlers.grammar.fillers import LEAD
from handlers.grammar.patterns import pattern
from handlers.lookup import example
from handlers.sales.last_said import made_last, made_with
from handlers.sales.said_again import RECENT, latest_change
from handlers.team.target_meant import target_meant

#: The words of each counted metric, English then Chinese
_WORDS = {"visits": (r"visits?", r"拜访(?:次数|量|数)?"),
          "new_customers": (r"new\s+customers?|new\s+logos?", r"新客户(?:数)?|新客"),
          "deals_won": (r"deals?\s+won|won\s+deals?|wins", r"赢单(?:数|数量)?|成交(?:单数|数)")}
_METRIC = "|".join(f"(?P<{k}>{en}|{zh})" for k, (en, zh) in _WORDS.items())
_VERB = r"(?:\s*[:=：]|\s*(?:to|is|should\s+be|now|应该是|改成|改为|是|为|调到|调成)(?![A-Za-z]))?"
_COUNT = r"(?P<value>\d{1,7}\s*[个次家单笔]?)"
#: `visits 40`, `make visits 40`, `拜访改成40次`
_NAMED = pattern(rf"^(?:(?:make|set|change|put|update)\s+)?(?:the\s+)?(?:{_METRIC})(?:\s+(?:target|goal))?"
                 rf"(?:目标)?{_VERB}\s*{_COUNT}[\s吧啦。.!！]*$", re.I)
#: `40 visits`, `是40次拜访`
_AFTER = pattern(rf"^(?:(?:make\s+it|it'?s|是|改成)\s*)?{_COUNT}\s*(?:{_METRIC})[\s吧啦。.!！]*$", re.I)


def metric_said(text: str) -> tuple[str, str] | None:
    """(the metric, the count) `text` corrects, opened by a word of correction; None otherwise."""
    said = " ".join(text.split())
    lead = re.match(LEAD, said, re.I).end()
    found = _NAMED.match(said[lead:]) or _AFTER.match(said[lead:])
    if not lead or found is None:
        return None  # `visits 40` alone: the visits of a customer 40, never a correction
    metric = next(k for k in _WORDS if found[k] is not None)
    return metric, found["value"].replace(" ", "")


def corrected(ctx: Ctx, text: str):
    """The SetTarget correcting the metric `text` names among the targets the member's previous
    message set (or why not, or which), None where it says no such thing or no target was set."""
    read = metric_said(text)
    if read is None:
        return None
    change = latest_change(ctx)
    if change is None or change.kind != "SetTarget" or change.at < ctx.now - RECENT \
            or change.status != "done" or not made_last(ctx, change):
        return None
    if not any(r["t"] == "targets" and r["a"] and r["a"].get("metric") == read[0]
               for x in made_with(ctx, change) for r in x.rows):
        return None  # no target of that metric just set: no correction of one
    ctx.locale = "zh" if re.search(r"[\u3400-\u9fff]", text) else "en"
    ctx.correcting = True  # refused, it leaves the member's last message as it was
    return target_meant(ctx, change, read[0], read[1], example(ctx, "target"))
