"""What the scheduler says: standup nudges and summaries, pace reminders, top sellers, reached
targets and the manager digest. Each is a Reply built from the same reports the commands use."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import func, select

from handlers import format as fmt
from handlers import reports
from handlers.calendar import Pace, pace, period_bounds, working_days
from handlers.commands import Period, Scope, ShowLeaderboard, ShowPipeline, ShowProgress, ShowStalled
from handlers.context import Ctx, Refusal
from handlers.messages import METRIC_NAMES, PERIOD_NAMES, STAGE_NAMES, name_of, t
from handlers.reply import Chart, Reply
from storage.models import Customer, Deal, Member, Visit
from storage.reports import TargetRepository, metric_table


def nudge(locale: str, name: str) -> Reply:
    return Reply(lines=(t(locale, "standup_nudge", name=name),), locale=locale)


def standup_summary(locale: str, team: str, day: dt.date, answers: list[tuple[str, str]],
                    missing: list[str]) -> Reply:
    """One line per answer, then who did not answer."""
    lines = [f"*{name}*: {text}" for name, text in answers] or [t(locale, "standup_no_answers")]
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
                             target=value(p.target)))
    return out


def member_paces(ctx: Ctx, member_ids: list[int], targets: dict[str, Decimal], kind: str,
                 calendar: str) -> tuple[dict[str, Pace], dt.date, dt.date]:
    """Pace per targeted metric over the current `kind` period, in the ctx's timezone."""
    start, end = period_bounds(Period(kind), ctx.today)
    since, until = ctx.utc_range(start, end)
    table = metric_table(ctx.session, member_ids, since, until, tuple(targets))
    done = {m: sum((row[m] for row in table.values()), Decimal(0)) for m in targets}
    return ({m: pace(targets[m], done[m], start, end, ctx.today, calendar) for m in targets},
            start, end)


def pace_reminder(ctx: Ctx, kind: str, paces: dict[str, Pace], start: dt.date, end: dt.date,
                  calendar: str, *, behind: bool, days_left: int) -> Reply:
    period = fmt.period_label(kind, start, ctx.locale)
    lines = behind_lines(ctx, kind, paces) if behind else []
    if days_left:
        lines.insert(0, ctx.t("days_left", days=days_left, period=period))
        lines += [ctx.t("standing_line", metric=name_of(METRIC_NAMES, m, ctx.locale),
                        share=fmt.percent(p.share_done)) for m, p in paces.items() if p.on_pace]
    title = ctx.t("behind_title" if behind else "period_ending_title", period=period)
    return Reply(title=title, lines=tuple(lines))


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
    return Reply(title=ctx.t("top_sellers_title", period=period, team=team),
                 lines=(ctx.t("top_seller_line", name=best, period=period),), table=board.table,
                 locale=ctx.locale)


def target_reached(locale: str, who: str, metric: str, kind: str, start: dt.date, value: str) -> Reply:
    return Reply(title=t(locale, "target_reached", who=who,
                         metric=name_of(METRIC_NAMES, metric, locale),
                         period=fmt.period_label(kind, start, locale), value=value), locale=locale)


def digest(ctx: Ctx, team_name: str, member_ids: list[int], since: dt.datetime, until: dt.datetime,
           weekly: bool) -> Reply:
    """The manager digest: the team against target, pipeline by stage, stalled deals, visits,
    overdue follow-ups, and why deals were won or lost in the digest's window."""
    progress = _quiet(lambda: reports.handle_progress(ctx, ShowProgress(Scope("team", team_name))))
    pipeline = _quiet(lambda: reports.handle_pipeline(ctx, ShowPipeline(Scope("team", team_name))))
    stalled = _quiet(lambda: reports.handle_stalled(ctx, ShowStalled(Scope("team", team_name))))
    s = ctx.session
    visits = s.scalar(select(func.count()).select_from(Visit).where(
        Visit.member_id.in_(member_ids), Visit.visited_at >= since, Visit.visited_at < until))
    overdue = s.scalar(select(func.count()).select_from(Visit).where(
        Visit.member_id.in_(member_ids), Visit.follow_up_done.is_(False),
        Visit.follow_up_on < ctx.today))
    closed = s.execute(
        select(Deal.stage, Customer.name, Member.display_name, Deal.amount, Deal.currency, Deal.reason)
        .join(Customer, Customer.id == Deal.customer_id).join(Member, Member.id == Deal.owner_id)
        .where(Deal.owner_id.in_(member_ids), Deal.closed_at >= since, Deal.closed_at < until)
        .order_by(Deal.closed_at)).all()
    lines = [ctx.t("digest_visits", count=visits), ctx.t("digest_overdue", count=overdue)]
    if progress and progress.lines:
        lines.insert(0, progress.lines[0])
    stuck = [line for line in stalled.lines if line != ctx.t("stalled_none")] if stalled else []
    if stalled:
        lines += [f"{stalled.title}: {len(stuck)}", *(f"  {line}" for line in stuck[:3])]
    for stage, customer, owner, amount, currency, reason in closed:
        lines.append(ctx.t("digest_closed", mark="✅" if stage == "won" else "✖",
                           stage=name_of(STAGE_NAMES, stage, ctx.locale), customer=customer,
                           owner=owner, amount=fmt.money(amount, currency, ctx.locale),
                           reason=reason or "–"))
    if not closed:
        lines.append(ctx.t("digest_no_closed"))
    title = ctx.t("digest_weekly_title" if weekly else "digest_daily_title", team=team_name,
                  day=fmt.day(since.astimezone(ctx.zone).date(), ctx.today, ctx.locale,
                              relative=False))
    return Reply(title=title, lines=tuple(lines), bars=progress.bars if progress else (),
                 table=pipeline.table if pipeline else None, chart=_chart(ctx, member_ids),
                 locale=ctx.locale)


def _chart(ctx: Ctx, member_ids: list[int]) -> Chart | None:
    """Revenue won this month per member against their target, as bars."""
    start, end = period_bounds(Period("month"), ctx.today)
    since, until = ctx.utc_range(start, end)
    done = metric_table(ctx.session, member_ids, since, until, ("revenue",))
    targets = TargetRepository(ctx.session).for_members(member_ids, "month", start)
    names = dict(ctx.session.execute(select(Member.id, Member.display_name)
                                     .where(Member.id.in_(member_ids))).all())
    if not any(done[m]["revenue"] for m in member_ids) and not targets:
        return None
    order = sorted(member_ids, key=lambda m: -done[m]["revenue"])
    return Chart(title=ctx.t("chart_title", period=fmt.period_label("month", start, ctx.locale)),
                 labels=tuple(names[m] for m in order),
                 values=tuple(float(done[m]["revenue"]) for m in order),
                 targets=tuple(float(targets.get(m, {}).get("revenue", 0)) for m in order),
                 value_label=name_of(METRIC_NAMES, "revenue", ctx.locale),
                 target_label=ctx.t("chart_target"))


def _quiet(build) -> Reply | None:
    """A report, or None when it is refused (no team, nothing to show)."""
    try:
        return build()
    except Refusal:
        return None
