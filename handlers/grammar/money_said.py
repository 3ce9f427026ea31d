"""The amounts free text says, as typed (`bumped to 15k`, `190k cny`, `二十万`): what a sentence
read without a command word offers as a deal's amount."""
from __future__ import annotations

import re

from handlers.grammar.amounts import parse_amount
from handlers.grammar.normal import simplified
from handlers.grammar.patterns import pattern

#: a bare number that is no amount: a count of something (`2 analysts`, `3个人`), a year, a date
_COUNTED = pattern(r"^\s*(?:[A-Za-z\u3400-\u9fff]|[/:\-]\d)")
_YEAR = pattern(r"(?:19|20)\d\d")
_CODE = r"(?:cny|rmb|usd|eur|gbp|hkd|jpy|yuan|dollars?|euros?)(?![A-Za-z])"
#: An amount as typed, a currency said beside it its own (`190k cny`, `usd 50k`, `19万 人民币`)
_MONEY = pattern(r"(?<![A-Za-z0-9_#/.])(?:" + _CODE + r"\s*)?(?:RMB|US\$|HK\$|¥|\$|€|£)?\s*\d[\d.,]*\s*"
                 r"(?:万|萬|千|k|m|w|元|块|塊)?"
                 r"(?:\s*(?:人民币|美元|美金|欧元|港币|港元|英镑|元|" + _CODE + r"))?"
                 r"(?![A-Za-z0-9_])", re.I)
_CURRENCY_WORD = pattern(r"^" + _CODE + r"\s*|\s*(?:人民币|美元|美金|欧元|港币|港元|英镑|" + _CODE + r")$",
                         re.I)


def amounts_said(text: str) -> list[str]:
    """The amounts free text says (`bumped to 15k`, `3.5万`, `$80,000`, `120000`, `190k cny`), as
    typed: a number with a currency or a unit, or a bare one of 1,000 or more that counts nothing
    and is no year. `demo for the VP + 2 analysts`, `3个人`, `2027`, `12/10` say none."""
    found = []
    for m in _MONEY.finditer(text):
        word = m[0].strip().rstrip(".,")
        number = _CURRENCY_WORD.sub("", word)
        if parse_amount(simplified(number)) is None:  # `13萬`: as 13万
            continue
        bare = word.replace(",", "").replace(".", "").isdigit()
        if bare and (parse_amount(simplified(word)).amount < 1000 or _YEAR.fullmatch(word)
                     or _COUNTED.match(text[m.end():])):
            continue
        found.append(word)
    found += [m[0] for m in _HAN_AMOUNT.finditer(text)  # `二十万`
              if parse_amount(simplified(m[0])) is not None]
    return found


#: An amount in Chinese numerals (`二十万`, `一百二十万`, `三千块`): counted money, never a count
_HAN_AMOUNT = pattern(r"(?<![零一二两三四五六七八九十百千万亿])"
                      r"(?:[一二两兩三四五六七八九十百千]+(?:万|萬|亿|億)(?:[一二三四五六七八九](?:千)?)?(?:块|塊|元)?"
                      r"|[一二两三四五六七八九十百]+千(?:块|元))")  # `八万五`: 8.5万


def in_digits(said: str) -> str:
    """An amount said in Chinese numerals written in digits, as a command line reads it back
    (`四十五万` → `45万`, `二十八万五` → `28.5万`, `两万美元` → `2万 usd`); any other words as they are."""
    money = parse_amount(said) if not re.search(r"\d", said) and _HAN_AMOUNT.search(said) else None
    if money is None:
        return said
    wan = money.amount / 10_000
    number = f"{wan.normalize():f}万" if money.amount >= 10_000 else f"{money.amount.normalize():f}"
    return f"{number} {money.currency.lower()}" if money.currency else number
