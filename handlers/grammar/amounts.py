"""Money as people type it: `50k`, `1.2m`, `50,000`, `$5000`, `¥5万`, `5万`, `1.5亿`, `48000元`."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from handlers.grammar.patterns import pattern

_CURRENCY = {"$": "USD", "¥": "CNY", "€": "EUR", "£": "GBP", "hk$": "HKD", "us$": "USD",  # before or after
             "usd": "USD", "美元": "USD", "美金": "USD", "cny": "CNY", "rmb": "CNY", "人民币": "CNY",
             "元": "CNY", "块": "CNY", "eur": "EUR", "欧元": "EUR", "gbp": "GBP", "英镑": "GBP",
             "hkd": "HKD", "港币": "HKD", "港元": "HKD", "jpy": "JPY", "日元": "JPY"}
_AMOUNT = pattern(
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
    token = _ABOUT.sub("", token.strip()) or token  # `三十万左右`, `大概30万`: the amount said
    token = _EVEN.sub("", token.replace("块钱", "块"))  # `24万元整`, `24万块钱`: 240,000 as said
    token = re.sub(r"(?<=\d)个(?=亿)", "", token)  # `1.2个亿`: 120,000,000 as said
    match = _AMOUNT.match(token.strip()) or _AMOUNT.match(_arabic(token.strip()))
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


#: An amount's unit said in a word or apart from its number (`30 grand`, `5 million`, `1.5mil`,
#: `¥ 240,000`): written as the grammar's own (`30k`, `5m`, `1.5m`, `¥240,000`) before reading
_UNIT_WORDS = (
    (pattern(r"(?<![\w.,])(\d+(?:\.\d+)?)(?:\s*(?:grand|thousand|thou)|\s+k)(?![\w$¥€£])", re.I), r"\1k"),
    (pattern(r"(?<![\w.,])(\d+(?:\.\d+)?)(?:\s*(?:millions?|mil|mio|mln|mn|mm)|\s+m)(?![\w$¥€£])", re.I),
     r"\1m"),
    (pattern(r"(?<![\w$¥€£])(hk\$|us\$|[$¥€£])\s+(?=\d)", re.I), r"\1"),
    # `50 000€`, `€50 000`: thousands grouped by spaces, beside a currency
    (pattern(r"(?<![\w.,])(\d{1,3})[ \u00a0](\d{3})(?:[ \u00a0](\d{3}))?(?=\s*(?:[$¥€£元块]|欧元|美元)"
                r"|\s*(?:eur|usd|gbp|rmb|cny|hkd)(?![A-Za-z]))", re.I), r"\1\2\3"),
    (pattern(r"(?<=[$¥€£])(\d{1,3})[ \u00a0](\d{3})(?:[ \u00a0](\d{3}))?(?![\d,.])"), r"\1\2\3"),
)
#: A currency said after an amount as a phrase (`50k in euros`, `50k (EUR)`, `5万欧`): the amount's
#: own currency, as a sign would say it (`€50k`); a bare code after it (`50k EUR`) is the deal's
_IN_CURRENCY = pattern(r"(?<![\w.,$¥€£])(?P<num>\d[\d,.]*(?:k|m|w|万|千)?)\s*"
                       r"(?:(?:in\s+|\(\s*)(?P<word>euros?|eur|dollars?|usd|us\s+dollars|pounds?|gbp|"
                       r"rmb|yuan|cny|renminbi)\s*\)?|(?P<zh>欧|美刀))(?![A-Za-z\u4e00-\u9fff])", re.I)
_SIGN_OF = {"eur": "€", "dol": "$", "usd": "$", "us ": "$", "pou": "£", "gbp": "£", "rmb": "¥", "yua": "¥",
            "cny": "¥", "ren": "¥", "欧": "€", "美刀": "$"}
_QUOTED = pattern(r"(\"[^\"]*\"|“[^”]*”|「[^」]*」)")


def amount_words(text: str, in_words: bool = False) -> str:
    """`deal Globex contact 30 grand` → `… 30k`: an amount's unit is never a word left over (a
    title in quotes, `"3 M"`, is as typed); `in_words`: an amount said in words too (`half a
    mil` → `500k`: only where the message's words are fields, never a visit's notes)."""
    from handlers.grammar.money_words import money_words

    parts = _QUOTED.split(text)
    for index in range(0, len(parts), 2):
        parts[index] = money_words(parts[index]) if in_words else parts[index]
        for regex, unit in _UNIT_WORDS:
            parts[index] = regex.sub(unit, parts[index])
        parts[index] = _IN_CURRENCY.sub(_signed, parts[index])
    return "".join(parts)


def _signed(found: re.Match) -> str:
    said = found["zh"] or found["word"].lower()
    return f"{_SIGN_OF.get(said, _SIGN_OF.get(said[:3], ''))}{found['num']}"


_CN_CHARS = "零〇一二两三四五六七八九十百千万亿0-9"
#: `整` closing an amount (`24万元整`, `二十四万整`): a whole sum, said as on a cheque
_EVEN = pattern(r"(?<=[\d零〇一二两三四五六七八九十百千万亿元块kKmMwW])整$")
#: Words that say an amount is about so much (`大概30万`, `三十万左右`): the amount is what is said
_ABOUT = pattern(r"^(?:大概|大约|约|差不多|~|≈)|(?:左右|上下)$")
_CN_NUMBER = pattern(rf"^([$¥€£]?)([{_CN_CHARS}]*[十百千万亿][{_CN_CHARS}]*)"
                     r"(元|块|人民币|美元|美金|港币|港元|欧元)?$")
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}


def _arabic(token: str) -> str:
    """An amount in Chinese numerals (`五万`, `十二万`, `八千`, `三万五`, `一百二十万元`) in digits
    (`50000`, `120000`, `8000`, `35000`, `1200000元`); other text as it is."""
    found = _CN_NUMBER.match(token)
    value = _chinese_number(found[2]) if found else None
    return token if value is None else f"{found[1]}{value}{found[3] or ''}"


def _chinese_number(text: str) -> int | None:
    if len(text) < 2:
        return None  # `百`, `万` alone are words (`百度`, `万科` are names), not amounts
    high, sep, rest = text.partition("亿")
    if not sep:
        return _below_yi(text)
    if "亿" in rest:
        return None
    top = _below_yi(high) if high else 1
    if len(rest) == 1 and rest in _CN_DIGITS and rest not in "零〇":  # `一亿五` is 150,000,000
        low = _CN_DIGITS[rest] * 10**7
    else:
        low = _below_yi(rest) if rest else 0
    return None if top is None or low is None else top * 10**8 + low


def _below_yi(text: str) -> int | None:
    high, sep, rest = text.rpartition("万")
    if "万" in high:
        return None
    top = _section(high) if high else (1 if sep else 0)
    if not sep:
        return _section(rest)
    if len(rest) == 1 and rest not in "零〇0" and (rest in _CN_DIGITS or rest.isdigit()):  # `三万五`, `3万5`
        return None if top is None else top * 10_000 + (_CN_DIGITS.get(rest) or int(rest)) * 1000
    low = _section(rest) if rest else 0
    return None if top is None or low is None else top * 10_000 + low


def _section(text: str) -> int | None:
    """Below 万: `一千二百` 1200, `十二` 12, `两千五` 2500."""
    total, digit, last = 0, None, 10_000
    for ch in text:
        if ch in "零〇":
            digit = None
        elif ch.isascii() and ch.isdigit():  # `12万5千`: digits among the units
            digit = (digit or 0) * 10 + int(ch)
        elif ch in _CN_DIGITS:
            if digit is not None:
                return None  # `一二`: no number
            digit = _CN_DIGITS[ch]
        elif ch in _CN_SMALL:
            unit = _CN_SMALL[ch]
            if unit >= last:
                return None
            total += (1 if digit is None else digit) * unit
            digit, last = None, unit
        else:
            return None
    if digit is not None:
        total += digit * (last // 10 if last <= 1000 and text[-2:-1] not in "零〇" else 1)
    return total


def parse_count(token: str) -> Decimal | None:
    """A whole count such as `20` (visits, deals, customers); amounts with units work too."""
    money = parse_amount(token)
    if money is None or money.currency or money.amount != money.amount.to_integral_value():
        return None
    return money.amount


#: A currency named anywhere in a message (`paid in EUR`, `欧元`, `€`): a sign, a code or a word
_NAMED_CURRENCY = pattern(r"(?<![A-Za-z])(?:hk\$|us\$|usd|dollars?|cny|rmb|yuan|eur|euros?|gbp|pounds?|"
                          r"hkd|jpy|yen)(?![A-Za-z])|[$¥€£]|美元|美金|人民币|欧元|英镑|港币|港元|日元", re.I)
_WORD_CURRENCY = {"dollar": "USD", "dollars": "USD", "yuan": "CNY", "euro": "EUR", "euros": "EUR",
                  "pound": "GBP", "pounds": "GBP", "yen": "JPY"}


def currencies_named(text: str) -> set[str]:
    """The currencies `text` names (`won #3 50k; paid in EUR` → {"EUR"}), a title in quotes aside."""
    return {_WORD_CURRENCY.get(word.lower()) or _CURRENCY[word.lower()]
            for part in _QUOTED.split(text)[::2] for word in _NAMED_CURRENCY.findall(part)}
