"""The local demo: a manager and five reps, customers, three months of visits and deals, targets.

Everything is dated relative to today, so the demo always looks like a team in the middle of work.
"""
from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import delete
from sqlalchemy.orm import Session, sessionmaker

from bot.console.place import PLATFORM, TENANT
from handlers.grammar.commands import Period
from handlers.rules.close_reasons import categorize
from handlers.rules.working_days import is_working_day, period_bounds
from handlers.senders import Defaults
from storage import destinations
from storage.address import Address, Kind
from storage.models.base import Base, utcnow
from storage.models.sales import OPEN_STAGES, Task
from storage.models.team import Contest, Tip
from storage.people import PeopleRepository
from storage.reports import TargetRepository
from storage.sales import CustomerRepository, DealRepository, VisitRepository

MANAGER = ("王芳", "zh")
REPS = (("Ana", "en"), ("Bo", "en"), ("张伟", "zh"), ("李娜", "zh"), ("Tom", "en"))
CUSTOMERS = ("华为", "腾讯", "阿里巴巴", "比亚迪", "美的集团", "海尔", "小米", "京东", "联想", "格力",
             "Acme Corp", "Globex", "Initech", "Umbrella", "Stark Industries", "Wayne Enterprises")
NOTES = ("见了采购总监，需求明确", "demo went well, CFO joined", "介绍了新版本，客户很感兴趣",
         "pricing questions, send quote", "技术交流，约了下周演示", "met the CTO, wants a pilot",
         "回访老客户，有增购意向", "contract review with legal")
WIN_REASONS = ("交付周期短", "beat them on delivery time", "服务响应快", "better integration")
LOSS_REASONS = ("价格太高", "price too high", "选择了竞争对手", "budget frozen")


def seed(session_factory: sessionmaker[Session], defaults: Defaults, *, reset: bool = False,
         now: dt.datetime | None = None) -> bool:
    """Fill the console tenant with demo data; False when it already has members (and no reset)."""
    now = now or utcnow()
    with session_factory.begin() as session:
        people = PeopleRepository(session)
        tenant = people.tenant(PLATFORM, TENANT)
        if tenant and not reset and people.has_members(tenant.id):
            return False
        if tenant:
            for table in reversed(Base.metadata.sorted_tables):
                if "tenant_id" in table.c:
                    session.execute(delete(table).where(table.c.tenant_id == tenant.id))
        else:
            tenant = people.add_tenant(PLATFORM, TENANT, "Demo", "CNY")
        _fill(session, tenant.id, defaults, now, random.Random(2026))
    return True


def _fill(session: Session, tenant_id: int, defaults: Defaults, now: dt.datetime, rng) -> None:
    people = PeopleRepository(session)
    zone = ZoneInfo(defaults.timezone)
    today = now.astimezone(zone).date()
    team = people.add_team(tenant_id, "华东 East", timezone=defaults.timezone,
                           holiday_calendar=defaults.calendar)
    destinations.set_address(people.s, team.id, "slack", Address("slack", "", Kind.CHANNEL, "#east-sales"))
    manager = people.add_member(tenant_id, MANAGER[0], role="admin", locale=MANAGER[1],
                                identity=(PLATFORM, MANAGER[0]))
    people.join_team(team.id, manager.id)
    reps = []
    for name, locale in REPS:
        rep = people.add_member(tenant_id, name, locale=locale, identity=(PLATFORM, name))
        people.join_team(team.id, rep.id)
        reps.append(rep)
    start = today - dt.timedelta(days=91)
    customers = [CustomerRepository(session).add(
        tenant_id, name, rng.choice(reps).id, tier=rng.choice("AABBBCC"),
        lifecycle=rng.choice(("potential", "intent", "customer")),
        created_at=_at(start + dt.timedelta(days=rng.randrange(80)), zone, rng))
        for name in CUSTOMERS]
    _visits(session, tenant_id, reps, customers, start, today, zone, rng, _going_cold(reps, customers, today))
    _deals(session, tenant_id, reps, customers, today, zone, rng)
    _targets(session, tenant_id, team.id, manager.id, reps, today)
    _tasks(session, tenant_id, manager, reps, customers, today, now)
    _review_and_contest(session, tenant_id, team.id, manager, reps, today, now)


TASKS = (("给{customer}发报价", -2), ("send {customer} the signed NDA", 0),
         ("约{customer}的采购总监吃饭", 1), ("prepare the demo for {customer}", 3),
         ("回访{customer}，确认交付时间", None))


def _tasks(session, tenant_id, manager, reps, customers, today, now) -> None:
    """A few tasks the manager gave (one overdue, one due today), and one a rep gave herself."""
    for index, (title, days) in enumerate(TASKS):
        rep, customer = reps[index % len(reps)], customers[index]
        due = today + dt.timedelta(days=days) if days is not None else None
        giver = rep if days is None else manager
        session.add(Task(tenant_id=tenant_id, assignee_id=rep.id, creator_id=giver.id,
                         title=title.format(customer=customer.name), due_on=due,
                         customer_id=customer.id, created_at=now - dt.timedelta(days=3)))


TIPS = (("报价", "先报标准价，再用服务合同换折扣"),
        ("pricing", "bundle the service contract instead of a discount"),
        ("demo", "bring the customer's own data to the demo"))


