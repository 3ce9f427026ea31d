"""A message whose free text takes itself back (handlers/grammar/taken_back.py) is never stored: asked.

`输单 京东 续约：预算冻结 不对 还没输 撤回`: nothing saved; one tap saves it without the words that take
it back, or as typed, or not at all. `哦上周已经记过了 撤销`, sent while a win's "what decided it?" is
open: undo the win, or keep it with the reason the other words give.
"""
from __future__ import annotations

import dataclasses

from handlers.context import Ctx
from handlers.grammar import commands as c
from handlers.grammar import plain_undo
from handlers.grammar.clause_taken_back import clause_taken_back
from handlers.grammar.taken_back import kept, taken_back
from handlers.text.reply import Button, Reply
from storage.models.sales import Deal

_MARKS = " ,，.。;；!！:：、~-—–"
#: the fields of a command that hold what a person typed in their own words
_FREE = ("reason", "notes", "note", "outcome", "next_step", "add_notes", "title")


def command_taken_back(ctx: Ctx, command: c.Command) -> Reply | None:
    """The question for a command whose reason, notes, outcome or title holds words that take it
    back; None where none does (then it runs)."""
    if not dataclasses.is_dataclass(command):
        return None
    for name, value, without in _free_texts(command):
        found = taken_back(value) or (clause_taken_back(value) if name == "reason" else None)
        if found is None:  # `lost acme, they chose oracle. scratch that they havent decided`: asked
            continue
        words = found[1]
        typed = " ".join(ctx.text.replace(words, " ").split()) if words in ctx.text else ctx.text
        rest = value[:found[0]].rstrip(_MARKS)
        at_end = ctx.text.rstrip(" .。!！").endswith(words.rstrip(" .。!！"))  # then the message without
        typed = ctx.text[:ctx.text.rfind(words)].rstrip(_MARKS) if at_end else typed
        buttons = [Button(ctx.t("taken_back_without", words=words[:40]), typed,  # them is read again
                          action=None if at_end else without(rest))]  # (a day left in it still asked)
        buttons.append(Button(ctx.t("taken_back_as_typed"), ctx.text, action=command))
        return Reply(lines=(ctx.t("taken_back_asked", words=words, field=ctx.t(f"taken_back_{name}")),),
                     ok=False, locale=ctx.locale, buttons=tuple(buttons))
    return None


def options_taken_back(ctx: Ctx, error: c.ParseError) -> Reply | None:
    """A question whose options would store free text that takes itself back (`拜访 小米：…下个月再看
    不对 撤回`: follow-up or notes?): asked about those words first (`command_taken_back`)."""
    for option in error.options or ():
        if len(option) > 2 and isinstance(option[2], c.Command) \
                and (asked := command_taken_back(ctx, option[2])) is not None:
            return asked
    return None


def _free_texts(command: c.Command):
    """(field, its text, the command with that text instead) of each free text of `command`."""
    for field in dataclasses.fields(command):
        value = getattr(command, field.name)
        if field.name in _FREE and isinstance(value, str) and value:
            yield field.name, value, lambda text, name=field.name: dataclasses.replace(
                command, **{name: text})
        if isinstance(value, c.DealRef) and value.title:
            yield "title", value.title, lambda text, name=field.name, ref=value: dataclasses.replace(
                command, **{name: dataclasses.replace(ref, title=text or None)})


def reason_taken_back(ctx: Ctx, line: str, text: str) -> Reply | None:
    """`哦上周已经记过了 撤销`, sent as the reason of a win or loss just saved (`line`: `赢单 #47`):
    undo it, or keep it with the other words as its reason; None when `text` takes nothing back."""
    from handlers.grammar.amounts import amount_words
    from handlers.grammar.correction_said import read_correction, unfilled
    from handlers.grammar.normal import view

    found = taken_back(text)
    said = " ".join(view(amount_words(unfilled(text), in_words=True)).split())
    if found is not None and read_correction(said, ctx.today) is not None:
        return None  # `不对，是45万`: the win's amount put right (said_again), no reason taken back
    number = line.partition("#")[2].partition(":")[0].strip()
    deal = ctx.session.get(Deal, int(number)) if number.isdigit() else None
    if found is None or deal is None or deal.tenant_id != ctx.tenant.id or deal.reason:
        return None
    what = ctx.t("this_deal_won" if deal.stage == "won" else "this_deal_lost")
    buttons = [Button(ctx.t("taken_back_undo", what=what, id=deal.id), plain_undo.sure(ctx.locale))]
    if rest := kept(text):
        buttons.append(Button(ctx.t("taken_back_keep_reason", reason=rest[:40]),
                              f"{line.split(':')[0]}: {rest}"))
    return Reply(lines=(ctx.t("taken_back_reason_asked", words=found[1], what=what, id=deal.id),), ok=False,
                 locale=ctx.locale,
                 buttons=tuple(buttons))

