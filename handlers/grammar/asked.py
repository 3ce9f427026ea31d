"""Reports asked for in everyday words, with no command word at its place: `看下团队漏斗`,
`哪些单子卡住了`, `这周谁拜访最多？`, `本月排行榜 按完成率`, `团队本季度的进度`, `美的最近拜访过几次`,
`whos stalled`, `hows bo doing this month`, `show me the pipeline`, `who visited most this week`.

Each is read into the line of the report it asks for (`漏斗 团队`, `停滞`, `排行榜 拜访 本周`,
`progress @bo month`, `拜访记录 美的`), every word of it claimed by that line or by words that say
nothing (`看下`, `的`, `按`, `吧`); a question is answered at once, the line it was read as said
back. Anything else is no match here (the message is asked about as before).

>>> meant("看下团队漏斗", dt.date(2026, 12, 6))[0], meant("whos stalled", dt.date(2026, 12, 6))[0]
('漏斗 团队', 'stalled')
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c
from handlers.grammar.due_asked import due_line
from handlers.grammar.inner import read_only
from handlers.grammar.patterns import pattern
from handlers.grammar.questions_said import question_line
from handlers.grammar.reading import read

#: Words that ask to be shown something and say nothing more (`看下`, `帮我查一下`, `给我看看`)
_ZH_ASK = pattern(r"^(?:请|麻烦|帮我|给我|我想|我要|想)?(?:看下|看一下|看看|查下|查一下|查查|瞧瞧|瞅瞅|"
                  r"显示一下|显示|列出|列一下|说下|说一下|拉一下|拉下|出一下|发一下|发下)?")
_ZH_END = pattern(r"(?:怎么样了?|如何|情况)?[\s吧呢啊呀吗嘛？?！!。.~]*$")
#: A report's command word inside a Chinese sentence, and the words around it it takes
_ZH_REPORT = pattern(r"销售漏斗|漏斗|排行榜|排名|排行|进度|停滞|绩效|输赢分析")
_ZH_REPORT_WORD = {"销售漏斗": "漏斗", "排名": "排行榜", "排行": "排行榜"}
_ZH_PERIOD = r"(?:本|这个?|今|上个?|下个?)(?:周|星期|月|个月|季度|季|年度|年)|[一二三四]季度|\d{1,2}月"
_ZH_TOKEN = pattern(r"团队|全组|我们|我的|我|完成率|百分比|业绩|销售额|拜访量|拜访|新客户|赢单数|"
                    r"@\S+?(?=的|$)|" + _ZH_PERIOD)
_ZH_SAY_NOTHING = pattern(r"的|按|一下|下")
#: and with the pipeline, how much is in it (`团队现在漏斗里一共多少钱`: the team's pipeline, r31zh #109)
_ZH_PIPELINE_NOTHING = pattern(r"的|按|一下|下|现在|目前|里面|里|一共|总共|总额|总金额|有多少钱|多少钱|"
                               r"有多少|多少")

#: `哪些单子卡住了` · `有什么商机停滞了` · `卡住的单子有哪些` · `团队哪些单子没进展`
_ZH_STALLED = pattern(r"^(?P<team>团队|我们|全组)?(?:的)?(?:有)?(?:哪些|哪几个|哪几单|什么|哪个)?"
                      r"(?:单子|商机|单|项目)(?:都|还)?(?:卡住|卡着|停滞|停住|不动|没动|没动静|没进展|没推进)了?"
                      r"(?:的)?(?:有哪些)?$"
                      r"|^(?P<team2>团队|我们)?(?:的)?(?:卡住|停滞|没进展)(?:了)?的(?:单子|商机)(?:有哪些)?$")
#: `这周谁拜访最多` · `本月谁业绩最高` · `谁签单最多` · `这个季度拜访谁最多`
_ZH_TOP = pattern(r"^(?P<p1>" + _ZH_PERIOD + r")?(?P<m1>拜访|业绩|销售额|签单|赢单|成交|新客户)?谁的?"
                  r"(?P<m2>拜访|业绩|销售额|签单|赢单|成交|新客户)?(?:得|的)?(?:最多|最高|最好|最猛|第一|排第一|领先)"
                  r"(?P<p2>" + _ZH_PERIOD + r")?$")
_ZH_TOP_METRIC = {"拜访": "拜访", "业绩": "业绩", "销售额": "业绩", "签单": "赢单数", "赢单": "赢单数",
                  "成交": "赢单数", "新客户": "新客户"}
#: `美的最近拜访过几次` · `华为这个月去了几次`
_ZH_VISITS = pattern(r"^(?P<who>[^\s，,。？?]{2,20}?)(?:最近|近期|这个月|本月|今年|这周|本周|一共|总共)*"
                     r"(?:拜访|去|见)(?:过|了)*(?:几次|几回|多少次|多少回)$")

_EN_LEAD = r"^(?:(?:so|ok|okay|hey|quick\s+q|btw)[\s,:]+)?"
_EN_END = r"[\s?!.]*$"
#: `whos stalled` · `what's stuck` · `which deals are stalled on the team` · `any stalled deals?`
_EN_STALLED = pattern(_EN_LEAD + r"(?:who'?s|whos|who\s+is|who\s+has|what'?s|whats|what\s+is|"
                      r"which\s+(?:deals?\s+)?(?:are|is)|anything|any(?:\s+deals?)?|show(?:\s+me)?(?:\s+the)?|"
                      r"list(?:\s+the)?)\s+(?:deals?\s+)?(?:stalled|stuck|stalling|not\s+moving)(?:\s+deals?)?"
                      r"(?P<team>\s+(?:on|in|across)\s+(?:the\s+|my\s+|our\s+)?team)?"
                      r"(?:\s+(?:right\s+now|now|atm|at\s+the\s+moment))?" + _EN_END, re.I)
#: `show me the pipeline` · `hows our pipeline looking` · `what does the team pipeline look like`
#: (the verb may be left out: `team pipeline total`, r31zh #109)
_EN_PIPELINE = pattern(_EN_LEAD + r"(?:(?:(?:can\s+i|let\s+me)\s+see|show(?:\s+me)?|how'?s|hows|how\s+is|"
                       r"what'?s|whats|what\s+does|what\s+is|check|view|how\s+much(?:\s+money)?\s+is(?:\s+in)?"
                       r"|how\s+big\s+is|what'?s\s+in)\s+)?(?P<whose>the\s+|my\s+|our\s+)?"
                       r"(?P<team>team'?s?\s+)?(?:sales\s+)?(?:pipeline|funnel)"
                       r"(?:\s+(?:look(?:ing)?(?:\s+like)?|now|today|atm|rn|right\s+now|worth|at|total|value"
                       r"|in\s+total))*" + _EN_END, re.I)
#: `hows bo doing this month` · `how is @tom tracking vs target` · `how's Ana going this quarter`
_EN_PROGRESS = pattern(_EN_LEAD + r"(?:how'?s|hows|how\s+is|how\s+are)\s+(?P<who>@?[^\s?]+)\s+"
                       r"(?:doing|tracking|going|getting\s+on|performing)(?P<rest>.*?)" + _EN_END, re.I)
#: `is bo on track?` · `is 张伟 behind this month` · `bo on pace?` · `is Ana keeping up this quarter`
_EN_ON_TRACK = pattern(_EN_LEAD + r"(?:is|are)?\s*(?P<who>@?[^\s?]+)\s+(?:on\s+(?:track|pace|target|course)"
                       r"|behind(?:\s+pace)?|ahead(?:\s+of\s+pace)?|keeping\s+up)(?P<rest>.*?)" + _EN_END,
                       re.I)
_NOT_A_MEMBER = {"i", "we", "you", "they", "it", "things", "everyone", "everybody", "team", "the", "my",
                 "our", "he", "she", "that", "this", "business", "sales", "pipeline"}
_EN_PROGRESS_SAID = pattern(r"\b(?:so\s+far|against|vs\.?|versus|on|to|towards|with)\b|"
                            r"\b(?:(?:the|his|her|their)\s+)?(?:target|quota|goal|number)s?\b", re.I)
#: `who visited most this week` · `who has the most visits this month` · `who made the most calls`
_EN_TOP = pattern(_EN_LEAD + r"who(?:'?s|\s+has|\s+had)?\s+(?:(?P<verb>visited|made|logged|done|did|had|"
                  r"got|won|closed|signed)\s+)?(?:the\s+)?most\s*(?P<metric>visits|calls|meetings|deals|wins|customers|"
                  r"new\s+customers|sales|revenue)?(?P<rest>.*?)" + _EN_END, re.I)
_EN_TOP_METRIC = {"visited": "visits", "visits": "visits", "calls": "visits", "meetings": "visits",
                  "deals": "deals", "wins": "deals", "won": "deals", "closed": "deals", "signed": "deals",
                  "customers": "customers", "new customers": "customers", "sales": "", "revenue": ""}
_EN_PERIOD = pattern(r"^(?:(?:this|last|previous|current)\s+)?(?:week|wk|month|mo|quarter|qtr|year|yr)$|^$",
                     re.I)

#: `wk leaderboard` · `last month scorecard` · `team pipeline` · `visits leaderboard this week`: a
#: report's words said before its command word (read as the report only if every word is its own)
_EN_REPORT_LAST = pattern(_EN_LEAD + r"(?P<before>(?:[^\s?!.]+\s+){1,3}?)"
                          r"(?P<word>leaderboard|ranking|progress|pace|scorecard|kpis?|pipeline|funnel|stalled|reasons)(?P<after>(?:\s+[^\s?!.]+)*)"
                          + _EN_END, re.I)


#: What is due on a day, asked (`whats due tmrw`, `what's due on friday?`, `anything due tomorrow`,
#: `what do I have due tomorrow`): the day's words, read as a day by the tasks line or not at all
_EN_DUE = pattern(r"^(?:so\s+)?(?:what'?s|whats|what\s+is|what\s+(?:do\s+i\s+have|have\s+i\s+got)|"
                  r"anything|is\s+anything|do\s+i\s+have\s+anything)\s+(?:due|on|to\s+do)\s+"
                  r"(?:on\s+|for\s+)?(?P<day>[^?!.]+?)[\s?!.]*$", re.I)
#: `明天有什么要做的` · `明天有哪些任务` · `明天要做什么` · `明天到期的有哪些` · `周五有什么到期的`
_ZH_DUE = pattern(r"^(?:我)?(?P<day>今天|明天|后天|大后天|(?:下)?(?:周|星期|礼拜)[一二三四五六日天]|"
                  r"\d{1,2}月\d{1,2}[日号]|\d{1,2}[日号])(?:我)?(?:有|要|该)?(?:什么|哪些|啥)"
                  r"(?:要做的?|任务|待办|到期的?|事情?|要跟进的?)(?:任务|事情?)?[吗呢啊？?。!！\s]*$"
                  r"|^(?:我)?(?P<day2>今天|明天|后天)(?:要|该)做(?:什么|啥)[吗呢啊？?。!！\s]*$"
                  r"|^(?:我)?(?P<day3>本周|这周|下周|本月|这个月|下个月|今天|明天)(?:我)?(?:有|要|该)?(?:什么|哪些|啥)?"
                  r"(?:的|要做的|要跟进的|到期的)?(?:任务|待办)[吗呢啊？?。!！\s]*$")


def meant(text: str, today: dt.date) -> tuple[str, c.Command] | None:
    """(the report's line, its command) for a report asked for in everyday words, or None."""
    said = " ".join(text.split()).strip()
    if not said or "\n" in text.strip():
        return None
    for line in (due_line(said), _chinese(said), _english(said), question_line(said, today)):
        # (`我这周有啥要跟进的`: `任务 这周`; `whats overdue`: `tasks`)
        if line is None:
            continue
        command = read(line, today).command
        if isinstance(command, c.Command) and read_only(command):
            return line, command
    return None


def _chinese(said: str) -> str | None:
    if not re.search(r"[\u3400-\u9fff]", said):
        return None
    if found := _ZH_DUE.match(said.replace(" ", "")):  # `明天有什么要做的`: my tasks and follow-ups then
        return f"任务 {found['day'] or found['day2'] or found['day3']}"
    bare = _ZH_END.sub("", _ZH_ASK.sub("", said, count=1)).replace(" ", "")
    if found := _ZH_STALLED.match(bare):
        return "停滞 团队" if found["team"] or found["team2"] else "停滞"
    if found := _ZH_TOP.match(bare):
        metric = _ZH_TOP_METRIC.get(found["m1"] or found["m2"] or "", "")
        period = found["p1"] or found["p2"] or ""
        return " ".join(w for w in ("排行榜", metric, period) if w)
    if (found := _ZH_VISITS.match(bare)) and not re.search(r"谁|我们|团队|大家|我", found["who"]):
        return f"拜访记录 {found['who']}"
    return _zh_report(bare)


def _zh_report(bare: str) -> str | None:
    """`团队漏斗` · `本月排行榜按完成率` · `团队本季度的进度`: the report word with its words around it."""
    found = _ZH_REPORT.search(bare)
    if found is None:
        return None
    rest = bare[:found.start()] + " " + bare[found.end():]
    tokens, at = [], 0
    rest = rest.replace(" ", "")
    nothing = _ZH_PIPELINE_NOTHING if "漏斗" in found[0] else _ZH_SAY_NOTHING
    while at < len(rest):
        if (token := _ZH_TOKEN.match(rest, at)) is not None:
            tokens.append(token[0])
        elif (token := nothing.match(rest, at)) is None:
            return None  # a word no field claims: not read here
        at = token.end()
    word = _ZH_REPORT_WORD.get(found[0], found[0])
    tokens = ["团队" if t in ("全组", "我们") else t for t in tokens]
    return " ".join((word, *tokens))


#: a member's Chinese name in an English sentence (`is 张伟 on track?`): the only Chinese it may hold
_CJK_NAME = pattern(r"(?:^|(?<=[\s@]))[\u3400-\u9fff]{2,4}(?=$|[\s?'’])")


def _english(said: str) -> str | None:
    if re.search(r"[\u3400-\u9fff]", _CJK_NAME.sub("", said, count=1)):
        return None
    if found := _EN_DUE.match(said):  # `whats due tmrw`: my tasks and follow-ups due that day
        return f"tasks due {found['day']}"
    if found := _EN_STALLED.match(said):
        return "stalled team" if found["team"] else "stalled"
    if found := _EN_PIPELINE.match(said):
        whose = (found["whose"] or "").strip().lower()
        return "pipeline team" if found["team"] or whose == "our" else "pipeline"
    if found := _EN_TOP.match(said):
        metric = _EN_TOP_METRIC.get((found["metric"] or found["verb"] or "").lower(), "")
        rest = " ".join(found["rest"].split())
        return " ".join(w for w in ("leaderboard", metric, rest) if w) if _EN_PERIOD.match(rest) else None
    if (found := _EN_PROGRESS.match(said) or _EN_ON_TRACK.match(said)) \
            and found["who"].lower().lstrip("@") not in _NOT_A_MEMBER:
        rest = " ".join(_EN_PROGRESS_SAID.sub(" ", found["rest"]).split())
        return f"progress @{found['who'].lstrip('@')} {rest}".strip() if _EN_PERIOD.match(rest) else None
    if found := _EN_REPORT_LAST.match(said):  # `wk leaderboard`, `team pipeline`: its words after it
        return " ".join(f"{found['word']} {found['before']} {found['after']}".split())
    return None
