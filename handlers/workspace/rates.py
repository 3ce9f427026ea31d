"""`rate USD 7.10` (`汇率 美元 7.10`): admins say what other currencies are worth in the tenant's base
currency; reports convert with these rates and never add amounts of different currencies.

Rates are dated: `rate USD 7.10` holds from today (in the admin's timezone) until the next change,
so a closed deal keeps the rate of its close day and a new rate does not rewrite closed months.
`rate USD 7.10 from 2026-11-01` (`汇率 USD 7.10 自 2026-11-01`) dates it explicitly (up to the
next change already set, which the reply names); `rate USD off` (`汇率 美元 删除`) ends the rate
from today on (`… off from DAY` from that day). `rates` (`汇率`) lists them with their days.
"""
from __future__ import annotations

from decimal import Decimal

from handlers.context import Ctx
from handlers.grammar.commands import SetRate
from handlers.team import fact_posts as facts
from handlers.text import format as fmt
from handlers.text.reply import Reply
from storage.rates import ALWAYS, RateRepository, Rates


def handle_rate(ctx: Ctx, cmd: SetRate) -> Reply:
    base = ctx.tenant.currency
    if cmd.currency is None:
        return _listing(ctx, base)
    from babel.numbers import is_currency

    if not is_currency(cmd.currency):
        raise ctx.refuse("not_a_currency", text=cmd.currency)
    if cmd.currency == base:
        raise ctx.refuse("rate_is_base", currency=base)
    repo = RateRepository(ctx.session)
    history = repo.history(ctx.tenant.id, cmd.currency)
    day = cmd.from_day or ctx.today
    before = Rates(base, {}, {cmd.currency: history}).on(cmd.currency, day)
    if cmd.rate is None and before is None:
        raise ctx.refuse("rate_none", currency=cmd.currency)
    repo.put(ctx.tenant.id, cmd.currency, cmd.rate, day, ctx.member.id, ctx.now)
    facts.recheck_targets(ctx)  # a lower rate may leave someone short of a target announced
    following = next(((start, rate) for start, rate in repo.history(ctx.tenant.id, cmd.currency)
                      if start > day), None)
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "rate.set", "rate", None, at=ctx.now,
                     currency=cmd.currency, before=_text(before) if before else "",
                     after=_text(cmd.rate) if cmd.rate else "", day=day.isoformat(),
                     rows=_rows_text(history))
    on = fmt.day(day, ctx.today, ctx.locale)
    until = "" if following is None else ctx.t(
        "rate_until" if following[1] else "rate_until_off", day=fmt.day(following[0], ctx.today, ctx.locale),
        rate=_text(following[1]) if following[1] else "")
    if cmd.rate is None:
        return Reply(lines=(ctx.t("rate_removed", currency=cmd.currency, rate=_text(before), base=base,
                                  day=on, until=until),))
    was = ctx.t("rate_before", rate=_text(before)) if before and before != cmd.rate else ""
    key = "rate_set" if cmd.from_day is None else "rate_set_from"
    return Reply(lines=(ctx.t(key, currency=cmd.currency, rate=_text(cmd.rate), base=base, before=was,
                              day=on, until=until, example=day.replace(day=1).isoformat()),))


def _listing(ctx: Ctx, base: str) -> Reply:
    rows = RateRepository(ctx.session).listing(ctx.tenant.id)
    if not rows:
        return Reply(title=ctx.t("rates_title", base=base), lines=(ctx.t("rates_none"),))
    names = ctx.people.names_in(ctx.tenant.id)
    lines = []
    for r in rows:
        who = names.get(r.set_by, "–")
        when = fmt.day(ctx.day_of(r.set_at), ctx.today, ctx.locale)
        start = fmt.day(r.valid_from, ctx.today, ctx.locale, relative=False)
        if r.rate is None:
            lines.append(ctx.t("rate_line_off", currency=r.currency, start=start, who=who, day=when))
        elif r.valid_from == ALWAYS:
            lines.append(ctx.t("rate_line", currency=r.currency, rate=_text(r.rate), base=base, who=who,
                               day=when))
        else:
            lines.append(ctx.t("rate_line_from", currency=r.currency, rate=_text(r.rate), base=base,
                               start=start, who=who, day=when))
    return Reply(title=ctx.t("rates_title", base=base), lines=tuple(lines))


def _text(rate: Decimal) -> str:
    return f"{Decimal(rate).normalize():f}"


def _rows_text(history) -> str:
    """A currency's rates before the change, as the audit keeps them: `2026-11-01=7.1;2026-12-05=off`."""
    return ";".join(f"{start.isoformat()}={_text(rate) if rate is not None else 'off'}"
                    for start, rate in history)
