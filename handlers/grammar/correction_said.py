"""A correction read from its words alone, as people say it: `no I meant 1.15m`, `actually it was
90k not 85`, `不对，是20万`, `改成5万`, `no, 8 jan!`, `刚才那条记错了 是格力不是海尔`. `read_correction`
gives the kind of value said, the field named and the name said to be wrong; what it corrects is
found by handlers/sales/said_again.py and handlers/sales/follow_on.py (the member's last change),
or handlers/sales/offer_corrections.py (an offer still open)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from handlers.grammar import vocabulary as V
from handlers.grammar.amounts import amount_words, parse_amount
from handlers.grammar.dates import parse_date
from handlers.grammar.fillers import LEAD
from handlers.grammar.normal import view
from handlers.grammar.patterns import pattern

_FOLLOW_UP = ("跟进", "回访", "跟進", "回訪")  # `跟进改成下周二`: the visit just logged, its follow-up
_EN = pattern(r"^(?P<lead>(?:(?:no|nope|nah|sorry|oops|whoops|actually|wait|hmm+|typo|my\s+bad|oh|"
              r"wrong(?:\s+(?:amount|number|figure|price|date|day|value))?|"  # `wrong amount, should be 55k`
              r"my\s+mistake|correction|scratch\s+that|fix|(?:the\s+)?\w+\s+(?:is|was)\s+wrong)\b[\s,.!:–—-]*)+)?"
              r"(?P<verb>(?:i\s+)?(?:meant|mean)|should\s+(?:have\s+)?be(?:en)?|make\s+it|(?:it'?s\s+)?due(?:\s+on)?|"
              # `no wait the task is due thu`, `sorry the deadline is fri`: the task's day (fix34b)
              r"(?:(?:the|that|this|my)\s+)?task(?:'s)?\s+(?:is\s+|was\s+|should\s+be\s+)?due(?:\s+(?:on|by))?|"
              r"(?:the\s+)?(?:due\s+date|deadline)(?:\s+(?:is|was|should\s+be))?|"
              r"it'?s(?:\s+actually)?|it\s+(?:was|is)(?:\s+actually)?|"  # `hmm its actually 45k`
              r"(?P<rev>(?:(?:make|set|change|bump|put|update)\s+)?(?:the\s+)?(?:revenue|sales)(?:\s+(?:target|goal))?"
              r"(?:\s*[:=]|\s+(?:to|is|should\s+be|now))?)|"  # `no, revenue is 650k`: a revenue target's
              r"(?P<amt>(?:(?:make|set|change|bump|put|update)\s+)?(?:the\s+)?(?:" + V.AMOUNT_LABEL_EN + r")"
              r"(?:\s*[:=]|\s+(?:to|is|should\s+be|now))?)|"  # `amount 135k`, `amt: 1.2m`: the deal's amount
              r"(?P<close>(?:(?:make|set|change|move|push|put)\s+)?(?:the\s+)?(?:close|closing)(?:\s+date)?"
              r"(?:\s+(?:to|on|for|is|should\s+be))?"
              r"|(?P<sign>(?:(?:they|we|they'll|we'll|will|should|to|expect(?:ed|ing)?|likely|are)\s+)*"
              r"(?:signing|signs|sign)(?![A-Za-z])(?:\s+(?:on|by|around))?))|"  # `signing fri`: the close day
              r"(?:that|this|it)\s+(?:was|is|should\s+be)|that'?s|was|"
              r"(?:the\s+)?(?:contract|po|invoice|paperwork|quote)\s+(?:says|said|is|was)|"  # `the contract
              r"(?P<fu>(?:(?:make|set|change|move|put)\s+)?(?:the\s+|my\s+)?(?:follow[\s-]?up|fu|f/u)"
              r"(?:\s+(?:date|day))?(?:\s+(?:to|on|for|is|should\s+be|will\s+be|=))?))?\s*"
              r"(?P<value>\S.*?)(?P<not>,?\s+not\s+\S.*?)?"
              r"(?:[\s,.!]+(?:sorry|soz|pls|please|thanks|thx|ty|my\s+bad|oops|lol|typo))*"  # `… sorry`
              r"[\s.!]*$", re.I)
#: A field said after a change, as more of it (`and close 1/15`, `also fu fri`, `还有预计1/15签`)
_ADDED_EN = pattern(r"^(?:and|also|plus|oh\s+and|and\s+also)[\s,]+"
                    r"(?=(?:(?:set|make|change|move|push|put)\s+)?(?:the\s+)?"
                    r"(?:close|closing|follow[\s-]?up|fu\b|f/u))", re.I)
_ADDED_ZH = pattern(r"^(?:还有|另外|再|并且|然后|对了)?[\s,，]*(?P<field>预计)(?:成交|签约|签单|签)?"
                    r"(?![日期时间]*\s*(?:改|推|延|换|调|挪|提前|往后|应该))"  # `预计成交日改到…`: a change
                    r"(?:日期|时间|日)?(?:在|是|为|定在)?\s*(?P<value>[^\s签成，,。]+?)\s*"
                    r"(?:签约|签单|签合同|签|成交)?[\s。!！]*$")
#: The follow-up named after `i meant` (`no i meant fu feb 26`, `I meant follow up on the 26th`)
_FU_FIRST = pattern(r"^(?:the\s+)?(?:follow[\s-]?up|fu|f/u)(?:\s+(?:to|on|for|is))?\s+(?=\S)", re.I)
_ZH = pattern(r"^(?P<lead>(?:刚才那条|刚才)?(?P<named>金额|预计|跟进|回访|跟進|回訪)?"
              r"(?:不对|不是|错了|说错了|记错了|写错了|填错了|打错了|弄错了|更正|搞错了|其实)(?:[\s,，。!！]*其实)?"
              r"[\s,，。!！]*)?"
              r"(?P<verb>(?P<field>(?:赢单|成交|签约|签单|合同|商机|这单|单子)?金额|业绩(?:目标)?|销售额|营收|预计(?:成交|签约|签单)?(?:日期|日)?"
              r"|跟进|回访|跟進|回訪|(?:任务的?)?截止(?:日期|日|时间)?|到期日|期限)?\s*"
              r"(?:应该是|是|改成|改为|改到|推到|延到|提前到|推迟到|延后到|挪到|还是))?\s*"
              r"(?P<value>\S+?)(?P<not>[,，]?\s*不是\S+)?(?:[\s,，。]*(?:不好意思|抱歉|sorry))*"
              r"[\s。!！]*(?:吧|啦|呢|哈)?[\s。!！~～]*$")


#: words before a correction that only say one is coming (`不好意思`, `hmm`, `哦`, `算了`)
_FILLER = pattern(r"^(?:(?:hmm+|h+m+|um+|uh+|嗯+|哦不(?!对)|噢不(?!对)|哦+|噢+|呃+|啊+|唉|哎呀?|不好意思|抱歉"
                  r"|对了|sorry|算了|等等|等一下|oh|nah|nope|oops|actually|btw|其实)(?![A-Za-z])[\s,，。.!！~～]*)+(?=\S)",
                  re.I)


def unfilled(text: str) -> str:
    """`text` without the fillers before a Chinese correction (`hmm 应该是65w` → `应该是65w`).

    >>> unfilled("不好意思 金额是46万 不是48"), unfilled("hmm 应该是65w"), unfilled("哦不对 是B类")
    ('金额是46万 不是48', '应该是65w', '不对 是B类')
    >>> unfilled("哦不 45万"), unfilled("嗯 45万吧"), unfilled("嗯 好的")
    ('是45万', '是45万吧', '好的')
    """
    found = _FILLER.match(text.strip())
    rest = text.strip()[found.end():] if found else text.strip()
    if found and _BARE_AMOUNT.match(rest):
        return f"是{rest}"  # `哦不 45万`, `嗯 45万吧`: the amount said again, as `是45万` says it
    return rest if found and _CJK_ANY.search(rest) else text.strip()


_CJK_ANY = pattern(r"[\u3400-\u9fff]")
#: An amount in Chinese and nothing else (`45万`, `4.5万吧`)
_BARE_AMOUNT = pattern(r"^[¥￥]?\d[\d,.]*\s*(?:万|亿|千|元|块|w|W)+[吧啦呢哈。!！~～]*$")


def corrects_an_amount(text: str) -> bool:
    """Whether `text` corrects an amount just said (`不对，是45万`, `no I meant 450k`): never a
    win's reason, whatever prompt is open."""
    said = " ".join(view(amount_words(unfilled(text), in_words=True)).split())  # `sorry 其实是34万`
    found = _ZH.match(said) or _EN.match(said)
    return bool(found and (found["lead"] or _ZH.made(found) and found["verb"])  # `改成二十八万五`
                and parse_amount(found["value"].strip(" .。!！")) is not None)


