"""What the scheduler says: standup nudges and summaries, pace reminders, top sellers, reached
targets and the manager digest. Each is a Reply built from the same reports the commands use."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from handlers.context import Ctx, Refusal
from handlers.grammar.commands import Period, ShowLeaderboard
from handlers.rules.working_days import (
    Pace,
    estimated_note,
    is_working_day,
    pace,
    period_bounds,
    working_days,
)
from handlers.team import reports
from handlers.text import format as fmt
from handlers.text import when_read
from handlers.text.reply import Heading, Reply
from handlers.text.strings import METRIC_NAMES, PERIOD_NAMES, name_of, t
from storage.rates import Converted
from storage.reports import metric_table


def nudge(locale: str, name: str) -> Reply:
    return Reply(lines=(t(locale, "standup_nudge", name=name),), locale=locale)


def standup_summary(locale: str, team: str, day: dt.date, answers: list[tuple[str, str]],
                    missing: list[str]) -> Reply:
    """One line per answer, then who did not answer."""
    lines = [f"{name}: {text}" for name, text in answers] or [t(locale, "standup_no_answers")]
    if missing:
        lines.append(t(locale, "standup_missing", names="、".join(missing) if locale == "zh"
                       else ", ".join(missing)))
    title = t(locale, "standup_summary_title", team=team,
              day=fmt.day(day, day, locale, relative=False))
    return Reply(title=title, lines=tuple(lines), locale=locale)


def behind_lines(ctx: Ctx, kind: str, paces: dict[str, Pace]) -> list[str]:
    """`Revenue: done ¥120K, needed by today ¥180K, gap ¥60K` for each metric behind pace."""
    out = []
    for metric, p in paces.items():
        if not p.on_pace:
            value = lambda amount, metric=metric: fmt.metric_value(metric, amount, ctx.tenant.currency,
                                                                   ctx.locale)
            out.append(ctx.t("behind_line", metric=name_of(METRIC_NAMES, metric, ctx.locale),
                             done=value(p.done), needed=value(p.needed_by_today), gap=value(p.gap),
                             target=value(p.target), when=ctx.day(ctx.today)))
    return out


def member_paces(ctx: Ctx, member_ids: list[int], targets: dict[str, Decimal], kind: str,
                 calendar: str) -> tuple[dict[str, Pace], dt.date, dt.date, Converted]:
    """Pace per targeted metric over the current `kind` period, in the ctx's timezone (and which
    rates the revenue used, what it left out)."""
    start, end = period_bounds(Period(kind), ctx.today)
    since, until = ctx.utc_range(start, end)
    ids = (ctx.shared or {}).get("ids", ())
    if len(member_ids) == 1 and member_ids[0] in ids:  # a job run: the team's figures, read once
        team = ctx.once(("metric_table", since, until),
                        lambda: metric_table(ctx.session, list(ids), since, until, ctx.rates))
        table = {member_ids[0]: team[member_ids[0]]}
        money = team.money_of.get(member_ids[0]) or Converted(ctx.rates)
    else:
        table = metric_table(ctx.session, member_ids, since, until, ctx.rates, tuple(targets))
        money = table.money
    done = {m: sum((row[m] for row in table.values()), Decimal(0)) for m in targets}
    return ({m: pace(targets[m], done[m], start, end, ctx.today, calendar, whole=m != "revenue")
             for m in targets},
            start, end, money)


def pace_reminder(ctx: Ctx, kind: str, paces: dict[str, Pace], start: dt.date, end: dt.date,
                  calendar: str, *, behind: bool, days_left: int, money: Converted | None = None,
                  summed_from: tuple = ()) -> Reply:
    period = fmt.period_label(kind, start, ctx.locale)
    lines = behind_lines(ctx, kind, paces) if behind else []
    if days_left:  # counted again when a queued reminder is read
        left = _working_days_after(ctx.today, end, calendar)
        lines.insert(0, when_read.days_left_mark(left, ctx.zone.key, period) if ctx.queued
                     else ctx.t("days_left", days=days_left, period=period))
        lines += [ctx.t("standing_line", metric=name_of(METRIC_NAMES, m, ctx.locale),
                        share=fmt.percent(p.share_done)) for m, p in paces.items() if p.on_pace]
    estimated = estimated_note(calendar, start, end, ctx.locale)
    if estimated:
        lines.append(estimated)
    title = ctx.t("behind_title" if behind else "period_ending_title", period=period)
    notes = reports.currency_notes(ctx, money) if money is not None and "revenue" in paces else ()
    notes += reports.summed_note(ctx, kind, start, summed_from)  # a quarter's target from its months
    return Reply(title=title, lines=tuple(lines), notes=notes)


def one_message(sections: list[Reply]) -> Reply:
    """Several notices as one message: the first's title, then each further one's under its own."""
    first, *rest = sections
    lines = list(first.lines)
    for section in rest:
        lines += ["", Heading(section.title), *section.lines]
    notes = dict.fromkeys(note for section in sections for note in section.notes)
    return Reply(title=first.title, lines=tuple(lines), locale=first.locale, notes=tuple(notes))


def _working_days_after(today: dt.date, end: dt.date, calendar: str) -> list[dt.date]:
    """The working days after `today`, before `end`."""
    days = (today + dt.timedelta(days=n) for n in range(1, (end - today).days))
    return [day for day in days if is_working_day(day, calendar)]


def working_days_left(today: dt.date, end: dt.date, calendar: str) -> int:
    """Working days after today until the period's end."""
    return working_days(today + dt.timedelta(days=1), end, calendar)


