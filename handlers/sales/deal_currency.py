"""A deal's amount in its own currency: asked about where the message says another (`¥60k` on a $
deal, `50k in euros`, a currency named in a win's reason), never stored in the wrong one."""
from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from handlers.context import Ctx
from handlers.grammar.amounts import Money, currencies_named
from handlers.grammar.commands import CloseDeal, UpsertDeal
from handlers.text import format as fmt
from handlers.text.reply import Button
from handlers.text.strings import WORDS, name_of
from storage.models.sales import Deal


def check(ctx: Ctx, cmd: UpsertDeal | CloseDeal, deal: Deal) -> None:
    """An amount with no currency for a deal in another currency than the workspace's: which
    one is meant (`6万` for a $ deal) is asked, with both as buttons, never guessed. An amount
    in another currency than the deal's (`¥60k` for a $ deal) is asked too, unless the currency
    was said in words (`60k CNY`): then the deal changes currency, and the reply says so."""
    if cmd.amount is None:
        return
    given = cmd.amount.currency
    if given and given != deal.currency:
        if cmd.switch_currency:
            ctx.notes.append(ctx.t("deal_currency_switched", id=deal.id, old=deal.currency, new=given))
            return
        raise _ask_switch(ctx, cmd, deal, given)
    named = currencies_named(ctx.text) - {deal.currency}  # `won #3 50k; paid in EUR`: not in $ unasked
    if not given and len(named) == 1:
        other = named.pop()
        raise _ask_switch(ctx, replace(cmd, amount=Money(cmd.amount.amount, other)), deal, other)
    if given or deal.currency == ctx.tenant.currency:
        return
    if not re.search("[万元块]", ctx.text):  # `15k` on a $12K deal: in its currency, said (asking
        ctx.notes.append(ctx.t("amount_in_deal_currency", id=deal.id,  # was needless: round 5)
                               amount=fmt.money(cmd.amount.amount, deal.currency, ctx.locale)))
        return
    options = []
    for currency in (deal.currency, ctx.tenant.currency):  # the other currency picked: the deal in it
        switch = currency != deal.currency  # (asked once: never a second question about the same choice)
        meant = replace(cmd, amount=Money(cmd.amount.amount, currency), switch_currency=switch)
        said = fmt.money(cmd.amount.amount, currency, ctx.locale)
        options.append(Button(ctx.t("currency_switch_button", amount=said, currency=currency) if switch
                              else said, f"{_typed(ctx, cmd, deal)} {currency}", action=meant))
    amounts = " · ".join(fmt.money(cmd.amount.amount, currency, ctx.locale)
                         for currency in (deal.currency, ctx.tenant.currency))
    raise ctx.refuse("which_currency", amounts=amounts,
                     id=deal.id, current=fmt.money(deal.amount, deal.currency, ctx.locale),
                     buttons=tuple(options))


def _ask_switch(ctx: Ctx, cmd: UpsertDeal | CloseDeal, deal: Deal, given: str):
    """`¥60k` for a $ deal: the deal in ¥ now, the number in $, or (with both rates set) the
    amount converted into $, one tap each."""
    amount = cmd.amount.amount
    said = fmt.money(amount, given, ctx.locale)
    typed = _typed(ctx, cmd, deal)
    kept = f"{typed} {deal.currency}" if _ANSWER.fullmatch(ctx.text.strip()) else ctx.text  # in its currency
    options = [Button(ctx.t("currency_switch_button", amount=said, currency=given),
                      f"{typed} {given}", action=replace(cmd, switch_currency=True)),
               Button(fmt.money(amount, deal.currency, ctx.locale), kept,
                      action=replace(cmd, amount=Money(amount, deal.currency)))]
    there, here = ctx.rates.rate_of(given), ctx.rates.rate_of(deal.currency)
    if there and here:  # converted, at the rates the admins set, and said so
        converted = (amount * there / here).quantize(Decimal(1))
        options.append(Button(ctx.t("currency_converted_button", amount=fmt.money(
            converted, deal.currency, ctx.locale), said=said), kept,
            action=replace(cmd, amount=Money(converted, deal.currency))))
    return ctx.refuse("deal_other_currency", id=deal.id, amount=said,
                      current=fmt.money(deal.amount, deal.currency, ctx.locale),
                      buttons=tuple(options))


def _typed(ctx: Ctx, cmd: UpsertDeal | CloseDeal, deal: Deal) -> str:
    """The line a button shows to type: the message, or, where the message was an answer to an
    earlier question (`2`), the deal and the amount (a number typed would pick another option)."""
    if not _ANSWER.fullmatch(ctx.text.strip()):
        return re.sub(r"\s+(?:CNY|USD|EUR|RMB|人民币|美元|美金)\s*$", "", ctx.text.strip(), flags=re.I)
    word = name_of(WORDS, "deal" if isinstance(cmd, UpsertDeal) else "won" if cmd.won else "lost", ctx.locale)
    return f"{word} #{deal.id} {cmd.amount.amount.normalize():f}"


#: A message that only answers a question (`2`, `好`, `yes`): no line of its own to show
_ANSWER = re.compile(r"\d|[^\s\d]{1,4}")
