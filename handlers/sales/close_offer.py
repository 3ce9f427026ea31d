"""A win or loss typed with a title none of the member's open deals of that customer has (`lost
小米 "erp deal": they went w SAP` where the deal is "ERP"): never "you have no open deal", which
would be false, but one tap per open deal of theirs, the amount and reason kept."""
from __future__ import annotations

from dataclasses import replace

from handlers.context import Ctx
from handlers.grammar.commands import CloseDeal, DealRef
from handlers.grammar.reason_day import DAY_PROBLEMS, day_asked
from handlers.lookup import open_deals
from handlers.text.reply import Button
from handlers.text.strings import WORDS, name_of
from storage.models.sales import Customer


def ask_open_deal(ctx: Ctx, cmd: CloseDeal, customer: Customer, title: str | None) -> None:
    """Where the member has open deals with `customer` the words did not name, which one: asked
    (nothing saved); else nothing."""
    mine = [d for d in open_deals(ctx, customer.id) if d.owner_id == ctx.member.id][:5]
    if not mine:
        return
    word = name_of(WORDS, "won" if cmd.won else "lost", ctx.locale)
    money = f" {cmd.amount.amount.normalize():f}{f' {cmd.amount.currency}' if cmd.amount.currency else ''}" \
        if cmd.amount else ""
    colon = "：" if ctx.locale == "zh" else ": "
    why = f"{colon}{cmd.reason}" if cmd.reason else ""
    buttons = tuple(reason_button(ctx, f"#{d.id} {d.title}", replace(cmd, ref=DealRef(d.id)),
                                  f"{word} #{d.id}{money}{why}") for d in mine)
    raise ctx.refuse("closed_title_none", customer=customer.name, title=title or "",
                     deals=" · ".join(f"#{d.id} “{d.title}”" for d in mine), buttons=buttons)


def reason_button(ctx: Ctx, label: str, cmd: CloseDeal, value: str) -> Button:
    """A button closing the deal `cmd` names with its reason: `cmd` itself, or, where the reason
    holds a day (`check back next month`, `下周再跟进`: a follow-up, never part of the reason), the
    close typed out with a colon, so that tapping it asks about the day as typing it does."""
    typed = _typed(cmd, cmd.ref.deal_id) if cmd.reason and cmd.ref.deal_id else None
    if typed is not None and day_asked(typed, ctx.today):
        return Button(label[:75], typed)
    return Button(label[:75], value, action=cmd)


def _typed(cmd: CloseDeal, deal_id: int) -> str:
    """`lost #5 20万: went with SAP`: the close as typed, in the reason's language."""
    from handlers.grammar.parse import CJK

    zh = bool(CJK.search(cmd.reason))
    word, colon = name_of(WORDS, "won" if cmd.won else "lost", "zh" if zh else "en"), "：" if zh else ": "
    money = f" {cmd.amount.amount.normalize():f}{f' {cmd.amount.currency}' if cmd.amount.currency else ''}" \
        if cmd.amount else ""
    return f"{word} #{deal_id}{money}{colon}{cmd.reason}"


def ask_day_in_reason(ctx: Ctx, cmd: CloseDeal, deal_id: int) -> None:
    """The reason found after a deal's title with no colon (`输单 小米 pilot 客户选了用友 下周再去问问
    原因`) holding a day: asked as a reason typed after a colon is (the close with the words before
    the day and a task for that day, or all as the reason), nothing saved; else nothing."""
    from handlers.context import Refusal, usage_reply
    from handlers.grammar.commands import ParseError
    from handlers.grammar.reading import parse

    asked = parse(_typed(cmd, deal_id), ctx.today)
    if isinstance(asked, ParseError) and asked.problem in DAY_PROBLEMS and asked.options:
        raise Refusal(replace(usage_reply(ctx.locale, asked), locale=ctx.locale))
