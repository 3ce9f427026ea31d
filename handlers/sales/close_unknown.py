"""A win or loss naming a customer nobody knows (`won foobar corp 190k`, `赢单 某某科技 19万`): never
a new customer and a closed deal at once (a new customer is made at once only with +Name). The
rep is asked: the new customer with its won deal, or one of her open deals (each a button),
nothing stored until tapped."""
from __future__ import annotations

from dataclasses import replace

from handlers.context import Ctx
from handlers.grammar.commands import CloseDeal, DealRef
from handlers.text import format as fmt
from handlers.text.reply import Button
from storage.models.sales import Customer
from storage.sales import DealRepository


def ask_if_new(ctx: Ctx, cmd: CloseDeal, customer: Customer, title: str | None) -> None:
    """Asked when `customer` was made by this message from words not marked +Name."""
    if customer.name not in ctx.created_customers or any(w.startswith("+") for w in cmd.ref.words[:1]):
        return
    buttons = []
    if cmd.won and cmd.amount is not None:
        amount = fmt.money(cmd.amount.amount, cmd.amount.currency or ctx.tenant.currency, ctx.locale)
        said = ctx.text.replace(customer.name, f"+{customer.name}", 1) if customer.name in ctx.text \
            else ctx.text
        buttons.append(Button(ctx.t("close_new_customer_button", customer=customer.name, amount=amount)[:75],
                              said, action=replace(cmd, ref=DealRef(None, (f"+{customer.name}",), title))))
    for deal, name in DealRepository(ctx.session).open_deals([ctx.member.id])[:5]:
        buttons.append(Button(f"#{deal.id} {name} · {deal.title}"[:75], f"#{deal.id}",
                              action=replace(cmd, ref=DealRef(deal.id))))
    key = "close_unknown_customer" if cmd.won and cmd.amount is not None else \
        "deal_phrase_which" if buttons else "deal_phrase_none"  # a loss: which of hers (or +Name)
    raise ctx.refuse(key, customer=customer.name, text=customer.name, buttons=tuple(buttons))
