"""A follow-up moved, said in words with the customer's name instead of its number: `hey can u set
my follow up for hooli to thursday instead`, `push the Globex follow-up to next mon`, `把华为的跟进改到
周四`. The member's one open follow-up with that customer is moved (the line it was read as said
back); where they have several, one tap each; where none, nothing is moved and a task is offered.
"""
from __future__ import annotations

import re

from handlers.context import Ctx
from handlers.grammar import commands as c
from handlers.grammar.dates import parse_date
from handlers.grammar.language import answered_in
from handlers.grammar.normal import simplified, view
from handlers.grammar.patterns import pattern
from handlers.lookup import known_customers
from handlers.sales.visit_follow_up_added import follow_up_to, last_visit
from handlers.text import format as fmt
from handlers.text.reply import Button, Reply
from storage.sales import VisitRepository

_FU = r"(?:follow[\s-]?up|fu|f/u|next\s+contact|call\s*back)"
_MOVE = r"(?:set|move|push|change|reschedule|shift|snooze|bump|put)"
_LEAD = (r"^(?:(?:hey|hi|so|ok|okay|oh|pls|please|plz|can\s+(?:u|you)|could\s+(?:u|you)|would\s+you|just)"
         r"[\s,]+)*")
_END = r"(?:[\s,]+(?:instead|pls|please|plz|thanks|thx|ty|then|for me)){0,3}[\s.!?]*$"
#: `set my follow up for hooli to thursday instead` · `move the fu with Acme to fri`
_EN = pattern(_LEAD + _MOVE + r"\s+(?:(?:my|the|our|that)\s+)?" + _FU + r"\s+(?:for|with|of|on|at|to)\s+"
              r"(?P<who>.+?)\s+(?:to|till|until|til|for|on)\s+(?P<day>.+?)" + _END
              + r"|" + _LEAD + _MOVE + r"\s+(?:(?:my|the|our)\s+)?(?P<who2>.+?)(?:'s)?\s+" + _FU
              + r"\s+(?:to|till|until|til|for|on)\s+(?P<day2>.+?)" + _END, re.I)
#: `把华为的跟进改到周四` · `华为那个跟进推迟到下周一` · `帮我把京东的回访挪到周五吧`
_ZH = pattern(r"^(?:帮我|请|麻烦)?把?(?P<who>[^\s，,]+?)(?:的|那个|那条|这个)?(?:跟进|回访)"
              r"(?:改到|改成|改为|推迟到|推到|延到|延后到|挪到|调到|换到|放到|设成|设为|设到|设在|定在|定到|定成)"
              r"(?P<day>.+?)[吧啊了呀。!！\s]*$")


def said(text: str, today) -> tuple[str, object, str] | None:
    """(the customer's words, the day, its words) of a follow-up moved in words, or None."""
    plain = " ".join(simplified(view(text)).split())
    found = _EN.match(plain) or _ZH.match(plain)
    if found is None:
        return None
    who = (found["who"] or found.groupdict().get("who2") or "").strip()
    words = (found["day"] or found.groupdict().get("day2") or "").strip()
    day = parse_date(words, today)
    return (who, day, words) if who and day is not None else None


def answer(ctx: Ctx, text: str) -> c.Command | Reply | None:
    """The snooze of the member's follow-up with the customer named, or the question which one;
    None when `text` moves no follow-up of a known customer."""
    found = said(text, ctx.today)
    customers = known_customers(ctx, found[0]) if found else []
    if not customers:
        return None
    ids = {customer.id for customer in customers}
    rows = VisitRepository(ctx.session).all_open_followups(ctx.member.id)
    open_ = sorted(((visit, name) for visit, name in rows if visit.customer_id in ids),
                   key=lambda row: (row[0].follow_up_on, row[0].id))
    ctx.locale = answered_in(text, ctx.locale)
    word, day = ("推迟" if ctx.locale == "zh" else "snooze"), found[1]
    if len(open_) == 1:
        visit = open_[0][0]
        ctx.notes.append(ctx.t("read_as_whole", said=f"{word} {visit.id} {found[2]}"))
        return c.SnoozeFollowup(visit.id, day)
    if not open_ and (visit := last_visit(ctx, customers[0].id)) is not None and visit.follow_up_on is None \
            and (ctx.today - ctx.day_of(visit.visited_at)).days <= 1:  # `Umbrella的跟进设成明天` just after
        return follow_up_to(ctx, visit, customers[0].name, day)  # that visit: its follow-up, said back
    if not open_:
        head = "任务 跟进" if ctx.locale == "zh" else "task follow up with"
        task = f"{head} {customers[0].name} {found[2]}"
        return Reply(lines=(ctx.t("follow_up_none_with", customer=customers[0].name), task,
                            ctx.t("answer_hint_one")), ok=False, locale=ctx.locale,
                     buttons=(Button(task[:75], task),))
    buttons = tuple(Button(f"#{visit.id} {name} · {fmt.day(visit.follow_up_on, ctx.today, ctx.locale)}"[:75],
                           f"{word} {visit.id} {day.isoformat()}") for visit, name in open_[:5])  # the day
    # written out: the answer comes later, when `thursday` may be another day
    return Reply(lines=(ctx.t("follow_up_which", customer=customers[0].name),
                        *(f"{i}. {b.label}" for i, b in enumerate(buttons, 1)),
                        ctx.t("answer_hint", count=len(buttons))), ok=False, locale=ctx.locale,
                 buttons=buttons)
