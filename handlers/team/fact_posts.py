"""Team posts that follow the facts they tell.

A celebration or an announcement is queued with its fact (`won:46`: deal #46 is won;
`target:m3:revenue:month:2026-11-01`: member 3 reached that target). When the fact changes, the
post follows: one not sent yet is dropped or rewritten; one sent is edited or withdrawn by the
platform where it allows (Slack `chat.update`/`chat.delete`, Teams update/delete activity, WeCom
recall within its window), else one short correction is posted after it. The worker checks the
fact again just before sending, so a post whose fact no longer holds never goes out.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from handlers.outgoing import correct
from handlers.text.reply import Reply
from handlers.text.reply_json import from_payload, to_payload
from handlers.text.strings import t
from storage.models.messaging import Delivery
from storage.models.sales import Deal
from storage.models.team import Team
from storage.models.workspace import Member, Tenant
from storage.outbox import OutboxRepository
from storage.people import PeopleRepository

RECENT = dt.timedelta(days=92)  # announcements older than a quarter are history, not news


def _posts(session: Session, fact: str) -> list[Delivery]:
    return OutboxRepository(session).posts_of(fact)


def follow(ctx, rows: list[dict]) -> None:
    """After a change was undone, restored or deleted: every post about a deal it touched, or a
    target its owner may no longer have reached, follows the facts now."""
    owners = set()
    for row in rows:
        if row["t"] != "deals":
            continue
        deal_id = row["k"][0]
        owners.update(r["owner_id"] for r in (row["a"], row["b"]) if r)
        deal = ctx.session.get(Deal, deal_id)
        for delivery in _posts(ctx.session, f"won:{deal_id}"):
            if deal is None or deal.stage != "won":
                correct(ctx.session, delivery, None, ctx.now)
        if deal is not None and deal.stage == "won" and row["a"] and row["b"] \
                and row["a"]["amount"] != row["b"]["amount"]:  # a corrected amount undone
            won_amount_changed(ctx, deal)
    if owners:
        recheck_targets(ctx)
    if any(row["t"] in ("deals", "visits", "customers", "contests") for row in rows):
        recheck_contests(ctx)


def recheck_contests(ctx) -> None:
    """A contest's result, announced, rewritten where the standings changed since (a win undone,
    a visit deleted); withdrawn if the contest itself is gone."""
    from handlers.team.contests import standings
    from storage.models.team import Contest

    for delivery in OutboxRepository(ctx.session).recent_posts(ctx.tenant.id, "contest", ctx.now - RECENT):
        contest = ctx.session.get(Contest, int(delivery.fact.split(":")[1]))
        if contest is None:
            correct(ctx.session, delivery, None, ctx.now)
            continue
        old = from_payload(delivery.payload)
        new = standings(ctx.session, ctx.tenant, contest, old.locale, ctx.today, final=True)
        if new.text != old.text:
            correct(ctx.session, delivery, to_payload(replace(new, subject=old.subject)),
                    ctx.now)


def recheck_targets(ctx) -> None:
    """Every target-reached post of the workspace, queued or sent, whose target is no longer
    reached (a win undone, a rate changed): withdrawn, or never sent."""
    for delivery in OutboxRepository(ctx.session).recent_posts(ctx.tenant.id, "target", ctx.now - RECENT):
        if not holds(ctx.session, delivery.fact):
            correct(ctx.session, delivery, None, ctx.now)


def reopened(ctx, deal: Deal) -> None:
    """A won deal reopened: its celebration says so (and is rewritten if it is won again)."""
    for delivery in _posts(ctx.session, f"won:{deal.id}"):
        old = from_payload(delivery.payload)
        new = Reply(title=t(old.locale, "post_reopened", title=old.title), locale=old.locale,
                    subject=old.subject)
        correct(ctx.session, delivery, to_payload(new), ctx.now)


def won_amount_changed(ctx, deal: Deal) -> None:
    """A won deal's amount corrected (`不对，是25万` after the win), or that undone: its
    celebration says the amount now, its reason kept; targets follow the new total."""
    from handlers.text.format import money
    from storage.models.sales import Customer

    who = ctx.session.get(Member, deal.owner_id).display_name
    customer = ctx.session.get(Customer, deal.customer_id).name
    for delivery in _posts(ctx.session, f"won:{deal.id}"):
        old = from_payload(delivery.payload)
        said = t(old.locale, "won_announce", who=who, customer=customer,
                 amount=money(deal.amount, deal.currency, old.locale))
        correct(ctx.session, delivery, to_payload(replace(old, title=said)), ctx.now)  # only called
        # when the amount changed: a post sent keeps its first payload, so it is always told
    recheck_targets(ctx)


def holds(session: Session, fact: str) -> bool:
    """Whether what a post tells is still true (facts of kinds not known here always hold)."""
    kind, _, rest = fact.partition(":")
    if kind == "won":
        deal = session.get(Deal, int(rest))
        return deal is not None and deal.stage == "won"
    if kind == "target":
        return _target_holds(session, rest)
    if kind == "contest":
        from storage.models.team import Contest
        return session.get(Contest, int(rest)) is not None
    return True


def _target_holds(session: Session, rest: str) -> bool:
    from handlers.grammar.commands import Period
    from handlers.rules.working_days import period_bounds
    from storage.rates import RateRepository
    from storage.reports import TargetRepository, metric_table

    who, metric, kind, start = rest.split(":")
    start = dt.date.fromisoformat(start)
    people = PeopleRepository(session)
    if who.startswith("m"):
        member = session.get(Member, int(who[1:]))
        if member is None:
            return False
        ids, team_id = [member.id], None
        teams = people.teams_of(member.id)
        zone = member.timezone or (teams[0].timezone if teams else "UTC")
        held = TargetRepository(session).held(member.tenant_id, metric, kind, start, member_id=member.id)
        tenant = session.get(Tenant, member.tenant_id)
    else:
        team = session.get(Team, int(who[1:]))
        if team is None:
            return False
        ids, team_id, zone = [r.id for r in people.roster(team.id)], team.id, team.timezone
        held = TargetRepository(session).held(team.tenant_id, metric, kind, start, team_id=team_id)
        tenant = session.get(Tenant, team.tenant_id)
    amount = held.amount if held is not None else None
    if not amount:
        return False
    first, end = period_bounds(Period(kind), start)
    since, until = (dt.datetime.combine(d, dt.time(), ZoneInfo(zone)) for d in (first, end))
    table = metric_table(session, ids, since, until, RateRepository(session).of(tenant), (metric,))
    done = sum((Decimal(str(table[i][metric])) for i in ids), Decimal(0))
    return done >= amount
