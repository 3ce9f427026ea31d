"""Deal changes said a little off the grammar, offered as the commands that do them:
`商机 #46 重开 金额改成 RMB 4万` (reopen, then the change: two commands) and `商机 #51 标题 设备联网`
(a title is written in quotes: `商机 #51 "设备联网"`)."""
from __future__ import annotations

import re

from handlers.grammar.patterns import pattern
from handlers.grammar.vocabulary import AMOUNT_LABEL_EN

_REOPEN_AND = pattern(r"^(商机|deal)\s*#\s*(\d{1,9})\s+(重开|重新打开|reopen)[\s,，;；]+(\S.*)$", re.I)
_TITLE = pattern(r"^(商机|deal)\s*#\s*(\d{1,9})\s+(?:标题|名称|title|name)\s*[:：]?\s*"
                 r"(?:改成|改为|改到|换成|to|=)?\s*[\"“”']?([^\"“”']+?)[\"“”']?\s*$", re.I)

_AMOUNT_WORD = pattern(rf"^(?:金额|{AMOUNT_LABEL_EN})\s*(?:改成|改为|改到|调到|to|=)?\s*", re.I)


def offered(text: str) -> tuple[str, str] | None:
    """(the message key saying why, the command offered) for such a change, or None."""
    said = " ".join(text.split())
    if found := _REOPEN_AND.match(said):
        word, deal, reopen, rest = found.groups()
        rest = _AMOUNT_WORD.sub("", rest) or rest  # `金额改成 RMB 4万`: the amount
        return "reopen_and_change", f"{word} #{deal} {reopen}\n{word} #{deal} {rest}"
    if found := _TITLE.match(said):
        word, deal, title = found.groups()
        return "title_needs_quotes", f'{word} #{deal} "{title.strip()}"'
    return None
