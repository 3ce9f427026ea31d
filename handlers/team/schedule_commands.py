"""Team schedules from chat (`schedule …` / `设置 …`) and standup answers (`standup …` / `站会 …`)."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from handlers.context import Ctx
from handlers.grammar.commands import AnswerStandup, ConfigureSchedule, ShowSchedule
from handlers.grammar.intents import usage
from handlers.members import managed_team, team_named
from handlers.rules.schedules import (
    days_label,
    next_run,
    prompt_key,
    question_languages,
    questions_language,
    questions_of,
    schedule_of,
    with_change,
)
from handlers.text import format as fmt
from handlers.text.reply import Reply, Table
from handlers.text.strings import t
from handlers.workspace.holidays import calendar_warning
from storage import standups
from storage.models.team import StandupAnswer, Team
from storage.models.workspace import Member
from storage.outbox import OutboxRepository


def handle_show_schedule(ctx: Ctx, cmd: ShowSchedule) -> Reply:
    team = team_named(ctx, cmd.team)
    if not ctx.is_admin and team.id not in {t.id for t in ctx.teams}:
        raise ctx.refuse("not_your_team")
    return _schedule_reply(ctx, team)


def handle_configure_schedule(ctx: Ctx, cmd: ConfigureSchedule) -> Reply:
    team = managed_team(ctx, cmd.team)
    written_in = questions_language(cmd.questions, ctx.locale) if cmd.questions else ctx.locale
    team.settings = with_change(team.settings, cmd.kind, time=cmd.time, days=cmd.days, on=cmd.on,
                                questions=cmd.questions, locale=written_in)
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "schedule.set", "team", team.id, kind=cmd.kind,
                     time=cmd.time and cmd.time.isoformat("minutes"), days=cmd.days, on=cmd.on,
                     questions=list(cmd.questions or ()))
    if cmd.questions:
        lines = [ctx.t("questions_set_in", team=team.name, language=ctx.t(f"language_{written_in}")),
                 *(f"• {q}" for q in cmd.questions)]
        other = "en" if written_in == "zh" else "zh"
        if other not in question_languages(team.settings) and any(
                m.locale == other for m in _members(ctx, team)):
            lines.append(ctx.t(f"questions_other_{other}", example=usage("schedule", other)[-1]))
        return Reply(lines=tuple(lines))
    return _schedule_reply(ctx, team, changed=cmd.kind)


def _members(ctx: Ctx, team: Team) -> list[Member]:
    ids = [row.id for row in ctx.people.roster(team.id)]
    return [ctx.session.get(Member, member_id) for member_id in ids]


def _schedule_reply(ctx: Ctx, team: Team, changed: str | None = None) -> Reply:
    zone = ZoneInfo(team.timezone)
    rows = []
    for name, kind in schedule_of(team.settings).items():
        at = next_run(kind, ctx.now, zone, team.calendar) if kind.on else None
        when = fmt.day(at.date(), ctx.now.astimezone(zone).date(), ctx.locale) if at else "–"
        rows.append((("▸ " if name == changed else "") + kind.label_in(ctx.locale),
                     kind.time.strftime("%H:%M"), days_label(kind.days, ctx.locale),
                     ctx.t("on") if kind.on else ctx.t("off"), when))
    headers = tuple(ctx.t(k) for k in ("col_job", "col_time", "col_run_days", "col_state", "col_next"))
    lines = [ctx.t("schedule_zone", zone=team.timezone, calendar=team.holiday_calendar)]
    warning = calendar_warning(team.calendar, ctx.today, ctx.locale)
    if warning:
        lines.append(warning)
    if changed:
        lines.insert(0, ctx.t("schedule_changed", team=team.name))
    return Reply(title=ctx.t("schedule_title", team=team.name), lines=tuple(lines),
                 table=Table(headers, tuple(rows)))


def handle_answer_standup(ctx: Ctx, cmd: AnswerStandup) -> Reply:
    team = ctx.team
    if team is None:
        raise ctx.refuse("no_team")
    record_answer(ctx, team, cmd.text)
    if not cmd.read_as_command:
        return Reply(lines=(ctx.t("standup_thanks"),))
    visit, task = (usage(topic, ctx.locale)[0] for topic in ("visit", "task"))
    only = ctx.t("standup_only_answer", visit=visit, task=task)
    return Reply(lines=(ctx.t("standup_thanks"), only))  # a visit or task read in it: not stored


def awaits_answer(ctx: Ctx) -> bool:
    """Whether the member got today's standup prompt (it reached them: one still queued or failed
    asked nothing) and has not answered (free text answers it)."""
    team = ctx.team
    if team is None or not OutboxRepository(ctx.session).was_sent(
            prompt_key(team.id, ctx.member.id, ctx.today)):
        return False
    return standups.answer_of(ctx.session, ctx.member.id, ctx.today) is None


def record_answer(ctx: Ctx, team: Team, text: str) -> None:
    """Today's answer (the member's own date); a second answer the same day replaces the first."""
    answer = standups.answer_of(ctx.session, ctx.member.id, ctx.today)
    if answer is None:
        answer = StandupAnswer(team_id=team.id, member_id=ctx.member.id, day=ctx.today, text=text)
        ctx.session.add(answer)
    answer.text, answer.at = text, ctx.now


def standup_prompt(locale: str, name: str, settings: dict | None, day: dt.date) -> Reply:
    """The morning question to one rep."""
    questions = questions_of(settings, locale)
    return Reply(title=t(locale, "standup_prompt_title", name=name,
                         day=fmt.day(day, day, locale, relative=False)),
                 lines=(*(f"{i}. {q}" for i, q in enumerate(questions, 1)),
                        t(locale, "standup_prompt_how")), locale=locale)
