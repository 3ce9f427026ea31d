"""A correction said as people say it, right after a change: `no I meant 1.15m`, `不对，是20万`.

It is no command of the grammar: when the member's last change (within a few minutes) was a
deal, it is asked as a question whose answer sets that deal's amount (`deal #12 1.15m`: `yes`
or `1` does it); otherwise the reply says which command to type. Nothing is changed by it.
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.context import Ctx
from handlers.grammar.amounts import parse_amount
from handlers.grammar.normal import view
from handlers.text.reply import Button, Reply
from handlers.text.strings import WORDS, name_of
from storage import journal
from storage.models import Deal

RECENT = dt.timedelta(minutes=10)  # "the deal just touched"
_EN = re.compile(r"^(?:(?:no|nope|sorry|oops|actually|wait)\b[\s,.!]*)*(?:i\s+)?(?:meant|mean|should be|"
                 r"make it|it'?s)\s+(?P<amount>\S+?)[\s.!]*$", re.I)
_ZH = re.compile(r"^(?:不对|不是|错了|说错了|更正|搞错了)[\s,，。!！]*(?:应该是|是|改成|改为)?\s*"
                 r"(?P<amount>\S+?)[\s。!！]*$")


def correction(ctx: Ctx, text: str) -> Reply | None:
    """The reply to a correction of an amount, or None when `text` is none."""
    said = " ".join(view(text).split())
    match = _EN.match(said) or _ZH.match(said)
    if match is None or parse_amount(match["amount"]) is None:
        return None
    amount = match["amount"]
    ctx.locale = "en" if match.re is _EN else "zh"  # answered in the language it was said in
    change = journal.latest(ctx.session, ctx.tenant.id, ctx.member.id)
    deal = None
    if change is not None and change.entity == "deals" and change.entity_id and change.at >= ctx.now - RECENT:
        deal = ctx.session.get(Deal, change.entity_id)
    if deal is None:
        example = f"{name_of(WORDS, 'deal', ctx.locale)} #12 {amount}"
        return Reply(lines=(ctx.t("correction_how", amount=amount, example=example),), ok=False)
    command = f"{name_of(WORDS, 'deal', ctx.locale)} #{deal.id} {amount}"
    return Reply(lines=(ctx.t("correction_offer", id=deal.id, title=deal.title, amount=amount),
                        ctx.t("answer_hint_one")), buttons=(Button(command, command),), ok=False)
