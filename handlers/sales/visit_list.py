"""`visits [CUSTOMER]` · `拜访记录 [客户]`: the latest visits, of one customer or all, that the
asker may see (their own; a manager's: their teams')."""
from __future__ import annotations

import datetime as dt

from handlers.context import Ctx
from handlers.grammar.commands import ListVisits
from handlers.lookup import known_customers
from handlers.rules.working_days import period_bounds
from handlers.text import format as fmt
from handlers.text.reply import Reply
from storage.models.sales import Customer
from storage.sales import VisitRepository

SHOWN = 10


def handle_list_visits(ctx: Ctx, cmd: ListVisits) -> Reply:
    members = {ctx.member.id}
    if ctx.is_manager:
        members |= {m.id for team in ctx.teams for m in ctx.people.roster(team.id)}
    title, customer = ctx.t("visits_title"), None
    if cmd.customer:
        customer = _customer(ctx, cmd.customer)
        title = ctx.t("visits_of_title", customer=customer.name)
    between = None
    if cmd.period is not None:  # `visits this week`: that week's, the period in the title
        first, after = period_bounds(cmd.period, ctx.today)
        between = tuple(dt.datetime.combine(day, dt.time(), ctx.zone) for day in (first, after))
        title = f"{title} · {fmt.period_label(cmd.period.kind, first, ctx.locale)}"
    rows = VisitRepository(ctx.session).latest(ctx.tenant.id, members, customer and customer.id,
                                               SHOWN if between is None else 200, between)
    if not rows:
        return Reply(title=title, lines=(ctx.t("visits_none"),))
    lines = []
    for visit, customer, who in rows:
        when = fmt.day(ctx.day_of(visit.visited_at), ctx.today, ctx.locale)
        said = " → ".join(part for part in (visit.notes or visit.next_step, visit.outcome) if part)  # what
        # came of it (`392 done, sent the proposal`) after what was said
        by = f" · {who}" if len(members) > 1 else ""
        lines.append(f"#{visit.id} {when} · {customer}{by}" + (f" · {said}" if said else ""))
    if between is not None:
        lines.insert(0, ctx.t("visits_counted", count=len(rows)))
    return Reply(title=title, lines=tuple(lines))


def _customer(ctx: Ctx, name: str) -> Customer:
    found = known_customers(ctx, name)
    if not found:
        raise ctx.refuse("customer_unknown", name=name)
    if len(found) > 1:
        raise ctx.refuse("customer_candidates", name=name, hint=" · ".join(c.name for c in found))
    return found[0]
