"""Turning names in a message into rows, and who may see or change what."""
from __future__ import annotations

import re

from handlers.commands import Scope
from handlers.context import Ctx
from handlers.messages import usage
from storage.models import Customer, Member, Team
from storage.sales import CustomerRepository

_CJK = re.compile(r"[\u3400-\u9fff]")


def customer_named(ctx: Ctx, name: str) -> Customer:
    """The customer `name` means: an exact or single partial match, else a new one (noted in ctx)."""
    repo = CustomerRepository(ctx.session)
    found = repo.find(ctx.tenant.id, name)
    if len(found) == 1:
        return found[0]
    if found:
        raise _candidates(ctx, name, found)
    customer = repo.add(ctx.tenant.id, name.strip(), ctx.member.id, created_at=ctx.now)
    ctx.created_customers.append(customer.name)
    return customer


def customer_and_title(ctx: Ctx, words: tuple[str, ...]) -> tuple[Customer, str | None]:
    """Split `华为 ERP项目` or `Acme Corp` into a customer and a title.

    All the words may name a customer (exactly or as the only partial match); else the longest
    leading run that is exactly a customer's name wins and the rest is the title. For an unknown
    customer the first word is the name when it is Chinese (names have no spaces), else all words
    are (put a title in quotes: `deal Acme Corp "ERP rollout"`).
    """
    repo = CustomerRepository(ctx.session)
    found = repo.find(ctx.tenant.id, " ".join(words))
    if len(found) > 1:
        raise _candidates(ctx, " ".join(words), found)
    if found:
        return found[0], None
    for size in range(len(words) - 1, 0, -1):
        exact = repo.exact(ctx.tenant.id, " ".join(words[:size]))
        if exact:
            return exact, " ".join(words[size:])
    if len(words) > 1 and _CJK.search(words[0]):
        return customer_named(ctx, words[0]), " ".join(words[1:])
    return customer_named(ctx, " ".join(words)), None


def _candidates(ctx: Ctx, name: str, found: list[Customer]):
    return ctx.refuse("customer_candidates", name=name,
                      hint=" · ".join(c.name for c in found))


def member_named(ctx: Ctx, name: str, *, inactive_too: bool = False) -> Member:
    found = ctx.people.find_members(ctx.tenant.id, name, inactive_too=inactive_too)
    if not found:
        raise ctx.refuse("member_unknown", name=name)
    if len(found) > 1:
        raise ctx.refuse("member_candidates", name=name,
                         names=", ".join(m.display_name for m in found))
    return found[0]


def team_named(ctx: Ctx, name: str | None) -> Team:
    """The team `name`, or the asker's home team when no name is given."""
    if name is None:
        if ctx.team is None:
            raise ctx.refuse("no_team")
        return ctx.team
    team = ctx.people.team_by_name(ctx.tenant.id, name)
    if team is None:
        teams = ", ".join(t.name for t in ctx.people.teams(ctx.tenant.id)) or "-"
        raise ctx.refuse("team_unknown", name=name, teams=teams)
    return team


def manages(ctx: Ctx, team: Team) -> bool:
    return ctx.is_admin or (ctx.is_manager and team.id in {t.id for t in ctx.teams})


def managed_team(ctx: Ctx, name: str | None) -> Team:
    """A team the asker manages (admins manage all), or a refusal saying why not."""
    if not ctx.is_manager:
        raise ctx.refuse("not_allowed")
    team = team_named(ctx, name)
    if not manages(ctx, team):
        raise ctx.refuse("not_your_team")
    return team


def visible_member(ctx: Ctx, name: str) -> Member:
    """Another member whose numbers the asker may see: themselves, or a member of a managed team."""
    other = member_named(ctx, name)
    if other.id == ctx.member.id or ctx.is_admin:
        return other
    if ctx.is_manager and ctx.people.share_a_team(ctx.member.id, other.id):
        return other
    raise ctx.refuse("not_your_member")


def scope_members(ctx: Ctx, scope: Scope, *, team_needs_manager: bool) -> tuple[str, list, Team | None]:
    """(label, members, team) a report covers (members: Member objects or roster rows alike).

    Reps may see their own team's progress; other team reports need a manager of the team.
    """
    if scope.kind == "member":
        other = visible_member(ctx, scope.name or "")
        return other.display_name, [other], None
    if scope.kind == "team":
        team = managed_team(ctx, scope.name) if team_needs_manager else team_named(ctx, scope.name)
        if not team_needs_manager and not ctx.is_admin and team.id not in {t.id for t in ctx.teams}:
            raise ctx.refuse("not_your_team")
        return team.name, ctx.people.roster(team.id), team
    return ctx.member.display_name, [ctx.member], None


def example(ctx: Ctx, topic: str, index: int = 0) -> str:
    return usage(topic, ctx.locale)[index]
