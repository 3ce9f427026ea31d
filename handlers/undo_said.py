"""An undo said with more words after it (`撤销刚才的推迟，globex还是今天跟`, `撤销 刚才那个任务建错了`,
`算了 撤销吧 还是下周五`, `undo the snooze, globex is still today`), and what says only why."""
from __future__ import annotations

import re

from handlers.context import Ctx
from handlers.grammar import commands as c
from handlers.grammar import plain_undo
from handlers.grammar.language import answered_in
from handlers.grammar.parse import amount_in
from handlers.grammar.patterns import pattern
from handlers.grammar.spans import date_in
from handlers.text.reply import Button, Reply


def undo_then(ctx: Ctx, text: str, undo: c.Undo, head: str, rest: str) -> c.Command | Reply:
    """An undo with words after it: done at once, the words read as why, where the undo names its
    kind or is the undo word alone and the words only tell; else offered (one tap), the words said
    not kept (an undo puts back only what that change changed; a day or an amount in them is no
    second change made unasked). r31zh #42, #80, #143."""
    ctx.locale = answered_in(text, ctx.locale)
    if (undo.kind or plain_undo.bare(head)) and only_words(ctx, rest):
        ctx.notes.append(ctx.t("undo_why_read", why=rest))
        return undo
    sent = head if undo.kind else plain_undo.sure(ctx.locale)
    return Reply(lines=(ctx.t("undo_then_offered", said=head, left=rest), ctx.t("answer_hint_one")), ok=False,
                 locale=ctx.locale, buttons=(Button(head[:75], sent, action=undo if undo.kind else None),))


def only_words(ctx: Ctx, words: str) -> bool:
    """Whether `words` only tell something: no command, record number, amount or day in them (those
    are a second thing to do, asked about, never dropped)."""
    return plain_undo.mistake_only(words) or (  # `wrong customer`: only what was wrong, no new value
        not _SECOND.search(words) and not re.search(r"\d", words) and amount_in(words) is None
        and date_in(words, ctx.today) is None and plain_undo.meant(words) is None)


#: Words that do or put right something of their own (`and log a visit`, `不对 是拜访 联想`): a second
#: thing to do, never a reason
_SECOND = pattern(r"(?<![a-z])(?:visit|deal|task|won|win|lost|done|snooze|target|move|set|change|make|delete|"
                  r"restore|log|add|meant|instead|wrong|not)(?![a-z])|拜访|商机|任务|赢单|输单|完成|推迟|目标|删除|"
                  r"恢复|改成|改为|改到|不对|不是|应该|记成|记为", re.I)