@dataclass(frozen=True)
class Correction:
    """A correction as read: its `kind` (amount, day or customer), the `value` said, the `field`
    it names (`fu`, `close`, `amount` or ""), the customer's name it says is wrong (`was`), and
    whether it was said in English."""

    kind: str
    value: str
    field: str
    was: str
    en: bool


_BY_DAY = pattern(r"^(?:by\s+)?(?P<day>.+?)\s*(?:之前|以前|前)?$", re.I)


def _by_day(value: str, today: dt.date) -> str:
    """`value` without the words saying a day is a deadline (`下周五前` → `下周五`), where only so it is
    a day; `value` itself otherwise (`3天前` is a day as it is)."""
    found = _BY_DAY.match(value)
    if not found or found["day"] == value or parse_date(value, today) is not None:
        return value
    return found["day"] if parse_date(found["day"], today) is not None else value


def read_correction(said: str, today: dt.date) -> Correction | None:
    """`said` (amounts in words read, `view`ed) as a correction, or None when it is none."""
    said = _ADDED_EN.sub("", said)  # `and close 1/15`: the field said after the change, as `close 1/15`
    said = _ADDED_ZH.sub(lambda m: f"{m['field']}改成{m['value']}", said)  # `还有预计1/15签`: `预计改成1/15`
    match = next((m for m in (_EN.match(said), _ZH.match(said)) if m and (m["lead"] or m["verb"])), None)
    if match is None:
        return None
    value = match["value"].strip(" ,，!！")
    named_fu = _EN.made(match) and (found := _FU_FIRST.match(value)) is not None  # `no i meant fu feb 26`
    value = value[found.end():] if named_fu else value
    value = _by_day(value, today)  # `其实是下周五前`: the day a thing is due by, that day
    currency = currency_said(value)  # `oops meant rmb not usd`: the amount's currency, never a customer
    kind = "currency" if currency else "amount" if amount_said(value) is not None else \
        "day" if parse_date(value, today) is not None else "customer" if match["not"] else \
        "tier" if V.tier_of(value) is not None else None  # `改成B类` (only after a tier was set)
    if kind == "customer" and (said_amount := _amount_in(value)):  # `typo, it's 85万 not 80`: an
        kind, value = "amount", said_amount  # amount put right, never a customer of those words
    elif kind == "customer" and _FILLERS.intersection(re.findall(r"[\w']+", value.lower())):
        return None  # `typo, it's …`: no customer's name
    if kind == "amount":
        value = amount_said(value) or value
    if kind == "currency":
        value = currency
    if kind is None or _EN.made(match) and match["sign"] and kind != "day":
        return None  # `sign 50k`: no close day, and no amount said with a word of signing
    en = bool(_EN.made(match))
    named = "" if en else match["field"] or match["named"] or ""
    named = "预计" if named.startswith("预计") else "金额" if named.endswith("金额") else named  # `预计成交日
    # 改到1月15号`: the close day; `赢单金额是51.8万`: the amount
    field = "fu" if named in _FOLLOW_UP or en and (match["fu"] or named_fu) else \
        "close" if named == "预计" or en and match["close"] else \
        "amount" if named == "金额" or en and match["amt"] else \
        "revenue" if named.startswith(("业绩", "销售额", "营收")) or en and match["rev"] else ""
    was = re.sub(r"^[,，]?\s*(?:not|不是)\s*", "", match["not"] or "").strip(" .。!！")
    return Correction(kind, value, field, was, en)


