"""Tasks: give one (to oneself, or as a manager to a rep of one's team), list them, mark them done.

A task given to someone else reaches them at once, in their language, with a Done button; its
giver hears when it is done. A rep's list is their one "to do": tasks and follow-ups together,
overdue first. A manager's is their teams' open tasks, by person, overdue first.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from handlers.context import Ctx, Refusal
from handlers.events import MemberTold, TaskGiven
from handlers.grammar.commands import AddTask, DoneTask, ListFollowups, ListTasks
from handlers.grammar.emoticons import edges_clean
from handlers.grammar.normal import name_fold
from handlers.known_names import customer_in_words
from handlers.lookup import example, known_customers
from handlers.members import visible_member
from handlers.rules.name_likeness import similar_customers
from handlers.sales import task_people
from handlers.sales.leave_day import note_on_leave
from handlers.sales.task_customers import ask_which, customers_named
from handlers.sales.task_named import named_assignee
from handlers.sales.task_team import for_the_team, offer_each
from handlers.text import format as fmt
from handlers.text.reply import Button, Heading, Reply
from handlers.text.strings import WORDS, name_of, t
from handlers.text.when_read import day_mark
from storage import tasks as task_store
from storage.deals_found import deals_of_customer
from storage.models.sales import Customer, Deal, Task
from storage.models.workspace import Member
from storage.sales import CustomerRepository, DealRepository, VisitRepository

SHOWN = 30  # tasks listed in one reply


def _for_others(ctx: Ctx, cmd: AddTask) -> Refusal | None:
    """The refusal of a rep's task for someone else (only managers give tasks), or None."""
    if cmd.assignee is None or ctx.is_manager or name_fold(cmd.assignee) in _my_names(ctx):
        return None
    from handlers.grammar.reading import read  # the grammar reads tasks: kept lazy

    named = cmd.assignee.lower()
    said = re.sub(rf"(?<![A-Za-z])for\s+(?=@?{re.escape(named)}\s*[:：])", "", ctx.text,
                  flags=re.I)  # `task for bo: …`: no `for` left in her own task
    mine = " ".join(w for w in said.split() if w.lower() not in (f"@{named}", f"{named}:", f"@{named}:"))
    if mine != ctx.text.strip() and not isinstance(read(mine, ctx.today).command, AddTask):
        mine = f"{WORDS['task'][ctx.locale == 'zh']} {mine}"  # `@Bo 明天帮我…`: `任务 明天帮我…`
    if mine == ctx.text.strip() or not isinstance(mine_read := read(mine, ctx.today).command, AddTask):
        return ctx.refuse("task_for_others", example=example(ctx, "task"))  # their words, no @name
    return ctx.refuse("task_for_others", example=mine, buttons=(Button(mine[:75], mine, action=mine_read),))


def options_for_others(ctx: Ctx, asked) -> Refusal | None:
    """The refusal of a question whose every choice is a task a rep may not give (`task @bo visit
    tencent this week` by a rep: its day asked): said at once, never a tap then refused (r26)."""
    from handlers.grammar.reading import read  # the grammar reads tasks: kept lazy

    if not ctx.is_manager and (each := task_people.for_others(ctx, asked)) is not None:
        return each  # `Ana and Bo both need to …` by Ana: only her own task offered (fix34b)
    made = [option[2] if option[2] is not None else read(option[1], ctx.today).command  # `@Bo 明天…`:
            for option in asked.options or () if len(option) > 2]  # its line read, never offered then refused
    if not made or not all(isinstance(task, AddTask) and task.assignee for task in made):
        return None
    return _for_others(ctx, named_assignee(ctx, made[0]))


