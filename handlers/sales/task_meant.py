"""Which task a move with no number is about (`任务 改到周四`, `task move to fri`, `任务 明天 改成
后天`): the one the member's last message made or changed, a few minutes ago, when that is one
task; the one due on the day said first (`明天 改成 后天`) when one is. Else asked, one tap per open
task of theirs (those just made first; those whose title has the words said, `报价 改到周四`),
each the command with its number (`任务 7 改到 2026-12-10`): nothing is changed until one is
picked, and a task is never made titled "改到"."""
from __future__ import annotations

import datetime as dt

from handlers.context import Ctx, Refusal
from handlers.grammar.commands import MoveTask
from handlers.grammar.normal import view
from handlers.known_names import known_customers
from handlers.lookup import example
from handlers.text.reply import Button
from handlers.text.strings import WORDS, name_of
from storage import journal
from storage.changes import changes_made_by
from storage.models.sales import Task
from storage.tasks import open_tasks_given_to_or_by

RECENT = dt.timedelta(minutes=10)  # "the task just made"
_OFFERED = 6  # the most tasks offered as taps


def task_meant(ctx: Ctx, cmd: MoveTask) -> Task:
    """The task `cmd` moves; raises the question which (or that there is none) otherwise."""
    tasks = open_tasks_given_to_or_by(ctx.session, ctx.tenant.id, ctx.member.id)
    if not tasks:
        raise ctx.refuse("task_edit_none", example=example(ctx, "task"))
    just = [task for task in tasks if task.id in _just_made(ctx)]
    others = just + [task for task in tasks if task not in just]
    if cmd.named:  # `报价 改到周四`: the task with those words in its title
        words = view(cmd.named).lower().split()
        named = [task for task in tasks if all(word in view(task.title).lower()
                                               or _its_customer(ctx, task, word) for word in words)]
        if len(named) == 1:
            return named[0]
        raise _which(ctx, cmd, named or others, "task_edit_named" if named else "task_edit_none_named")
    if cmd.was is not None:  # `明天 改成 后天`: the task due tomorrow
        due = [task for task in tasks if task.due_on == cmd.was]
        if len(due) == 1:
            return due[0]
        raise _which(ctx, cmd, due or others, "task_edit_which_was" if due else "task_edit_none_was")
    if len(just) == 1:
        return just[0]
    raise _which(ctx, cmd, others, "task_edit_which")


def _just_made(ctx: Ctx) -> set[int]:
    """The tasks the member's last message from chat made or changed, within RECENT."""
    latest = journal.latest(ctx.session, ctx.tenant.id, ctx.member.id)
    if latest is None or latest.at < ctx.now - RECENT:
        return set()
    changes = changes_made_by(ctx.session, ctx.tenant.id, ctx.member.id, at=latest.at, done=True)
    return {row["k"][0] for change in changes for row in change.rows
            if row["t"] == "tasks" and row["a"] is not None}


def _which(ctx: Ctx, cmd: MoveTask, tasks: list[Task], key: str) -> Refusal:
    """Which task moves: one tap each, the command that moves it by its number."""
    zh = ctx.locale == "zh"
    word = name_of(WORDS, "task", ctx.locale)
    if cmd.day is not None:
        when = ctx.t("task_edit_to", day=ctx.day(cmd.day))
        lines = [f"{word} {t.id} {'改到' if zh else 'due'} {cmd.day.isoformat()}" for t in tasks]
    else:
        length = f"{cmd.shift_days}{'天' if zh else ' days'}" if cmd.working else \
            f"{cmd.shift_days // 7}{'周' if zh else ' weeks'}"
        when = ctx.t("task_edit_later", length=length)
        lines = [f"{name_of(WORDS, 'snooze', ctx.locale)} {word} {t.id} {length}" for t in tasks]
    pairs = zip(tasks, lines, strict=True)
    buttons = tuple(Button(_label(ctx, task), line) for task, line in pairs)[:_OFFERED]
    hint = ctx.t("answer_hint", count=len(buttons)) if len(buttons) > 1 else ctx.t("answer_hint_one")
    hint = "\n".join([*(f"{n}. {b.label}" for n, b in enumerate(buttons, 1)), hint])
    return ctx.refuse(key, hint=hint, buttons=buttons, when=when,
                      was=ctx.day(cmd.was) if cmd.was else "", named=cmd.named or "")


def _label(ctx: Ctx, task: Task) -> str:
    due = ctx.t("task_when", when=ctx.day(task.due_on)) if task.due_on else ""
    return f"#{task.id} {task.title}{due}"[:75]


def _its_customer(ctx: Ctx, task: Task, word: str) -> bool:
    """Whether `word` names the task's customer by its name or alias (`华为 改到周四` for a task
    `call huawei re pricing` of 华为's)."""
    return task.customer_id is not None and any(
        c.id == task.customer_id for c in known_customers(ctx, word, whole=True))
