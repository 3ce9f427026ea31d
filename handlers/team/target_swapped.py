"""A target set with the wrong metric, put right by naming both (r24 C): `target @ana revenue 45万
this month` then `no wait i meant visits 35 not revenue` · `不对 是拜访35次 不是业绩`. The value is
never put into the metric said wrong (¥35 of revenue): the reply asks once, and its one tap undoes
the target just set (the old one back, or none where it was new) and sets the metric meant, for the
same member and period. Only right after that target was set, by the member's previous message and
in effect still; where that message changed more than it, what to type is said instead. A message
that set both metrics is handlers/team/metric_corrected.py's (`不对 拜访改成40次`).

>>> swap_said("no wait i meant visits 35 not revenue"), swap_said("不对 是拜访35次 不是业绩")
(('visits', '35', 'revenue'), ('visits', '35次', 'revenue'))
>>> swap_said("oops 450k revenue, not visits"), swap_said("no i meant 35"), swap_said("visits not revenue")
(('revenue', '450k', 'visits'), None, None)
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from decimal import Decimal

from handlers.context import Ctx
from handlers.grammar import commands as c
from handlers.grammar import plain_undo
from handlers.grammar import vocabulary as V
from handlers.grammar.amounts import parse_amount
from handlers.grammar.command_json import encode
from handlers.grammar.patterns import pattern
from handlers.sales.last_said import made_last
from handlers.team.target_corrections import target_corrected
from handlers.text import format as fmt
from handlers.text.reply import Button, Reply
from handlers.text.strings import METRIC_NAMES, name_of
from storage import journal
from storage.models.sales import Change

_METRIC = (r"(?:revenue|sales|visits?|new\s+customers?|deals\s+won|won\s+deals|wins"
           r"|业绩|销售额|营收|拜访(?:次数|量|数)?|新客户数?|新客|赢单数?|成交数)")
_VALUE = r"[¥$￥]?\d[\d,.]*\s*(?:k|m|w|万|次|个|家|单)?"
_LEAD = (r"^(?:(?:no+|nope|wait|oops|sorry|sry|actually|hmm+|ah|oh|不对|错了|等等|哦|啊|抱歉)"
         r"(?![A-Za-z])[\s,，.。!！]*)*(?:(?:i\s+)?meant|it'?s|should\s+be|我是说|我说的是|应该是|是)?\s*")
_SWAP = pattern(_LEAD + rf"(?:(?P<good>{_METRIC})\s*(?:是|改成)?\s*(?P<value>{_VALUE})|(?P<value2>{_VALUE})"
                rf"\s*(?P<good2>{_METRIC}))\s*[,，]?\s*(?:not|instead\s+of|不是|而不是)\s*(?:the\s+)?"
                rf"(?P<bad>{_METRIC})(?:\s*(?:target|目标))?[\s.。!！]*$", re.I)


def _metric(word: str) -> str | None:
    word = " ".join(word.lower().split())
    for prefix, metric in (("new", "new_customers"), ("新客", "new_customers"), ("拜访", "visits"),
                           ("deals", "deals_won"), ("won", "deals_won"), ("赢单", "deals_won")):
        if word.startswith(prefix):
            return metric
    return V.METRIC_WORDS.get(word.rstrip("s") + ("s" if word.startswith("visit") else ""),
                              V.METRIC_WORDS.get(word))


def swap_said(text: str) -> tuple[str, str, str] | None:
    """(the metric meant, its value as said, the metric said wrong), or None."""
    found = _SWAP.match(" ".join(text.split()))
    if found is None:
        return None
    good, bad = _metric(found["good"] or found["good2"]), _metric(found["bad"])
    value = (found["value"] or found["value2"]).strip()
    return (good, value, bad) if good and bad and good != bad else None


def offer(ctx: Ctx, text: str, change: Change | None, recent: dt.timedelta) -> Reply | None:
    """The question a metric swap asks (or why nothing can be put right); None when `text` is no
    swap of the target the member's previous message set."""
    said = swap_said(text)
    if said is None or change is None or change.kind != "SetTarget" or change.at < ctx.now - recent:
        return None
    good, value, bad = said
    ctx.locale = "zh" if re.search(r"[\u3400-\u9fff]", text) else "en"
    ctx.correcting = True  # refused: it leaves the member's last message as it was
    group = journal.made_together(ctx.session, change)
    row = next((r for r in change.rows if r["t"] == "targets" and r["a"] is not None), None)
    metrics = {(r["a"] or {}).get("metric") for x in group for r in x.rows if r["t"] == "targets"}
    if row is None or row["a"]["metric"] != bad or change.status != "done" or not made_last(ctx, change) \
            or good in metrics:
        return None
    set_again = target_corrected(dataclasses.replace(ctx, notes=[]), change, "1", "")
    if isinstance(set_again, Reply):
        return set_again  # no longer in effect, or set in another conversation: said so
    amount = _amount(good, value)
    metric_name = lambda m: name_of(METRIC_NAMES, m, ctx.locale).lower()  # noqa: E731
    if amount is None:
        return Reply(lines=(ctx.t("target_swap_value", value=value, metric=metric_name(good)),), ok=False)
    meant = dataclasses.replace(set_again, metric=good, amount=amount.amount,
                                currency=amount.currency if good == "revenue" else None)
    target, before = row["a"], row["b"]
    who = set_again.scope.name
    shown = lambda data: fmt.metric_value(bad, Decimal(data["amount"]), ctx.tenant.currency, ctx.locale)  # noqa: E731
    new_value = fmt.metric_value(good, amount.amount, ctx.tenant.currency, ctx.locale)
    start = dt.date.fromisoformat(target["period_start"])
    period = fmt.period_label(target["period_kind"], start, ctx.locale)
    back = ctx.t("target_swap_back", old=shown(before)) if before else ctx.t("target_swap_none")
    if len(group) > 1:  # the message set more: one undo would take all of it back
        return Reply(lines=(ctx.t("target_swap_how", who=who, bad=metric_name(bad), good=metric_name(good),
                                  value=value),), ok=False)
    label = ctx.t("target_swap_button", who=who, good=metric_name(good), value=new_value, period=period)
    lines = (ctx.t("target_swap_ask", who=who, bad=metric_name(bad), set=shown(target), back=back,
                   good=metric_name(good), value=new_value, period=period),
             f"1. {label}", ctx.t("answer_hint_one"))
    undo_word = plain_undo.sure(ctx.locale)
    both = c.Several((undo_word, encode(meant)))  # one tap: the target undone, the one meant set
    return Reply(lines=lines, ok=False, buttons=(Button(label[:75], "", action=both),))


def _amount(metric: str, value: str) -> c.Money | None:
    """The value as the metric counts it: money for revenue, a whole number (`35`, `35次`) else."""
    plain = value.replace(" ", "")
    if metric != "revenue":
        found = re.fullmatch(r"(\d{1,7})[个次家单位笔]?", plain)
        return c.Money(Decimal(found[1]), None) if found else None
    if re.fullmatch(r"\d{1,7}[个次家单位笔]", plain):
        return None
    return parse_amount(plain)
