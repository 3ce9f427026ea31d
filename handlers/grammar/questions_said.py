"""Questions a person asks in their own words, read as the report line that answers them:
`how much do i still need for dec` (`progress dec`), `am i gonna make target this month?`,
`whats overdue` (`tasks`), `bo's pipeline` (`pipeline @bo`), `how many deals did i win this month`
(`scorecard this month`), `how many visits did tom log this week` (`scorecard @tom this week`),
`上个月完成了没` (`进度 上个月`), `我这个月排第几` (`排行榜 这个月`), `看下我的商机` (`我的商机`),
`张伟有哪些任务` (`任务 @张伟`). A task whose title is a question (`任务 @张伟 的都有哪些`,
`tasks overdue`) is that question about tasks, never a task (`question_about_tasks`).

Each line is read again by the grammar (handlers/grammar/asked.py), and answered only where it
is a report; anything else is no match here.

>>> question_line("whats overdue"), question_line("上个月完成了没"), question_line("bo's pipeline")
('tasks', '进度 上个月', 'pipeline @bo')
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c
from handlers.grammar.parse_reports import named_period, progress_asked
from handlers.grammar.patterns import pattern

_LEAD = r"^(?:(?:so|ok|okay|hey|quick\s+q|btw|and|also)[\s,:]+)?"
_END = r"[\s?!.]*$"
_WHO = r"(?P<who>i|we|the\s+team|team|every(?:one|body)|@?[a-z][\w.-]*)"
_GOAL_SAID = (r"(?:(?:my|our|the|his|her|their)\s+)?"
              r"(?P<gp>(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*|q[1-4]"
              r"|monthly|quarterly|weekly|yearly|annual)?\s*"
              r"(?:(?:visits?|revenue|sales|new\s+customers?|deals?|wins?)\s+)?"  # `my oct visits target`:
              r"(?:target|quota|goal|number|plan)s?")  # its month's progress (each metric shown)
_GOAL = _GOAL_SAID.replace("(?P<gp>", "(?:")  # `hit target`, `make my november target`
#: `how much do i still need for dec` · `how much more does bo need this month` · `how much is left to
#: hit my target` · `how much to go this quarter`
_EN_NEED = pattern(_LEAD + r"(?:how\s+much\s+(?:more\s+)?(?:do|does|did)\s+" + _WHO + r"\s+(?:still\s+)?"
                   r"(?:need|have\s+(?:left|to\s+go)|got\s+left)(?:\s+to\s+(?:go|hit|make|reach|close|get|sell|win|sign)"
                   r"(?:\s+" + _GOAL + r")?)*"
                   r"|how\s+far\s+(?:off|behind|away)\s+(?:am|are|is)\s+" + _WHO.replace("who", "who3")
                   + r"(?:\s+from\s+" + _GOAL + r")?"
                   r"|how\s+much\s+(?:is\s+)?(?:left|more|to\s+go)(?:\s+(?:to|till|until|before)\s+(?:go|hit|make|reach)?"
                   r"\s*" + _GOAL + r")?)(?P<rest>.*?)" + _END, re.I)
#: `am i gonna make target this month?` · `will we hit our number this quarter` · `can bo make quota`
_EN_MAKE = pattern(_LEAD + r"(?:(?:am|are|is)\s+" + _WHO + r"\s+(?:gonna|going\s+to|gna|likely\s+to"
                   r"|on\s+course\s+to|able\s+to|set\s+to)"
                   r"|(?P<did>did|have|has)\s+" + _WHO.replace("who", "who4")
                   + r"|(?:will|can|could|would|do|does)\s+"
                   + _WHO.replace("who", "who2")
                   + r"(?:\s+(?:still|even|actually))?)\s+"
                   r"(?:make|made|hit|reach|reached|meet|met|beat|get\s+to|got\s+to|do)\s+"
                   + _GOAL_SAID
                   + r"(?P<rest>.*?)" + _END, re.I)
#: `whats overdue` · `anything overdue?` · `my overdue tasks` · `which follow-ups are late` · `overdue`
_EN_OVERDUE = pattern(_LEAD + r"(?:(?:what'?s|whats|what\s+is|what\s+are|anything|is\s+anything|any"
                      r"|show(?:\s+me)?|list|which|what)\s+)?(?:(?:my|the|of\s+my)\s+)?"
                      r"(?:(?:tasks?|follow-?ups?|items|stuff|things?)\s+)?(?:(?:are|is)\s+)?(?:overdue|late|past\s+due)"
                      r"(?:\s+(?:tasks?|follow-?ups?|items|stuff|things))?"
                      r"(?:\s+(?:for|of)\s+@?(?P<who>[a-z][\w.-]*))?" + _END, re.I)
#: `bo's pipeline` · `show me ana's deals this month` · `tom's scorecard q1` · `ana's tasks`
_EN_OWN = pattern(_LEAD + r"(?:(?:show(?:\s+me)?|what'?s|whats|how'?s|hows|check|see|can\s+i\s+see"
                  r"|let\s+me\s+see)\s+)?"
                  r"@?(?P<who>[a-z][\w.-]*?)(?:'s|’s|s'|')\s+(?P<word>pipeline|funnel|deals|progress|pace|scorecard|"
                  r"kpis?|tasks|to-?dos?|stalled(?:\s+deals)?|stuck\s+deals)(?P<rest>.*?)" + _END, re.I)
_EN_OWN_WORD = {"funnel": "pipeline", "pace": "progress", "kpi": "scorecard", "kpis": "scorecard",
                "todo": "tasks", "todos": "tasks", "to-do": "tasks", "to-dos": "tasks",
                "stalled deals": "stalled", "stuck deals": "stalled"}
#: `how many deals did i win this month` · `how many visits did tom log this week` · `how many new
#: customers have we added this quarter`
_EN_HOW_MANY = pattern(_LEAD + r"how\s+many\s+(?P<what>deals|wins|visits|calls|meetings|new\s+customers"
                       r"|customers|"
                       r"new\s+clients|clients)\s+(?:(?:did|have|has|had|do|does)\s+" + _WHO + r"\s+)?"
                       r"(?:(?:win|won|close|closed|sign|signed|log|logged|make|made|do|done|get|got|add|added|"
                       r"visit|visited|had|have|book|booked|land|landed|bring\s+in|brought\s+in)(?![a-z]))?"
                       r"(?P<rest>.*?)" + _END, re.I)
_EN_HOW_MANY_METRIC = {"deals": "deals", "wins": "deals", "visits": "visits", "calls": "visits",
                       "meetings": "visits", "new customers": "customers", "customers": "customers",
                       "new clients": "customers", "clients": "customers"}
#: `where do i rank this month` · `what's my rank` · `where am i on the leaderboard`
_EN_RANK = pattern(_LEAD + r"(?:where\s+(?:do\s+i\s+(?:rank|stand)|am\s+i(?:\s+(?:on|in)\s+the\s+"
                   r"(?:leaderboard|ranking))?)|what'?s\s+my\s+(?:rank|ranking|position)|whats\s+my\s+(?:rank|ranking"
                   r"|position)|my\s+(?:rank|ranking))(?:\s+(?:on|in|for)\s+(?P<what>visits|deals|revenue|sales))?"
                   r"(?P<rest>.*?)" + _END, re.I)
_NOT_WHO = {"what", "whats", "who", "how", "it", "that", "this", "there", "everyone", "everybody",
            "today", "week", "month", "quarter", "year", "todays", "team", "teams", "my", "our", "the", "s"}
_SAY_NOTHING_EN = pattern(r"(?<![a-z])(?:so\s+far|yet|now|right\s+now|atm|(?:for|in|by)(?=\s))(?![a-z])",
                          re.I)

_ZH_PERIOD = (r"(?:本|这个?|今|上上个?|上个?|下个?)(?:周|星期|月|个月|季度|季|年度|年)|[一二三四]季度"
              r"|\d{1,2}月份?|(?:十[一二]?|[一二三四五六七八九])月份?")  # `十月的目标完成了吗`, `上上个月`
_ZH_ASK = (r"(?:请|麻烦|帮我|给我|我想|我要|想)?"
           r"(?:看下|看一下|看看|查下|查一下|查查|瞧瞧|列出|列一下|说下|说一下|发下|发一下)?")
_ZH_END = r"[吗呢啊呀吧嘛？?！!。.~]*$"
_ZH_WHO = r"(?P<who>我们|团队|大家|全组|我|@?[^\s\d@#，,:：;；。？?的]{2,4}?)"
#: `上个月完成了没` · `这个月能hit target吗` · `这个月团队完成得怎么样了` · `团队这个月进度怎么样 跟目标比` ·
#: `我这个月能完成目标吗` · `张伟上个月达标了吗`
_ZH_DONE = pattern(r"^" + _ZH_WHO + r"??(?P<p>" + _ZH_PERIOD + r")?(?P<who2>团队|我们|大家|我)?的?"
                   r"(?:(?:拜访|业绩|新客户|赢单|销售额)?(?:目标|任务|指标|业绩|KPI|kpi)的?)?"
                   r"(?:(?:能不能|能否|可不可以|能|可以|会|有没有)?(?:完成|达成|达标|做到|hittarget|hit|达到目标|完成目标)"
                   r"(?:目标|任务|指标)?(?:了|得了|的了)?(?:吗|没有?|么|不|没)?"
                   r"|(?:完成|进度|进展|业绩|目标完成|节奏)(?:得|的)?(?:怎么样|咋样|如何|情况)了?)"
                   r"(?:(?:跟|和|与|对比|比)目标(?:比|比较|对比|相比)?(?:一下)?)?" + _ZH_END, re.I)
#: `我这个月排第几` · `我排名多少` · `这个月我拜访排第几` · `本季度我业绩第几名`
_ZH_RANK = pattern(r"^我?(?P<p>" + _ZH_PERIOD + r")?我?的?(?P<m>拜访|业绩|新客户|赢单)?(?:量|数)?(?:上|里)?"
                   r"(?:排(?:名)?(?:第几名?|多少|几名|怎么样|如何|靠前吗)|排第几名?|是第几名?|第几名?)"
                   + _ZH_END)
_ZH_RANK_METRIC = {"拜访": "拜访", "业绩": "业绩", "新客户": "新客户", "赢单": "赢单数"}
#: `看下我的商机` · `张伟的商机` · `我有哪些商机` · `李娜的单子有哪些`
_ZH_DEALS = pattern(r"^" + _ZH_ASK + _ZH_WHO + r"(?:的|有哪些|都有哪些|有什么|手上的|手里的|在跟的)?"
                    r"(?:商机|单子|项目)(?:列表|清单)?(?:都|还)?(?:有哪些|有什么|有多少|有几个)?" + _ZH_END)
#: `张伟有哪些任务` · `看下李娜的任务` · `我还有什么任务` · `张伟的任务都有哪些`
_ZH_TASKS = pattern(r"^" + _ZH_ASK + _ZH_WHO + r"(?:的|还|都)*(?:有)?(?:哪些|什么|啥|几个|多少)?(?:任务|待办)"
                    r"(?:列表|清单)?(?:都|还)?(?:有哪些|有什么|有多少|有几个)?" + _ZH_END)
#: `逾期的任务` · `有哪些逾期了` · `我有什么过期的跟进` · `逾期`
_ZH_OVERDUE = pattern(r"^" + _ZH_ASK + r"我?(?:有)?(?:哪些|什么|啥)?(?:任务|跟进|待办)?(?:已经)?"
                      r"(?:逾期|过期|超期|延期)了?的?"
                      r"(?:任务|跟进|待办|事情?)?(?:有哪些|都有哪些|有什么|有吗|有没有)?" + _ZH_END)
#: `这周周报发我看下` · `今天的日报` · `发一下周报` · `show me the weekly digest`
_ZH_DIGEST = pattern(r"^" + _ZH_ASK + r"(?:这周|本周|今天|今日)?的?(?P<word>周报|日报)(?:发我|发给我|给我)?"
                     r"(?:看下|看一下|看看|瞧瞧)?" + _ZH_END)
_EN_DIGEST = pattern(_LEAD + r"(?:(?:show|send|give)(?:\s+me)?|can\s+i\s+(?:see|get)|let\s+me\s+see)\s+"
                     r"(?:the\s+|this\s+week'?s\s+|today'?s\s+|my\s+)?(?P<daily>daily\s+)?"
                     r"(?:weekly\s+)?"
                     r"(?:digest|report|summary)(?:\s+(?:now|pls|please))?" + _END, re.I)
_ZH_DAY = r"今天|今日|昨天"
#: `今天大家拜访了多少` · `这周我拜访了几家` · `这个月新客户几个了` · `Bo这个月赢了几单`
_ZH_COUNT = pattern(r"^" + _ZH_ASK + _ZH_WHO + r"??(?P<p>" + _ZH_PERIOD + "|" + _ZH_DAY + r")?"
                    r"(?P<who2>团队|我们|大家|我)?(?:一共|总共|都|已经|共)*"
                    r"(?:(?P<visits>拜访|见|去|跑)了?(?:客户)?(?:多少|几)(?:家|个|次|回|位|趟)?(?:客户)?"
                    r"|(?:赢|签|成交|拿下|签约)了?(?:多少|几)(?:单|个|笔)"
                    r"|(?P<new>新客户|新增客户)(?:有|开了|加了|新增了)?(?:多少|几)个?"
                    r"|(?:开|加|新增|新开)了?(?:多少|几)个新?客户)了?(?:呀|啊)?" + _ZH_END)
#: `看看Ana这个季度的进度` · `看下张伟本月进度` · `Bo上个月的进度`
_ZH_OWN_PROGRESS = pattern(r"^" + _ZH_ASK + _ZH_WHO + r"(?:的)?(?P<p>" + _ZH_PERIOD + r")?的?"
                           r"(?:进度|完成情况|目标进度|业绩进度)" + _ZH_END)
_ZH_OF_EN = {"team": "团队", "pace": "节奏", "progress": "进度", "target": "目标", "kpi": "KPI"}
_ZH_SAID_EN = pattern(r"(?<![A-Za-z])(?:team|pace|progress|kpi)(?![A-Za-z])", re.I)
_ZH_NOT_WHO = pattern(r"^(?:" + _ZH_PERIOD + r"|今天|明天|后天|昨天|下周[一二三四五六日天]"
                      r"|周[一二三四五六日天]|"
                      r"所有|全部|哪些|什么|还有|现在|目前|最近|已经|逾期|过期)$")


def question_line(said: str, today: dt.date | None = None) -> str | None:
    """The report line that answers `said`, a question in words, or None."""
    said = " ".join(said.split()).replace("’", "'")
    if not said or len(said) > 120 or progress_asked(said) is not None:
        return None  # `团队这个月节奏如何`: the progress question, answered as it is
    if re.search(r"[\u3400-\u9fff]", said):  # `team这个月pace怎么样`: English words of the grammar's
        return _chinese(_ZH_SAID_EN.sub(lambda w: _ZH_OF_EN[w[0].lower()], said.replace(" ", "")), today)
    return _english(said, today)


def _english(said: str, today: dt.date | None) -> str | None:
    if found := _EN_DIGEST.match(said):
        return "digest daily" if found["daily"] or "today" in said.lower() else "digest"
    if found := _EN_OVERDUE.match(said):
        who = found["who"] and found["who"].lower() not in ("me", "i")
        return f"tasks @{found['who']}" if who else "tasks"
    if found := _EN_NEED.match(said) or _EN_MAKE.match(said):
        asked = found.groupdict()
        who = found["who"] or asked.get("who2") or asked.get("who3") or asked.get("who4")
        rest = found["rest"]
        if asked.get("gp"):  # `did i make my november target?`: that month's, one gone by when asked so
            if (period := _goal_period(asked["gp"], bool(asked.get("did")), today)) is None:
                return None
            rest = f"{period} {rest}"
        return _line("progress", _who(who), rest)
    if (found := _EN_OWN.match(said)) and found["who"].lower() not in _NOT_WHO - {"team"}:
        word = _EN_OWN_WORD.get(" ".join(found["word"].lower().split()), found["word"].lower())
        who = "team" if found["who"].lower() in ("team", "teams") else f"@{found['who']}"
        return _line(word, who, found["rest"])
    if found := _EN_HOW_MANY.match(said):
        who = _who(found["who"])
        metric = _EN_HOW_MANY_METRIC[" ".join(found["what"].lower().split())]
        if who == "team" or re.search(r"\b(?:today|yesterday)\b", found["rest"], re.I):
            return _line(f"leaderboard {metric}", "", found["rest"])  # `… today`: the day's board
        if who == "" and metric == "visits":  # `how many visits did i do this week?`: my visits, listed
            return _line("visits", "", found["rest"])
        return _line("scorecard", who, found["rest"])  # the member's counts, each metric
    if found := _EN_RANK.match(said):
        metric = {"sales": "revenue"}.get((found["what"] or "").lower(), (found["what"] or "").lower())
        return _line(f"leaderboard {metric}".strip(), "", found["rest"])
    return None


_GOAL_KINDS = {"monthly": "month", "quarterly": "quarter", "weekly": "week", "yearly": "year",
               "annual": "year"}


def _goal_period(said: str, gone: bool, today: dt.date | None) -> str | None:
    """The period words of a goal's period (`november`, `q3`, `monthly`): a month or quarter asked
    about in the past (`did i make…`) is the last one of its name, said as the grammar reads it
    (`last month`, `this quarter`); None where no such words say it."""
    if kind := _GOAL_KINDS.get(said.lower()):
        return f"{'last' if gone else 'this'} {kind}"
    period = named_period(said, today or dt.date.today())
    if period is None:
        return None
    if not gone or period.offset == 0:
        return said if period.offset else f"this {period.kind}"
    offset = period.offset - (12 if period.kind == "month" else 4)
    return f"last {period.kind}" if offset == -1 else said  # `did i hit my october target`: the progress
    # line reads a name as the last one gone


def _who(said: str | None) -> str:
    """`i` → "" (the asker), `we`/`the team` → `team`, a name → `@name`."""
    word = " ".join((said or "").lower().split())
    if word in ("", "i", "me", "my"):
        return ""
    if word in ("we", "team", "the team", "us", "everyone", "everybody", "yall"):
        return "team"
    return "" if word in _NOT_WHO else f"@{said.lstrip('@')}"


def _line(word: str, who: str, rest: str) -> str:
    rest = " ".join(_SAY_NOTHING_EN.sub(" ", rest or "").split())
    return " ".join(w for w in (word, who, rest) if w)


def _chinese(said: str, today: dt.date | None = None) -> str | None:
    if _ZH_OVERDUE.match(said):
        return "任务"
    if found := _ZH_DIGEST.match(said):
        return found["word"]
    if found := _ZH_RANK.match(said):
        metric = _ZH_RANK_METRIC.get(found["m"] or "", "")
        return " ".join(w for w in ("排行榜", metric, found["p"] or "") if w)
    if (found := _ZH_DONE.match(said)) and (found["p"] or found["who"] or found["who2"]):
        if (who := _zh_who(found["who"] or found["who2"])) is not None:
            return " ".join(w for w in ("进度", who, _zh_period(found["p"] or "", today)) if w)
    if (found := _ZH_COUNT.match(said)) and (who := _zh_who(found["who"] or found["who2"])) is not None:
        return _zh_count(found, who)
    if (found := _ZH_OWN_PROGRESS.match(said)) and (who := _zh_who(found["who"])):
        return " ".join(w for w in ("进度", who, found["p"] or "") if w)
    for regex, word in ((_ZH_DEALS, "我的商机"), (_ZH_TASKS, "任务")):
        if (found := regex.match(said)) and (who := _zh_who(found["who"])) is not None:
            return f"{word} {who}".strip()
    return None


def _zh_period(said: str, today: dt.date | None) -> str:
    """`上上个月` (the month before last) as its month's number (`10月`), as the progress line reads
    it; any other period as said."""
    if not said.startswith("上上") or "月" not in said:
        return said
    today = today or dt.date.today()
    return f"{(today.month - 3) % 12 + 1}月"


def _zh_count(found: re.Match, who: str) -> str:
    """How many visits, wins or new customers: the team's as its leaderboard (`排行榜 拜访 今天`), the
    asker's visits as their list, a member's counts as their scorecard (`绩效 @Bo 本月`)."""
    metric = "拜访" if found["visits"] else "新客户" if found["new"] or "客户" in found[0] else "赢单数"
    period = found["p"] or ""
    if who == "团队":
        return " ".join(w for w in ("排行榜", metric, period) if w)
    if who == "" and metric == "拜访" and not re.fullmatch(_ZH_DAY, period):
        return " ".join(w for w in ("拜访记录", period) if w)  # `这周我拜访了几家`: my visits, listed
    if re.fullmatch(_ZH_DAY, period):  # `我今天拜访了几家`: the day's leaderboard, me in it
        return f"排行榜 {metric} {period}"
    return " ".join(w for w in ("绩效", who, period) if w)


def _zh_who(said: str | None) -> str | None:
    """`我` → "" (the asker), `团队`/`我们` → `团队`, a name → `@name`; None for words that are no one
    (`本周`, `哪些`)."""
    if not said or said == "我":
        return ""
    if said in ("我们", "团队", "大家", "全组"):
        return "团队"
    if _ZH_NOT_WHO.match(said.lstrip("@")) or _ZH_VERB_FIRST.match(said.lstrip("@")):
        return None  # `撤销刚才的任务`: an undo, never the tasks of someone called 撤销刚才 (r30zh)
    return f"@{said.lstrip('@')}"


_ZH_VERB_FIRST = pattern(r"^(?:撤销|撤回|撤消|删除|删掉|取消|完成|恢复|把|帮我)")


#: A task's title that only asks (`的都有哪些`, `有哪些`, `what`, `overdue?`): the tasks listed
_ASKS_ONLY = pattern(r"^(?:[的都还有一共总共呢吗啊呀吧？?\s]|哪些|什么|啥|多少|几个|几项|几条|任务|"
                     r"事情?|待办|没做|要做|"
                     r"逾期|过期|超期|到期|了|完成|列表|清单|"
                     r"(?<![a-z])(?:what|whats|what's|which|any|anything|how|many|much|do|does|i|have|has|he|she|they|"
                     r"we|are|is|there|left|open|pending|overdue|late|got|still|tasks?|ones?|all|the|my|his|her|"
                     r"their|due|outstanding|list)(?![a-z']))+$", re.I)
#: A question word in a task's title: the title may be a question (asked)
_ASKS = pattern(r"哪些|什么|多少|几个|[吗呢][？?]?$|[？?]"
                r"|(?<![a-z])(?:what|which|whats|what's|how\s+many)(?![a-z'])", re.I)


def question_about_tasks(task: c.AddTask, chinese: bool) -> c.Command | c.ParseError | None:
    """A task whose title is a question about tasks: the tasks listed (`任务 @张伟 的都有哪些`,
    `tasks overdue`), or asked (`任务 @张伟 下周要做什么`: a list, or a task titled so?); else None."""
    if task.deal_id is not None or task.customer is not None:
        return None
    listed = c.ListTasks(task.assignee)
    if task.due is None and _ASKS_ONLY.match(task.title):
        return listed
    if not _ASKS.search(task.title):
        return None
    line = f"{'任务' if chinese else 'tasks'}{f' @{task.assignee}' if task.assignee else ''}"
    return c.ParseError("task", "task_or_question", task.title,
                        options=(("list_tasks", f"\n{line}", listed), ("task_titled", "", task)))
