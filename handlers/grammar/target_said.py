"""A target told in words instead of the command's order: `李娜下个月目标50万`, `给张伟定个目标：本月业绩
八十万`, `set Bo's target for next month to 50k`, `Ana target Q1 1.2m`. Each is written as the target
command (`目标 @李娜 业绩 50万 下个月`, `target Bo next month 50k`), which reads every word of it or
is no target: who may set it, and the period, are the command's."""
from __future__ import annotations

import re

from handlers.grammar import vocabulary as V
from handlers.grammar.patterns import pattern

PERIOD_ZH = (r"(?:下下?个?月|上个?月|本月|这个?月|当月|下个?季度|本季度?|这个?季度|"
              r"(?:今年|明年)?(?:\d{1,2}|十[一二]?|[一二三四五六七八九])月份?|"  # `1月`, `一月份`, `明年一月`
              r"今年|明年|本年度?|"
              r"第?[一二三四1-4]季度|[Qq][1-4])")
METRIC_ZH = r"(?:业绩|销售额|营收|收入|拜访量|拜访数|拜访|赢单数|成交数|单数|新客户数|新客户|新客)"
#: an amount as said in Chinese (`50万`, `八十万`, `24万元整`, `¥24万元`)
AMOUNT_ZH = (r"[¥$]?(?:\d[\d.,]*|[零〇一二两三四五六七八九十百千]+)\s?(?:万|千|亿|k|m|w)?\s?"  # one space
              r"(?:元|块钱?|人民币)?整?")  # at most: the text is folded
#: a count's unit (`3个`, `五个`, `40次`): the number said before it is a count, in digits or not
UNIT_ZH = r"(?:个|次|单|家|位|笔)"
#: the words that set or change it, before or after the period (`目标改成45万`, `目标下个月改成45万`)
_SET_ZH = (r"(?:也是|也定为?|也设为?|也要|也为|是|为|定为|设为|定成|设成|定在|改成|改为|改到|调成|调到"
           r"|调整为|调整到|提到|提高到|降到|定|[:=,，])")  # `目标定60万`, `目标也是60万` (r29)
#: `李娜下个月目标50万` · `下个月李娜的目标是50万` · `给李娜定个下个月拜访目标40次` · `团队本季度目标200万`
#: · `给张伟定个目标：本月业绩八十万`
_TARGET_ZH = pattern(
    rf"^(?:(?:设定|设置|定下)\s*|[设定]\s+)?(?P<p0>{PERIOD_ZH})?\s*(?:给|帮|把|替)?\s*@?(?P<who>团队|[^\s\d@#，,:：;；。]{{2,4}}?)\s*[的把]?\s*"
    rf"(?:(?P<p1>{PERIOD_ZH})\s*的?\s*)?(?:(?P<m1>{METRIC_ZH})\s*)?(?:定个?|定一个|设个?|设一个|设置|设定)?\s*"
    rf"(?:(?P<p2>{PERIOD_ZH})\s*的?\s*)?(?:(?P<m2>{METRIC_ZH})\s*)?目标\s*"
    rf"{_SET_ZH}?\s*(?:(?P<p4>{PERIOD_ZH})\s*的?\s*)?(?:(?P<m3>{METRIC_ZH})\s*)?{_SET_ZH}?\s*"
    rf"(?P<amount>{AMOUNT_ZH})(?P<unit>{UNIT_ZH})?\s*"
    rf"(?P<p3>{PERIOD_ZH})?\s*[!。.~]*$", re.I)
#: `set Bo's target for next month to 50k` · `Ana target Q1 1.2m` · `make Bo's Q1 revenue goal 300k`:
#: the name (a possessive, or the word before the target word), the rest the command's
_TARGET_EN = pattern(
    r"^(?:(?:please|pls)\s+)?(?:(?:set|make|put|give|change|update)\s+)?(?:the\s+)?"
    r"(?P<who>@?[^\s\d@#$¥€£:,]+?)(?P<own>'s|’s|s')?\s+(?P<before>(?:\S+\s+){0,3}?)"
    r"(?:target|goal|quota)\b(?P<after>.*)$", re.I)
#: `set a target for Bo of 50k next month` · `Q1 target for Ana: 1.2m`: the name after `for`
_TARGET_FOR_EN = pattern(
    r"^(?:(?:please|pls)\s+)?(?:(?:set|make|put|give|change|update)\s+)?(?:the\s+|a\s+)?"
    r"(?P<before>(?:\S+\s+){0,3}?)(?:target|goal|quota)\s+(?P<after>for\s+.+)$", re.I)
