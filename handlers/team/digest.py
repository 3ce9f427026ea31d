"""The manager digest: the daily one about the day, the weekly one about the week.

Daily: the team against the month's targets, pipeline by stage, stalled deals, the day's visits,
overdue follow-ups and the deals closed that day with their reasons. Weekly: the week's own
targets and progress (or, where the week has none, the month's pace as of the week's end), the
week's visits against the week before, the deals won and lost that week with their reasons, the
deals that moved stage, stalled deals and overdue follow-ups; its chart is the week's revenue.
"""
from __future__ import annotations

import datetime as dt

from handlers.context import Ctx, Refusal
from handlers.grammar.commands import Period, Scope, ShowDigest, ShowPipeline, ShowProgress, ShowStalled
from handlers.rules.working_days import period_bounds
from handlers.sales import reasons, tasks, tiers
from handlers.team import reports
from handlers.text import format as fmt
from handlers.text.reply import Chart, Reply
from handlers.text.strings import METRIC_NAMES, STAGE_NAMES, name_of
from storage import activity
from storage.reports import TargetRepository, metric_table

MOVED_SHOWN = 5


def handle_show_digest(ctx: Ctx, cmd: ShowDigest) -> Reply:
    """`周报` · `日报` · `digest`: the digest of the manager's team as it would go now, the week so
    far (from Monday) or the day so far."""
    team = ctx.team or (ctx.teams[0] if ctx.teams else None)
    member_ids = [m.id for m in ctx.people.roster(team.id)] if team else [ctx.member.id]
    start = ctx.today - dt.timedelta(days=ctx.today.weekday()) if cmd.weekly else ctx.today
    since = dt.datetime.combine(start, dt.time(), ctx.zone)
    until = dt.datetime.combine(ctx.today + dt.timedelta(days=1), dt.time(), ctx.zone)
    return digest(ctx, team.name if team else "", member_ids, since, until, cmd.weekly)


def digest(ctx: Ctx, team_name: str, member_ids: list[int], since: dt.datetime, until: dt.datetime,
           weekly: bool) -> Reply:
    """The digest for the window [since, until): a day, or a week up to its digest day."""
    scope = Scope("team", team_name)
    kind = "week" if weekly and _has_targets(ctx, member_ids, team_name, "week") else "month"
    progress = _quiet(lambda: reports.handle_progress(ctx, ShowProgress(scope, Period(kind))))
    pipeline = _quiet(lambda: reports.handle_pipeline(ctx, ShowPipeline(scope)))
    stalled = _quiet(lambda: reports.handle_stalled(ctx, ShowStalled(scope)))
    lines = []
    if progress and progress.lines:
        lines.append(progress.lines[0])
    if weekly and kind == "month":
        lines.append(ctx.t("digest_month_pace", when=ctx.day(ctx.today)))
    lines.append(_visits_line(ctx, member_ids, since, until, weekly))
    lines.append(ctx.t("digest_overdue", count=_overdue(ctx, member_ids)))
    lines += tasks.overdue_lines(ctx, member_ids)
    lines += _closed_lines(ctx, member_ids, since, until)
    if weekly:
        lines += _moved_lines(ctx, member_ids, since, until)
        lines += tiers.cold_lines(ctx, member_ids)
        lines += reasons.lesson_lines(ctx, member_ids, since, until)
    stuck = [line for line in stalled.lines if line != ctx.t("stalled_none")] if stalled else []
    if stalled:
        lines += [f"{stalled.title}: {len(stuck)}", *(f"  {line}" for line in stuck[:3])]
    title = ctx.t("digest_weekly_title" if weekly else "digest_daily_title", team=team_name,
                  day=fmt.day(ctx.day_of(since), ctx.today, ctx.locale, relative=False))
    notes = dict.fromkeys(note for part in (progress, pipeline) if part for note in part.notes)
    return Reply(title=title, lines=tuple(lines), bars=progress.bars if progress else (),
                 table=pipeline.table if pipeline else None, notes=tuple(notes),
                 chart=_chart(ctx, member_ids, "week" if weekly else "month"), locale=ctx.locale)


