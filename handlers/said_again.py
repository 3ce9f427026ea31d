"""A correction said as people say it, right after a change: `no I meant 1.15m`, `actually it was
90k not 85`, `不对，是20万`, `改成5万`, `no, 8 jan!`, `刚才那条记错了 是格力不是海尔`.

It is no command of the grammar: when the member's last change (within a few minutes) was a deal
or a visit, it is asked as a question whose answer changes that: an amount sets the deal's
amount, a day its close day (a visit's follow-up), a name after "not"/"不是" its customer (`yes`
or `1` does it); otherwise the reply says which command to type. Nothing is changed by it.
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.amounts import parse_amount
from handlers.context import Ctx
from handlers.dates import parse_date
from handlers.messages import WORDS, name_of
from handlers.normal import view
from handlers.reply import Button, Reply
from storage import journal
from storage.models import Deal, Visit

RECENT = dt.timedelta(minutes=10)  # "the deal just touched"
_EN = re.compile(r"^(?P<lead>(?:(?:no|nope|sorry|oops|actually|wait)\b[\s,.!]*)+)?"
                 r"(?P<verb>(?:i\s+)?(?:meant|mean)|should\s+be|make\s+it|it'?s|it\s+was|was)?\s*"
                 r"(?P<value>\S.*?)(?P<not>,?\s+not\s+\S.*?)?[\s.!]*$", re.I)
_ZH = re.compile(r"^(?P<lead>(?:刚才那条|刚才)?(?:不对|不是|错了|说错了|记错了|更正|搞错了)[\s,，。!！]*)?"
                 r"(?P<verb>(?:金额|预计)?(?:应该是|是|改成|改为|改到))?\s*"
                 r"(?P<value>\S+?)(?P<not>[,，]?\s*不是\S+)?[\s。!！]*$")


def correction(ctx: Ctx, text: str) -> Reply | None:
    """The reply to a correction of an amount, a day or a customer, or None when `text` is none."""
    said = " ".join(view(text).split())
    match = next((m for m in (_EN.match(said), _ZH.match(said)) if m and (m["lead"] or m["verb"])), None)
    if match is None:
        return None
    value = match["value"].strip(" ,，!！")
    kind = "amount" if parse_amount(value) is not None else \
        "day" if parse_date(value, ctx.today) is not None else "customer" if match["not"] else None
    if kind is None:
        return None
    ctx.locale = "en" if match.re is _EN else "zh"  # answered in the language it was said in
    change = journal.latest(ctx.session, ctx.tenant.id, ctx.member.id)
    row = None
    if change is not None and change.entity in ("deals", "visits") and change.entity_id \
            and change.at >= ctx.now - RECENT:
        row = ctx.session.get(Deal if change.entity == "deals" else Visit, change.entity_id)
    if isinstance(row, Visit) and kind == "amount":
        row = None
    if row is None:
        example = f"{name_of(WORDS, 'deal', ctx.locale)} #12 {value}"
        return Reply(lines=(ctx.t("correction_how", amount=value, example=example),), ok=False)
    command = _command(ctx, row, kind, value)
    what = name_of(WORDS, "deal" if isinstance(row, Deal) else "visit", ctx.locale)
    shown = ctx.day(parse_date(value, ctx.today)) if kind == "day" else value  # `Fri, Jan 8, 2027`
    return Reply(lines=(ctx.t(f"correction_{kind}", what=what, id=row.id, value=shown),
                        ctx.t("answer_hint_one")), buttons=(Button(command, command),), ok=False)


def _command(ctx: Ctx, row: Deal | Visit, kind: str, value: str) -> str:
    zh = ctx.locale == "zh"
    if isinstance(row, Deal):
        field = {"amount": "", "day": "预计 " if zh else "close ",
                 "customer": "客户 " if zh else "customer "}[kind]
        return f"{name_of(WORDS, 'deal', ctx.locale)} #{row.id} {field}{value}"
    field = ("跟进 " if zh else "follow up ") if kind == "day" else ("客户 " if zh else "customer ")
    return f"{name_of(WORDS, 'visit', ctx.locale)} #{row.id} {field}{value}"
