"""The grammar of tips and contests: `tip TOPIC: lesson`, `tips [words]`, `like tip 3`,
`contest METRIC FIRST-LAST [TEAM]`."""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c
from handlers.grammar import vocabulary as V
from handlers.grammar.contest_metric import metric_first
from handlers.grammar.dates import RANGE_SEP, parse_date_range
from handlers.grammar.parse import CJK, head_and_body
from handlers.grammar.patterns import pattern
from handlers.grammar.periods import lasting_days


def parse_tip(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    """`tip TOPIC: lesson` keeps one; `tips [words]` · `经验 [词]` (no colon) finds them. A lesson
    without a separator (`tip always bundle support when pricing`) or with only a comma is asked:
    kept, or found? The offer to keep it keeps every word in the tip."""
    topic, body = head_and_body(rest, _TIP_SEP)
    words = " ".join(rest.split())
    comma = re.search(r"\s*[,，]\s*", rest) if not body.strip() else None
    if comma and rest[comma.end():].strip():  # `tip pricing, bundle …`: keep or find?
        head = rest[:comma.start()].strip()
        kept = f"{head}: {rest[comma.end():].strip()}" if _short_topic(head) else _general(words)
        return _tip_or_search(head if _short_topic(head) else "", kept, words)
    if not body.strip() and _a_lesson(words):  # a sentence is no search: keep or find?
        return _tip_or_search("", _general(words), words)
    if not body.strip():
        return c.FindTips(words[:100])
    if not topic.strip() or len(topic) > 100 or len(body) > 2000:
        return c.ParseError("tip")
    return c.AddTip(topic.strip(), body.strip())


def _short_topic(head: str) -> bool:
    """A topic a tip is kept under (`pricing`, `competitor X`, `报价`), not a sentence."""
    return len(head.split()) <= 2 and len(head) <= 30 and len(CJK.findall(head)) <= 6


def _a_lesson(words: str) -> bool:
    """Words that say a lesson rather than what to look for: four words or more, or a Chinese
    sentence of eight characters or more (`报价时一定要捆绑服务`)."""
    return len(words.split()) >= 4 or len(CJK.findall(words)) >= 8


def _general(words: str) -> str:
    """A tip under the general topic, with every word of the message in it."""
    return f"{'其他' if CJK.search(words) else 'general'}: {words}"


def _tip_or_search(topic: str, kept: str, words: str) -> c.ParseError:
    return c.ParseError("tip", "tip_or_search" if topic else "lesson_or_search", topic, options=(
        ("keep_tip", kept, None), ("find_tips", "", c.FindTips(words[:100]))))


_TIP_SEP = pattern(r"\s*(?:[:：;；。]|\.(?=\s)|\s[-–—]\s|—)\s*")  # `tip pricing - always bundle support`


def parse_like(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    """`like tip 3` · `赞 经验 3` (also `like #3`)."""
    found = re.fullmatch(r"(?:(?:tip|tips|经验)\s*)?#?(\d{1,9})", rest.strip(), re.I)
    return c.LikeTip(int(found[1])) if found else c.ParseError("like")


def parse_contest(rest: str, today: dt.date) -> c.Command | c.ParseError:
    """`contest METRIC FIRST-LAST [TEAM]` · `竞赛 指标 起-止 [团队]`; alone: the standings. A prize
    said with it (`奖品：iPad一台`, `prize: ipad`) is no team: a contest keeps no prize, so it is
    asked about, the contest without it offered."""
    if (prize := _PRIZE.search(rest)) is not None and prize.start() > 0:
        started = _parse_contest(rest[:prize.start()].rstrip(" ,，;；"), today)
        if isinstance(started, c.StartContest):
            return c.ParseError("contest", "contest_prize", rest[prize.start():].strip(),
                                options=(("contest_without_prize", rest[:prize.start()].rstrip(" ,，;；"),
                                          started),))
    return _parse_contest(rest, today)


#: A contest's prize said after it (`prize: ipad`, `奖品：iPad一台`, `winner gets a dinner`)
_PRIZE = pattern(r"(?:^|(?<=[\s,，;；]))(?:prizes?|rewards?|awards?|winner\s+gets|奖品|奖励|奖金|奖)"
                 r"\s*(?:[:：=]|\s|is\b|是|为)",
                 re.I)
_NUMBERED = pattern(r"(?:#|no\.?|第)?\s*(\d{1,9})\s*(?:号|个)?", re.I)
#: Words before a contest's period (`contest revenue for february`, `during next month`)
_BEFORE_PERIOD = {"for", "in", "during", "over", "throughout", "this", "本", "在"}


def _parse_contest(rest: str, today: dt.date) -> c.Command | c.ParseError:
    words = rest.split()
    if (said := metric_first(words))[0] is not None:  # `deals won`, `most visits`: one word here
        words = [said[0], *said[1]]
    if len(words) > 2 and words[1].lower() in _BEFORE_PERIOD - {"this", "本"} \
            and lasting_days(words[2:], today) is not None:
        words = [words[0], *words[2:]]  # `contest revenue for february`: the month
    if not words:
        return c.ShowContest()
    if len(words) == 1 and (numbered := _NUMBERED.fullmatch(words[0])):  # `contest #1`: its standings
        return c.ShowContest(contest_id=int(numbered[1]))
    metric = V.METRIC_WORDS.get(words[0].lower())
    if metric and len(words) == 1:
        return c.ShowContest(metric)
    spans = [(size, " ".join(words[1:1 + size])) for size in range(len(words) - 1, 0, -1)] if metric else []
    for size, said in [(size, said) for size, said in spans if RANGE_SEP.search(said)]:  # `jan 4-jan 29`
        if (span := parse_date_range(said.rstrip(",，;；"), today)) is not None:  # the range said in words,
            # first (`… to the 15th of next month, East`: its comma the team's, never a day cut short)
            return c.StartContest(metric, span[0], span[1], " ".join(words[1 + size:]) or None)
    if metric and (lasting := lasting_days(words[1:], today)) is not None:  # `jan`, `next month`, `一季度`:
        (first, last), size = lasting  # the whole month or quarter, never its first day alone
        return c.StartContest(metric, first, last, " ".join(words[1 + size:]) or None)
    span = parse_date_range(words[1], today) if metric and len(words) > 1 else None
    if span is not None:
        return c.StartContest(metric, span[0], span[1], " ".join(words[2:]) or None)
    return c.ParseError("contest")
