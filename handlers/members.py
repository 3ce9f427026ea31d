"""The member, team and scope a message names, and whose numbers the asker may see or set."""
from __future__ import annotations

from handlers.context import Ctx
from handlers.grammar import vocabulary as V
from handlers.grammar.commands import Scope
from handlers.grammar.normal import name_fold
from handlers.rules.name_likeness import sounds_like
from handlers.text.reply import Button
from storage.models.team import Team
from storage.models.workspace import Member


def member_named(ctx: Ctx, name: str, *, inactive_too: bool = False) -> Member:
    """The member `name` means. A mention (`<@U1>` on Slack, an `<at>` on Teams) names a platform
    user id and only that; a name a person typed names the user with that id on this platform
    first, display names after (a display name set to someone's id never borrows them)."""
    if name in ctx.mentioned:
        member = ctx.people.by_identity(ctx.tenant.id, ctx.platform, name)
        if member is None or not (member.active or inactive_too):
            raise ctx.refuse("member_unknown", name=name)
        return member
    found = members_named(ctx, name, inactive_too=inactive_too)
    if not found:
        raise ctx.refuse("member_unknown", name=name)
    if len(found) > 1:
        raise ctx.refuse("member_candidates", name=name,
                         names=", ".join(m.display_name for m in found))
    if name_fold(found[0].display_name) != name_fold(name) and name not in ctx.mentioned:
        ctx.notes.append(ctx.t("member_taken_as", name=name, member=found[0].display_name))  # `@B`
    return found[0]


def members_named(ctx: Ctx, name: str, *, inactive_too: bool = False) -> list[Member]:
    """The members a typed `name` may mean: by user id or name (`find_members`), else by the name
    with script, width and case aside (`張偉` is 张伟, as customers are matched), else its start."""
    found = ctx.people.find_members(ctx.tenant.id, name, inactive_too=inactive_too, platform=ctx.platform)
    key = name_fold(name)
    if found or not key:
        return found
    members = [m for m in ctx.people.members(ctx.tenant.id) if m.active or inactive_too]
    same = [m for m in members if name_fold(m.display_name) == key]
    return same or [m for m in members if name_fold(m.display_name).startswith(key)][:10] \
        or [m for m in members if sounds_like(name, m.display_name)][:10]  # `li na` for 李娜: said
    # back as taken (`member_named`), asked where two names sound alike


def team_named(ctx: Ctx, name: str | None) -> Team:
    """The team `name`, or the asker's home team when no name is given."""
    if name is None:
        if ctx.team is None:
            raise ctx.refuse("no_team")
        return ctx.team
    team = ctx.people.team_by_name(ctx.tenant.id, name)
    if team is None:
        teams = ctx.people.teams(ctx.tenant.id)
        key = name_fold(name)  # `East` for 华东 East: offered, the message kept whole
        folded = {name_fold(t.name): t.name for t in teams}
        near = [other for theirs, other in folded.items() if key and (key in theirs or theirs in key)] \
            or [folded[w] for w in [V.near_word(key, folded)] if w]  # `Sales Tem`
        buttons = tuple(Button(other, ctx.text.replace(name, other, 1)) for other in near[:3]
                        if name in ctx.text)
        raise ctx.refuse("team_unknown", name=name, teams=", ".join(t.name for t in teams) or "-",
                         buttons=buttons)
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


def visible_member(ctx: Ctx, name: str, *, inactive_too: bool = False) -> Member:
    """Another member whose numbers the asker may see: themselves, or a member of a managed team."""
    other = member_named(ctx, name, inactive_too=inactive_too)
    if other.id == ctx.member.id or ctx.is_admin:
        return other
    if ctx.is_manager and ctx.people.share_a_team(ctx.member.id, other.id):
        return other
    raise ctx.refuse("not_your_member")


def managers_team(ctx: Ctx, scope: Scope) -> Scope:
    """A manager's bare `pipeline`, `stalled` or `deals` (`漏斗`) is about their team, not their own
    (an admin in no team: the team everyone starts in)."""
    return Scope("team") if scope.kind == "me" and ctx.is_manager and ctx.team else scope


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
        return team.name, ctx.people.counted(team), team
    return ctx.member.display_name, [ctx.member], None


def not_a_member(ctx: Ctx, name: str) -> None:
    """Refused where a new customer's `name` is a member's (`给张伟开个商机 …`, `deal for Ana: …`): a
    member is never made a customer; a manager is told how to open a deal for them."""
    lead = name.replace("：", ":").split(":")[0].strip().lstrip("@")
    found = next((m for m in ctx.people.members(ctx.tenant.id)
                  if name_fold(m.display_name) in (name_fold(name), name_fold(lead))), None)
    if found is None:
        return
    from handlers.grammar.commands import UpsertDeal
    from handlers.text.strings import WORDS, name_of

    word = name_of(WORDS, "deal", ctx.locale)
    key = "member_not_customer_deal" if isinstance(ctx.command, UpsertDeal) else "member_not_customer"
    give = f"{word} #… {'to' if ctx.locale == 'en' else '转给'} {found.display_name}"
    example = f"{word} {'Acme 50k' if ctx.locale == 'en' else '华为 5万'}"
    raise ctx.refuse(key, name=found.display_name, example=example, give=give)


def may_manage(ctx: Ctx, owner_id: int | None) -> bool:
    """The owner themselves, an admin, or a manager of a team the owner is in."""
    if owner_id == ctx.member.id or ctx.is_admin:
        return True
    return ctx.is_manager and owner_id is not None and ctx.people.share_a_team(ctx.member.id, owner_id)