def handle_add_task(ctx: Ctx, cmd: AddTask) -> Reply:
    task_people.several_named(ctx, cmd)  # `task Ana and Bo send …`: one task each, asked (fix34b)
    assignee, cmd = ctx.member, named_assignee(ctx, cmd)  # `task ana: …`: Ana's
    if cmd.assignee is not None:
        if ctx.is_manager and for_the_team(ctx, cmd):  # `task @team …`: one each, offered
            raise offer_each(ctx, cmd)
        if (refused := _for_others(ctx, cmd)) is not None:
            raise refused
        assignee = visible_member(ctx, cmd.assignee)
    if cmd.due is not None and cmd.due < ctx.today:
        raise ctx.refuse("task_due_past", hint=example(ctx, "task"))
    cmd = replace(cmd, title=edges_clean(cmd.title) or cmd.title)  # no stray `(` or `-` at an edge
    customer, deal = (None, None) if cmd.customer == "" else _about(ctx, cmd)  # "": no customer, as tapped
    if cmd.customer is None and cmd.deal_id is None and len(named := customers_named(ctx, cmd.title)) > 1:
        raise ask_which(ctx, cmd, named)  # `call 腾讯 and 阿里 …`: which one, asked (r31en #122)
    same = task_store.same_open_task(ctx.session, assignee.id, cmd.title, customer.id if customer else None,
                                     deal.id if deal else None)
    if same is not None:  # a second press of the same button, or the same message twice
        return Reply(lines=(ctx.t("task_exists", name=assignee.display_name, id=same.id, title=same.title),))
    task = Task(tenant_id=ctx.tenant.id, assignee_id=assignee.id, creator_id=ctx.member.id,
                title=cmd.title, due_on=cmd.due, customer_id=customer.id if customer else None,
                deal_id=deal.id if deal else None, created_at=ctx.now)
    ctx.session.add(task)
    ctx.session.flush()
    note_on_leave(ctx, assignee, task.due_on)  # due on a day of leave: kept, said
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "task.add", "task", task.id, at=ctx.now,
                     assignee=assignee.id, title=cmd.title, due=cmd.due)
    about = customer.name if customer else None
    if assignee.id != ctx.member.id:
        ctx.emit(TaskGiven(task.id, assignee.id, _given(ctx, task, assignee, about)))
    fields = [(ctx.t("task_for"), assignee.display_name)] if assignee.id != ctx.member.id else []
    fields += [(ctx.t(key), value) for key, value in (
        ("task_due", task.due_on and fmt.day_stored(task.due_on, ctx.today, ctx.locale)),
        ("task_about", about or (deal and f"#{deal.id} {deal.title}"))) if value]
    done = [] if assignee.id != ctx.member.id else [done_button(ctx.locale, task.id)]
    return Reply(title=ctx.t("task_added", id=task.id, title=task.title), fields=tuple(fields),
                 buttons=tuple(done))


def handle_list_tasks(ctx: Ctx, cmd: ListTasks) -> Reply:
    """A manager: their teams' open tasks by person; anyone else: their own to-do list;
    `tasks @ana`: Ana's open tasks, for whoever may see her numbers."""
    if cmd.day is not None:
        return due_on(ctx, cmd.day, cmd.last)
    if cmd.member is not None:
        return _tasks_of(ctx, visible_member(ctx, cmd.member))
    if not ctx.is_manager:
        return todo(ctx)
    teams = ctx.teams or ([ctx.team] if ctx.team else [])  # an admin in no team: the default one
    member_ids = {m.id for team in teams for m in ctx.people.roster(team.id)} | {ctx.member.id}
    rows = open_tasks(ctx, member_ids)
    if not rows:
        return Reply(title=ctx.t("tasks_team_title"),
                     lines=(ctx.t("tasks_none", example=example(ctx, "task", 1)),))
    lines, person = [], None
    for task, name in sorted(rows, key=lambda row: (row[1], _order(ctx, row[0]))):
        if name != person:
            person = name
            lines.append(Heading(name))
        lines.append(_line(ctx, task))
    return Reply(title=ctx.t("tasks_team_title"), lines=tuple(lines[:SHOWN * 2]))


def _tasks_of(ctx: Ctx, member: Member) -> Reply:
    rows = sorted((task for task, _name in open_tasks(ctx, {member.id})), key=lambda task: _order(ctx, task))
    title = ctx.t("tasks_of_title", name=member.display_name)
    if not rows:
        return Reply(title=title, lines=(ctx.t("tasks_none", example=example(ctx, "task", 1)),))
    return Reply(title=title, lines=tuple(_line(ctx, task) for task in rows[:SHOWN]))


