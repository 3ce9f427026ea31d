"""`stages` · `阶段` read: `English name[/中文名] [probability%] [won|lost]`, stages apart by `,` `，`
`;` `、`; `stages reset` back to the default seven (`handlers/workspace/stages.py` runs it).
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c
from handlers.grammar.patterns import pattern
from handlers.grammar.vocabulary import STAGE_WORDS
from storage import pipelines

MAX_STAGES, MAX_NAME = 12, 64
RESET_WORDS = {"reset", "default", "恢复默认", "默认", "重置"}
_CATEGORY_WORDS = {"won": "won", "赢单": "won", "成交": "won", "lost": "lost", "输单": "lost", "丢单": "lost",
                   "open": "open", "进行中": "open"}
_SEPARATORS = pattern(r"\s*[,，;；、]\s*")
_CJK = pattern(r"[\u3400-\u9fff]")
_PERCENT = pattern(r"(\d{1,3})\s*[%％]?")
#: Words that move something to a stage (`阶段是方案`, `stage: proposal`, `stage to negotiation`)
_MOVE = pattern(r"^(?:[:：=]|是|为|改成|改为|改到|到|推到|推进到|移到|放到|调到|挪到|"
                r"设为|设成|定为|进入|is|to|"
                r"now|->"
                r"|set\s+to|changed\s+to)?\s*", re.I)  # `阶段放到商务谈判` (r31zh #173): no pipeline


def parse_stages(rest: str, _today: dt.date) -> c.Command | c.ParseError:
    text = rest.strip()
    if not text:
        return c.Stages()
    if text.lower() in RESET_WORDS:
        return c.Stages(reset=True)
    said = _MOVE.sub("", text).rstrip(" 吧了啊呀哈。.!！")  # `阶段设为商务谈判吧`: a deal's stage too
    if said and (said.lower() in STAGE_WORDS or pipelines.fold(said) in STAGE_WORDS):
        return c.ParseError(None, "usage") if said != text else c.ParseError("deal")  # `阶段是方案`: a
        # deal's stage, no deal said: which deal, asked (as `stage: proposal`); `阶段 方案`: what to type
    items = []
    for part in filter(None, _SEPARATORS.split(text)):
        words = part.split()
        category = _CATEGORY_WORDS.get(words[-1].lower()) if len(words) > 1 else None
        if category:
            words = words[:-1]
        probability = None
        if len(words) > 1 and (number := _PERCENT.fullmatch(words[-1])):
            probability, words = int(number[1]), words[:-1]
            if probability > 100:
                return c.ParseError("stages", "stage_list", part)
        elif len(words) == 1 and _PERCENT.fullmatch(words[0]):
            return c.ParseError("stages", "stage_list", part)  # a number with no name
        name = " ".join(words)
        en, _, zh = name.partition("/")
        en, zh = en.strip(), zh.strip()
        if _CJK.search(en) and zh and not _CJK.search(zh):  # `初访/First visit`: either order
            en, zh = zh, en
        if not en or len(en) > MAX_NAME or len(zh) > MAX_NAME or _PERCENT.fullmatch(en):
            return c.ParseError("stages", "stage_list", part)
        category = category or _CATEGORY_WORDS.get(pipelines.fold(en)) or _CATEGORY_WORDS.get(zh) or "open"
        items.append((en, zh, probability, category))
    folded = [pipelines.fold(en) for en, *_ in items]
    open_count = sum(1 for *_, category in items if category == "open")
    if not open_count or len(items) > MAX_STAGES or len(set(folded)) != len(folded):
        return c.ParseError("stages", "stage_list", text)
    return c.Stages(tuple(items))
