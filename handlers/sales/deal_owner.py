"""One deal given to another rep by a manager (r26): `give deal 46 to bo`, `reassign deal #46 to @bo`,
`46号单子转给张伟`, `把商机#46交给张伟`. The deal's owner changes (and nothing else: its customer's
owner, tasks and follow-ups stay as they are; `reassign @bo to @ana` moves a whole book). The new
owner is told, and the one it was taken from; one `undo` puts it back, and both are told that too.

Only a manager (of a team the deal's owner and the new owner are in) or an admin does it."""
from __future__ import annotations

from handlers.context import Ctx
from handlers.events import MemberTold
from handlers.grammar.commands import ReassignDeal
from handlers.members import visible_member
from handlers.sales import deal_to_customer
from handlers.text.reply import Reply
from handlers.text.strings import t
from storage.models.sales import Change, Customer, Deal
from storage.models.workspace import Member


def handle_reassign_deal(ctx: Ctx, cmd: ReassignDeal) -> Reply:
    deal_to_customer.checked(ctx, cmd)  # `deal 46 to acme`: its customer changed, offered
    if not ctx.is_manager:
        raise ctx.refuse("not_allowed")
    deal = ctx.session.get(Deal, cmd.deal_id)
    if deal is None or deal.tenant_id != ctx.tenant.id:
        raise ctx.refuse("deal_reassign_none", id=cmd.deal_id)
    if not ctx.is_admin and not ctx.people.share_a_team(ctx.member.id, deal.owner_id):
        raise ctx.refuse("not_your_member")
    owner = visible_member(ctx, cmd.owner)
    was = ctx.session.get(Member, deal.owner_id)
    if cmd.why:  # `… since he owns acme`: said back, never a title (fix34b)
        ctx.notes.append(ctx.t("why_said_not_kept", left=cmd.why))
    customer = ctx.session.get(Customer, deal.customer_id)
    said = {"id": deal.id, "customer": customer.name if customer else "–", "title": deal.title or "–"}
    if owner.id == deal.owner_id:
        return Reply(lines=(ctx.t("deal_owner_already", name=owner.display_name, **said),))
    deal.owner_id = owner.id
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "deal.reassign", "deal", deal.id, at=ctx.now,
                     owner=owner.id, was=was.id if was else None)
    key = f"deal:{deal.id}:given:{owner.id}:{ctx.now.isoformat()}"
    was_name = was.display_name if was else "–"
    for member, line in ((owner, "deal_given_you"), (was, "deal_taken_from_you")):
        if member is not None and member.id != ctx.member.id:
            told = t(member.locale, line, name=ctx.member.display_name, was=was_name, to=owner.display_name,
                     **said)
            ctx.emit(MemberTold(f"{key}:{member.id}", member.id, Reply(lines=(told,), locale=member.locale)))
    told = (ctx.t("deal_owner_told", name=owner.display_name),) if owner.id != ctx.member.id else ()
    return Reply(lines=(ctx.t("deal_reassigned", name=owner.display_name, was=was_name, **said), *told,
                        ctx.t("task_undo_hint")))


def handover_undone(ctx: Ctx, change: Change) -> None:
    """A handover undone: the one the deal was given to, and the one it is back with, told (each
    was told of the handover)."""
    if change.kind != ReassignDeal.__name__:
        return
    row = next((r for r in change.rows if r["t"] == "deals" and r["a"] and r["b"]), None)
    deal = row and ctx.session.get(Deal, row["k"][0])
    if deal is None:
        return
    given, back = ctx.session.get(Member, row["a"]["owner_id"]), ctx.session.get(Member, row["b"]["owner_id"])
    customer = ctx.session.get(Customer, deal.customer_id)
    said = {"id": deal.id, "customer": customer.name if customer else "–", "title": deal.title or "–",
            "name": ctx.member.display_name, "to": back.display_name if back else "–"}
    for member, line in ((given, "deal_given_undone"), (back, "deal_back_to_you")):
        if member is not None and member.id != ctx.member.id:
            key = f"deal:{deal.id}:given-undone:{change.id}:{member.id}"
            told = Reply(lines=(t(member.locale, line, **said),), locale=member.locale)
            ctx.emit(MemberTold(key, member.id, told))