def todo(ctx: Ctx) -> Reply:
    """A rep's one list: their open tasks (overdue first), then their follow-ups."""
    from handlers.sales.tiers import due_lines
    from handlers.sales.visits import handle_list_followups

    followups = handle_list_followups(ctx, ListFollowups())
    rows = [task for task, _name in ctx.mine("open_tasks", lambda ids: task_store.open_tasks_of(
        ctx.session, ids), [])]
    due = due_lines(ctx)
    if not rows and not due:
        return followups
    tasks = sorted(rows, key=lambda task: _order(ctx, task))[:SHOWN]
    lines = ((Heading(ctx.t("tasks_title")), *(_line(ctx, task) for task in tasks)) if tasks else ()) + (
        Heading(followups.title), *followups.lines, *due)
    buttons = tuple(done_button(ctx.locale, task.id) for task in tasks[:3]) + followups.buttons[:2]
    return Reply(title=ctx.t("todo_title"), lines=lines, buttons=buttons, locale=ctx.locale)


def due_on(ctx: Ctx, day: dt.date, last: dt.date | None = None) -> Reply:
    """`whats due tmrw` · `任务 明天`: the member's open tasks and follow-ups due that day;
    `tasks due this week` · `任务 本周`: due from `day` to `last`. A span from today on lists what is
    overdue first, said so (`my tasks for this week` on a Sunday: the week ahead, and what is late)."""
    repo, last = VisitRepository(ctx.session), last or day
    late = last != day and day >= ctx.today  # one day asked (`whats due tmrw`): that day only

    def shown(due: dt.date | None) -> bool:
        return due is not None and due <= last and (day <= due or late and due < ctx.today)

    tasks = sorted((task for task, _name in ctx.mine(("tasks", last), lambda ids: task_store.open_tasks_of(
        ctx.session, ids, last), []) if shown(task.due_on)), key=lambda task: (task.due_on, task.id))
    followups = sorted(((visit, customer) for visit, customer in ctx.mine(  # soonest first (r31zh #164)
        ("followups", last), lambda ids: repo.open_followups_of(ids, last), []) if shown(visit.follow_up_on)),
        key=lambda row: (row[0].follow_up_on, row[0].id))
    when = ctx.day(day) if last == day else ctx.t("due_between", first=ctx.day(day), last=ctx.day(last))
    if not tasks and not followups:
        return Reply(title=ctx.t("due_on_title", day=when), lines=(ctx.t("due_on_none", day=when),))
    overdue = [_line(ctx, task) for task in tasks if task.due_on < day] + [
        _followup_line(visit, customer) for visit, customer in followups if visit.follow_up_on < day]
    tasks = [task for task in tasks if task.due_on >= day]
    shown = [(visit, customer) for visit, customer in followups if visit.follow_up_on >= day]
    lines = ((Heading(ctx.t("followups_overdue")), *overdue) if overdue else ()) + (
        (Heading(ctx.t("tasks_title")), *(_line(ctx, task) for task in tasks)) if tasks else ()) + ((
        Heading(ctx.t("followups_title")), *(_followup_line(visit, customer) for visit, customer in shown))
        if shown else ())
    if not tasks and not shown:
        lines += (ctx.t("due_on_none", day=when),)
    done = name_of(WORDS, "done", ctx.locale)
    buttons = tuple(done_button(ctx.locale, task.id) for task in tasks[:3]) + tuple(
        Button(f"✓ #{visit.id}", f"{done} {visit.id}") for visit, _customer in followups[:2])
    return Reply(title=ctx.t("due_on_title", day=when), lines=lines, buttons=buttons)


def _followup_line(visit, customer) -> str:
    return " · ".join(w for w in (f"#{visit.id} {customer}", visit.next_step or visit.notes) if w)


