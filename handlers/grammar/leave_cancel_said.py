"""Leave taken back in a sentence (r21): `12月9号的假不请了`, `取消12月9号的请假`, `12月9号不请假了`,
`cancel leave dec 9`, `cancel my leave on 12/9`: the leave command's own cancel, `请假 取消 12月9号` ·
`leave cancel dec 9`, so only the days named are taken off (handlers/workspace/leave_cancel.py).
Words after the days (`… 客户约了见面`) stay for the leave command, which asks about them.

>>> said("12月9号的假不请了 客户约了见面"), said("取消12月9号的请假"), said("cancel my leave on dec 9")
('请假 取消 12月9号 客户约了见面', '请假 取消 12月9号', 'leave cancel dec 9')
>>> said("cancel leave 12/9-12/10"), said("12月9号不请假了"), said("请假"), said("cancel deal 5")
('leave cancel 12/9-12/10', '请假 取消 12月9号', None, None)
>>> said("12月24號的假不請了"), said("取消１２月９號的請假")
('请假 取消 12月24號', '请假 取消 １２月９號')
"""
from __future__ import annotations

import re

from handlers.grammar.normal import view
from handlers.grammar.patterns import pattern

_ZH_AFTER = pattern(r"^(?P<days>[^\s，,]+?)的?(?:假|请假)(?:不请了|不休了|取消了?|撤销了?|撤回了?|不要了)"
                    r"(?P<tail>[\s，,。；;].*)?$")
_ZH_NOT = pattern(r"^(?P<days>[^\s，,]+?)(?:不请假了|不休假了)(?P<tail>[\s，,。；;].*)?$")
_ZH_BEFORE = pattern(r"^(?:取消|撤销|撤回)(?P<days>[^\s，,]+?)的(?:请假|假)(?P<tail>[\s，,。；;].*)?$")
_EN = pattern(r"^(?:pls |please )?cancel (?:my )?(?:leave|pto|time off|vacation)(?: (?:on|for))? "
              r"(?P<days>.+)$", re.I)


def said(text: str) -> str | None:
    """The leave-cancel command `text` says in a sentence, or None."""
    text = " ".join(text.split())
    seen = view(text)  # `12月24號的假不請了`: the words matched folded and simplified, the days and
    # the words after them as typed (position for position)
    for found, keyword in ((_ZH_AFTER.match(seen), "请假 取消"), (_ZH_NOT.match(seen), "请假 取消"),
                           (_ZH_BEFORE.match(seen), "请假 取消"), (_EN.match(seen), "leave cancel")):
        if found is not None:
            tail = text[found.start("tail"):found.end("tail")] if found.groupdict().get("tail") else ""
            tail = tail.strip(" ，,。；;")
            return f"{keyword} {text[found.start('days'):found.end('days')]}" + (f" {tail}" if tail else "")
    return None
