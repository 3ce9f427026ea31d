"""Targets asked about in words: `下个月团队目标多少`, `这个月我的目标是多少`, `本季度团队目标`,
`张伟的目标`, `what's my target this month`, `team targets next quarter?`, `targets next month`.

Each is the targets listing (`targets` · `目标`), of whom it names (the team, me, `@name`, a name
with its `的`) and of the period it names (all current periods when none). Every word must be one
of those, a metric's (the listing shows each), a word of asking or the target's own; an amount or
any other word makes it no question (`李娜下个月目标50万` sets one: handlers/grammar/target_said.py;
`这个月目标完成了多少` is progress).

>>> targets_asked("下个月团队目标多少", dt.date(2026, 12, 6))
ListTargets(scope=Scope(kind='team', name=None), period=Period(kind='month', offset=1))
>>> targets_asked("what's my target this month", dt.date(2026, 12, 6))
ListTargets(scope=Scope(kind='me', name=None), period=Period(kind='month', offset=0))
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c
from handlers.grammar import vocabulary as V
from handlers.grammar.parse_reports import named_period
from handlers.grammar.patterns import pattern
from handlers.grammar.target_said import METRIC_ZH, PERIOD_ZH

_CJK = pattern(r"[\u3400-\u9fff]")
_MARKS = pattern(r"[?？!！。.,，~、:：]")
_TARGET_ZH = pattern(r"目标|指标")
_PERIOD_ZH = pattern(rf"{PERIOD_ZH}|(?:本|这|下|上)个?(?:周|星期|礼拜)|当月")
_MEMBER_ZH = pattern(r"(?:^|\s)(?P<name>[^\s\d@#$¥%]{2,4}?)\s*的")  # `张伟的目标`: a name only with its 的
_WHO_ZH = pattern(r"团队|我们|咱们|大家|全组|我")
_ASK_ZH = pattern(r"请问|问一?下|查一?下|看一?下|是多少|是几|是什么|有多少|定了多少|定的多少|定了?几|"
                  r"多少|多大|几|啥|什么|呢|吗|啊|呀|吧|是|定的|定了|的")
_ASKED_ZH = pattern(r"请问|问一?下|查一?下|看一?下|多少|多大|几|啥|什么|呢|吗")  # a word that asks

_TARGET_EN = {"target", "targets", "goal", "goals", "quota", "quotas"}
_ASK_EN = {"what", "what's", "whats", "what're", "how", "much", "big", "show", "tell", "list", "see",
           "is", "are", "was", "will", "be", "the", "for", "in", "of", "set", "pls", "please", "current"}
_ASKED_EN = {"what", "what's", "whats", "what're", "how", "show", "tell", "list", "see"}
_ME_EN = {"my", "mine", "me", "i", "i'm"}
_TEAM_EN = {"our", "team", "team's", "teams", "we", "us"}
_OWN_EN = pattern(r"^@?(?P<name>[^\W\d_][\w.-]*)(?:'s|s')$")


def targets_asked(text: str, today: dt.date) -> c.ListTargets | None:
    """The targets listing `text` (folded) asks for, or None when it asks none."""
    said = " ".join(_MARKS.sub(" ", text.replace("’", "'")).split()).lower()
    asked = "?" in text or "？" in text
    chinese = _CJK.search(re.sub(r"@\S+", " ", said))  # `target @张伟`: English, of a Chinese name
    return _asked_zh(said, today, asked) if chinese else _asked_en(said, today, asked)


def _period(said: str, today: dt.date) -> c.Period | None:
    words = said.split()
    if len(words) == 1 and (named := named_period(words[0], today)) is not None:
        return named  # `q1`, `一季度`, `1月`, `dec`
    if (found := V.period_of(words, 0)) is not None and found[1] == len(words):
        return found[0]
    return None


def _asked_zh(said: str, today: dt.date, asked: bool) -> c.ListTargets | None:
    if len(_TARGET_ZH.findall(said)) != 1 or re.search(r"\d(?![月季])", _PERIOD_ZH.sub(" ", said)):
        return None  # an amount: a target set, not asked
    scope, periods, rest = c.Scope(), [], said
    for mention in re.finditer(r"@(\S+)", rest):
        scope = c.Scope("member", mention[1])
    rest = re.sub(r"@\S+", " ", rest)
    for found in _PERIOD_ZH.finditer(rest):
        periods.append(_period(found[0].replace("份", ""), today))
    rest = _PERIOD_ZH.sub(" ", rest)
    if (member := _MEMBER_ZH.search(rest)) and not _WHO_ZH.search(member["name"]) \
            and not re.search(METRIC_ZH, member["name"]):
        scope, rest = c.Scope("member", member["name"]), rest[:member.start("name")] + rest[member.end():]
    for who in _WHO_ZH.findall(rest):
        if scope.kind == "member":
            return None  # `张伟 团队目标`: whose?
        scope = c.Scope("team") if who != "我" else scope
    asked = asked or bool(_ASKED_ZH.search(rest))
    said_who = bool(_WHO_ZH.search(rest)) or scope.kind == "member"
    rest = _ASK_ZH.sub(" ", re.sub(METRIC_ZH, " ", _WHO_ZH.sub(" ", _TARGET_ZH.sub(" ", rest))))
    return _listing(scope, periods, rest, asked or said_who)


def _asked_en(said: str, today: dt.date, asked: bool) -> c.ListTargets | None:
    words = said.split()
    if sum(w in _TARGET_EN for w in words) != 1:
        return None
    scope, kept = c.Scope(), []
    for word in words:
        if word in _TARGET_EN or word in V.METRIC_WORDS:
            continue
        if word in _ASK_EN:
            asked = asked or word in _ASKED_EN
        elif word in _ME_EN:
            asked = True
        elif word in _TEAM_EN:
            scope, asked = c.Scope("team"), True
        elif (name := _member_en(word)) is not None:
            scope, asked = c.Scope("member", name), True
        else:
            kept.append(word)
    periods = [_period(" ".join(kept), today)] if kept else []
    return _listing(scope, periods, "", asked or bool(periods))


def _member_en(word: str) -> str | None:
    """The member a word names (`@bo`, `bo's`), or None."""
    if word.startswith("@") and len(word) > 1:
        return word[1:]
    own = _OWN_EN.match(word)
    return own["name"] if own and word not in ("it's", "that's", "this's", "what's") else None


def _listing(scope: c.Scope, periods: list, rest: str, asked: bool) -> c.ListTargets | None:
    """The listing, when every word was read, at most one period said, and it asks something."""
    if rest.strip() or None in periods or len(set(periods)) > 1 or not (asked or periods):
        return None
    return c.ListTargets(scope, periods[0] if periods else None)