def anything_due(ctx: Ctx, day: dt.date) -> bool:
    """Whether the member has a follow-up or a task due by `day`, or a customer due a visit: the
    morning list goes only then. In a job run each is read once for all its members."""
    from handlers.sales.tiers import my_due_customers

    repo = VisitRepository(ctx.session)
    return bool(ctx.mine(("followups", day), lambda ids: repo.open_followups_of(ids, day), [])
                or ctx.mine(("tasks", day), lambda ids: task_store.open_tasks_of(ctx.session, ids, day), [])
                or my_due_customers(ctx))


def handle_done_task(ctx: Ctx, cmd: DoneTask) -> Reply:
    """Done by the assignee, the giver, or a manager of the assignee's team; the giver is told."""
    done = []
    for task_id in cmd.task_ids:
        task = ctx.session.get(Task, task_id)
        if task is None or task.tenant_id != ctx.tenant.id or task.done_at is not None:
            raise ctx.refuse("task_none", id=task_id, hint=example(ctx, "task"))
        mine = ctx.member.id in (task.assignee_id, task.creator_id)
        if not mine and not (ctx.is_admin or (ctx.is_manager and ctx.people.share_a_team(
                ctx.member.id, task.assignee_id))):
            raise ctx.refuse("task_not_yours", id=task_id)
        task.done_at, task.done_by_id = ctx.now, ctx.member.id
        ctx.people.audit(ctx.tenant.id, ctx.member.id, "task.done", "task", task.id, at=ctx.now)
        if task.creator_id != ctx.member.id:
            giver = ctx.session.get(Member, task.creator_id)
            ctx.emit(MemberTold(f"task:{task.id}:done", giver.id, Reply(lines=(t(
                giver.locale, "task_done_told", name=ctx.member.display_name, id=task.id, title=task.title),
                *((f"“{cmd.note}”",) if cmd.note else ())), locale=giver.locale)))
        done.append(task)
    lines = tuple(ctx.t("task_done", id=task.id, title=task.title) for task in done)
    if cmd.note:  # `done task 8 - deck shared in drive`: the words said back, not kept
        givers = [task for task in done if task.creator_id != ctx.member.id]
        told = ctx.session.get(Member, givers[0].creator_id).display_name if givers else ""
        lines += (ctx.t("task_note_told" if told else "task_note_not_kept", note=cmd.note, name=told),)
    return Reply(lines=lines)


def open_tasks(ctx: Ctx, member_ids: set[int], due_by: dt.date | None = None) -> list[tuple[Task, str]]:
    """(task, assignee's name) of the members' open tasks (due by `due_by` when given)."""
    return task_store.open_tasks(ctx.session, member_ids, due_by)


def overdue_lines(ctx: Ctx, member_ids: list[int]) -> list[str]:
    """The digest's overdue tasks: a count, then the oldest few with whose they are."""
    rows = open_tasks(ctx, set(member_ids), ctx.today - dt.timedelta(days=1))
    if not rows:
        return []
    rows.sort(key=lambda row: row[0].due_on)
    return [ctx.t("digest_tasks_overdue", count=len(rows)),
            *(f"  {name}: {_line(ctx, task)}" for task, name in rows[:5])]


def _my_names(ctx: Ctx) -> set[str]:
    """What `@…` may say to mean the asker (`task @me …`)."""
    return {"me", "我", "自己", name_fold(ctx.member.display_name)}  # `@張偉` is 张伟 too


def _about(ctx: Ctx, cmd: AddTask) -> tuple[Customer | None, Deal | None]:
    if cmd.deal_id is not None:
        deal = DealRepository(ctx.session).get(ctx.tenant.id, cmd.deal_id)
        if deal is None:
            raise ctx.refuse("deal_not_found", id=cmd.deal_id)
        if deal.owner_id != ctx.member.id and not ctx.is_admin and not (
                ctx.is_manager and ctx.people.share_a_team(ctx.member.id, deal.owner_id)):
            owner = ctx.session.get(Member, deal.owner_id)
            raise ctx.refuse("not_your_deal", id=deal.id, title=deal.title, owner=owner.display_name)
        return ctx.session.get(Customer, deal.customer_id), deal
    if cmd.customer is not None:
        found = known_customers(ctx, cmd.customer)
        if not found and (titled := _customer_and_deal(ctx, cmd.customer)) is not None:
            return titled  # `task customer wayne security audit: …`: Wayne Enterprises' "security audit"
        if not found:
            raise _no_such_customer(ctx, cmd)
        if len(found) != 1:
            raise ctx.refuse("customer_candidates", name=cmd.customer, names=", ".join(c.name for c in found))
        return found[0], None
    return customer_in_words(ctx, cmd.title), None  # `task call huawei re pricing`: 华为's, said


