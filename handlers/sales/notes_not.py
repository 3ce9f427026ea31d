"""`actually it was 张总 not 李总` right after a visit whose notes say "met 李总": the name said wrong
is a word of the notes, not the visit's customer (#23, r32). Offered as the notes put right (one
tap: `visit #12 notes: met 张总 …`), never as a new customer called 张总."""
from __future__ import annotations

from handlers.context import Ctx
from handlers.grammar.normal import name_fold
from handlers.text.reply import Button, Reply
from storage.models.sales import Customer, Visit


def notes_put_right(ctx: Ctx, row, was: str, value: str) -> Reply | None:
    """The offer to put `value` in place of `was` in the notes of visit `row`, where `was` is a word
    of them and not its customer's name; else None."""
    if not isinstance(row, Visit) or not was or was not in (row.notes or ""):
        return None
    customer = ctx.session.get(Customer, row.customer_id)
    if customer is not None and name_fold(was) in name_fold(customer.name):
        return None  # `是格力不是海尔` after a visit to 海尔: its customer, asked as it is
    notes = row.notes.replace(was, value)
    zh = ctx.locale == "zh"
    command = f"拜访 #{row.id} 纪要改成：{notes}" if zh else f"visit #{row.id} notes: {notes}"
    return Reply(lines=(ctx.t("correction_notes", id=row.id, customer=customer.name if customer else "",
                              was=was, value=value), ctx.t("answer_hint_one")),
                 ok=False, buttons=(Button(command[:75], command),))
