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

Its verb said, it needs no word of correction (r25zh: `拜访是45次 不是40`, `拜访也改成35次` were read as
visits to customers "是45次", "也改成35次"); `也` (also) after a target of another metric sets that
member's target of this metric for the same period:

>>> metric_said("拜访是45次 不是40"), metric_said("拜访也改成35次"), metric_said("visits are 45, not 40")
(('visits', '45次'), ('visits', '35次', 'also'), ('visits', '45'))
>>> metric_said("拜访 腾讯"), metric_said("拜访 45次")
(None, None)
"""
from __future__ import annotations

import re
from dataclasses import replace

from handlers.context import Ctx
from handlers.grammar.fillers import LEAD
from handlers.grammar.patterns import pattern
from handlers.lookup import example
from handlers.sales.last_said import made_last, made_with
from handlers.sales.said_again import RECENT, latest_change
from handlers.team import target_recent
from handlers.team.target_corrections import target_corrected
from handlers.team.target_meant import target_meant
from handlers.text.reply import Reply

#: The words of each counted metric, English then Chinese
_WORDS = {"visits": (r"visits?", r"拜访(?:次数|量|数)?"),
          "new_customers": (r"new\s+customers?|new\s+logos?", r"新客户(?:数)?|新客"),
          "deals_won": (r"deals?\s+won|won\s+deals?|wins", r"赢单(?:数|数量)?|成交(?:单数|数)")}
_METRIC = "|".join(f"(?P<{k}>{en}|{zh})" for k, (en, zh) in _WORDS.items())
_VERB = (r"(?P<also>\s*也)?(?P<verb>\s*[:=：]|\s*(?:to|is|are|should\s+be|now|应该是|改成|改为|是|为|调到|"
         r"调成)(?![A-Za-z]))?")
#: the value it had, said after (`不是40`, `not 40`)
_COUNT = r"(?P<value>\d{1,7}\s*[个次家单笔]?)(?:[\s,，]*(?:不是|not)\s*\d{1,7}\s*[个次家单笔]?)?"
#: `visits 40`, `make visits 40`, `拜访改成40次`
_NAMED = pattern(rf"^(?:(?:make|set|change|put|update)\s+)?(?:the\s+)?(?:{_METRIC})(?:\s+(?:target|goal))?"
                 rf"(?:目标)?{_VERB}\s*{_COUNT}[\s吧啦。.!！]*$", re.I)
#: `40 visits`, `是40次拜访`
_AFTER = pattern(rf"^(?:(?:make\s+it|it'?s|是|改成)\s*)?{_COUNT}\s*(?:{_METRIC})[\s吧啦。.!！]*$", re.I)


def metric_said(text: str) -> tuple[str, ...] | None:
    """(the metric, the count[, "also"]) `text` corrects, opened by a word of correction or said with
    its verb; None otherwise."""
    said = " ".join(text.split())
    lead = re.match(LEAD, said, re.I).end()
    found = _NAMED.match(said[lead:]) or _AFTER.match(said[lead:])
    if found is None or not lead and not (found.groupdict().get("verb") or found.groupdict().get("also")):
        return None  # `visits 40` alone: the visits of a customer 40, never a correction
    metric = next(k for k in _WORDS if found[k] is not None)
    also = ("also",) if found.groupdict().get("also") else ()
    return (metric, found["value"].replace(" ", ""), *also)


def corrected(ctx: Ctx, text: str):
    """The SetTarget correcting the metric `text` names among the targets the member's previous
    message set (or why not, or which), None where it says no such thing or no target was set."""
    read = metric_said(text)
    if read is None:
        return None
    change = latest_change(ctx)
    if change is None or change.kind != "SetTarget" or change.at < ctx.now - RECENT \
            or change.status != "done":
        return None
    ctx.locale = "zh" if re.search(r"[\u3400-\u9fff]", text) else "en"
    value = read[1].rstrip("个次家单笔")
    if not made_last(ctx, change):  # a list asked since: the target just set, offered (fix29a)
        return target_recent.offered(ctx, read[0], value, example(ctx, "target"))
    if not any(r["t"] == "targets" and r["a"] and r["a"].get("metric") == read[0]
               for x in made_with(ctx, change) for r in x.rows):
        if read[2:]:  # `拜访也改成35次`: that member's visits target for the same period
            return _also(ctx, change, read)
        # set by an earlier message (`Ana 1月 拜访目标40`, `Ana 1月 收入目标5万`): offered, never
        # this month's (fix29a)
        return target_recent.offered(ctx, read[0], value, example(ctx, "target"))
    ctx.correcting = True  # refused, it leaves the member's last message as it was
    return target_meant(ctx, change, read[0], read[1], example(ctx, "target"))


def _also(ctx: Ctx, change, read: tuple[str, ...]):
    """The target of metric `read[0]` set to `read[1]` for whom and when `change` set one."""
    notes = list(ctx.notes)
    made = target_corrected(ctx, change, read[1].rstrip("个次家单笔"), example(ctx, "target"))
    ctx.notes[:] = notes  # its old value is another metric's
    return made if isinstance(made, Reply) else replace(made, metric=read[0], split=False, split_all=False)