#: Words of a sentence that are no customer's name (`typo, it's 85万`, `that was 93k rmb`)
_FILLERS = {"typo", "it's", "its", "it", "that", "that's", "was", "is", "meant", "mean", "sorry", "i",
            "should", "be", "the", "price", "not", "wrong", *V.AMOUNT_LABELS_EN}


_CURRENCY = pattern(r"^(?:in\s+|用|是)?(?P<word>[a-z]{3,7}|[\u4e00-\u9fff]{1,3}|[$¥€£])"
                    r"(?:\s+not\s+\S+|不是\S+)?$", re.I)


def currency_said(value: str) -> str | None:
    """The currency code `value` names alone (`rmb`, `in usd`, `人民币`), or None."""
    found = _CURRENCY.match(value.strip(" .。!！"))
    return V.CURRENCY_WORDS.get(found["word"].lower()) if found else None


def amount_said(value: str) -> str | None:
    """`93k rmb` · `85万` · `$1.2m`: the amount as the grammar writes it, or None."""
    from handlers.grammar.money_said import in_digits

    words = (value := in_digits(value)).split()  # `四十五万`: `45万`, read back as digits
    if len(words) == 2 and words[1].lower() in V.CURRENCY_WORDS and parse_amount(words[0]):
        return f"{words[0]} {words[1]}"
    return value if parse_amount(value) is not None else None


