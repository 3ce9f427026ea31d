"""Cleaning up customers from chat: merge a duplicate into the real one, rename one, change its
owner; and hand a leaver's customers and open deals to someone else. Managers (and admins) only,
for people of their teams; each change is in the audit trail."""
from __future__ import annotations

from dataclasses import replace

from handlers.context import Ctx, Refusal
from handlers.grammar.commands import FixCustomer, Reassign, SetTarget
from handlers.lookup import in_reach, known_customers
from handlers.members import visible_member
from handlers.text.reply import Button, Reply
from handlers.text.strings import t
from storage.models.base import name_key
from storage.models.sales import Customer, Task
from storage.sales import CustomerRepository, VisitRepository, hand_over, to_hand_over


def handle_fix_customer(ctx: Ctx, cmd: FixCustomer) -> Reply:
    customer = in_reach(ctx, _existing(ctx, cmd.name))
    if cmd.action == "merge":
        into = in_reach(ctx, _existing(ctx, cmd.value))
        if into.id == customer.id:
            raise ctx.refuse("merge_same", name=into.name)
        moved = CustomerRepository(ctx.session).merge_into(customer, into)
        tier = into.tier
        if customer.tier and (not into.tier or customer.tier < into.tier):  # A before B before C
            into.tier = customer.tier
        ctx.people.audit(ctx.tenant.id, ctx.member.id, "customer.merge", "customer", into.id, at=ctx.now,
                         source=customer.name, source_id=customer.id, tier_before=tier, **moved)
        CustomerRepository(ctx.session).delete(customer)
        lines = [ctx.t("customer_merged", name=customer.name, into=into.name,
                       visits=moved["visits"], deals=moved["deals"])]
        if moved["tasks"] or moved["tips"]:
            lines.append(ctx.t("customer_merged_more", tasks=moved["tasks"], tips=moved["tips"]))
        if into.tier != tier:
            lines.append(ctx.t("customer_merged_tier", into=into.name, tier=into.tier))
        return Reply(lines=tuple(lines))
    if cmd.action == "rename":
        if CustomerRepository(ctx.session).exact(ctx.tenant.id, cmd.value):
            raise ctx.refuse("customer_exists", name=cmd.value)
        before = customer.name
        customer.name, customer.name_key = cmd.value.strip(), name_key(cmd.value)
        ctx.people.audit(ctx.tenant.id, ctx.member.id, "customer.rename", "customer", customer.id,
                         at=ctx.now, before=before, after=customer.name)
        return Reply(lines=(ctx.t("customer_renamed", before=before, after=customer.name),))
    owner = visible_member(ctx, cmd.value)
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "customer.owner", "customer", customer.id,
                     at=ctx.now, before=customer.owner_id, after=owner.id)
    customer.owner_id = owner.id
    return Reply(lines=(ctx.t("customer_owner_set", name=customer.name, owner=owner.display_name),))


def handle_reassign(ctx: Ctx, cmd: Reassign) -> Reply:
    source = visible_member(ctx, cmd.source, inactive_too=True)
    target = visible_member(ctx, cmd.target)
    if source.active and not cmd.confirmed and source.id != target.id:
        _ask_reassign(ctx, cmd, source, target)  # someone's whole pipeline: said, then moved
    customers, deals, tasks = hand_over(ctx.session, ctx.tenant.id, source.id, target.id)
    followups = _hand_over_followups(ctx, source, target)
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "member.reassign", "member", source.id, at=ctx.now,
                     to=target.id, customers=customers, deals=deals, tasks=tasks, followups=followups)
    return Reply(lines=(ctx.t("reassigned", source=source.display_name, target=target.display_name,
                              customers=customers, deals=deals),
                        ctx.t("reassigned_more", target=target.display_name, tasks=tasks,
                              followups=followups)))


def _ask_reassign(ctx: Ctx, cmd: Reassign, source, target) -> None:
    """`reassign @bo to @ana` while Bo still works here: what would move, counted, one tap to
    move it (nothing moved before); with nothing to move, nothing to ask."""
    customers, deals, tasks = to_hand_over(ctx.session, ctx.tenant.id, source.id)
    followups = len(VisitRepository(ctx.session).all_open_followups(source.id))
    if not customers + deals + tasks + followups:
        return
    word, to, yes = ("转交", "给", "确认") if ctx.locale == "zh" else ("reassign", "to", "confirm")
    said = f"{word} @{source.display_name} {to} @{target.display_name} {yes}"
    raise ctx.refuse("reassign_active", source=source.display_name, target=target.display_name,
                      customers=customers, deals=deals, tasks=tasks, followups=followups,
                      buttons=(Button(ctx.t("reassign_button", source=source.display_name,
                                            target=target.display_name)[:75], said, "primary",
                                      action=replace(cmd, confirmed=True)),))


def _hand_over_followups(ctx: Ctx, source, target) -> int:
    """A leaver's open follow-ups become tasks of the one taking over (the visits stay the
    leaver's: they made them), due the same day, about the same customer; the follow-up is
    closed on the leaver's list."""
    rows = VisitRepository(ctx.session).all_open_followups(source.id)
    for visit, customer in rows:
        detail = visit.next_step or visit.notes
        title = t(target.locale, "followup_task", customer=customer, id=visit.id,
                  who=source.display_name) + (f": {detail}" if detail else "")
        ctx.session.add(Task(tenant_id=ctx.tenant.id, assignee_id=target.id, creator_id=ctx.member.id,
                             title=title[:2000], due_on=visit.follow_up_on, customer_id=visit.customer_id,
                             created_at=ctx.now))
        visit.follow_up_done = True
    return len(rows)


def _existing(ctx: Ctx, name: str) -> Customer:
    found = known_customers(ctx, name.strip())
    if len(found) != 1:
        raise ctx.refuse("customer_unknown" if not found else "customer_candidates", name=name,
                         hint=" · ".join(c.name for c in found) or None)
    return found[0]


def manager_only(ctx: Ctx, cmd: FixCustomer | SetTarget) -> Refusal:
    """A rep's `客户 招行深圳 合并到 招商银行深圳分行`: refused, saying what they can do instead (move
    their own visits to the customer meant, one tap each) and whom to ask (their managers); a rep's
    target (`我这个月目标帮我改成50万`): only a manager sets it, and who that is."""
    managers = [m.display_name for m in ctx.people.in_team(ctx.team.id) if m.role in ("manager", "admin")
                and m.active] if ctx.team else []
    from handlers.workspace.admin import active_admins  # admin reads customers' owners: kept lazy

    managers = managers or [m.display_name for m in active_admins(ctx)]
    who = "、".join(managers) if ctx.locale == "zh" else ", ".join(managers)
    if isinstance(cmd, SetTarget):
        return ctx.refuse("not_allowed", hint=ctx.t("target_by_manager", who=who or "-"))
    source, into = known_customers(ctx, cmd.name), known_customers(ctx, cmd.value)
    word = "拜访" if ctx.locale == "zh" else "visit"
    label = "客户" if ctx.locale == "zh" else "customer"
    visits = VisitRepository(ctx.session).ids_logged_last_to(ctx.tenant.id, ctx.member.id, source[0].id, 3) \
        if cmd.action == "merge" and len(source) == 1 and len(into) == 1 else []
    moves = [f"{word} #{visit} {label} {into[0].name}" for visit in visits]
    key = "merge_rep_moves" if moves else "fix_customer_rep"
    return ctx.refuse("not_allowed", hint=ctx.t(key, who=who or "-", example=moves[0] if moves else ""),
                      buttons=tuple(Button(move[:75], move) for move in moves))
