"""The day a won or lost deal closed, said by its number at any time (`deal #10 close thu`,
`deal #10 closed on 2026-12-03`, `商机 #10 成交日期 12月3日`, `#10 其实是12月3日签的`): never "reopen
it first" (reopening drops its reason), but the day it was won or lost moved there, old → new,
one `undo` from what it was — the same `ChangeDeal(action="closed_on")` a correction right after
the win makes (handlers/sales/backdate.py). A day still to come is refused there; `last fri` /
`上周五` on a weekend asks which Friday, as everywhere (r21). An open deal's close is untouched."""
from __future__ import annotations

import re

from handlers.context import Ctx
from handlers.grammar.commands import ChangeDeal
from handlers.grammar.dates import parse_date
from handlers.grammar.patterns import pattern
from handlers.grammar.visit_day import days_of
from handlers.sales import backdate
from handlers.text.reply import Button, Reply
from storage.models.sales import CLOSED_STAGES, Deal

_EN = pattern(r"^(?:deal\s*)?#\s*(?P<id>\d+)\s*[,:]?\s*(?:actually\s+)?(?:(?:it|they|we)\s+)?"
              r"(?:close[sd]?|closing|signed|won|lost)(?:\s+(?:date|day))?"
              r"(?:\s+(?:was|is|to|=))?(?:\s+(?:on|back\s+on))?\s+(?P<day>[^,!]+?)\s*[.!]*$", re.I)
_ZH = pattern(r"^(?:商机|单子)?\s*#\s*(?P<id>\d+)\s*[,，:：]?\s*(?:其实|实际上?)?(?:是|应该是)?"
              r"(?:(?:成交|签约|签单|赢单|输单|关单)(?:日期|时间|日)?\s*(?:是|在|改成|改为|为)?\s*(?P<day>\S+?)"
              r"|(?P<day2>\S+?)(?:就|已经)?(?:签的|签约的|成交的|赢的|丢的|输的|定的|签下来的))"
              r"(?:吧|啦|哈)?[。!！]*$")


def meant(ctx: Ctx, text: str) -> ChangeDeal | Reply | None:
    """The closed deal `text` names by number, its close moved to the day said (or which day,
    asked); None when `text` says no close day of a won or lost deal of this team."""
    said = " ".join(text.split())
    found = _EN.match(said) or _ZH.match(said)
    if found is None:
        return None
    deal = ctx.session.get(Deal, int(found["id"]))
    if deal is None or deal.tenant_id != ctx.tenant.id or deal.stage not in CLOSED_STAGES:
        return None
    day_said = found["day"] or found["day2"]
    days = days_of(day_said, ctx.today)
    if not days and (later := parse_date(day_said, ctx.today)) is not None and later > ctx.today:
        days = (later,)  # `deal #10 close dec 20`: refused as a day still to come
    if not days:
        return None
    ctx.locale = "zh" if re.search(r"[\u3400-\u9fff]", said) else "en"
    if len(days) > 1:  # `商机 #10 上周五签的` on a Sunday: the Friday just gone, or the one before?
        return Reply(lines=(ctx.t("closed_on_which", text=day_said, id=deal.id),
                            ctx.t("answer_hint", count=len(days))), ok=False, locale=ctx.locale,
                     buttons=tuple(Button(ctx.day(day), backdate.said_on(ctx, deal.id, day),
                                          action=ChangeDeal(deal.id, "closed_on", day)) for day in days))
    return ChangeDeal(deal.id, "closed_on", days[0])
