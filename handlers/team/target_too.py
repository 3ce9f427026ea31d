"""`bo too`, `and for bo as well`, `Bo也一样` just after a target was set for one member (r22: `set
Ana's target for feb to 450k` then `bo too`): the same target for that member, said back as the line
it would run, one tap (never set unasked, never a deal's or anyone else's number)."""
from __future__ import annotations

import re

from handlers.context import Ctx
from handlers.grammar import commands as c
from handlers.grammar.normal import name_fold
from handlers.grammar.patterns import pattern
from handlers.grammar.reading import read
from handlers.grammar.target_said import AMOUNT_ZH, PERIOD_ZH
from handlers.sales.last_said import made_last
from handlers.sales.said_again import RECENT, latest_change
from handlers.team.target_again import target_owner
from handlers.text.reply import Button, Reply

_EN = pattern(r"^(?:(?:and|also|oh|same\s+for)\s+)*(?:for\s+)?@?(?P<who>[^\s@,]+)\s*,?\s*"
              r"(?:too|as\s+well|also|the\s+same|same)?[\s.!]*$", re.I)
_ZH = pattern(r"^(?:还有|另外)?\s*@?(?P<who>[^\s@，,]+?)\s*也(?:一样|是|要|照这个)?(?:吧|啊|哈)?[。!！\s]*$")


#: `Ana一月份也是60万` · `李娜下个月也定50万`: a member's revenue for a period, as the target just set
_ZH_FIGURE = pattern(rf"^@?(?P<who>[^\s@，,\d]{{2,10}}?)\s*的?\s*(?P<p>{PERIOD_ZH})\s*的?\s*"
                     rf"也(?:是|定为?|设为?|要)?\s*(?P<amount>{AMOUNT_ZH})[。!！\s]*$", re.I)


def offered(ctx: Ctx, text: str) -> Reply | None:
    """The same target for the member `text` names, offered; None where it is no such message."""
    said = " ".join(text.split())
    if (figure := _ZH_FIGURE.match(said)) and re.search(r"[万千亿kmw元块¥]", figure["amount"], re.I):
        said = f"{figure['who']}也是"  # `Ana一月份也是60万`: offered as its own target's line
    found = _ZH.match(said) or _EN.match(said)
    if found is None or not re.search(r"too|as well|also|same|也", said, re.I):
        return None
    change = latest_change(ctx)
    if change is None or change.kind != "SetTarget" or change.status != "done" \
            or change.at < ctx.now - RECENT or not made_last(ctx, change):
        return None
    owner, who = target_owner(ctx, change), found["who"]
    member = next((m for m in ctx.people.members(ctx.tenant.id)
                   if name_fold(m.display_name) == name_fold(who)), None)
    if not owner or member is None or name_fold(owner) == name_fold(who):
        return None
    line = re.sub(re.escape(owner), member.display_name, change.label, count=1, flags=re.I)
    if figure:  # its own period and figure, revenue: `目标 @Ana 业绩 60万 一月份`
        line = f"目标 @{member.display_name} 业绩 {figure['amount']} {figure['p']}"
    command = read(line, ctx.today).command
    if line == change.label or not isinstance(command, c.SetTarget):
        return None
    ctx.locale = "zh" if re.search(r"[\u3400-\u9fff]", said) else "en"
    key = "target_too_said" if figure else "target_too"
    return Reply(lines=(ctx.t(key, who=member.display_name, said=line), ctx.t("answer_hint_one")),
                 ok=False, locale=ctx.locale, buttons=(Button(line[:75], line, action=command),))
