"""An amount said per year or per month (`150k/yr`, `150k per year`, `每年15万`, `月费2万`) in a deal's
sentence: a deal's amount is its total, so the amount is never taken as it is (r31en #83: `Acme Corp
renewal - they want 3 yr contract, 150k/yr` was offered as a 150k deal). Asked: the total over the
years or months said (`3 yr contract` × 150k = 450k), or the amount of one period, each a tap.

>>> per_period("they want 3 yr contract, 150k/yr")
('150k', 'year', 3)
>>> per_period("每年15万 签三年"), per_period("150k close fri")
(('15万', 'year', 3), None)
"""
from __future__ import annotations

import re
from decimal import Decimal

from handlers.grammar import commands as c
from handlers.grammar.amounts import parse_amount
from handlers.grammar.month_days import ZH_COUNT
from handlers.grammar.patterns import pattern

_AMOUNT = r"(?P<amount>\d[\d.,]*\s*(?:k|m|w|万|千|亿)?)"
_PER_EN = (r"\s*(?:/\s*(?P<en>yr|year|y|annum|mo|mth|month|m)(?![A-Za-z])"
           r"|\s+(?:per|a|an|each)\s+(?P<en2>year|yr|annum|month|mo|mth)(?![A-Za-z])"
           r"|\s*(?P<en3>p\.?a\.?|annually|yearly|monthly)(?![A-Za-z]))")
_PER = pattern(_AMOUNT + _PER_EN + r"|" + _AMOUNT.replace("amount", "amount2")
               + r"\s*(?:/|每)\s*(?P<zh>年|月)|(?P<zh2>每年|每月|年费|月费|一年|一个月)\s*(?:是|为)?\s*"
               + _AMOUNT.replace("amount", "amount3"), re.I)
_COUNT = pattern(r"(?P<n>\d{1,2}|[一二两三四五六七八九十])\s*[-\s]?(?:个)?\s*"
                 r"(?P<unit>yrs?|years?|年|months?|mos?|mths?|月)(?![A-Za-z])", re.I)


def per_period(said: str) -> tuple[str, str, int | None] | None:
    """(the amount as typed, `year` or `month`, the count of them said or None), or None."""
    found = _PER.search(said)
    if found is None:
        return None
    amount = (found["amount"] or found["amount2"] or found["amount3"]).strip()
    unit = (found["en"] or found["en2"] or found["en3"] or found["zh"] or found["zh2"] or "").lower()
    period = "month" if unit.startswith(("mo", "mth", "m")) and unit != "m" or "月" in unit else "year"
    period = "month" if unit == "m" else period
    rest = said[:found.start()] + " " + said[found.end():]
    count = None
    for number in _COUNT.finditer(rest):
        unit_said = number["unit"].lower()
        kind = "month" if unit_said.startswith(("mo", "mth")) or unit_said == "月" else "year"
        if kind == period:
            count = int(number["n"]) if number["n"].isdigit() else ZH_COUNT.get(number["n"])
            break
    return amount, period, count


def asked(said: str, question: c.ParseError) -> c.ParseError | None:
    """`question` (the offer of a deal said in `said`) asked again where its amount is per period:
    each line's amount as the total over the periods said, or as one period's, each a tap, the
    words left said as before; None where no amount is per period."""
    found = per_period(said)
    if found is None or not question.options:
        return None
    amount, period, count = found
    money = parse_amount(amount)
    if money is None:
        return None
    options = []
    for _label, line, _command in question.options:
        if amount in "".join(re.findall(r'"[^"]*"', line)):  # a title offered of the amount's own words
            continue  # (`"续 每年15万 三年"`): none
        typed = re.search(r"(?<!\S)" + re.escape(amount.replace(" ", "")) + r"(?!\S)", line)
        if typed is None:
            return None
        if count and count > 1:
            total = _shown(money.amount * count, line.startswith("商机"))
            options.append(("per_period_total", line[:typed.start()] + total + line[typed.end():], None))
        options.append(("per_period_one", line, None))
    if not options:
        return None
    chinese = question.options[0][1].startswith("商机")
    unit = ("年" if period == "year" else "月") if chinese else period
    left = question.detail if question.problem.endswith("words_left") else ""
    return c.ParseError(None, "per_period_amount_left" if left else "per_period_amount", f"{amount}/{unit}",
                        left, options=tuple(options[:4]))


def _shown(total: Decimal, chinese: bool) -> str:
    """`450k`, `45万`: the total as a deal line says it."""
    if chinese and total % 10000 == 0:
        return f"{total // 10000}万"
    if not chinese and total % 1000 == 0:
        return f"{total // 1000}k"
    return f"{total.normalize():f}"
