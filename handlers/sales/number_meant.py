"""Another record's number meant for the change just made (`sorry meant #12 not 49` after `deal #49
proposal`, `不对 是12号不是49号`): that change moved to the record meant is offered, one tap that
undoes it and says the previous message again with the number put right (r24). Never read as a
field of the record changed (a customer named "#12"), never made unasked.

Only right after the member's own change (their previous message here made it, within RECENT, still
in effect), and only when that message named the number taken back."""
from __future__ import annotations

import re

from handlers.context import Ctx
from handlers.grammar import plain_undo
from handlers.grammar.fillers import LEAD
from handlers.grammar.patterns import pattern
from handlers.sales.last_said import last_said
from handlers.sales.said_again import RECENT, latest_change
from handlers.text.reply import Button, Reply

_NUM = r"#?\s*(?P<{}>\d{{1,9}})\s*号?"
_MEANT = r"(?:(?:i\s+)?(?:meant|mean)|it\s+was|it'?s|should\s+(?:be|have\s+been)|was|应该是|是|改成)?\s*"
_SAID = (pattern(LEAD + _MEANT + _NUM.format("new") + r"\s*[,，]?\s*(?:not|instead\s+of|不是)\s*"
                 + _NUM.format("old") + r"[\s.!。！]*$", re.I),
         pattern(LEAD + r"(?:not|不是)\s*" + _NUM.format("old")
                 + r"\s*[,，]?\s*(?:but\s+|(?:i\s+)?meant\s+|是\s*)?" + _NUM.format("new")
                 + r"[\s.!。！]*$", re.I))


def said(text: str) -> tuple[str, str] | None:
    """The number taken back and the number meant (`sorry meant #12 not 49`: ("49", "12"))."""
    said_text = " ".join(text.split())
    for form in _SAID:
        if (found := form.match(said_text)) and found["new"] != found["old"]:
            return found["old"], found["new"]
    return None


def meant(ctx: Ctx, text: str) -> Reply | None:
    """The offer to move the change just made to the record meant (module doc), or None."""
    numbers = said(text)
    last = last_said(ctx)
    if numbers is None or last is None or not last.text or ctx.now - last.at > RECENT \
            or last.changes_after <= last.changes_before:
        return None
    change = latest_change(ctx)
    old, new = numbers
    if change is None or change.id != last.changes_after or change.status != "done" \
            or not re.search(rf"#\s*{old}(?!\d)|(?<![\d.,])\b{old}\b(?![\d.,]*[kmw万千%])", last.text, re.I):
        return None
    again = re.sub(rf"#\s*{old}(?!\d)", f"#{new}", last.text)
    if again == last.text:  # `deal 49 proposal`: its number without `#`
        again = re.sub(rf"(?<![\d.,#])\b{old}\b(?![\d.,]*[kmw万千%])", new, last.text, count=1)
    undo = plain_undo.sure(ctx.locale)
    return Reply(lines=(ctx.t("number_meant", old=old, new=new, said=last.text, again=again),
                        ctx.t("answer_hint_one")),
                 ok=False, buttons=(Button(ctx.t("number_meant_button", old=old, new=new),
                                           f"{undo}\n{again}"),))
