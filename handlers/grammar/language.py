"""The language a message is written in: what a reply to it is in, whoever the member is.

A Chinese command word says Chinese; English words say English when there are two and no Chinese
(`progress team`), or three or more outnumbering the Chinese (`vist 华为: met the purchasing
team`, whose Chinese is a customer's name). English words inside Chinese (`拜访 海尔：PO已经发了`,
`今天demo很顺利，CFO也在`) keep it Chinese; a bare command word (`progress`) or as much of one
as of the other (`push 191 to 下周一`) says nothing: the member's language is used.

The member's language (`语言 英文` · `language zh`) is for what says nothing of its own: scheduled
posts, reminders, `1`, a bare `progress`, a button. It does not overrule the message: `进度` after
`语言 英文` is a Chinese command word, answered in Chinese (round 7 asked; decided so because a
reply in the language the person just wrote in is never wrong, and the setting's reply says this).

>>> written_in("progress team"), written_in("拜访 海尔：PO已经发了"), written_in("progress")
('en', 'zh', None)
"""
from __future__ import annotations

import re

from handlers.grammar.intents import split_keyword
from handlers.grammar.parse import normalize

_CJK = re.compile(r"[\u3400-\u9fff]")
_ENGLISH_WORD = re.compile(r"(?<![A-Za-z])[A-Za-z]{2,}(?![A-Za-z])")


def written_in(text: str) -> str | None:
    """`zh`, `en`, or None when the text does not say."""
    intent, language, _rest = split_keyword(normalize(text))
    english, chinese = len(_ENGLISH_WORD.findall(text)), len(_CJK.findall(text))
    if language == "zh" and intent is not None:
        return "zh"
    if english >= 2 and not chinese or english >= 3 and english * 2 > chinese:
        return "en"
    return "zh" if intent is None and chinese > english * 2 else None  # an English command word:
    # the member's language for its Chinese notes (`visit 美的集团: 跟他们CFO过了一下KPI…`)


def answered_in(text: str, locale: str) -> str:
    """The language to answer text that is no command in: its own, English for any Latin
    without Chinese (`progres`, from anyone), else `locale`."""
    if written_in(text) == "en" or not _CJK.search(text) and re.search("[A-Za-z]", text):
        return "en"
    return locale