def top_sellers(ctx: Ctx, team: str, kind: str) -> Reply | None:
    """The team's leaderboard of the week or month as a recognition post; None when nobody sold."""
    board = reports.handle_leaderboard(ctx, ShowLeaderboard("revenue", Period(kind), team))
    if board.table is None:
        return None
    period = name_of(PERIOD_NAMES, kind, ctx.locale)
    best = board.table.rows[0][1]
    lines = [ctx.t("top_seller_line", name=best, period=period), *_how_far_ahead(ctx, team, kind)]
    return Reply(title=ctx.t("top_sellers_title", period=period, team=team), lines=tuple(lines),
                 table=board.table, locale=ctx.locale)


def _how_far_ahead(ctx: Ctx, team_name: str, kind: str) -> list[str]:
    """By how much the top seller leads, and the team's revenue against the period before."""
    team = ctx.people.team_by_name(ctx.tenant.id, team_name)
    members = [m for m in ctx.people.roster(team.id) if m.role == "rep"] or ctx.people.roster(team.id)
    ids = [m.id for m in members]
    totals = []
    for offset in (0, -1):
        start, end = period_bounds(Period(kind, offset), ctx.today)
        since, until = ctx.utc_range(start, end, ZoneInfo(team.timezone))
        totals.append(metric_table(ctx.session, ids, since, until, ctx.rates, ("revenue",)))
    now, before = totals
    ranked = sorted((now[i]["revenue"] for i in ids), reverse=True)
    money = lambda value: fmt.money(value, ctx.tenant.currency, ctx.locale)
    lines = []
    if len(ranked) > 1:
        lines.append(ctx.t("top_seller_lead", lead=money(ranked[0] - ranked[1])))
    total, last = (sum(table[i]["revenue"] for i in ids) for table in (now, before))
    change = f"{(total - last) / last:+.0%}" if last else "–"
    lines.append(ctx.t("top_sellers_vs_last", total=money(total), last=money(last), change=change))
    return lines


def target_reached(locale: str, who: str, metric: str, kind: str, start: dt.date, value: str,
                   target: str = "", share: float = 0.0, last: str = "") -> Reply:
    """The post when a target is reached: by how much (the share of it), and the last period's."""
    lines = ((t(locale, "target_reached_by", target=target, share=fmt.percent(share)),) if target else ()) + (
        (t(locale, "target_reached_last", last=last),) if last else ())
    return Reply(title=t(locale, "target_reached", who=who,
                         metric=name_of(METRIC_NAMES, metric, locale),
                         period=fmt.period_label(kind, start, locale), value=value), lines=lines,
                 locale=locale)


def _quiet(build) -> Reply | None:
    """A report, or None when it is refused (no team, nothing to show)."""
    try:
        return build()
    except Refusal:
        return None