def _review_and_contest(session, tenant_id, team_id, manager, reps, today, now) -> None:
    """Lessons the team kept, and a visits contest running this week and next."""
    for (topic, text), rep in zip(TIPS, reps, strict=False):
        session.add(Tip(tenant_id=tenant_id, author_id=rep.id, topic=topic, text=text,
                        created_at=now - dt.timedelta(days=2)))
    first = today - dt.timedelta(days=today.weekday())
    session.add(Contest(tenant_id=tenant_id, team_id=team_id, metric="visits", starts_on=first,
                        ends_on=first + dt.timedelta(days=13), creator_id=manager.id, created_at=now))


def _going_cold(reps, customers, today) -> dict[int, dt.date]:
    """{customer id: the last day anyone visits it}: for the first two reps, an A-tier customer
    last seen 20 days ago and a B-tier one 38 days ago, so that `due visits` has them on day one."""
    quiet = {}
    for rep in reps[:2]:
        owned = [c for c in customers if c.owner_id == rep.id][:2]
        for customer, (tier, days) in zip(owned, (("A", 20), ("B", 38)), strict=False):
            customer.tier = tier
            quiet[customer.id] = today - dt.timedelta(days=days)
    return quiet


def _visits(session, tenant_id, reps, customers, start, today, zone, rng, quiet) -> None:
    visits = VisitRepository(session)
    day = start
    while day <= today:
        if is_working_day(day, "CN"):
            for rep in reps:
                for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
                    follow_up = None
                    if rng.random() < 0.25:
                        follow_up = day + dt.timedelta(days=rng.choice((1, 2, 3, 7, 14)))
                    customer, at = rng.choice(customers), _at(day, zone, rng)
                    notes = rng.choice(NOTES)
                    done = bool(follow_up and follow_up < today and rng.random() < 0.8)
                    if day > quiet.get(customer.id, day):
                        continue  # going cold (every draw made all the same: the rest stays as it was)
                    visits.add(tenant_id=tenant_id, member_id=rep.id, customer_id=customer.id, visited_at=at,
                               notes=notes, follow_up_on=follow_up, follow_up_done=done)
        day += dt.timedelta(days=1)


def _deals(session, tenant_id, reps, customers, today, zone, rng) -> None:
    """Nine deals a rep: one open in every stage, three won and one lost over the last months (the
    first win in this month, so that progress has revenue to show whatever the day)."""
    deals = DealRepository(session)
    month_start = today.replace(day=1)
    for rep in reps:
        for n in range(9):
            final = OPEN_STAGES[n % 5] if n < 5 else ("won", "won", "won", "lost")[n - 5]
            if final in OPEN_STAGES:
                path = list(OPEN_STAGES[1:OPEN_STAGES.index(final) + 1])
                last = today - dt.timedelta(days=rng.randrange(0, 25))
            else:  # a won deal went the whole way; a lost one dropped out on the way
                path = [*OPEN_STAGES[1:None if final == "won" else rng.randrange(2, 5)], final]
                last = today - dt.timedelta(days=rng.randrange(0, 85))
                if n == 5:
                    last = month_start + dt.timedelta(days=rng.randrange((today - month_start).days + 1))
            opened = last - dt.timedelta(days=rng.randrange(10, 40))
            deal = deals.add(tenant_id=tenant_id, owner_id=rep.id,
                             customer_id=rng.choice(customers).id,
                             title=rng.choice(("ERP", "CRM", "云服务", "数据平台", "Pilot", "续约")),
                             stage="lead", amount=Decimal(rng.choice((5, 8, 12, 20, 30, 50))) * 10_000,
                             currency="CNY",
                             expected_close=today + dt.timedelta(days=rng.randrange(5, 60)),
                             now=_at(opened, zone, rng))
            for step, stage in enumerate(path, start=1):
                when = opened + (last - opened) * step / len(path)
                deals.move(deal, stage, rep.id, _at(when, zone, rng))
            if final in ("won", "lost"):
                deal.reason = rng.choice(WIN_REASONS if final == "won" else LOSS_REASONS)
                deal.reason_category, deal.competitor = categorize(deal.reason, won=final == "won")


def _targets(session, tenant_id, team_id, manager_id, reps, today) -> None:
    targets = TargetRepository(session)
    for offset in (-2, -1, 0):
        start, _ = period_bounds(Period("month", offset), today)
        for rep in reps:
            for metric, amount in (("revenue", Decimal(400_000)), ("visits", Decimal(30)),
                                   ("new_customers", Decimal(2))):
                targets.set(tenant_id=tenant_id, member_id=rep.id, metric=metric,
                            period_kind="month", period_start=start, amount=amount,
                            set_by_id=manager_id)
    start, _ = period_bounds(Period("quarter"), today)
    targets.set(tenant_id=tenant_id, team_id=team_id, metric="revenue", period_kind="quarter",
                period_start=start, amount=Decimal(6_000_000), set_by_id=manager_id)


def _at(day: dt.date, zone: ZoneInfo, rng) -> dt.datetime:
    """A working-hours moment on `day`, in UTC."""
    local = dt.datetime.combine(day, dt.time(rng.randrange(9, 18), rng.randrange(60)), zone)
    return min(local.astimezone(dt.timezone.utc), utcnow())
