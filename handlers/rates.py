"""`rate USD 7.10` (`汇率 美元 7.10`): admins say what other currencies are worth in the tenant's base
currency; reports convert with these rates and never add amounts of different currencies.
`rates` (`汇率`) lists them. A rate is the current one, not the rate on each deal's day."""
from __future__ import annotations

from decimal import Decimal

from handlers import facts
from handlers import format as fmt
from handlers.commands import SetRate
from handlers.context import Ctx
from handlers.reply import Reply
from storage.models import Member
from storage.rates import RateRepository


def handle_rate(ctx: Ctx, cmd: SetRate) -> Reply:
    base = ctx.tenant.currency
    if cmd.currency is None:
        return _listing(ctx, base)
    from babel.numbers import is_currency

    if not is_currency(cmd.currency):
        raise ctx.refuse("not_a_currency", text=cmd.currency)
    if cmd.currency == base:
        raise ctx.refuse("rate_is_base", currency=base)
    if cmd.rate is None:
        return _remove(ctx, cmd.currency, base)
    before = RateRepository(ctx.session).set(ctx.tenant.id, cmd.currency, cmd.rate, ctx.member.id, ctx.now)
    facts.recheck_targets(ctx)  # a lower rate may leave someone short of a target announced
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "rate.set", "rate", None, at=ctx.now,
                     currency=cmd.currency, before=_text(before) if before else "", after=_text(cmd.rate))
    was = ctx.t("rate_before", rate=_text(before)) if before and before != cmd.rate else ""
    return Reply(lines=(ctx.t("rate_set", currency=cmd.currency, rate=_text(cmd.rate), base=base,
                              before=was),))


def _remove(ctx: Ctx, currency: str, base: str) -> Reply:
    rates = RateRepository(ctx.session)
    before = rates.of(ctx.tenant).to_base.get(currency)
    if before is None:
        raise ctx.refuse("rate_none", currency=currency)
    rates.remove(ctx.tenant.id, currency)
    facts.recheck_targets(ctx)
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "rate.set", "rate", None, at=ctx.now,
                     currency=currency, before=_text(before), after="")
    return Reply(lines=(ctx.t("rate_removed", currency=currency, rate=_text(before), base=base),))


def _listing(ctx: Ctx, base: str) -> Reply:
    rows = RateRepository(ctx.session).listing(ctx.tenant.id)
    if not rows:
        return Reply(title=ctx.t("rates_title", base=base), lines=(ctx.t("rates_none"),))
    names = {m.id: m.display_name for m in ctx.session.query(Member).filter(
        Member.id.in_([r.set_by for r in rows if r.set_by]))}
    lines = tuple(ctx.t("rate_line", currency=r.currency, rate=_text(r.rate), base=base,
                        who=names.get(r.set_by, "–"),
                        day=fmt.day(r.set_at.astimezone(ctx.zone).date(), ctx.today, ctx.locale))
                  for r in rows)
    return Reply(title=ctx.t("rates_title", base=base), lines=lines)


def _text(rate: Decimal) -> str:
    return f"{Decimal(rate).normalize():f}"
