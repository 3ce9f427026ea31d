"""A field of a customer's deal changed in a plain sentence with no command word (`腾讯 cloud migration
close march`, `wayne erp prob 70%`, `格力那单 概率改成70%`, `海尔 数据平台 阶段改成商务谈判`,
`the wayne erp one amount 250k`): a change of that deal, never a visit with the words as notes.

The deal is the member's one open deal with the customer the words fit (its title said, or the
only one); the change is offered as the command that makes it (`商机 #3 概率 70%`: the deal's
probability answer, one tap a stage), one option a deal where several fit; with no open deal of
theirs there, said so with what to type. Nothing is stored until answered.
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c
from handlers.grammar.money_said import amounts_said
from handlers.grammar.normal import name_fold
from handlers.grammar.patterns import pattern

_EN = r"(?<![A-Za-z])(?:{})(?![A-Za-z])"
#: The field a sentence changes, by its word (either language)
_FIELD = pattern(
    r"(?P<prob>" + _EN.format(r"prob|probability|probab|odds|chances?|likelihood|win\s*rate") +
    r"|赢率|概率|胜率|把握|可能性|成交率|赢单率)"
    r"|(?P<close>" + _EN.format(r"close\s+date|expected\s+close|closing|close|closes") +
    r"|预计成交(?:日期?|时间)?|成交(?:日期?|时间)|结单(?:日期?|时间)|签约(?:日期?|时间)|预计)"
    r"|(?P<amount>" + _EN.format(r"amount|value|deal\s+size") + r"|合同金额|合同额|金额)"
    r"|(?P<stage>" + _EN.format(r"stage") + r"|阶段)", re.I)
#: Words between a field and its new value (`prob is more like 30%`, `概率改成70%`, `close in march`)
_JOIN = pattern(r"^(?:\s*(?:(?<![A-Za-z])(?:is|to|at|now|more\s+like|about|around|should\s+be|be|of|"
                r"moved\s+to|pushed\s+to|changed\s+to|set\s+to|more\s+or\s+less|really|actually)(?![A-Za-z])"
                r"|[=:：]|应该是|大概|大约|差不多|改成|改为|改到|调到|调成|变成|推到|更新为|是|为|到))*\s*",
                re.I)
#: Words that only say "that deal" (`格力那单`, `the byd one`, `海尔的项目`)
_THAT_DEAL = pattern(r"的那个单子|那个单子|这个单子|的那单|那单|这单|单子|的项目|项目|商机|那个|这个|的|"
                     + _EN.format(r"the|deal|opp|opportunity|one|project|our|my|its|for|on|with|s"),
                     re.I)
#: A field said before the deal (`change the probability of the 格力 deal to 70%`, `把概率…`: no)
_FIELD_FIRST = pattern(r"^\s*(?:(?:change|set|update|make|put|move|bump|push)\s+)?(?:the\s+)?(?:"
                       + _FIELD.pattern + r")\s+(?:of|on|for)\s+(?:the\s+)?$", re.I)
#: The word after the deal that leads to the value (`… deal to 70%`, `… one is 30%`)
_TO = pattern(_EN.format(r"to|is|at|=|should\s+be") + r"\s*", re.I)
_TAIL = pattern(r"[\s,，。.!！~]*(?:吧|了|啦|呀|哈|pls|please|now|thanks|thx)?[\s,，。.!！~]*$", re.I)
_PCT = pattern(r"^(?:百分之)?(\d{1,3})\s*[%％]?(?:左右|上下|的样子)?$")


def field_change(said: str, seen: str, name: str, mine: list[tuple[int, str]], chinese: bool,
                 today: dt.date, *, located: str = "") -> c.ParseError | None:
    """The question for `said` (`seen`: normalised, the same length) changing one field of a deal
    of the customer `name`, whose open deals of the member's are `mine` (id, title); None where
    the words say no such change. `located`: the words naming the deal, where not the customer's
    name (its title: handlers/sales/title_field.py)."""
    from handlers.grammar.reading import read

    named = _named_at(seen, located or name)
    field = _FIELD.search(seen, named[1]) if named else None
    if named and field is not None:  # `格力那单 概率改成70%`: the value after the field
        joined = _JOIN.match(seen[field.end():])
        value, before = said[field.end() + joined.end():], f"{seen[:named[0]]} {seen[named[1]:field.start()]}"
    elif named and (field := _FIELD_FIRST.search(seen[:named[0]])) is not None \
            and (joined := _TO.search(seen, named[1])) is not None:  # `change the probability of the
        value, before = said[joined.end():], seen[named[1]:joined.start()]  # 格力 deal to 70%`
    else:
        return None
    value = _TAIL.sub("", value).strip()
    if not value:
        return None
    kind = field.lastgroup
    word = "商机" if chinese else "deal"
    if kind == "prob":
        pct = _PCT.match(value)
        if pct is None or int(pct[1]) > 100:
            return None
        change = f"{'概率' if chinese else 'probability'} {pct[1]}%"
    elif kind == "close":
        change = next((f"{label} {value}" for label in (("预计",) if chinese else ("close", "close in"))
                       if isinstance(read(f"{word} #1 {label} {value}", today).command, c.UpsertDeal)), None)
    else:
        made = read(f"{word} #1 {value}", today).command
        read_right = isinstance(made, c.UpsertDeal) and (made.stage if kind == "stage" else made.amount)
        change = value if read_right else None
    if change is None:
        return None
    if not mine:  # an amount, or a deal said in pieces (`globex deal - proposal, 25k, close eom`): left
        pieces = kind == "amount" or amounts_said(seen) or re.search(r"[,，;；]|\s-\s", said)  # to others
        return None if pieces else c.ParseError(None, "change_no_own_deal", name, change)
    hint = name_fold(" ".join(_THAT_DEAL.sub(" ", before).split()))
    fits = [(deal_id, title) for deal_id, title in mine if not hint or hint in name_fold(title)
            or name_fold(title) in hint] if hint else mine
    if not fits:
        return None  # words that are no title of theirs there: read elsewhere (a new deal? a visit?)
    return c.ParseError(None, "deal_change_unsaid", name, options=tuple(
        ("as_deal_change", f"{word} #{deal_id} {change}", None) for deal_id, _title in fits[:4]))


def _named_at(seen: str, name: str) -> tuple[int, int] | None:
    """(start, end) of the customer's name in `seen`: said whole, else its first word (`wayne` for
    Wayne Enterprises), else the start of a Chinese name (`阿里` for 阿里巴巴); None if not said."""
    low, key = seen.lower(), name.lower()
    said = [key, key.split(" ", 1)[0]] + [key[:size] for size in range(len(key) - 1, 1, -1)
                                           if re.match(r"[\u3400-\u9fff]", key)]
    for part in said:
        at = low.find(part)
        if part and at >= 0:
            return at, at + len(part)
    return None
