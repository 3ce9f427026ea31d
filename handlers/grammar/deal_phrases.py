"""Deal changes said a little off the grammar, offered as the commands that do them:
`商机 #46 重开 金额改成 RMB 4万` (reopen, then the change: two commands) and `商机 #51 标题 设备联网`
(a title is written in quotes: `商机 #51 "设备联网"`)."""
from __future__ import annotations

import re

from handlers.grammar import commands as c
from handlers.grammar.patterns import pattern
from handlers.grammar.reading import read
from handlers.grammar.vocabulary import AMOUNT_LABEL_EN

_REOPEN_AND = pattern(r"^(商机|deal)\s*#\s*(\d{1,9})\s+(重开|重新打开|reopen)[\s,，;；]+(\S.*)$", re.I)
_TITLE = pattern(r"^(商机|deal)\s*#\s*(\d{1,9})\s+(?:标题|名称|title|name)\s*[:：]?\s*"
                 r"(?:改成|改为|改到|换成|to|=)?\s*[\"“”']?([^\"“”']+?)[\"“”']?\s*$", re.I)

_AMOUNT_WORD = pattern(rf"^(?:金额|{AMOUNT_LABEL_EN})\s*(?:改成|改为|改到|调到|to|=)?\s*", re.I)


def offered(text: str) -> tuple[str, str, str] | None:
    """(the message key saying why, the command offered, the words not kept) for such a change, or None."""
    said = " ".join(text.split())
    if found := _REOPEN_AND.match(said):
        word, deal, reopen, rest = found.groups()
        changed = _AMOUNT_WORD.sub("", rest) or rest  # `金额改成 RMB 4万`: the amount
        if not isinstance(read(f"{word} #{deal} {changed}").command, c.ParseError):
            return "reopen_and_change", f"{word} #{deal} {reopen}\n{word} #{deal} {changed}", ""
        return "reopen_why_dropped", f"{word} #{deal} {reopen}", rest  # `商机 #21 重开 客户说…要重新走审批`:
        # the why, no change of the deal's: the reopen alone, the words said not kept (never a second line)
    if found := _TITLE.match(said):
        word, deal, title = found.groups()
        return "title_needs_quotes", f'{word} #{deal} "{title.strip()}"', ""
    return None
