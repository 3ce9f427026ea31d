"""A task's done taken back (`task 6 not done`, `任务6还没完成`) and a task given to someone else
(`task 6 to ana`, `任务6 给Ana`, `no that was for ana` right after it was given): the change said
back, one `undo` from what it was.

Only one's own task (given to or by the member) is opened again, or a task of a member of a team
the member manages (an admin: any). Only a manager gives a task to someone else (to a member of a
team they manage), or the one who gave it to themself takes it back; the new assignee is told."""
from __future__ import annotations

from handlers.context import Ctx
from handlers.events import MemberTold
from handlers.grammar.commands import ReassignTask, ReopenTask
from handlers.lookup import example
from handlers.members import visible_member
from handlers.text.reply import Reply
from handlers.text.strings import t
from storage.models.sales import Task
from storage.models.workspace import Member


def _task(ctx: Ctx, task_id: int) -> Task:
    """Task #`task_id` of the member's (or of a member of their team), else refused."""
    task = ctx.session.get(Task, task_id)
    if task is None or task.tenant_id != ctx.tenant.id:
        raise ctx.refuse("task_reopen_none", id=task_id, hint=example(ctx, "task"))
    mine = ctx.member.id in (task.assignee_id, task.creator_id)
    if not mine and not (ctx.is_admin or (ctx.is_manager and ctx.people.share_a_team(
            ctx.member.id, task.assignee_id))):
        raise ctx.refuse("task_not_yours", id=task_id)
    return task


def handle_reopen_task(ctx: Ctx, cmd: ReopenTask) -> Reply:
    task = _task(ctx, cmd.task_id)
    if task.done_at is None:
        return Reply(lines=(ctx.t("task_open_already", id=task.id, title=task.title),))
    task.done_at, task.done_by_id = None, None
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "task.reopen", "task", task.id, at=ctx.now)
    return Reply(lines=(ctx.t("task_reopened", id=task.id, title=task.title), ctx.t("task_undo_hint")))


def handle_reassign_task(ctx: Ctx, cmd: ReassignTask) -> Reply:
    task = _task(ctx, cmd.task_id)
    if not ctx.is_manager and not ctx.is_admin:
        raise ctx.refuse("task_for_others", example=example(ctx, "task"))
    assignee = visible_member(ctx, cmd.assignee)
    was = ctx.session.get(Member, task.assignee_id)
    if cmd.why:  # `… because he knows them`: said back, never a day or a title (fix34b)
        ctx.notes.append(ctx.t("why_said_not_kept", left=cmd.why))
    if assignee.id == task.assignee_id:
        return Reply(lines=(ctx.t("task_given_already", id=task.id, title=task.title,
                                  name=assignee.display_name),))
    task.assignee_id = assignee.id
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "task.reassign", "task", task.id, at=ctx.now,
                     assignee=assignee.id, was=was.id if was else None)
    if assignee.id != ctx.member.id:
        told = t(assignee.locale, "task_given_you", name=ctx.member.display_name, id=task.id,
                 title=task.title)
        ctx.emit(MemberTold(f"task:{task.id}:given:{assignee.id}:{ctx.now.isoformat()}", assignee.id,
                            Reply(lines=(told,), locale=assignee.locale)))
    return Reply(lines=(ctx.t("task_reassigned", id=task.id, title=task.title,
                              was=was.display_name if was else "–", name=assignee.display_name),
                        ctx.t("task_undo_hint")))
