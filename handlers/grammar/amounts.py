"""Money as people type it: `50k`, `1.2m`, `50,000`, `$5000`, `¥5万`, `5万`, `1.5亿`, `48000元`."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

_CURRENCY = {"$": "USD", "¥": "CNY", "€": "EUR", "£": "GBP", "hk$": "HKD", "us$": "USD",  # before or after
             "usd": "USD", "美元": "USD", "美金": "USD", "cny": "CNY", "rmb": "CNY", "人民币": "CNY",
             "元": "CNY", "块": "CNY", "eur": "EUR", "欧元": "EUR", "gbp": "GBP", "英镑": "GBP",
             "hkd": "HKD", "港币": "HKD", "港元": "HKD", "jpy": "JPY", "日元": "JPY"}
_AMOUNT = re.compile(
    r"""^(?P<cur>[$¥€£]|hk\$|us\$)?
        (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)
        (?P<unit>k|m|w|千|万|亿)?
        (?P<suffix>""" + "|".join(sorted((re.escape(w) for w in _CURRENCY),
                                         key=len, reverse=True)) + r""")?$""",
    re.IGNORECASE | re.VERBOSE,
)
_UNITS = {"k": 1_000, "千": 1_000, "m": 1_000_000, "w": 10_000, "万": 10_000, "亿": 100_000_000}
MAX_AMOUNT = Decimal("1e15")


@dataclass(frozen=True)
class Money:
    """An amount and, when the text said it, its currency (None: the tenant's currency)."""

    amount: Decimal
    currency: str | None = None


def parse_amount(token: str) -> Money | None:
    """Parse one token as an amount, or None when it is not one.

    >>> parse_amount("4.8万")
    Money(amount=Decimal('48000.0'), currency=None)
    >>> parse_amount("$5000").currency
    'USD'
    """
    match = _AMOUNT.match(token.strip())
    if not match:
        return None
    try:
        amount = Decimal(match["num"].replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the pattern only admits valid numbers
        return None
    if match["unit"]:
        amount *= _UNITS[match["unit"].lower()]
    if amount >= MAX_AMOUNT:
        return None
    marker = match["cur"] or match["suffix"]
    return Money(amount, _CURRENCY[marker.lower()] if marker else None)


def parse_count(token: str) -> Decimal | None:
    """A whole count such as `20` (visits, deals, customers); amounts with units work too."""
    money = parse_amount(token)
    if money is None or money.currency or money.amount != money.amount.to_integral_value():
        return None
    return money.amount