def _amount_in(value: str) -> str | None:
    """The one amount among words (`typo, it's 85万`), or None where there is none or several."""
    words = re.split(r"[\s,，]+", value)
    found = [w for w in words if re.search(r"\d", w) and parse_amount(w) is not None]
    return found[0] if len(found) == 1 else None


#: The day a close happened, said after it (`no wait close was last fri`, `其实是上周五签的`)
CLOSED_ON_EN = pattern(LEAD + r"(?:(?:and|also|plus|oh|btw)[\s,]+)*"
                       r"(?:(?:the\s+)?(?:close|closing|close\s+date|win|loss)\s+"
                       r"(?:was|is|date\s+was|happened)"
                       r"|(?:it|they|we|that|this)\s+(?:was\s+)?(?:actually\s+)?(?:closed|signed|won|lost|closed\s+it)"
                       r"|(?:closed|signed|won|lost))\s+(?:on\s+|back\s+on\s+)?(?P<day>[^,.!]+?)"
                       r"(?:[\s,]+(?:actually|actualy|acutally|actully|tho|though|lol|sorry|sry|btw|my\s+bad))*\s*[.!]*$",
                       re.I)
CLOSED_ON_ZH = pattern(LEAD + r"(?:是|应该是)?(?P<day>\S+?)(?:就|已经|就已经)?"
                       r"(?:签的|签约的|成交的|赢的|丢的|输的|定的|签下来的|签了|签约了|成交了|签下来了|定了|丢了|输了)"
                       r"(?:吧|啦|哈)?[。!！]*$"
                       r"|" + LEAD + r"(?:成交|签约|赢单|输单)(?:日期|时间)?(?:是|在)(?P<day2>\S+?)"
                       r"(?:吧|啦|哈)?[。!！]*$")


def day_words(text: str) -> str | None:
    """The words of the day a close is said to have happened on (`close was last fri` → `last fri`),
    or None when `text` says no close's day."""
    found = CLOSED_ON_EN.match(" ".join(text.split())) or CLOSED_ON_ZH.match(" ".join(text.split()))
    return (found["day"] or found["day2"]).removeprefix("on ") if found else None
