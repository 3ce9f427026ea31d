"""The team's pace asked after the team word (`团队这个月业绩怎么样`, `团队目标完成多少了`, `team how
are we doing this month`, `team pace`, `team numbers this month?`): the team's progress report,
never the team admin's usage (r26: a manager or rep asking how the team is doing)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from handlers.grammar import commands as c
from handlers.grammar.patterns import pattern

_CJK = pattern(r"[\u3400-\u9fff]")
#: How the team is doing, named by a word of the report (`pace`, `numbers`, `业绩`, `完成情况`)
_PACE_WORDS = pattern(r"^(?:(?:the|our|team'?s)\s+)?(?:pace|numbers?|performance|results?|status|progress|"
                      r"stats|kpis?|revenue|sales)(?![A-Za-z])(?P<rest>.*?)[\s?？!！.。]*$"
                      r"|^(?:的)?(?P<zh_rest>\S*?)(?:的)?(?:业绩|目标|指标|KPI|kpi|完成情况|完成度|进度|数据|成绩)"
                      r"(?:(?:怎么|咋)样了?|如何|情况)?[\s?？!！。啊呢呀吧]*$", re.I)


def team_pace(text: str, today: dt.date) -> c.ShowProgress | None:
    """The team's progress where `text` asks after the team word how the team is doing, else None
    (run after the readings that say their line back: `团队本季度的进度`, `team pace`)."""
    from handlers.grammar.intents import split_keyword
    from handlers.grammar.parse_reports import parse_progress, progress_asked

    name, _lang, said = split_keyword(" ".join(text.split()))
    said = said.strip()
    if name != "team" or not said:
        return None
    asked = progress_asked(f"团队{said}" if _CJK.search(said[:1]) else said, today)
    if asked is not None:
        return asked if asked.behind_named or asked.scope.kind == "team" else \
            replace(asked, scope=c.Scope("team"))
    found = _PACE_WORDS.match(said)
    if found is None:
        return None
    period = (found["rest"] if found["rest"] is not None else found["zh_rest"] or "").strip()
    shown = parse_progress(re.sub(r"\s+", " ", f"team {period}").strip(), today)
    return shown if isinstance(shown, c.ShowProgress) else None
