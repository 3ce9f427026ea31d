"""A manager's everyday words for three commands (issue #23, round 19), each read into the
command's line, every word of it claimed:

- a member set inactive: `set tom inactive`, `deactivate @tom`, `tom has left the company`,
  `把Tom设为停用`, `停用张伟`, `Tom离职了` → `role @tom inactive` · `角色 @Tom 停用` (offered, one
  tap: a change);
- a job's time: `daily digest at 6:30pm pls`, `standup at 9:15`, `日报改到晚上6点半`,
  `周报改到周五下午5点` → `schedule daily 18:30` · `设置 日报 18:30` (offered, one tap);
- the contest's standings: `whos winning the contest`, `contest standings`, `比赛谁领先`,
  `竞赛排名怎么样` → `contest` · `竞赛` (a question: answered at once).

>>> said("set tom inactive"), said("日报改到晚上6点半"), said("whos winning the contest")
(('role @tom inactive', 'role_said'), ('设置 日报 18:30', 'schedule_said'), ('contest', ''))
"""
from __future__ import annotations

import re

from handlers.grammar.parse_schedule import parse_days, parse_time
from handlers.grammar.patterns import pattern

_PLEASE = r"(?:(?:pls|please|plz|can\s+you|could\s+you|kindly)\s+)?"
_END = r"(?:\s+(?:pls|please|plz|now|thanks|thx))*[\s.!?]*$"
_WHO = r"@?(?P<who>[^\s@,.!?]+)"
#: `set tom inactive` · `mark @tom as inactive` · `make tom inactive` · `deactivate tom` · `disable tom's
#: account` · `tom has left the company` · `tom quit`
_INACTIVE_EN = pattern(r"^" + _PLEASE + r"(?:(?:set|mark|make|put|switch|turn)\s+" + _WHO
                       + r"(?:'s\s+account)?\s+(?:as\s+|to\s+)?(?:inactive|deactivated|disabled)"
                       r"|(?:deactivate|disable|offboard)\s+" + _WHO.replace("who", "who2")
                       + r"(?:'s\s+account)?"
                       r"|" + _WHO.replace("who", "who3") + r"\s+(?:has\s+|just\s+)?(?:left\s+(?:the\s+)?"
                       r"(?:company|team|firm)|quit|resigned))" + _END, re.I)
#: `把Tom设为停用` · `把张伟改成离职` · `停用张伟` · `张伟离职了` · `Tom已经离职`
_INACTIVE_ZH = pattern(r"^(?:请|麻烦)?(?:把|将)?@?(?P<who>[^\s@，,。]+?)\s*(?:的账号)?"
                       r"(?:设为|设成|设置为|设置成|改为|改成|标记为|标为|标成)\s*(?:停用|离职|不活跃|禁用|无效)(?:状态)?[了吧啊。!！\s]*$"
                       r"|^(?:请|麻烦)?(?:停用|禁用)(?:一下)?\s*@?(?P<who2>[^\s@，,。]+?)(?:的账号)?[了吧啊。!！\s]*$"
                       r"|^@?(?P<who3>[^\s@，,。]+?)\s*(?:已经|已)?离职了?[吧啊。!！\s]*$")
_NOT_WHO = pattern(r"^(?:i|me|we|you|it|this|that|he|she|they|him|her|them|everyone|"
                   r"我|你|他|她|我们|大家)$", re.I)

_KIND_EN = {"daily digest": "daily", "daily report": "daily", "daily": "daily", "weekly digest": "digest",
            "weekly report": "digest", "digest": "digest", "standup": "standup", "stand-up": "standup",
            "reminders": "reminders", "reminder": "reminders", "summary": "summary"}
#: `daily digest at 6:30pm pls` · `send the daily digest at 18:00` · `standup at 9:15 from now on`
_TIME_EN = pattern(r"^" + _PLEASE + r"(?:(?:send|post|run|do|have)\s+)?(?:the\s+|our\s+|team\s+)?"
                   r"(?P<kind>daily\s+digest|daily\s+report|weekly\s+digest|weekly\s+report|digest|stand-?up|"
                   r"reminders?|summary)\s+(?:at|@|to|for)\s+(?P<when>[^?!]+?)"
                   r"(?:\s+(?:from\s+now\s+on|going\s+forward|instead|every\s+day|daily))*" + _END, re.I)
_KIND_ZH = {"日报": "日报", "每日简报": "日报", "周报": "周报", "站会": "站会", "晨会": "站会",
            "提醒": "提醒", "目标提醒": "提醒", "站会汇总": "站会汇总"}
#: `日报改到晚上6点半` · `把周报改成周五下午5点` · `站会时间调到9点15` · `日报晚上6点半发`
_TIME_ZH = pattern(r"^(?:请|麻烦)?(?:把|将)?(?P<kind>每日简报|日报|周报|站会汇总|站会|晨会|目标提醒|提醒)"
                   r"(?:的?(?:时间|发送时间|推送时间))?\s*(?:改到|改成|改为|调到|调整到|调成|换到|换成|定在|定到|"
                   r"设在|设为|设成|设置为|放到|挪到|提前到|推迟到|延后到|在)?\s*"
                   r"(?P<when>[^\s，,。！!？?]+?)\s*(?:发送?|推送|开|开始|提醒)?(?:吧|吗|啊|了|呀)?[。!！\s]*$")
