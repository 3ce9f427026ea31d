"""A task's due day moved (`task 7 due fri`, `snooze task 7 2 days`, `任务7推到月底`): by its
assignee or by the one who gave it (a manager); anyone else's task is refused. The reply shows the
new day whole, weekday and date, with the day it was; the other of the two hears it. `undo` puts
the old day back (the journal keeps the task's row as it was).

A day is read as snooze reads one (the same date grammar, a holiday's first working day after
it); a length of time (`2 days`) is counted from the day it was due, or from today when that has
passed or there was none, in working days of the team's calendar (`shifted_day`). A day that has
passed is refused.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from handlers.context import Ctx, Refusal
from handlers.events import MemberTold
from handlers.grammar.commands import MoveTask
from handlers.grammar.push_words import pushed
from handlers.lookup import example
from handlers.members import may_manage
from handlers.rules.working_days import working_day_from, working_days_later
from handlers.sales.leave_day import note_on_leave
from handlers.sales.push_later import earlier_asked
from handlers.sales.task_meant import task_meant
from handlers.text import format as fmt
from handlers.text.reply import Button, Reply
from handlers.text.strings import WORDS, name_of, t
from storage.models.sales import Task
from storage.models.workspace import Member


def handle_move_task(ctx: Ctx, cmd: MoveTask) -> Reply:
    if cmd.task_id is None:  # `任务 改到周四`: the task just made, or asked which
        cmd = replace(cmd, task_id=task_meant(ctx, cmd).id)
    task = ctx.session.get(Task, cmd.task_id)
    if task is None or task.tenant_id != ctx.tenant.id or task.done_at is not None:
        raise ctx.refuse("task_none", id=cmd.task_id, hint=example(ctx, "task"))
    if ctx.member.id not in (task.assignee_id, task.creator_id) \
            and not (ctx.is_manager and may_manage(ctx, task.assignee_id)):  # who may give it may date it
        owner = ctx.session.get(Member, task.assignee_id)
        raise ctx.refuse("task_move_not_yours", id=task.id, name=owner.display_name)
    was = task.due_on
    day, counted = (cmd.day, None) if cmd.day else shifted_day(ctx, was, cmd.shift_days, cmd.working)
    if day < ctx.today:
        raise ctx.refuse("task_due_past", hint=example(ctx, "task"))
    if was is not None and day < was and pushed(ctx.text):  # `任务7推到下下周`, due later already
        word = f"{name_of(WORDS, 'task', ctx.locale)} {task.id} {'改到' if ctx.locale == 'zh' else 'due'}"
        raise Refusal(earlier_asked(ctx, ctx.text, ctx.t("task_said", id=task.id, title=task.title), was, day,
                                    lambda d: f"{word} {d.isoformat()}"))
    when = fmt.day_stored(day, ctx.today, ctx.locale)
    if day == was:  # nothing moves: said so, not "moved"
        return Reply(lines=(ctx.t("task_due_same", id=task.id, title=task.title, when=when),))
    return _counted(_moved(ctx, task, was, day, when), counted)


def _moved(ctx: Ctx, task: Task, was: dt.date | None, day: dt.date, when: str) -> Reply:
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "task.due", "task", task.id, at=ctx.now,
                     before=was, after=day)
    task.due_on = day
    note_on_leave(ctx, ctx.session.get(Member, task.assignee_id), day)  # onto a day of leave: said
    other_id = task.creator_id if ctx.member.id == task.assignee_id else task.assignee_id
    if other_id != ctx.member.id:
        other = ctx.session.get(Member, other_id)
        said = t(other.locale, "task_moved_told", name=ctx.member.display_name, id=task.id, title=task.title,
                 when=fmt.day(day, ctx.today, other.locale, relative=False))
        ctx.emit(MemberTold(f"task:{task.id}:due:{day.isoformat()}", other.id,
                            Reply(lines=(said,), locale=other.locale)))
    if was is None:
        return Reply(lines=(ctx.t("task_due_set", id=task.id, title=task.title, when=when),))
    said = "task_moved_earlier" if day < was else "task_moved"  # sooner: said in words, not left to
    return Reply(lines=(ctx.t(said, id=task.id, title=task.title, when=when, days=(was - day).days,  # a
                              was=fmt.day(was, ctx.today, ctx.locale, relative=False)),))  # date compared


def shifted_day(ctx: Ctx, was: dt.date | None, shift_days: int, working: bool) -> tuple[dt.date, str | None]:
    """The day a length of time moves something due on `was` to (from today when that has passed
    or there was none), and the line saying how the team's calendar counted it, where it mattered:
    days said as days are working days (`2 days` on a Friday: Tuesday); weeks are weeks, and one
    that lands on a weekend or a holiday moves on to the next working day."""
    start = max(was or ctx.today, ctx.today)
    plain = start + dt.timedelta(days=shift_days)
    if working:
        day = working_days_later(start, shift_days, ctx.calendar)
        return day, ctx.t("shift_working_days", count=shift_days) if day != plain else None
    day = working_day_from(plain, ctx.calendar)
    return day, ctx.t("shift_next_working_day", day=fmt.day(plain, ctx.today, ctx.locale, relative=False)) \
        if day != plain else None


def _counted(reply: Reply, counted: str | None) -> Reply:
    return replace(reply, lines=(*reply.lines, counted)) if counted else reply


def snoozed_task(ctx: Ctx, number: int, day: dt.date | None, shift_days: int, working: bool = True
                 ) -> Refusal | None:
    """`snooze 7 fri` where #7 is no follow-up but a task of the member's: the refusal that offers
    that task's day moved (one tap); None where it is no open task they may move."""
    task = ctx.session.get(Task, number)
    if task is None or task.tenant_id != ctx.tenant.id or task.done_at is not None \
            or ctx.member.id not in (task.assignee_id, task.creator_id):
        return None
    zh = ctx.locale == "zh"
    word = name_of(WORDS, "task", ctx.locale)
    length = f"{shift_days}{'天' if zh else ' days'}" if working else \
        f"{shift_days // 7}{'周' if zh else ' weeks'}"
    command = f"{word} {number} {'改到' if zh else 'due'} {day.isoformat()}" if day else \
        f"{name_of(WORDS, 'snooze', ctx.locale)} {word} {number} {length}"
    return ctx.refuse("snooze_task", id=number, title=task.title,
                      hint=f"1. {command}\n{ctx.t('answer_hint_one')}", buttons=(Button(command, command),))