def _has_targets(ctx: Ctx, member_ids: list[int], team_name: str, kind: str) -> bool:
    start, _end = period_bounds(Period(kind), ctx.today)
    repo = TargetRepository(ctx.session)
    team = ctx.people.team_by_name(ctx.tenant.id, team_name)
    return bool((team and repo.for_team(team.id, kind, start)) or repo.for_members(member_ids, kind, start))


def _visits_line(ctx: Ctx, member_ids: list[int], since: dt.datetime, until: dt.datetime,
                 weekly: bool) -> str:
    count = _visits(ctx, member_ids, since, until)
    if not weekly:
        return ctx.t("digest_visits", count=count)
    week = dt.timedelta(days=7)
    before = _visits(ctx, member_ids, since - week, until - week)
    return ctx.t("digest_visits_week", count=count, before=before, change=f"{count - before:+d}")


def _visits(ctx: Ctx, member_ids: list[int], since: dt.datetime, until: dt.datetime) -> int:
    return activity.visit_count(ctx.session, member_ids, since, until)


def _overdue(ctx: Ctx, member_ids: list[int]) -> int:
    return activity.overdue_followups(ctx.session, member_ids, ctx.today)


def _closed_lines(ctx: Ctx, member_ids: list[int], since: dt.datetime, until: dt.datetime) -> list[str]:
    """Won and lost deals in the window, each with its reason."""
    closed = activity.closed_deals(ctx.session, member_ids, since, until)
    if not closed:
        return [ctx.t("digest_no_closed")]
    return [ctx.t("digest_closed", mark="✅" if stage == "won" else "✖",
                  stage=name_of(STAGE_NAMES, stage, ctx.locale), customer=customer, owner=owner,
                  amount=fmt.money(amount, currency, ctx.locale), reason=reason or "–")
            for stage, customer, owner, amount, currency, reason in closed]


def _moved_lines(ctx: Ctx, member_ids: list[int], since: dt.datetime, until: dt.datetime) -> list[str]:
    """Open deals that changed stage in the window (wins and losses are listed above)."""
    moves = activity.stage_moves(ctx.session, member_ids, since, until)
    if not moves:
        return [ctx.t("digest_none_moved")]
    stage = lambda value: name_of(STAGE_NAMES, value, ctx.locale) if value else "–"
    return [ctx.t("digest_moved", count=len(moves)),
            *(f"  {customer}: {stage(old)} → {stage(new)} ({owner})"
              for customer, owner, old, new in moves[-MOVED_SHOWN:])]


def _chart(ctx: Ctx, member_ids: list[int], kind: str) -> Chart | None:
    """Revenue won in the period per member against their target, for members with either."""
    start, end = period_bounds(Period(kind), ctx.today)
    since, until = ctx.utc_range(start, end)
    done = metric_table(ctx.session, member_ids, since, until, ctx.rates, ("revenue",))
    targets = TargetRepository(ctx.session).for_members(member_ids, kind, start)
    shown = [m for m in member_ids if done[m]["revenue"] or targets.get(m, {}).get("revenue")]
    if not shown:
        return None
    names = ctx.people.names(shown)
    order = sorted(shown, key=lambda m: (-done[m]["revenue"], names[m]))
    return Chart(title=ctx.t("chart_title", period=fmt.period_label(kind, start, ctx.locale)),
                 labels=tuple(names[m] for m in order),
                 values=tuple(float(done[m]["revenue"]) for m in order),
                 targets=tuple(float(targets.get(m, {}).get("revenue", 0)) for m in order),
                 value_label=name_of(METRIC_NAMES, "revenue", ctx.locale),
                 target_label=ctx.t("chart_target"), unit="万" if ctx.locale == "zh" else "")


def _quiet(build) -> Reply | None:
    """A report, or None when it is refused (no team, nothing to show)."""
    try:
        return build()
    except Refusal:
        return None