_DAYS_ZH = pattern(r"^(?P<days>(?:每)?(?:周|星期|礼拜)[一二三四五六日天]|工作日|每天|每日)?(?P<time>.+)$")

#: `whos winning the contest` · `who's leading the competition so far?` · `how's the contest going`
#: · `contest standings` · `show me the contest leaderboard`
_CONTEST_EN = pattern(r"^(?:(?:so|ok|okay|hey|btw)[\s,]+)?(?:(?:who'?s|whos|who\s+is|who\s+are)\s+"
                      r"(?:winning|leading|ahead|first|on\s+top|in\s+front|top|#1)\s+(?:in\s+|of\s+|on\s+)?"
                      r"(?:the\s+|our\s+|this\s+)?(?:contest|competition)"
                      r"|(?:how'?s|hows|how\s+is)\s+(?:the\s+|our\s+)?(?:contest|competition)\s+going"
                      r"|(?:show\s+(?:me\s+)?)?(?:the\s+)?(?:contest|competition)\s+(?:standings|leaderboard|"
                      r"ranking|rankings|results|scores?|status))"
                      r"(?:\s+(?:so\s+far|now|right\s+now|atm))?" + _END, re.I)
#: `比赛谁领先` · `竞赛现在谁第一` · `谁在比赛里领先` · `比赛排名` · `竞赛情况怎么样`
_CONTEST_ZH = pattern(r"^(?:现在|目前)?(?:(?:比赛|竞赛)(?:现在|目前)?(?:是)?(?:谁|哪个人?|哪位)(?:在)?"
                      r"(?:领先|第一|排第一|最多|最高|赢了?|在前面|排前面)"
                      r"|谁在(?:比赛|竞赛)(?:里|中)?(?:领先|第一|排第一)"
                      r"|(?:比赛|竞赛)的?(?:排名|排行|排行榜|情况|战况|进展|结果|成绩)(?:怎么样|如何)?)"
                      r"了?[吗呢啊？?。!！\s]*$")


#: A contest started in words: `开个业绩的竞赛 12月14号到月底` · `办一场拜访比赛 下周一到下周五` ·
#: `start a revenue contest dec 14 to dec 31` → `竞赛 业绩 …` · `contest revenue …` (offered, one tap)
_START_ZH = pattern(r"^(?:那就|那|再|就)?(?:开|办|搞|来|建|新建|发起|组织)(?:一?个|一场|场)?"
                    r"(?P<metric>业绩|赢单数?|新客户|拜访)的?(?:竞赛|比赛|PK)(?:吧)?[\s,，:：]*(?P<when>\S.*)$",
                    re.I)
_START_EN = pattern(r"^" + _PLEASE + r"(?:(?:then|ok|so)[\s,]+)?(?:start|run|open|set\s+up|launch|begin|do)"
                    r"\s+"
                    r"(?:an?\s+|the\s+)?(?P<metric>revenue|visits|deals\s+won|new\s+customers)\s+"
                    r"(?:contest|competition)[\s,:]+(?:from\s+)?(?P<when>\S.*)$", re.I)


def said(text: str) -> tuple[str, str] | None:
    """(the command's line, the question's kind: `role_said`, `schedule_said`, or "" for a
    question answered at once) `text` says, or None."""
    text = " ".join(text.split())
    return _inactive(text) or _time(text) or _contest(text) or _started(text)


def _started(text: str) -> tuple[str, str] | None:
    if found := _START_ZH.match(text):
        return f"竞赛 {found['metric']} {found['when']}", "contest_said"
    if found := _START_EN.match(text):
        return f"contest {' '.join(found['metric'].lower().split())} {found['when']}", "contest_said"
    return None


def _inactive(text: str) -> tuple[str, str] | None:
    found = _INACTIVE_EN.match(text) or _INACTIVE_ZH.match(text)
    if found is None:
        return None
    who = found["who"] or found["who2"] or found["who3"]
    if _NOT_WHO.match(who):
        return None
    line = f"角色 @{who} 停用" if _INACTIVE_ZH.made(found) else f"role @{who} inactive"
    return line, "role_said"


def _time(text: str) -> tuple[str, str] | None:
    if found := _TIME_EN.match(text):
        kind = _KIND_EN[" ".join(found["kind"].lower().split())]
        when = parse_time(found["when"].replace(" ", ""))
        return (f"schedule {kind} {when:%H:%M}", "schedule_said") if when else None
    if (found := _TIME_ZH.match(text)) is None or (parts := _DAYS_ZH.match(found["when"])) is None:
        return None
    when, days = parse_time(parts["time"]), parts["days"]
    days = days and (days if days in ("每天", "每日") else days.removeprefix("每"))  # `每周五`: 周五
    if when is None or days and parse_days(days) is None:
        return None
    return " ".join(w for w in ("设置", _KIND_ZH[found["kind"]], days, f"{when:%H:%M}") if w), "schedule_said"


def _contest(text: str) -> tuple[str, str] | None:
    if _CONTEST_EN.match(text):
        return "contest", ""
    if _CONTEST_ZH.match(text.replace(" ", "")):
        return "竞赛", ""
    return None
