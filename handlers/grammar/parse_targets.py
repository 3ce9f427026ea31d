"""The target command's words (`target @Bo revenue 300k q1`, `目标 @张伟 拜访 30 下个月`, `set Bo's deal
target for Q1 to 800k`): whose, which metric, how much, for which period; a count metric given an
amount of money is asked, never a count of 800,000."""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c
from handlers.grammar import vocabulary as V
from handlers.grammar.amounts import parse_amount, parse_count
from handlers.grammar.month_days import count_of
from handlers.grammar.parse_reports import named_period, scope_and_period
from handlers.grammar.patterns import pattern
from handlers.grammar.split_among import split_among

_YEAR_MONTH = pattern(r"(明年|今年)\s+(?=(?:\d{1,2}|十[一二]?|[一二三四五六七八九])月)")


def parse_target(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    if not rest.strip() or rest.strip().lower() in V.TEAM_WORDS:  # `targets`, `targets team`
        return c.ListTargets(c.Scope("team") if rest.strip() else c.Scope())
    rest = split_among(_YEAR_MONTH.sub(r"\1", rest))  # `明年 一月`; `split it across the reps`: split
    said = [_SINGULAR.get(w.lower(), w) for w in _counted(re.sub(r"[,，、;；]", " ", rest).split())
            if w.lower().strip(":：") not in _JOINING]  # `to 50k`, `, split it`; `Bo's deal target`
    words = [w for w in said if w.lower() not in V.SPLIT_WORDS | V.EVEN_WORDS]
    split = any(w.lower() in V.SPLIT_WORDS for w in said)
    even = split and any(w.lower() in V.EVEN_WORDS for w in said)
    if not split and len(words) != len(said):
        return c.ParseError("target", "word", next(w for w in said if w.lower() in V.EVEN_WORDS))
    everyone = split and any(w.lower() in V.ALL_WORDS for w in words)
    words = [w for w in words if not (split and w.lower() in V.ALL_WORDS)]
    metrics = {V.METRIC_WORDS[w.lower()] for w in words if w.lower() in V.METRIC_WORDS}
    if len(metrics) > 1 or sum(w.startswith("@") for w in words) > 1:
        return c.ParseError("target")  # `… 业绩 50万 本月，@Bo 拜访`: whose, which? Never the last one's
    metric = next(iter(metrics), None)
    words = [w for w in words if w.lower() not in V.METRIC_WORDS]
    amounts = [(w, parse_amount(w)) for w in words]
    amount_words = [(w, m) for w, m in amounts if m is not None]
    rest_words = [w for w, m in amounts if m is None]
    named = [(w, found) for w in rest_words if (found := named_period(w, _today))]
    rest_words = [w for w in rest_words if not named_period(w, _today)]
    scope, period, left = scope_and_period(" ".join(rest_words))
    if len(named) == 1:  # `target @Tom revenue 300k dec` · `… 60万 12月` · `… 2.4m q1 split`
        period = named[0][1]
    if scope.kind == "me" and len(left) == 1 and (name := _member_said(left[0])):
        scope, left = c.Scope("member", name), []  # `目标 张伟 本月 80万`, `target Bo's 50k`: whom
        # the lookup finds by that name, or asks about
    if left or len(amount_words) != 1 or scope.kind == "me":
        return c.ParseError("target")
    metric = metric or "revenue"
    money = amount_words[0][1]
    if metric != "revenue" and _MONEY_UNIT.search(amount_words[0][0]):  # `target @Bo deals 800k q1`:
        zh = bool(re.search(r"[\u3400-\u9fff]", rest))  # money meant, never 800,000 deals: asked
        fixed = " ".join(("业绩" if zh else "revenue") if w.lower() in V.METRIC_WORDS else w
                         for w in said)
        return c.ParseError("target", "count_money", amount_words[0][0], fixed)
    if metric != "revenue" and parse_count(amount_words[0][0]) is None:
        return c.ParseError("target", "count", amount_words[0][0])
    if split and scope.kind != "team":
        return c.ParseError("target", "split")
    return c.SetTarget(scope, metric, money.amount, money.currency, period, split, everyone, even)


#: a metric said in the singular (`set Bo's deal target for Q1 to …`): only where `deal` is no command
_SINGULAR = {"deal": "deals", "win": "wins"}
#: an amount said as money (`800k`, `50万`, `¥2m`): never a count of deals, visits or customers
_MONEY_UNIT = pattern(r"[¥$€£]|\d\s*(?:[kmw]|万|千|亿)", re.I)

#: Words that join a target's fields in a sentence (`set Bo's target for next month to 50k`)
_JOINING = {"for", "in", "to", "at", "of", "is", "be", "it", "=", "", "给", "为", "是", "should", "will",
            "would", "now", "become", "becomes"}  # `Ana's target for Q1 should be 1.2m`
_POSSESSIVE = pattern(r"^@?(?P<name>[^\d\s@#$¥€£]\S*?)(?:'s|’s|(?<=s)'|的)?$")


def _member_said(word: str) -> str | None:
    """The member's name in a word left over by a target (`Bo's`, `张伟的`), or None."""
    found = _POSSESSIVE.match(word.rstrip(":：,，"))
    return found["name"] if found and not V.period_of([found["name"]], 0) else None


_UNIT = pattern(r"^(\d+|[一二两三四五六七八九十]{1,3})(?:个|次|家|单|位|笔)$")  # `3个`, `五个`, `四十次`
_TWO_WORD_METRICS = {("deals", "won"): "deals_won", ("won", "deals"): "deals_won",
                     ("new", "customers"): "new_customers", ("new", "clients"): "new_customers"}


def _counted(words: list[str]) -> list[str]:
    """`新客户 3个` · `拜访 50次` · `deals won 5`: a count's unit and a metric in two words read."""
    out: list[str] = []
    for word in words:
        pair = (out[-1].lower(), word.lower()) if out else None
        if pair in _TWO_WORD_METRICS:
            out[-1] = _TWO_WORD_METRICS[pair]
        elif (unit := _UNIT.match(word)) is not None:
            out.append(str(count_of(unit[1]) or word))
        elif word in ("个", "次", "家", "单", "位", "笔") and out and out[-1].isdigit():
            continue
        else:
            out.append(word)
    return out
