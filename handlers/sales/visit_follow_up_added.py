"""A follow-up added to a visit named by its customer (`add a follow-up to the xiaomi visit fri`,
`刚才小米那个拜访加个跟进 周五`): the member's last visit to that customer gets that follow-up day,
said back with the visit it went to; never a new visit whose notes are the request, nor a task."""
from __future__ import annotations

import re

from handlers.context import Ctx
from handlers.grammar import commands as c
from handlers.grammar.dates import parse_date
from handlers.grammar.language import answered_in
from handlers.grammar.normal import view
from handlers.grammar.patterns import pattern
from handlers.lookup import known_customers
from handlers.text import format as fmt
from storage.models.sales import Visit
from storage.sales import VisitRepository

_FOLLOW_UP = r"(?:follow[\s-]?up|f/u|fu)"
_EN = pattern(rf"^(?:(?:pls|please|oh|ok|and|also|can you|could you)[\s,]+)*(?:add|set|put|schedule|make)\s+"
              rf"(?:a\s+|the\s+)?{_FOLLOW_UP}\s+(?:to|on|for|with)\s+(?:the|my|that)?\s*"
              rf"(?:last\s+|latest\s+)?(?P<name>.+?)\s+(?:visit|meeting|mtg)\s*[:,]?\s*"
              rf"(?:(?:for|on|to|by)\s+)?(?P<day>.+?)[\s.!]*$"
              rf"|^(?:(?:the|my|that)\s+)?(?P<name2>.+?)\s+visit\s*[:,-]?\s*(?:add|set)\s+(?:a\s+)?{_FOLLOW_UP}"
              rf"\s*(?:(?:for|on|to|by)\s+)?(?P<day2>.+?)[\s.!]*$", re.I)
_ZH = pattern(r"^(?:刚才|刚刚|今天)?(?:给|把|帮我给)?(?:刚才|刚刚|今天)?(?P<name>[^\s，,：:]+?)"
              r"(?:那个|那次|的)*拜访(?:再)?(?:加|添|补|设|安排)(?:个|一个|上|下)?(?:跟进|回访)(?:时间|日期)?[\s：:，,]*(?:到|在|为|是|定在)?"
              r"\s*(?P<day>.+?)[\s吧。！!]*$")


def answer(ctx: Ctx, text: str) -> c.ChangeVisit | None:
    """That visit's follow-up moved to the day said; None where `text` says no such thing, the day
    is not read, or the member has no visit to that one customer."""
    said = " ".join(view(text).split())
    found = _EN.match(said) or _ZH.match(said)
    if found is None:
        return None
    parts = found.groupdict()
    name, day_words = parts["name"] or parts.get("name2"), parts["day"] or parts.get("day2")
    name = re.sub(r"^(?:刚才|刚刚|今天)", "", name).strip()
    day = parse_date(day_words, ctx.today)
    customers = known_customers(ctx, name) if day is not None and name else []
    if len(customers) != 1:
        return None
    visit = last_visit(ctx, customers[0].id)
    if visit is None:
        return None
    ctx.locale = answered_in(text, ctx.locale)
    return follow_up_to(ctx, visit, customers[0].name, day)


def last_visit(ctx: Ctx, customer_id: int) -> Visit | None:
    """The member's last visit to the customer, or None."""
    return VisitRepository(ctx.session).last_to(ctx.tenant.id, ctx.member.id, customer_id)


def follow_up_to(ctx: Ctx, visit: Visit, customer: str, day) -> c.ChangeVisit:
    """That visit's follow-up set to `day`, the visit it goes to said back."""
    when = fmt.day(ctx.day_of(visit.visited_at), ctx.today, ctx.locale)  # the team's day
    ctx.notes.append(ctx.t("follow_up_to_visit", id=visit.id, customer=customer, when=when))
    return c.ChangeVisit(visit.id, follow_up=day)
