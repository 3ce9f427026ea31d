"""What is due, asked with no question mark: `我这周有啥要跟进的`, `这周有什么要跟进的`,
`今天有没有要跟进的客户`, `我还有几个任务没做`, `明天要跟进的有哪些呢`, `what do I have this week`,
`anything to follow up today`, `do i have any tasks tomorrow`, `how many tasks do i have`. A question,
read as the tasks line of the period asked (`任务 这周`, `tasks due tomorrow`, or all of them), never
a task or a visit (r31zh #37).

Every word must be one of a question about what is due: the asker, an asking word, a word for tasks
or follow-ups, the period; and the message must hold both an asking word and a tasks word. Anything
else (a customer's name, a title) is no match here.

>>> due_line("我这周有啥要跟进的"), due_line("what do I have this week"), due_line("我还有几个任务没做")
('任务 这周', 'tasks due this week', '任务')
"""
from __future__ import annotations

import re

from handlers.grammar.patterns import pattern

_ZH_PERIOD = (r"今天|今日|明天|明日|后天|大后天|这周|本周|这星期|这礼拜|这个星期|这个礼拜|"
              r"下周|下星期|下礼拜|下个星期|这个月|本月|下个月|下月|(?:下)?(?:周|星期|礼拜)[一二三四五六日天]|\d{1,2}月\d{1,2}[日号]|\d{1,2}[日号]")
_ZH_PERIOD_WORD = {"今日": "今天", "明日": "明天", "这星期": "这周", "这礼拜": "这周",
                   "这个星期": "这周", "这个礼拜": "这周", "下星期": "下周", "下礼拜": "下周",
                   "下个星期": "下周", "下月": "下个月"}
#: the words of a question about what is due, longest first
_ZH_ASK = r"有没有|有啥|有什么|有哪些|哪些|哪几个|啥|什么|几个|几件|几条|几项|多少|吗|呢|[?？]"
_ZH_THING = r"待跟进|要跟进|跟进|回访|任务|待办|要做|该做|要干|干|做|事情|事儿|事|到期|截止"
_ZH_NOTHING = (r"请问|帮我看看|帮我看下|看看|看下|查下|查一下|我的|我|还|都|一共|总共|需要|要|该|得|有|"
               r"没完成|未完成|没做完|没|的|个|件|条|项|客户|之前|前|啊|呀|嘛|吧|了|[\s，,。.!！~]")
_ZH_TOKEN = pattern(r"(?P<period>" + _ZH_PERIOD + r")|(?P<ask>" + _ZH_ASK + r")|(?P<thing>" + _ZH_THING
                    + r")|(?P<nothing>" + _ZH_NOTHING + r")")

_EN_PERIOD = (r"today|tonight|tomorrow|tmrw|tmr|this\s+week|next\s+week|this\s+month|next\s+month|eow|"
              r"end\s+of\s+(?:the\s+)?week|(?:on\s+|this\s+|next\s+)?(?:mon|tue|tues|wed|thu|thurs|fri|sat|sun)"
              r"(?:day|nesday|sday|urday|rsday)?")
_EN_BOTH = r"what\s+(?:do\s+i\s+have|have\s+i\s+got|i\s+got|'?s\s+on(?:\s+my\s+plate)?)"  # asks for the tasks
_EN_ASK = r"what'?s|whats|what|which|anything|any|how\s+many|is\s+there|are\s+there|\?"
_EN_THING = (r"follow[\s-]?ups?|followups?|tasks?|to[\s-]?dos?|todos?|things\s+to\s+do|due|on\s+my\s+plate|"
             r"stuff\s+to\s+do|to\s+do")
_EN_NOTHING = (r"so|ok|okay|hey|and|i|i'?ve|ive|me|my|do|does|have|got|is|are|there|still|left|open|pending|"
               r"for|on|in|to|the|a|that|should|need|must|up|coming|else|of|[,.!]")
_EN_TOKEN = pattern(r"(?P<both>" + _EN_BOTH + r")(?![a-z])|(?P<period>" + _EN_PERIOD + r")(?![a-z])"
                    r"|(?P<ask>" + _EN_ASK + r")(?![a-z'])|(?P<thing>"
                    + _EN_THING + r")(?![a-z])|(?P<nothing>" + _EN_NOTHING + r")(?![a-z'])", re.I)


#: A word that makes a message a question even with no question mark (`华为有啥要跟进的`)
_ASKS = pattern(r"[?？]|有啥|有没有|有什么|有哪些|哪些|多少|几个|[吗呢]\s*$"
                r"|^(?:what|which|anything|any|how\s+many|do\s+i\s+have|is\s+there|are\s+there)(?![a-z'])",
                re.I)


def asks(said: str) -> bool:
    """Whether `said` asks something (no task or visit is offered for it)."""
    return _ASKS.search(said.strip()) is not None


def due_line(said: str) -> str | None:
    """The tasks line a question about what is due is read as, or None."""
    said = " ".join(said.split())
    if not said or "\n" in said:
        return None
    chinese = re.search(r"[\u3400-\u9fff]", said) is not None
    found = _tokens(said.replace(" ", "") if chinese else said, _ZH_TOKEN if chinese else _EN_TOKEN, chinese)
    if found is None or not found["thing"] or len(found["period"]) > 1 \
            or not [word for word in found["ask"] if word not in "?？"]:
        return None  # `my followups?`: the command's word with a question mark, read by the grammar
    period = found["period"][0] if found["period"] else ""
    if chinese:
        period = _ZH_PERIOD_WORD.get(period, period)
        return f"任务 {period}".strip()
    period = " ".join(period.lower().split())
    if period.startswith("on "):
        period = period[3:]
    return f"tasks due {period}" if period else "tasks"


def _tokens(said: str, tokens, chinese: bool) -> dict[str, list[str]] | None:
    """Each kind of word `said` is made of, or None where a word is none of them."""
    found: dict[str, list[str]] = {"period": [], "ask": [], "thing": [], "nothing": [], "both": []}
    at = 0
    while at < len(said):
        if not chinese and said[at] == " ":
            at += 1
            continue
        token = tokens.match(said, at)
        if token is None or token.end() == at:
            return None
        for kind in ("ask", "thing") if token.lastgroup == "both" else (token.lastgroup,):
            found[kind].append(token[0])
        at = token.end()
    return found
