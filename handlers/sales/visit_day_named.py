"""A visit named by its customer with a day correction (`oops that umbrella visit was actually
yesterday`, `the byd visit was on friday`, `拜访小米那条是昨天的`, `小米的拜访其实是昨天`): that visit's
day moved — the member's recent visit to that customer, asked which where there are several — the
same `ChangeVisit(day=…)` as `visit #408 was yesterday` (r31en #135 offered a new visit with the
sentence as its notes). None where the words name no known customer or no recent visit of theirs."""
from __future__ import annotations

import datetime as dt
import re

from handlers.context import Ctx
from handlers.grammar.commands import ChangeVisit
from handlers.grammar.patterns import pattern
from handlers.grammar.visit_day import days_of
from handlers.known_names import known_customers
from handlers.text.reply import Button, Reply
from storage.sales import VisitRepository

_EN = pattern(r"^(?:(?:that|the|my|this|our)\s+)?(?:(?P<name>.{2,40}?)\s+visit|visit\s+(?:to|with|at)\s+"
              r"(?P<name2>.{2,40}?))\s+(?:(?:was|is|happened|should\s+be)\s+)?(?:actually\s+|really\s+)?"
              r"(?:(?:was|is|happened)\s+)?(?:on\s+)?(?P<day>[^,!]+?)(?:\s*,?\s*not\s+today)?\s*[.!]*$", re.I)
_MOVE_EN = pattern(r"^(?:move|change|set|put)\s+(?:(?:that|the|my|this)\s+)?(?P<name>.{2,40}?)\s+visit\s+"
                   r"(?:day\s+)?to\s+(?P<day>[^,!]+?)\s*[.!]*$", re.I)
_ZH = pattern(r"^(?:拜访|去|见)(?P<name>[^\s的那这]{2,12}?)(?:的)?(?:那条|那次|这条|这次|那个|那一次)"
              r"(?:拜访)?"
              r"(?:的日期|日期|时间)?\s*(?:其实|实际上?)?(?:是|应该是|改成|改为|改到|在)\s*(?P<day>\S+?)"
              r"(?:的|去的|拜访的)?(?:吧|啦)?[。!！]*$"
              r"|^(?P<name2>[^\s的那这]{2,12}?)(?:的|那次|那条|这次|那个)(?:拜访|拜访记录)(?:的日期|日期|时间)?\s*"
              r"(?:其实|实际上?)?(?:是|应该是|改成|改为|改到|在)\s*(?P<day2>\S+?)(?:的|去的)?(?:吧|啦)?[。!！]*$")
_RECENT, _SOON = dt.timedelta(days=14), dt.timedelta(minutes=1)  # (a visit logged this very second too)
#: What opens a correction and says nothing (`oops`, `sorry,`, `哦不对，`)
_LEAD = pattern(r"^(?:(?:oops|sorry|sry|no+|nope|actually|wait|hmm+|oh|哦不对|哦|噢|不对|错了|说错了|搞错了"
                r"|其实|对了)[\s,，.。!！:：]*)+", re.I)


def meant(ctx: Ctx, text: str) -> ChangeVisit | Reply | None:
    """The change of the day of the visit `text` names by its customer, or which visit (asked)."""
    said = _LEAD.sub("", " ".join(text.split())).strip()
    found = _MOVE_EN.match(said) or _EN.match(said) or _ZH.match(said)
    if found is None:
        return None
    name = (found["name"] or found["name2"] or "").strip()
    day_said = (found.groupdict().get("day") or found.groupdict().get("day2") or "").strip()
    days = days_of(re.sub(r"^(?:actually|really)\s+", "", day_said, flags=re.I), ctx.today)
    customers = known_customers(ctx, name, whole=True) or known_customers(ctx, name)
    if len(customers) != 1 or len(days) != 1:
        return None  # no known customer, or which day: read as it would be without this
    recent = (ctx.now - _RECENT, ctx.now + _SOON)
    visits = [visit for visit, _name, _who in VisitRepository(ctx.session).latest(
        ctx.tenant.id, [ctx.member.id], customers[0].id, limit=5, between=recent)]
    if not visits:
        return None
    if len(visits) == 1:
        return ChangeVisit(visits[0].id, day=days[0])
    ctx.locale = "zh" if re.search(r"[\u3400-\u9fff]", said) else "en"
    word = "拜访" if ctx.locale == "zh" else "visit"
    buttons = tuple(Button(f"#{v.id} · {ctx.day(ctx.day_of(v.visited_at))}",
                           f"{word} #{v.id} {'是' if ctx.locale == 'zh' else 'was'} {days[0].isoformat()}",
                           action=ChangeVisit(v.id, day=days[0])) for v in visits)
    return Reply(lines=(ctx.t("visit_named_day_which", customer=customers[0].name, day=ctx.day(days[0])),
                        *(f"{n}. {b.label}" for n, b in enumerate(buttons, 1)),
                        ctx.t("answer_hint", count=len(buttons))), ok=False, locale=ctx.locale,
                 buttons=buttons)
