"""`no I meant 1.5mil` · `不对，是150万` right after a manager set a target: that target set again
with the amount said, and the reply says it was put right and what it was (`Corrected: it was
¥50K`). Only the target the member set last is corrected, and only while it is in effect (not
undone, changed or removed since) and was set in this conversation; the amount must be one the
target counts (money for revenue, a whole number of visits, new customers or deals): else nothing
is changed and the reply says why and what to type. handlers/sales/said_again.py asks it."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from handlers.context import Ctx
from handlers.grammar.amounts import parse_amount
from handlers.grammar.commands import Period, Scope, SetTarget
from handlers.grammar.patterns import pattern
from handlers.rules.working_days import period_bounds
from handlers.text import format as fmt
from handlers.text.reply import Reply
from handlers.text.strings import METRIC_NAMES, name_of
from storage import journal
from storage.models.sales import Change
from storage.models.team import Target, Team
from storage.models.workspace import Member

#: A count said as a count: `45`, `45次`, `3个` (never `1.8m`, `45k`, `¥45`)
_UNITS = "个次家单位笔"
_COUNT = pattern(rf"^\d{{1,7}}[{_UNITS}]?$")


def where_said(ctx: Ctx) -> str:
    """The conversation a message came from, as the audit trail of a target keeps it."""
    here = ctx.here
    return "" if here is None else f"{here.platform}:{here.workspace}:{here.target}"


def target_corrected(ctx: Ctx, change: Change, value: str, hint: str) -> SetTarget | Reply:
    """The target `change` set (the member's latest change, just made) again with `value`; a
    refusal when it is no longer in effect, was set in another conversation, or `value` is no
    amount of its metric. `hint`: what to type instead."""
    main = next((r for r in change.rows if r["t"] == "targets" and r["a"] is not None
                 and not r["a"].get("from_split")), None)
    trail = ctx.people.audit_entry(ctx.tenant.id, ctx.member.id, "target.set", change.at)
    detail = trail.detail if trail is not None else {}
    if detail.get("here", where_said(ctx)) != where_said(ctx):
        return Reply(lines=(ctx.t("correction_elsewhere", label=change.label, example=hint),), ok=False)
    stored = journal.read(ctx.session, Target.__table__, tuple(main["k"])) if main else None
    if main is None or change.status != "done" or stored != main["a"]:
        return gone(ctx, change, hint)
    target = main["a"]
    kind, metric, old = target["period_kind"], target["metric"], Decimal(target["amount"])
    owner = ctx.session.get(Member, target["member_id"]) if target["member_id"] else \
        ctx.session.get(Team, target["team_id"])
    start = target["period_start"]
    period = next((Period(kind, k) for k in range(-24, 25)
                   if period_bounds(Period(kind, k), ctx.today)[0].isoformat() == start), None)
    plain = value.replace(" ", "")
    counted = _COUNT.match(plain) and not plain.isdigit()  # `55次`: a count by its unit, never money
    money = parse_amount(plain.rstrip(_UNITS) if counted else plain)
    if owner is None or period is None:
        return gone(ctx, change, hint)
    who = owner.display_name if isinstance(owner, Member) else owner.name
    shown = fmt.metric_value(metric, old, ctx.tenant.currency, ctx.locale)
    if money is None or (not _COUNT.match(plain) if metric != "revenue" else counted):
        label = fmt.period_label(kind, dt.date.fromisoformat(start), ctx.locale)
        key = "target_correction_money" if metric == "revenue" else "target_correction_count"
        return Reply(lines=(ctx.t(key, value=value, who=who, old=shown, period=label,
                                  metric=name_of(METRIC_NAMES, metric, ctx.locale).lower()),), ok=False)
    ctx.notes.append(ctx.t("target_corrected", old=shown))
    split = any(r["t"] == "targets" and r["a"] is not None and r["a"].get("from_split") for r in change.rows)
    return SetTarget(Scope("member" if isinstance(owner, Member) else "team", who), metric, money.amount,
                     money.currency, period, split or detail.get("split") == "True",
                     detail.get("split_all") == "True")


def gone(ctx: Ctx, change: Change, hint: str) -> Reply:
    """Nothing to correct: the member's last change was undone (or changed since)."""
    return Reply(lines=(ctx.t("correction_gone", label=change.label, example=hint),), ok=False)
