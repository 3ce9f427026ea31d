"""Counting the SQL statements work sends to the database, and a team grown to any size with a
working day's worth of figures, so that a test can say a job or a report costs the same number of
statements for 3 reps as for 30.

`statements(engine)` listens to SQLAlchemy's `before_cursor_execute` on the real engine (SQLite
or PostgreSQL): every statement the driver is given counts, `executemany` batches as one.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

from sqlalchemy import event, select

from storage.models.base import name_key
from storage.models.sales import Customer, Deal, DealEvent, Task, Visit
from storage.models.team import Contest, StandupAnswer, Target, Team, TeamMember
from storage.models.workspace import Identity, Member, Tenant
from support import LONG_AGO, Chat

DAY = dt.date(2026, 11, 23)  # the Monday of support.NOW


@contextmanager
def statements(engine) -> Iterator[list[str]]:
    """The SQL statements sent to `engine` while the block runs, in order."""
    seen: list[str] = []

    def count(_conn, _cursor, statement, _parameters, _context, _executemany):
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", count)


def grown_team(session_factory, tenant: str, reps: int) -> Chat:
    """A console tenant `tenant` whose default team has the admin Mia and `reps` reps (Ana, Bo,
    then Rep 01, …), the i-th of them (from 0) with: a month's revenue target they are behind on
    (¥100K; one deal won for ¥10K + i × ¥1K) and a deals-won target they reached (1), an open
    deal of ¥50K moved on a stage, an A-tier customer `Customer i` last visited a month ago whose
    follow-up was due today, a task due today from Mia, and today's standup answer. A running
    contest on revenue, too."""
    chat = Chat(session_factory, tenant=tenant)
    chat.team(reps=("Ana", "Bo"))
    with session_factory.begin() as s:
        tenant_row = s.scalar(select(Tenant).where(Tenant.external_id == tenant))
        team = s.scalar(select(Team).where(Team.tenant_id == tenant_row.id))
        mia = s.scalar(select(Member).where(Member.tenant_id == tenant_row.id, Member.display_name == "Mia"))
        members = list(s.scalars(select(Member).where(Member.tenant_id == tenant_row.id, Member.role == "rep")
                                 .order_by(Member.id)))
        for i in range(1, reps - 1):
            name = f"Rep {i:02d}"
            member = Member(tenant_id=tenant_row.id, display_name=name, name_key=name_key(name),
                            role="rep", locale="zh" if i % 3 == 0 else "en", created_at=LONG_AGO)
            s.add(member)
            s.flush()
            s.add_all([Identity(tenant_id=tenant_row.id, member_id=member.id, platform="console",
                                external_user_id=name),
                       TeamMember(team_id=team.id, member_id=member.id, weight=Decimal(1),
                                  joined_at=LONG_AGO)])
            members.append(member)
        for i, member in enumerate(members):
            _figures(s, tenant_row.id, team.id, mia.id, member, i)
        s.add(Contest(tenant_id=tenant_row.id, team_id=team.id, metric="revenue", starts_on=DAY,
                      ends_on=DAY + dt.timedelta(days=10), creator_id=mia.id, created_at=LONG_AGO))
    return chat


def _figures(s, tenant_id: int, team_id: int, manager_id: int, member: Member, i: int) -> None:
    at = lambda day, hour=3: dt.datetime.combine(day, dt.time(hour), dt.timezone.utc)  # noqa: E731
    month = DAY.replace(day=1)
    s.add_all([Target(tenant_id=tenant_id, member_id=member.id, metric="revenue", period_kind="month",
                      period_start=month, amount=Decimal(100_000), set_by_id=manager_id),
               Target(tenant_id=tenant_id, member_id=member.id, metric="deals_won", period_kind="month",
                      period_start=month, amount=Decimal(1), set_by_id=manager_id)])
    customer = Customer(tenant_id=tenant_id, name=f"Customer {i:02d}", name_key=f"customer {i:02d}",
                        tier="A", owner_id=member.id, created_at=LONG_AGO)
    s.add(customer)
    s.flush()
    s.add_all([
        Visit(tenant_id=tenant_id, member_id=member.id, customer_id=customer.id,
              visited_at=at(DAY - dt.timedelta(days=30)), notes="demo", follow_up_on=DAY),
        Task(tenant_id=tenant_id, assignee_id=member.id, creator_id=manager_id, title="send the quote",
             due_on=DAY, customer_id=customer.id, created_at=at(DAY - dt.timedelta(days=3))),
        StandupAnswer(team_id=team_id, member_id=member.id, day=DAY, text=f"calling customer {i}",
                      at=at(DAY, 1))])
    opened, won_at = at(DAY - dt.timedelta(days=40)), at(DAY - dt.timedelta(days=3))
    for stage, amount, closed in (("proposal", 50_000, None), ("won", 10_000 + 1_000 * i, won_at)):
        deal = Deal(tenant_id=tenant_id, owner_id=member.id, customer_id=customer.id,
                    title=f"{stage} {i}", stage=stage, amount=Decimal(amount), currency="CNY",
                    probability=50, furthest_rank=3 if stage == "proposal" else 5,
                    stage_entered_at=closed or at(DAY - dt.timedelta(days=10)),
                    created_at=opened, updated_at=closed or at(DAY - dt.timedelta(days=10)),
                    closed_at=closed)
        s.add(deal)
        s.flush()
        s.add(DealEvent(deal_id=deal.id, owner_id=member.id, actor_id=member.id,
                        at=at(DAY - dt.timedelta(days=10)), kind="stage", from_stage="contact",
                        to_stage="proposal", seconds_in_from_stage=5 * 86400))