_IS_EN = pattern(r"(?<![A-Za-z])(?:is|are|will\s+be|should\s+be|=)(?![A-Za-z])", re.I)
_EN_NOT_WHO = {"my", "our", "a", "the", "new", "what", "whats", "what's", "how", "is", "set", "hit",
               "no", "this", "next", "last", "monthly", "quarterly"}


#: The sender's own target (`set my own target to 500k for jan`, `我这个月目标帮我改成50万`): `@me`,
#: the sender (a rep is told who sets it, never a member named so)
_OWN_ZH = pattern(
    rf"^(?:请|麻烦)?(?:(?:帮|给)我把?|把?我(?:自己)?的?)\s*(?P<p0>{PERIOD_ZH})?\s*的?\s*(?P<m>{METRIC_ZH})?\s*目标\s*"
    rf"(?:(?:帮|给)我)?\s*{_SET_ZH}?\s*(?P<amount>{AMOUNT_ZH})(?P<unit>{UNIT_ZH})?\s*(?P<p3>{PERIOD_ZH})?"
    r"\s*[吧!。.~]*$", re.I)
_OWN_EN = pattern(r"^(?:(?:please|pls|can\s+you|could\s+you)\s+)?"
                  r"(?:set|change|update|make|put|bump|raise|lower)\s+my\s+(?:own\s+)?"
                  r"(?P<before>(?:\S+\s+){0,2}?)(?:target|goal|quota)\b(?P<after>.*)$", re.I)


def target_said(text: str) -> str | None:
    """The target command a target told in words says (`text` folded), or None."""
    if found := _OWN_ZH.match(text):  # `我这个月目标帮我改成50万`
        period = found["p0"] or found["p3"] or ""
        return f"目标 @me {found['m'] or '业绩'} {counted(found)} {period}".strip()
    if found := _OWN_EN.match(text):  # `set my own target to 500k for jan`
        return f"target @me {found['before']}{_IS_EN.sub(' ', found['after'])}"
    return _said_zh(text) or _said_en(text)


def _said_zh(text: str) -> str | None:
    found = _TARGET_ZH.match(text)
    if found is None:
        return None
    periods = [found[g] for g in ("p0", "p1", "p2", "p4", "p3") if found[g]]
    metrics = [found[g] for g in ("m1", "m2", "m3") if found[g]]
    who = found["who"]
    if len(periods) > 1 or len(metrics) > 1 or who in V.METRIC_WORDS or re.fullmatch(PERIOD_ZH, who):
        return None
    if who == "团队" and re.search(r"目标\s*(?:也|定(?![为成在]))", text):
        return None  # `团队业绩目标定600万，按人分解`: a team's, offered whole by the sentence reading
    scope = "团队" if who == "团队" else f"@{who}"
    return f"目标 {scope} {metrics[0] if metrics else '业绩'} {counted(found)}" \
        + (f" {periods[0]}" if periods else "")


def counted(found: re.Match) -> str:
    """The amount a match said, a count with its unit in digits (`五个` → `5`, `3个` → `3`)."""
    from handlers.grammar.month_days import count_of

    amount = found["amount"].replace(" ", "")
    said = found["unit"] and re.fullmatch(r"\d+|[一二两三四五六七八九十]{1,3}", amount)
    return str(count_of(amount) or amount) if said else amount


def _said_en(text: str) -> str | None:
    text = text.replace("’", "'")
    if (named := _TARGET_FOR_EN.match(text)) is not None:
        return f"target {named['before']}{named['after'].replace(':', ' ')}"
    found = _TARGET_EN.match(text)
    if found is None or found["who"].lower() in _EN_NOT_WHO | V.ME_WORDS:
        return None
    who = found["who"]
    scope = "team" if who.lower() in V.TEAM_WORDS else f"@{who.lstrip('@')}"
    after = _IS_EN.sub(" ", found["after"].replace(":", " "))  # `Bo's visit target this month is 40`
    before = re.sub(r"^(?:a|an|the)\s+", "", found["before"], flags=re.I)  # `give ana a target
    return f"target {scope} {before}{after}"  # of 5 new customers for q1`


#: A member's target with no target word (`tom new customers 3 this month`, `Bo visits 40 next
#: month`, `张伟本月新客户3个`): a name, a metric, a number and a period, nothing else; offered as the
#: target command, one tap away (it may as well be a figure reported)
_BARE_EN = pattern(r"^@?(?P<who>[A-Za-z][\w.-]*?)(?:'s|’s)?\s+"
                   r"(?P<rest>(?:\d[\d.,]*[km]?\s+)?(?:(?:new\s+)?customers?|new\s+clients?|visits|deals(?:\s+won)?"
                   r"|wins|revenue|sales)\s+.+)$", re.I)  # `ana new customers 3 in jan` · `bo 40 visits q1`