def _customer_and_deal(ctx: Ctx, name: str) -> tuple[Customer, Deal | None] | None:
    """A customer's name with the title of one of its deals after it (`wayne security audit`, as
    a win's words said it and its follow-up's task line repeats them): that customer, and the
    deal when it is the asker's (won or open: the win may run just before the task); else None."""
    words = name.split()
    for size in range(len(words) - 1, 0, -1):
        found = known_customers(ctx, " ".join(words[:size]))
        if len(found) != 1:
            continue
        title = name_fold(" ".join(words[size:]))
        deals = [d for d in deals_of_customer(ctx.session, ctx.tenant.id, found[0].id)
                 if name_fold(d.title) == title]
        if deals:
            mine = [d for d in deals if d.owner_id == ctx.member.id]
            return found[0], (mine[0] if mine else None)
    return None


def _no_such_customer(ctx: Ctx, cmd: AddTask):
    """`任务 客户 中芯国际：…` with no such customer: refused with what can be done, one tap each: the
    customer it was probably meant for, the customer made and the task with it, the task alone."""
    similar = similar_customers(CustomerRepository(ctx.session).names(ctx.tenant.id), cmd.customer)
    said = ctx.text or ""
    buttons = [Button(ctx.t("task_customer_meant", name=name)[:75],
                      said.replace(cmd.customer, name, 1) or name, action=replace(cmd, customer=name))
               for name in similar]
    if ctx.text and "\n" not in ctx.text:  # the customer made, then the message as typed
        word = name_of(WORDS, "customer", ctx.locale)
        buttons.append(Button(ctx.t("task_customer_new", name=cmd.customer)[:75],
                              f"{word} +{cmd.customer}\n{ctx.text}"))
    alone = f"{cmd.title}（{cmd.customer}）" if ctx.locale == "zh" else f"{cmd.title} ({cmd.customer})"
    buttons.append(Button(ctx.t("task_customer_none")[:75], f"{name_of(WORDS, 'task', ctx.locale)} {alone}",
                          action=replace(cmd, customer=None, title=alone)))
    return ctx.refuse("customer_unknown", name=cmd.customer, hint=ctx.t("task_customer_offers"),
                      buttons=tuple(buttons))


def _given(ctx: Ctx, task: Task, assignee: Member, about: str | None) -> Reply:
    """What the assignee gets: who gave it, what, by when (said as of when they get it: after a
    delay "tomorrow" may be today), a Done button."""
    locale = assignee.locale
    due = task.due_on and day_mark(task.due_on, assignee.timezone or str(ctx.zone))
    fields = [(t(locale, key), value) for key, value in (("task_due", due), ("task_about", about)) if value]
    return Reply(title=t(locale, "task_given", name=ctx.member.display_name, id=task.id),
                 lines=(task.title,), fields=tuple(fields), buttons=(done_button(locale, task.id),),
                 locale=locale)


def done_button(locale: str, task_id: int) -> Button:
    return Button(t(locale, "task_done_button", id=task_id),
                  f"{name_of(WORDS, 'done', locale)} {name_of(WORDS, 'task', locale)} {task_id}", "primary")


def _order(ctx: Ctx, task: Task) -> tuple:
    """Overdue first, then by due day; no due day last."""
    return (task.due_on is None, task.due_on or ctx.today, task.id)


def _line(ctx: Ctx, task: Task) -> str:
    return f"#{task.id} {task.title}{ctx.day(task.due_on, 'task') if task.due_on else ''}"
