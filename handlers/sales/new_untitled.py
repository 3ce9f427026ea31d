"""A new deal said without its title (`新商机 小米 30万`, `小米有个新商机 30万 下月签`, `new deal for
xiaomi 300k`) for a customer the member has open deals with: asked whether it is a new deal (titled
by its customer's name) or a change of one of theirs, never one of theirs changed silently."""
from __future__ import annotations

from dataclasses import replace

from handlers.context import Ctx
from handlers.grammar.commands import DealRef, UpsertDeal
from handlers.grammar.new_deal_said import NEW_DEAL, NEW_PLAIN
from handlers.grammar.normal import name_fold, view
from handlers.lookup import known_customers
from handlers.text.reply import Button
from storage.sales import DealRepository


def checked(ctx: Ctx, cmd: UpsertDeal) -> UpsertDeal:
    """Raise the question where `cmd` came from a message saying a new deal, with no title nor
    number, for one known customer with open deals of the member's; where only colleagues have
    deals there (`新单子：京东 50万`), the member's own new deal; else `cmd`."""
    said = view(ctx.text or "")
    if cmd.new or cmd.ref.deal_id is not None or cmd.ref.title or not cmd.ref.words \
            or not (NEW_DEAL.search(said) or NEW_PLAIN.search(said)):
        return cmd
    customers = known_customers(ctx, " ".join(cmd.ref.words).lstrip("+"))
    if len(customers) != 1:
        return cmd
    customer = customers[0]
    deals = DealRepository(ctx.session).open_for_customer(customer.id)
    mine = [d for d in deals if d.owner_id == ctx.member.id][:3]
    titles = {name_fold(d.title) for d in deals}
    title = next(t for t in (customer.name, *(f"{customer.name} {n}" for n in range(2, 9)))
                 if name_fold(t) not in titles)
    made = replace(cmd, ref=DealRef(None, (customer.name,), title), new=True)
    if not mine:
        return made if deals else cmd  # a colleague's deal there is theirs: the member's own, new
    buttons = (Button(ctx.t("new_deal_button", title=title)[:75], ctx.text, action=made),
               *(Button(ctx.t("update_deal_button", id=d.id, title=d.title)[:75], ctx.text,
                        action=replace(cmd, ref=DealRef(d.id))) for d in mine))
    raise ctx.refuse("new_deal_or_update", customer=customer.name,
                     deals=" · ".join(f"#{d.id} {d.title}" for d in mine), buttons=buttons)