_BARE_PERIOD_EN = pattern(r"(?<![A-Za-z])(?:(?:this|next|the)\s+(?:month|quarter|year)|q[1-4]"
                          r"|(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|(?:in|for)\s+may)"
                          r"(?![A-Za-z])", re.I)
_BARE_ZH = pattern(rf"^@?(?P<who>[^\s\d@#，,:：;；。]{{2,4}}?|[A-Za-z]+)\s*的?\s*"
                   rf"(?P<p1>{PERIOD_ZH})?\s*的?\s*"
                   rf"(?P<m>{METRIC_ZH})\s*(?P<amount>{AMOUNT_ZH})(?P<unit>{UNIT_ZH})?\s*(?P<p2>{PERIOD_ZH})?"
                   r"\s*[!。.~]*$", re.I)


#: what a member is to do, said before the figure (`Bo needs 20 visits next month`, `Ana should close
#: 500k this month`, `张伟下个月要拜访30家客户`, `Bo下季度得签80万`): the verb names the metric where
#: the figure has none (`close`, `签`: revenue; `拜访`: visits; `开`, `新增`: new customers)
_TO_DO_EN = pattern(r"^(?P<who>@?[A-Za-z][\w.-]*)\s+(?:needs?(?:\s+to)?|should|has\s+to|must|gotta|is\s+to)"
                    r"\s+(?:(?:(?P<money>close|sign|win|bring\s+in|book|sell)|do|make|hit|get|log|reach|have)\s+)?"
                    r"(?P<rest>.+)$", re.I)
_TO_DO_ZH = pattern(rf"^(?P<who>@?[^\s\d@#，,:：;；。]{{2,4}}?|[A-Za-z]+)\s*(?P<p1>{PERIOD_ZH})?\s*"
                    r"(?:要|得|需要|应该|必须)\s*(?:(?P<visit>拜访|见)|(?P<money>签|签单|成交|做到|完成|拿下)"
                    r"|(?P<new>开发?|新增|拿下|签下))\s*"
                    rf"(?P<amount>{AMOUNT_ZH})(?P<unit>{UNIT_ZH})?\s*(?:新?客户|个?新客户?)?\s*"
                    rf"(?P<p2>{PERIOD_ZH})?\s*[!。.~]*$", re.I)
_METRIC_SAID_EN = pattern(r"(?<![A-Za-z])(?:(?:new\s+)?customers?|new\s+clients?|visits|deals|wins|revenue"
                          r"|sales)(?![A-Za-z])", re.I)


def _to_do(said: str) -> str | None:
    """A target said as what a member is to do, in the bare form `bare_target` reads, or None."""
    if (found := _TO_DO_ZH.match(said)) is not None:
        metric = "拜访" if found["visit"] else "业绩" if found["money"] and not found["unit"] else \
            "新客户" if found["new"] or found["unit"] else None
        period = found["p1"] or found["p2"]
        return f"{found['who']} {period} {metric} {found['amount']}{found['unit'] or ''}" \
            if metric and period and not (found["p1"] and found["p2"]) else None
    if (found := _TO_DO_EN.match(said)) is not None:
        rest = found["rest"]
        if found["money"] and not _METRIC_SAID_EN.search(rest):
            rest = f"revenue {rest}"  # `should close 500k this month`
        return f"{found['who']} {rest}"
    return None


def bare_target(raw: str) -> tuple[str, str] | None:
    """(the target command, its language's `目标`/`target`) that a member's target said with no
    target word holds (`tom new customers 3 this month`), or None."""
    from handlers.grammar.commands import SetTarget
    from handlers.grammar.parse_targets import parse_target  # parse_reports reads periods; kept lazy

    said = " ".join(raw.split())
    said = _to_do(said) or said
    found = _BARE_ZH.match(said)
    if found is not None and (found["p1"] or found["p2"]) and not (found["p1"] and found["p2"]) \
            and found["who"] not in V.METRIC_WORDS and not re.fullmatch(PERIOD_ZH, found["who"]):
        line = f"@{found['who']} {found['m']} {counted(found)} {found['p1'] or found['p2']}"
        return (f"目标 {line}", line) if isinstance(parse_target(line, _today()), SetTarget) else None
    found = _BARE_EN.match(said)
    if found is None or found["who"].lower() in _EN_NOT_WHO | V.ME_WORDS | V.TEAM_WORDS \
            or len(_BARE_PERIOD_EN.findall(found["rest"])) != 1:
        return None
    line = f"@{found['who']} {found['rest']}"
    return (f"target {line}", line) if isinstance(parse_target(line, _today()), SetTarget) else None


def _today():
    import datetime as dt

    return dt.date.today()  # only whether it reads: the period is read again when it runs
