"""Customer care by tier (客户分类与回访): each tier is revisited on a rhythm (A every 14 days, B 30,
C 90 unless a manager changes it for their team: `tier A every 7 days` · `A类 每7天回访`); `due
visits` · `待回访` lists the customers due or overdue, the morning to-do list includes them, and the
weekly digest shows the team's customers going cold, A first, with who owns them. Buttons: a rep's
`✓ Acme` logs the visit; a manager's `📌 Ana: Acme` gives the owner a task to visit.

A customer is due when its last visit (by anyone) is as old as its tier's rhythm; one never
visited counts from when it was added. The rhythm is the owner's team's.
"""
from __future__ import annotations

import datetime as dt

from handlers.context import Ctx
from handlers.grammar.commands import AddTask, LogVisit, SetTierRhythm, ShowDueVisits
from handlers.lookup import example
from handlers.members import managed_team
from handlers.text.reply import Button, Heading, Reply
from handlers.text.strings import WORDS, name_of
from storage.models.team import Team
from storage.sales import CustomerRepository

DEFAULT_DAYS = {"A": 14, "B": 30, "C": 90}
SETTING = "tier_days"
SHOWN = 20
MAX_BUTTONS = 5


def rhythm(team: Team | None) -> dict[str, int]:
    """Days between visits for each tier, as the team set them (else the defaults)."""
    set_here = (team.settings or {}).get(SETTING, {}) if team else {}
    return {tier: int(set_here.get(tier, days)) for tier, days in DEFAULT_DAYS.items()}


def handle_set_rhythm(ctx: Ctx, cmd: SetTierRhythm) -> Reply:
    team = managed_team(ctx, cmd.team)
    if not 1 <= cmd.days <= 365:
        raise ctx.refuse("tier_days_range", hint=example(ctx, "tier"))
    before = rhythm(team)[cmd.tier]
    team.settings = {**(team.settings or {}), SETTING: {**rhythm(team), cmd.tier: cmd.days}}
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "team.tier_days", "team", team.id,
                     tier=cmd.tier, before=before, after=cmd.days)
    return Reply(lines=(ctx.t("tier_rhythm_set", team=team.name, tier=cmd.tier, days=cmd.days),))


def handle_due_visits(ctx: Ctx, cmd: ShowDueVisits) -> Reply:
    """Mine, or (a manager, `due visits team`) my teams' customers due a visit."""
    members = ({m.id for m in ctx.people.roster(managed_team(ctx, None).id)} if cmd.team
               else {ctx.member.id})
    rows = due_customers(ctx, members)
    title = ctx.t("due_visits_team_title" if cmd.team else "due_visits_title")
    if not rows:
        return Reply(title=title, lines=(ctx.t("due_visits_none", rhythm=_rhythm_text(ctx)),))
    lines = [_line(ctx, row, owner=bool(cmd.team)) for row in rows[:SHOWN]]
    if len(rows) > SHOWN:
        lines.append(ctx.t("due_visits_more", count=len(rows) - SHOWN))
    hint = ctx.t("due_visits_team_hint" if cmd.team else "due_visits_hint", rhythm=_rhythm_text(ctx))
    buttons = tuple((_task_button if cmd.team else _visited_button)(ctx, row) for row in rows[:MAX_BUTTONS])
    return Reply(title=title, lines=(*lines, hint), buttons=buttons)


def _visited_button(ctx: Ctx, row: tuple) -> Button:
    """`✓ Acme`: pressed after the visit, logs it (notes can follow: `visit #N notes …`)."""
    name = row[0]
    return Button(f"✓ {name}", f"{name_of(WORDS, 'visit', ctx.locale)} {name}", action=LogVisit(name))


def _task_button(ctx: Ctx, row: tuple) -> Button:
    """`📌 Ana: Acme`: gives the owner a task to visit the customer."""
    name, _tier, owner, *_rest = row
    title = ctx.t("due_visit_task", name=name)
    task = AddTask(title, assignee=owner, customer=name)
    word = lambda key: name_of(WORDS, key, ctx.locale)
    typed = f"{word('task')} @{owner} {word('customer')} {name}: {title}"
    return Button(f"📌 {owner}: {name}", typed, action=task)


def due_customers(ctx: Ctx, member_ids: set[int]) -> list[tuple]:
    """(customer, tier, owner name, last contact day, days overdue) of the members' customers due
    a visit, A first, then the longest overdue."""
    rows = CustomerRepository(ctx.session).tiered_of(ctx.tenant.id, member_ids, tuple(DEFAULT_DAYS))
    return _due(ctx, rows, _rhythms(ctx, {owner_id for _n, _t, owner_id, *_rest in rows}))


def _due(ctx: Ctx, rows, days_of: dict[int, dict[str, int]]) -> list[tuple]:
    out = []
    for name, tier, owner_id, owner, created, at in rows:
        since = ctx.day_of(at or created)
        over = (ctx.today - since).days - days_of[owner_id][tier]
        if over >= 0:
            out.append((name, tier, owner, since if at else None, over))
    out.sort(key=lambda row: (row[1], -row[4], row[0]))
    return out


def my_due_customers(ctx: Ctx) -> list[tuple]:
    """`due_customers` of the asker; in a job run, read once for all its members."""
    def read(ids):
        rows = CustomerRepository(ctx.session).tiered_of(ctx.tenant.id, ids, tuple(DEFAULT_DAYS))
        days_of = _rhythms(ctx, {owner_id for _n, _t, owner_id, *_rest in rows})
        out: dict[int, list] = {}
        for row in rows:
            out.setdefault(row[2], []).append(row)
        return {owner: (rows, days_of) for owner, rows in out.items()}
    mine = ctx.mine("tiered", read, None)
    return _due(ctx, *mine) if mine else []


def due_lines(ctx: Ctx) -> list[str]:
    """The to-do list's section: my customers due a visit."""
    rows = my_due_customers(ctx)
    if not rows:
        return []
    return [Heading(ctx.t("due_title")), *(_line(ctx, row, owner=False) for row in rows[:SHOWN // 2])]


def _rhythms(ctx: Ctx, owner_ids: set[int]) -> dict[int, dict[str, int]]:
    """{owner: the rhythm of their first team} in one query (the defaults for one in no team)."""
    teams = ctx.people.teams_of_many(owner_ids)
    return {owner: rhythm((teams.get(owner) or [None])[0]) for owner in owner_ids}


def cold_lines(ctx: Ctx, member_ids: list[int]) -> list[str]:
    """The weekly digest's customers going cold: a count, then the first few, A first."""
    rows = due_customers(ctx, set(member_ids))
    if not rows:
        return []
    return [ctx.t("digest_cold", count=len(rows)), *(f"  {_line(ctx, row, owner=True)}" for row in rows[:5])]


def _line(ctx: Ctx, row: tuple, owner: bool) -> str:
    name, tier, owner_name, last, over = row
    when = ctx.t("due_last_visit", when=ctx.day(last)) if last else ctx.t("due_never_visited")
    late = ctx.day(ctx.today - dt.timedelta(days=over), "visit")
    return f"{name} ({tier}) · {when} · {late}" + (f" · {owner_name}" if owner else "")


def _rhythm_text(ctx: Ctx) -> str:
    days = rhythm(ctx.team)
    return " · ".join(ctx.t("tier_every", tier=tier, days=days[tier]) for tier in DEFAULT_DAYS)
