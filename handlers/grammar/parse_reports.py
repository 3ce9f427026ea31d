"""The report and target parts of the grammar: who (`me`, `team [NAME]`, `@name`), which period,
which metric: `progress team quarter`, `target @ana revenue 500k month`, `leaderboard visits week`."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from handlers.grammar import commands as c
from handlers.grammar import vocabulary as V
from handlers.grammar.month_days import count_of
from handlers.grammar.patterns import pattern
from handlers.grammar.period_pace import plainly

_COURTESY = {"pls", "plz", "please", "thx", "thanks", "ty"}
_LINKING = {"for", "the", "of", "our", "whole"}


def scope_and_period(rest: str) -> tuple[c.Scope, c.Period, list[str]] | c.ParseError:
    """Read `team [NAME]`, `@name`, `me` and a period; the words left over are returned."""
    words = rest.split()
    scope, period, left = c.Scope(), c.Period(), []
    i, naming = 0, False
    while i < len(words):
        word = words[i]
        if word.lower().strip("!.?") in _COURTESY or not naming and word.lower() in _LINKING:
            i += 1  # `pipeline for the team pls`: words around the scope, no scope
            continue
        if naming and not word.startswith("@") and not V.period_of(words, i):  # `team Sales Team`:
            scope = c.Scope("team", f"{scope.name} {word}")  # a team's name may have spaces
            i += 1
            continue
        naming = False
        if word.startswith("@") and len(word) > 1:
            scope = c.Scope("member", word[1:])
        elif word.lower() in V.TEAM_WORDS:
            scope = c.Scope("team")
        elif word.lower() in V.ME_WORDS:
            scope = c.Scope()
        elif found := V.period_of(words, i):
            period, used = found
            i += used
            continue
        elif scope.kind == "team" and scope.name is None and not left:
            scope, naming = c.Scope("team", word), True
        else:
            left.append(word)
        i += 1
    if scope.kind == "team" and scope.name:  # `team "华东 East"`
        scope = c.Scope("team", scope.name.strip('"“”\'‘’ ') or None)
    return scope, period, left


def parse_progress(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    scope, period, left = scope_and_period(rest)
    if scope.kind == "team" and scope.name and (month := named_period(scope.name, _today, True)) and not left:
        return c.ShowProgress(c.Scope("team"), month)  # `进度 团队 2月`: no team named 2月
    named = [(w, found) for w in left if (found := named_period(w, _today, nearest=True))]
    if len(named) == 1 and len(left) == 1:  # `进度 @李娜 1月`, `progress team q1`: as targets read it
        return c.ShowProgress(scope, named[0][1])
    return c.ParseError("progress") if left else c.ShowProgress(scope, period)


#: `progress` asked as a question: `how far am I from target this month?`, `how are we doing`,
#: `wins this month?`, `am I behind?`, `are we on track`, `我离目标还有多远`, `团队本季度离目标还差多少`,
#: `我这个月完成多少了`, `这个月还差多少完成任务`, `我落后了吗`; who is behind (`who's behind pace this
#: month?`, `这个月谁落后了`) is the team's pace, those behind named; `how is the team doing this month vs
#: target`, `am i on pace for dec?`, `我这个月还差多少能完成目标`, `张伟这个月节奏怎么样` (that member's).
_BEHIND, _TRACK = r"(?:behind|behnd|behid|bhind)", r"(?:track|trak|trck)"  # typed in a hurry
#: The metrics a pace is asked of, each one the report shows (`am i behind on visits`, `on pace for
#: revenue`, `how many visits do i need`)
_METRICS_EN = (r"(?:revenue|sales|bookings|quota|numbers?|visits?|meetings|new\s+customers?|new\s+clients?|"
               r"customers|clients|deals(?:\s+won)?|wins)")
_PROGRESS_ASKED = pattern(
    r"^(?:how\s+far\s+(?P<en>am\s+i|are\s+we|is\s+(?:the\s+|my\s+|our\s+)?team)\s+(?:from|off)\s+"
    r"(?:my\s+|our\s+|the\s+)?(?:target|quota|goal|number|plan)s?"
    r"|how(?:'?s|\s+is)\s+(?P<team>(?:the\s+|my\s+|our\s+)?team)\s+(?:doing|tracking)"
    r"|how\s+(?P<doing>am\s+i|are\s+we)\s+(?:doing|tracking)"
    r"(?:\s+(?:against|vs\.?|on)\s+(?:my\s+|our\s+|the\s+)?(?:target|quota|goal)s?)?"
    r"|(?P<wins>(?:my\s+)?wins)"
    rf"|(?P<needs>how\s+(?:many|much)\s+(?:more\s+)?{_METRICS_EN}\s+(?:(?:do|does|will|should|must)\s+"
    r"(?P<need>i|we|(?:the\s+|my\s+|our\s+)?team)\s+(?:still\s+)?need(?:\s+to\s+(?:do|make|log|close|win|get|book))?"
    r"|(?:are\s+|is\s+)?(?:left|to\s+go|short|needed|remaining|missing)(?:\s+for\s+(?P<need_for>me|us|(?:the\s+)?team))?))"
    rf"|(?:am|r|are|is)\s+(?P<pace>i|we|(?:the\s+|my\s+|our\s+)?team)\s+(?:{_BEHIND}|ahead|falling\s+{_BEHIND}|"
    rf"(?:on|off)\s+(?:{_TRACK}|pace|target|course))(?:\s+(?:(?:on|of|with|for|vs\.?|against)\s+)?"
    rf"(?:my\s+|our\s+|the\s+)?(?:pace|target|quota|goal|plan|number)s?)?"
    rf"|(?P<who>who'?s|whos|who\s+is|who\s+are|anyone|anybody|is\s+anyone|which\s+(?:reps?|people|sellers?)"
    rf"(?:\s+(?:is|are))?)\s+(?:{_BEHIND}|falling\s+{_BEHIND}|"
    rf"lagging|off\s+(?:{_TRACK}|pace|target)|not\s+on\s+(?:{_TRACK}|pace|target))"
    r"(?:\s+(?:on\s+)?(?:the\s+|our\s+)?(?:pace|target|quota|goal|plan|track)s?)?)(?P<rest>.*?)[\s?!.]*$"
    r"|^(?P<zh_who>(?:这个?月|本月|这周|本周|本季度?|这个?季度?)?)(?:团队里?|我们)?(?:有)?(?:谁|哪些人|哪几个人?)"
    r"(?:的)?(?:进度|节奏)?(?:落后|没达标|没跟上(?:进度|节奏)|跟不上(?:进度|节奏)|拖后腿)了?[\s?？!！。啊呢呀吧]*$"
    r"|^(?P<zh>我们|团队|大家|我)?(?P<zh_rest>\S*?)(?:离目标还(?:有|差)多(?:远|少)"
    r"|还差多(?:远|少)(?:(?:才能|就能|才可以|就可以|能|可以|才)?(?:完成|达成|达到|到)(?:任务|目标|指标|业绩|KPI|kpi)?)?"
    r"|(?:的)?(?:进度)?(?:落后|跟上进度|达标)了?(?:吗|没有?|么|不)"
    r"|完成(?:了)?多少了?|(?:的?(?:KPI|kpi|业绩|目标))?完成得?(?:怎么|咋)样了?|进展(?:怎么|咋)样了?"
    r"|进度(?:(?:怎么|咋)样了?)?|(?:的)?(?:节奏|进度|进展)(?:(?:怎么|咋)样了?|如何|还行吗?)"
    r"|业绩(?:是)?多少|拜访了几次|(?<=团队)(?P<zh_tail>\S*?)(?:怎么|咋)样了?)"
    r"[\s?？!！。啊呢呀吧]*$", re.I)


#: A metric the pace is asked of (`for revenue`, `on sales`, `业绩`): the report shows each one
_METRIC = pattern(r"(?<![A-Za-z])(?:(?:for|on|in|with)\s+)?(?:my\s+|our\s+|the\s+)?"
                  rf"{_METRICS_EN}(?:\s+(?:target|goal|quota)s?)?(?![A-Za-z])"
                  r"|(?:的)?(?:(?:业绩|营收|销售额|拜访量|拜访数|拜访|新客户数?|赢单数|成交数)(?:目标)?"
                  r"|目标|指标|KPI|kpi)", re.I)


_PACE_ZH = pattern(r"(?:的)?(?:进度|进展|节奏|情况|完成得?|做得?)")


#: What the progress report is measured against, said after the period (`… this month vs target`)
_VS_TARGET = pattern(r"(?<![A-Za-z])(?:against|vs\.?|versus|compared\s+(?:to|with)|relative\s+to|"
                     r"to\s+(?:hit|make|reach|meet|get\s+to))\s+"
                     r"(?:my\s+|our\s+|the\s+|its\s+|their\s+)?(?:target|quota|goal|plan|pace)s?"
                     r"(?![A-Za-z])", re.I)


def progress_asked(text: str, today: dt.date | None = None) -> c.ShowProgress | None:
    """`progress` as a question asks it (`how far am I from target this month?`), or None; who is
    behind (`whos behind pace`) names them."""
    match = _PROGRESS_ASKED.match(plainly(text.strip()))
    if match is None:
        return None
    asked = _progress_of(match, today or dt.date.today())
    named = match["who"] is not None or match["zh_who"] is not None  # `whos behind pace`: who, named
    return replace(asked, behind_named=True) if asked is not None and named else asked


#: A metric and how many are still needed, said first (`visits needed this month`, `deals left for q4`)
_NEEDED_FIRST = pattern(rf"^(?P<metric>{_METRICS_EN})\s+"
                        r"(?P<needed>(?:still\s+)?(?:needed|left|to\s+go|remaining)(?![A-Za-z]).*)$", re.I)


def needed_asked(text: str, today: dt.date | None = None) -> c.ShowProgress | None:
    """`visits needed this month`, `deals left this quarter?`: the progress report (each metric's
    pace, how many are still needed), as `how many visits are left` asks it; else None."""
    found = _NEEDED_FIRST.match(" ".join(text.split()))
    return progress_asked(f"how many {found['metric']} {found['needed']}", today) if found else None


def _progress_of(match: re.Match, today: dt.date) -> c.ShowProgress | None:
    if match["zh_who"] is not None:  # `这个月谁落后了`: the team's pace
        we, rest = True, match["zh_who"]
    elif match["zh_rest"] is not None:
        we, rest = match["zh"] in ("我们", "团队", "大家"), match["zh_rest"] + _PACE_ZH.sub(
            "", match["zh_tail"] or "")  # `团队本季度进度怎么样`: the quarter's
    else:
        who = match["en"] or match["doing"] or match["team"] or match["pace"] or match["who"] or ""
        if match["needs"]:  # `how many visits do i need`, `how many visits left for the team`
            who = match["need"] or ("i" if (match["need_for"] or "me").lower() == "me" else "we")
        we, rest = not match["wins"] and who.lower() not in ("am i", "i"), match["rest"]
    rest = _METRIC.sub(" ", rest)  # `am i on track for revenue this quarter?`: the report shows each metric
    rest = _VS_TARGET.sub(" ", rest)  # `how is the team doing this month vs target`
    scope, period, left = _period_said(" ".join(rest.replace("for ", " ").split()), today)
    if left and match["zh_rest"] and not match["zh"]:  # `张伟这个月完成多少了`: a member's, by name
        for size in (2, 3, 4):
            name, after = rest[:size].lstrip("@"), rest[size:]
            if V.period_of([name], 0):  # `这个月团队完成得怎么样了`: a period, no one's name
                continue
            _scope, period, left = _period_said(after, today)
            if after and not left:
                return c.ShowProgress(c.Scope("member", name), period)
        return None
    return None if left else c.ShowProgress(c.Scope("team") if we else scope, period)


def _period_said(rest: str, today: dt.date) -> tuple[c.Scope, c.Period, list[str]]:
    """`scope_and_period`, a month or quarter by its name read too (`am i on pace for dec?`)."""
    scope, period, left = scope_and_period(rest)
    if len(left) == 1 and (named := named_period(left[0], today, nearest=True)) is not None:
        return scope, named, []
    return scope, period, left


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
#: a month in digits or Chinese numerals (`1月`, `一月份`, `十二月`), of next year or this one said
#: before it (`明年一月`: January of next year, whichever month today is)
_NAMED = pattern(r"^(?:(?P<en>[a-z]{3})[a-z]*\.?"
                 r"|(?P<zy>明年|今年)?(?P<zh>\d{1,2}|十[一二]?|[一二三四五六七八九])月(?:份)?"
                 r"|q(?P<q>[1-4])|第?(?P<zq>[一二三四1-4])季度|(?P<y>20\d\d)年度?)$", re.I)


def named_period(word: str, today: dt.date, nearest: bool = False) -> c.Period | None:
    """A month or quarter by its name (`dec`, `12月`, `q1`, `一季度`): the next one of that name
    from `today` (this one when it is now), or with `nearest` (a report: `progress november` in
    December is the November just gone) the nearest, the one gone by when both are as near; a year
    by its number (`2027年`)."""
    found = _NAMED.match(word)
    if found is None:
        return None
    if found["en"] and word.lower().rstrip(".") in (*_MONTHS, *_FULL_MONTHS):
        month = _MONTHS.index(word.lower()[:3]) + 1
    elif found["zh"] and 1 <= (month := count_of(found["zh"])) <= 12:
        if found["zy"]:  # `明年一月`: that year's month, however far
            return c.Period("month", 12 * (found["zy"] == "明年") + month - today.month)
    elif found["y"]:  # `2027年`: a year, never a month of it
        return c.Period("year", int(found["y"]) - today.year)
    elif found["q"] or found["zq"]:
        quarter = int(found["q"]) if found["q"] else "一二三四1234".index(found["zq"]) % 4 + 1
        return c.Period("quarter", (quarter - 1 - (today.month - 1) // 3 + 2 * nearest) % 4 - 2 * nearest)
    else:
        return None
    return c.Period("month", (month - today.month + 6 * nearest) % 12 - 6 * nearest)


_FULL_MONTHS = {"january", "february", "march", "april", "june", "july", "august", "september", "october",
                "november", "december", "sept"}
def parse_pipeline(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    scope, _period, left = scope_and_period(rest)
    return c.ParseError("pipeline") if left else c.ShowPipeline(scope)


def parse_deals(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    scope, _period, left = scope_and_period(rest)
    return c.ParseError("deals") if left else c.ListDeals(scope)


#: `digest` · `digest daily` · `日报` · `周报 团队` (the keyword is read too: `日报` is the daily one)
_DIGEST = pattern(r"^(?P<word>digest|日报|周报)\s*"
                  r"(?P<kind>daily|weekly|today|this\s+week|week|今天|今日|本周|这周)?"
                  r"\s*(?:team|团队)?\s*$", re.I)


def parse_digest(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    """`digest [daily|weekly]` · `日报` · `周报`: the manager digest shown now."""
    found = _DIGEST.match(rest.strip())
    if found is None:
        return c.ParseError("digest")
    daily = found["word"] == "日报" or (found["kind"] or "").lower() in ("daily", "today", "今天", "今日")
    return c.ShowDigest(weekly=not daily)


def parse_stalled(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    scope, _period, left = scope_and_period(rest)
    return c.ParseError("stalled") if left else c.ShowStalled(scope)


def parse_scorecard(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    """`scorecard [@name|team] [period]` · `绩效 [@名字|团队] [本季度]`."""
    scope, period, left = scope_and_period(rest)
    return c.ParseError("scorecard") if left else c.ShowScorecard(scope, period)


def parse_reasons(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    """`reasons [team|@name] [period]` · `输赢分析 [团队] [本季度]`."""
    scope, period, left = scope_and_period(rest)
    return c.ParseError("reasons") if left else c.ShowReasons(scope, period)


#: One day of a leaderboard (`leaderboard visits today`, `排行榜 拜访 今天`, `昨天`)
_DAYS = {"today": 0, "今天": 0, "今日": 0, "yesterday": -1, "昨天": -1}


def parse_leaderboard(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    words = rest.split()
    days = [w for w in words if w.lower() in _DAYS]
    if len(days) == 1:  # `排行榜 拜访 今天`: that day's, never the usage
        board = parse_leaderboard(" ".join(w for w in words if w not in days), _today)
        return replace(board, period=c.Period("day", _DAYS[days[0].lower()])) \
            if isinstance(board, c.ShowLeaderboard) and board.period == c.Period() else board
    metric = next((V.METRIC_WORDS[w.lower()] for w in words if w.lower() in V.METRIC_WORDS), "revenue")
    share = any(w.lower() in V.SHARE_WORDS for w in words)
    words = [w for w in words if w.lower() not in V.METRIC_WORDS and w.lower() not in V.SHARE_WORDS]
    scope, period, left = scope_and_period(" ".join(words))
    if left or scope.kind == "member":
        return c.ParseError("leaderboard")
    return c.ShowLeaderboard(metric, period, scope.name, share)
