"""Tasks as the to-do lists and the digest read them. Callers own the transaction."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from storage.models.sales import Customer, Task
from storage.models.workspace import Member


def open_tasks(session: Session, member_ids, due_by: dt.date | None = None) -> list[tuple[Task, str]]:
    """(task, assignee's name) of the members' open tasks (due by `due_by` when given), in one query."""
    query = (select(Task, Member.display_name).join(Member, Member.id == Task.assignee_id)
             .where(Task.assignee_id.in_(list(member_ids)), Task.done_at.is_(None))
             .order_by(Task.id))
    if due_by is not None:
        query = query.where(Task.due_on <= due_by)
    return [(task, name) for task, name in session.execute(query)]


def open_tasks_of(session: Session, member_ids, due_by: dt.date | None = None) -> dict[int, list]:
    """{member: their `open_tasks`}, in one query."""
    out: dict[int, list] = {}
    for task, name in open_tasks(session, member_ids, due_by):
        out.setdefault(task.assignee_id, []).append((task, name))
    return out


def same_open_task(session: Session, assignee_id: int, title: str, customer_id: int | None,
                   deal_id: int | None) -> Task | None:
    """The assignee's open task with this title about the same customer and deal, if any."""
    return session.scalar(select(Task).where(
        Task.assignee_id == assignee_id, Task.done_at.is_(None), Task.title == title,
        Task.customer_id == customer_id, Task.deal_id == deal_id))


def open_tasks_given_to_or_by(session: Session, tenant_id: int, member_id: int) -> list[Task]:
    """The open tasks the member was given or gave, soonest due first (those with no day last)."""
    return list(session.scalars(select(Task).where(
        Task.tenant_id == tenant_id, Task.done_at.is_(None),
        or_(Task.assignee_id == member_id, Task.creator_id == member_id))
        .order_by(Task.due_on.is_(None), Task.due_on, Task.id)))


def open_tasks_with_customer_names(session: Session, tenant_id: int) -> list[tuple[int, str, str | None]]:
    """(id, title, customer's name or None) of every open task of the tenant, by id."""
    return [tuple(row) for row in session.execute(
        select(Task.id, Task.title, Customer.name).outerjoin(Customer, Customer.id == Task.customer_id)
        .where(Task.tenant_id == tenant_id, Task.done_at.is_(None)).order_by(Task.id))]
