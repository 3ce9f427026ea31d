"""`deal 46 to acme` where `acme` is no member but a customer: the deal's customer changed, offered
(one tap, `deal #46 customer Acme Corp`), never refused as a handover only a manager may make. The
word after `to` decides: a member is a handover (handlers/sales/deal_owner.py); a customer, the
customer change offered; both or neither, asked. Nothing stored until tapped."""
from __future__ import annotations

from handlers.context import Ctx
from handlers.grammar.commands import DealRef, ReassignDeal, UpsertDeal
from handlers.grammar.normal import name_fold
from handlers.known_names import known_customers
from handlers.members import members_named
from handlers.text.reply import Button
from handlers.text.strings import WORDS, name_of
from storage.models.sales import Deal


def checked(ctx: Ctx, cmd: ReassignDeal) -> None:
    """Return where `cmd.owner` is a member and no customer (a handover); else asked."""
    named = members_named(ctx, cmd.owner)
    members = [m for m in named if name_fold(m.display_name) == name_fold(cmd.owner)] or named
    customers = known_customers(ctx, cmd.owner)[:3]
    deal = ctx.session.get(Deal, cmd.deal_id)
    if members and not customers or deal is None or deal.tenant_id != ctx.tenant.id:
        return
    word, about = name_of(WORDS, "deal", ctx.locale), name_of(WORDS, "customer", ctx.locale)
    buttons = [Button(ctx.t("deal_customer_button", id=deal.id, customer=c.name)[:75],
                      f"{word} #{deal.id} {about} {c.name}",
                      action=UpsertDeal(DealRef(deal.id), customer=c.name)) for c in customers]
    if members and ctx.is_manager:
        buttons += [Button(ctx.t("deal_give_button", id=deal.id, name=m.display_name)[:75],
                           f"{word} #{deal.id} to @{m.display_name}",
                           action=ReassignDeal(deal.id, m.display_name)) for m in members[:3]]
    key = "deal_to_customer" if customers and not members else "deal_to_which"
    raise ctx.refuse(key, id=deal.id, name=cmd.owner, buttons=tuple(buttons),
                     example=f"{word} #{deal.id} {about} {cmd.owner}")
