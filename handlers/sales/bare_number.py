"""A bare number said done with what came of it (`7搞定了 小米说预算下周批下来`, `7 done - xiaomi
says budget next week`), r20: the number is one of the member's own records, never another rep's.

A rep's bare number refers only to what that rep may touch: an open follow-up of their own visit,
or an open task they were given or gave. Where only a task of theirs has that number, the task is
meant (its done offered, one tap: a task keeps no note), never a question about a colleague's
visit's follow-up day. Where both are theirs and the words name a customer (小米), the one about
that customer is meant."""
from __future__ import annotations

import re

from handlers.context import Ctx
from handlers.grammar import commands as c
from handlers.grammar.parse_done import DONE_NOTED
from handlers.grammar.unsaid import customers_in
from storage.models.sales import Task, Visit
from storage.sales import CustomerRepository

_BARE = re.compile(r"^\s*#?\d")


def task_meant(ctx: Ctx, text: str, visit_ids: tuple[int, ...], note: str) -> bool:
    """Whether the bare number of `text` (`7搞定了 …`) means the member's open task of that number
    rather than follow-up `visit_ids`: no open follow-up of theirs has it, or the words name the
    task's customer and not the visit's."""
    if not _BARE.match(text) or len(visit_ids) != 1:
        return False
    [number] = visit_ids
    task = ctx.session.get(Task, number)
    if task is None or task.tenant_id != ctx.tenant.id or task.done_at is not None \
            or ctx.member.id not in (task.assignee_id, task.creator_id):
        return False
    if not _own_follow_up(ctx, number):
        return True
    visit = ctx.session.get(Visit, number)
    named = customers_in(note, CustomerRepository(ctx.session).names(ctx.tenant.id))
    ids = CustomerRepository(ctx.session).ids_named(ctx.tenant.id, named) if named else set()
    return task.customer_id in ids and visit.customer_id not in ids


def task_said(ctx: Ctx, text: str) -> c.DoneFollowups | None:
    """`7搞定了 小米说预算下周批下来` where 7 is no open follow-up of the member's (a colleague's
    visit, or the member's task): the done as said (its handler offers the task's done, or says
    #7 is no follow-up of theirs: handlers/sales/visits.py), never a question about that visit's
    follow-up day; None otherwise."""
    found = DONE_NOTED.fullmatch(" ".join(text.split()))
    if found is None or not _BARE.match(text):
        return None
    ids = (int(found["id"]),)
    if not task_meant(ctx, text, ids, found["note"]) and _own_follow_up(ctx, ids[0]):
        return None  # the member's own follow-up: its day asked about as it was
    return c.DoneFollowups(ids, found["note"])  # a colleague's visit: nothing of it asked about


def _own_follow_up(ctx: Ctx, number: int) -> bool:
    visit = ctx.session.get(Visit, number)
    return visit is not None and visit.tenant_id == ctx.tenant.id and visit.member_id == ctx.member.id \
        and visit.follow_up_on is not None and not visit.follow_up_done
