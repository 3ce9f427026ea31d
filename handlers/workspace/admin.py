"""Customers, teams, roles, leave and help."""
from __future__ import annotations

from dataclasses import replace
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from handlers import places
from handlers.context import Ctx
from handlers.grammar.commands import (
    ChangeTeam,
    ConfigureTeam,
    CreateTeam,
    ListCustomers,
    ListTeams,
    SetCustomer,
    SetLanguage,
    SetRole,
    TakeLeave,
)
from handlers.grammar.vocabulary import HERE_WORDS, OFF_WORDS
from handlers.lookup import customer_named, example, in_reach
from handlers.members import managed_team, member_named, visible_member
from handlers.rules.working_days import is_valid_calendar
from handlers.text import format as fmt
from handlers.text.reply import Button, Reply, Table
from handlers.text.strings import LIFECYCLE_NAMES, ROLE_NAMES, name_of
from handlers.workspace.leave_cancel import cancel_leave
from handlers.workspace.leave_note_day import note_meant
from handlers.workspace.leave_overlap import days_meant
from storage import destinations
from storage.models.workspace import Member
from storage.sales import CustomerRepository


def handle_set_customer(ctx: Ctx, cmd: SetCustomer) -> Reply:
    customer = customer_named(ctx, cmd.name)
    if ctx.created_customers and not cmd.name.strip().startswith("+"):  # `customer Foobar tier A`,
        raise _ask_new_customer(ctx, cmd)  # `客户关系` (a label typed): a customer is only made when
        # meant, asked first (a typo of a known name, or a new one?); `customer +Foobar` makes it
    changing = cmd.tier or cmd.lifecycle
    if changing:
        in_reach(ctx, customer)
    if cmd.tier:
        customer.tier = cmd.tier
    if cmd.lifecycle:
        customer.lifecycle = cmd.lifecycle
    if changing:
        ctx.people.audit(ctx.tenant.id, ctx.member.id, "customer.update", "customer", customer.id,
                         tier=customer.tier, lifecycle=customer.lifecycle)
    owner = ctx.session.get(Member, customer.owner_id) if customer.owner_id else None
    lines = [ctx.t("new_customer", customer=customer.name)] if ctx.created_customers else []
    if changing and not ctx.created_customers:
        lines.append(ctx.t("customer_updated", name=customer.name))
    fields = ((ctx.t("tier"), customer.tier or "–"),
              (ctx.t("lifecycle"), name_of(LIFECYCLE_NAMES, customer.lifecycle, ctx.locale)),
              (ctx.t("owner"), owner.display_name if owner else "–"))
    return Reply(title=customer.name, lines=tuple(lines), fields=fields)


def handle_list_customers(ctx: Ctx, cmd: ListCustomers) -> Reply:
    rows = CustomerRepository(ctx.session).listing(ctx.tenant.id, cmd.tier)
    if not rows:
        return Reply(title=ctx.t("customers_title"), lines=(ctx.t("customers_none"),))
    zone = ctx.zone
    table = tuple(
        (c.name, c.tier or "–", owner or "–", str(open_deals),
         fmt.day(last.astimezone(zone).date(), ctx.today, ctx.locale) if last else "–")
        for c, owner, open_deals, last in rows)
    headers = tuple(ctx.t(k) for k in ("col_customer", "col_tier", "col_owner", "col_open",
                                       "col_last_visit"))
    return Reply(title=ctx.t("customers_title"), table=Table(headers, table))


def handle_list_teams(ctx: Ctx, _cmd: ListTeams) -> Reply:
    teams = ctx.people.teams(ctx.tenant.id)
    if not teams:
        return Reply(title=ctx.t("teams_title"),
                     lines=(ctx.t("teams_none", example=example(ctx, "team", 1)),))
    lines = []
    for team in teams:
        names = ", ".join(f"{m.display_name}" + ("*" if m.role != "rep" else "")
                          for m in ctx.people.roster(team.id)) or "–"
        where = ", ".join(places.shown(address, ctx.locale)
                          for address in destinations.addresses(ctx.session, team.id))
        lines.append(ctx.t("team_line", name=team.name, channel=where, members=names))
    return Reply(title=ctx.t("teams_title"), lines=tuple(lines))


def handle_create_team(ctx: Ctx, cmd: CreateTeam) -> Reply:
    if ctx.people.team_by_name(ctx.tenant.id, cmd.name):
        raise ctx.refuse("team_exists", name=cmd.name)
    home = ctx.team
    team = ctx.people.add_team(
        ctx.tenant.id, cmd.name, timezone=home.timezone if home else ctx.default_timezone,
        holiday_calendar=home.holiday_calendar if home else ctx.default_calendar)
    if cmd.channel:
        found = places.typed(cmd.channel, ctx.platform)
        if found is None:
            raise ctx.refuse("bad_place_value", value=cmd.channel, hint=example(ctx, "team", 8))
        destinations.set_address(ctx.session, team.id, found[0].platform, found[1])
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "team.create", "team", team.id, name=team.name)
    return Reply(lines=(ctx.t("team_created", name=team.name),))


def handle_change_team(ctx: Ctx, cmd: ChangeTeam) -> Reply:
    """Add people to a team or remove them. Added to a team, they leave the team everyone starts
    in (which then gives no one reach over them), and the reply says so; the admin is out of
    every manager's reach."""
    team = managed_team(ctx, cmd.name)
    members = [member_named(ctx, name) for name in cmd.members]
    if not ctx.is_admin:
        for member in members:
            if member.role == "admin":
                raise ctx.refuse("admin_out_of_reach", name=member.display_name)
            if cmd.add:
                _may_join(ctx, team, member)
    default = ctx.people.default_team(ctx.tenant.id)
    moved = []
    for member in members:
        if cmd.add:
            ctx.people.join_team(team.id, member.id)
            if default is not None and default.id != team.id and ctx.people.leave_team(default.id, member.id):
                moved.append(member.display_name)
        else:
            ctx.people.leave_team(team.id, member.id)
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "team.add" if cmd.add else "team.remove",
                     "team", team.id, members=",".join(str(m.id) for m in members))
    key = "team_added" if cmd.add else "team_removed"
    lines = [ctx.t(key, team=team.name, names=", ".join(m.display_name for m in members))]
    if moved:
        lines.append(ctx.t("team_left_default", names=", ".join(moved), team=default.name))
    return Reply(lines=tuple(lines))


def _may_join(ctx: Ctx, team, member: Member) -> None:
    """A manager adds reps who are in no team, only in the team everyone starts in while it has no
    manager, or only in teams they manage; moving people from other teams (the default team
    too once it has a manager), and adding managers or admins, is for admins."""
    admins = ", ".join(m.display_name for m in active_admins(ctx)) or "-"
    if member.role != "rep":
        raise ctx.refuse("team_add_not_rep", name=member.display_name, admins=admins)
    default = ctx.people.default_team(ctx.tenant.id)
    unmanaged = default is not None and not any(  # the team everyone starts in, while no one runs it
        row.role in ("manager", "admin") for row in ctx.people.roster(default.id))
    mine = {t.id for t in ctx.teams} | ({default.id} if unmanaged else set())
    elsewhere = [t for t in ctx.people.teams_of(member.id) if t.id not in mine]
    if elsewhere:
        raise ctx.refuse("team_add_other_team", name=member.display_name, team=elsewhere[0].name,
                         admins=admins)


def handle_configure_team(ctx: Ctx, cmd: ConfigureTeam) -> Reply:
    team = managed_team(ctx, cmd.name)
    if cmd.setting in places.words():
        return _place_team(ctx, team, cmd)
    value = cmd.value.upper() if cmd.setting == "calendar" else cmd.value
    if cmd.setting == "stall":
        days = int(cmd.value) if cmd.value.isdigit() else 0
        if not 1 <= days <= 365:
            raise ctx.refuse("bad_stall_days", value=cmd.value, hint=example(ctx, "team", 4))
        team.stall_days = days
    elif cmd.setting == "timezone":
        if not _is_timezone(cmd.value):
            raise ctx.refuse("bad_timezone", value=cmd.value)
        team.timezone = cmd.value
    else:
        if not is_valid_calendar(cmd.value):
            raise ctx.refuse("bad_calendar", value=cmd.value)
        team.holiday_calendar = value
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "team.set", "team", team.id,
                     setting=cmd.setting, value=value)
    return Reply(lines=(ctx.t(f"team_set_{cmd.setting}", team=team.name, value=value),))


def _place_team(ctx: Ctx, team, cmd: ConfigureTeam) -> Reply:
    """`team set East channel #east-sales | here | off`: where the team's posts go on one platform,
    as that platform's plugin reads and shows it (`handlers/places.py`)."""
    candidates = places.taking(cmd.setting, ctx.platform)
    value = cmd.value.lower()
    if value in OFF_WORDS:  # the place the word names that the team has, said here first
        has = {address.platform for address in destinations.addresses(ctx.session, team.id)}
        place = next((p for p in candidates if p.platform in has), candidates[0])
        destinations.set_address(ctx.session, team.id, place.platform, None)
        ctx.people.audit(ctx.tenant.id, ctx.member.id, "team.set", "team", team.id,
                         setting=place.platform, value=None)
        return Reply(lines=(ctx.t("team_unset_place", team=team.name, platform=place.name(ctx.locale)),))
    if value in HERE_WORDS:  # the chat it is said in
        if ctx.here is None:
            raise ctx.refuse("channel_here_elsewhere", example=example(ctx, "team", 9))
        if ctx.here_shared and not ctx.is_admin:  # outsiders would read the team's numbers
            raise ctx.refuse("channel_here_shared", team=team.name)
        destinations.set_address(ctx.session, team.id, ctx.platform, ctx.here)
        ctx.people.audit(ctx.tenant.id, ctx.member.id, "team.set", "team", team.id,
                         setting=ctx.platform, value=ctx.here.target, shared=ctx.here_shared)
        return Reply(lines=(ctx.t("team_set_here_shared" if ctx.here_shared else "team_set_here",
                                  team=team.name),))
    found = next(((p, a) for p in candidates if (a := p.address(cmd.value)) is not None), None)
    if found is None:
        place = candidates[0]
        raise ctx.refuse("bad_place", value=cmd.value, platform=place.name(ctx.locale),
                         what=place.hint[ctx.locale == "zh"])
    place, address = found
    destinations.set_address(ctx.session, team.id, place.platform, address)
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "team.set", "team", team.id,
                     setting=place.platform, value=address.target)
    return Reply(lines=(ctx.t("team_set_place", team=team.name, address=place.shown(address),
                              platform=place.name(ctx.locale)),))


def _is_timezone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def handle_set_role(ctx: Ctx, cmd: SetRole) -> Reply:
    member = member_named(ctx, cmd.member, inactive_too=True)  # `role @bo rep` brings Bo back
    if cmd.role != "admin" and active_admins(ctx) == [member]:
        raise ctx.refuse("last_admin", name=member.display_name)
    if cmd.role == "inactive":  # they left: off rosters and prompts; what they did stays
        member.active = False
        ctx.people.audit(ctx.tenant.id, ctx.member.id, "member.active", "member", member.id, active=False)
        return Reply(lines=(ctx.t("member_deactivated", name=member.display_name),))
    member.role, member.active = cmd.role, True
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "member.role", "member", member.id, role=cmd.role)
    return Reply(lines=(ctx.t("role_set", name=member.display_name,
                              role=name_of(ROLE_NAMES, cmd.role, ctx.locale)),))


def active_admins(ctx: Ctx) -> list[Member]:
    return [m for m in ctx.people.members(ctx.tenant.id) if m.role == "admin" and m.active]


def handle_take_leave(ctx: Ctx, cmd: TakeLeave) -> Reply:
    """Take, list or cancel leave: one's own, or (a manager) that of a member of their team."""
    member = ctx.member
    if cmd.member:
        member = visible_member(ctx, cmd.member)
        if member.id != ctx.member.id and not ctx.is_manager:
            raise ctx.refuse("not_allowed")
    day = lambda d: fmt.day(d, ctx.today, ctx.locale)
    days = lambda first, last: day(first) if first == last else f"{day(first)} – {day(last)}"  # r31zh #113
    who = member.display_name
    if cmd.first_day is None and not cmd.cancel:  # the listing
        coming = ctx.people.leave_of(member.id, ctx.today)
        lines = [ctx.t("leave_line", days=days(x.first_day, x.last_day)) + (f" · {x.note}" if x.note
                 else "") for x in coming]
        return Reply(title=ctx.t("leave_title", who=who), lines=tuple(lines) or (ctx.t("leave_none"),))
    if cmd.cancel:  # only the days named come off (handlers/workspace/leave_cancel.py)
        return cancel_leave(ctx, member, cmd.first_day, cmd.last_day, day)
    if cmd.last_day < ctx.today:
        raise ctx.refuse("leave_past", hint=example(ctx, "leave"))
    cmd = note_meant(ctx, cmd)  # `…, ill be in on the 1st`: a why naming a day is asked about
    overlapping = [x for x in ctx.people.leave_of(member.id, ctx.today)
                   if x.first_day <= cmd.last_day and x.last_day >= cmd.first_day or x.id == cmd.replaces]
    overlapping.sort(key=lambda x: x.id != cmd.replaces)  # `no, 12/28-12/31`: the leave just entered
    if overlapping:  # the member's own leave of those days is changed, never a second one beside it;
        # where it would drop a day of that leave unasked, asked first (handlers/workspace/leave_overlap.py)
        return _change_leave(ctx, member, overlapping, days_meant(ctx, cmd, overlapping), days)
    ctx.people.add_leave(member.id, cmd.first_day, cmd.last_day, cmd.note)
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "leave.add", "member", member.id, at=ctx.now,
                     first=cmd.first_day, last=cmd.last_day, note=cmd.note)
    kept = (ctx.t("leave_note_kept", note=cmd.note),) if cmd.note else ()  # `leave fri, dentist`: why
    if member.id != ctx.member.id:
        return Reply(lines=(ctx.t("leave_set_for", who=who, days=days(cmd.first_day, cmd.last_day)), *kept))
    return Reply(lines=(ctx.t("leave_set", days=days(cmd.first_day, cmd.last_day)), *kept))


def _change_leave(ctx: Ctx, member: Member, overlapping: list, cmd: TakeLeave, days) -> Reply:
    """`leave 12/24-12/29` over the member's leave of 12/24-12/31: that leave now has the new days
    (any other leave it overlaps goes into it), each change said; `undo` puts them back."""
    kept, lines = overlapping[0], []
    if cmd.note:  # `no, 12/28-12/31, family trip`: why, kept with the days
        kept.note = cmd.note[:200]
    for leave in overlapping:
        was = days(leave.first_day, leave.last_day)
        if leave is kept and (leave.first_day, leave.last_day) == (cmd.first_day, cmd.last_day):
            lines.append(ctx.t("leave_set", days=was))
            continue  # the same days again: nothing changes
        if leave is kept:
            leave.first_day, leave.last_day = cmd.first_day, cmd.last_day
        else:
            ctx.people.drop_leave(leave)
        ctx.people.audit(ctx.tenant.id, ctx.member.id, "leave.change", "member", member.id, at=ctx.now,
                         first=cmd.first_day, last=cmd.last_day, was_first=leave.first_day,
                         was_last=leave.last_day)
        key, who = ("leave_changed", {}) if member.id == ctx.member.id else \
            ("leave_changed_for", {"who": member.display_name})
        lines.append(ctx.t(key, **who, was=was, days=days(cmd.first_day, cmd.last_day)))
    ctx.session.flush()
    return Reply(lines=(*lines, *((ctx.t("leave_note_kept", note=cmd.note),) if cmd.note else ())))


def handle_set_language(ctx: Ctx, cmd: SetLanguage) -> Reply:
    ctx.member.locale = ctx.locale = cmd.locale
    return Reply(lines=(ctx.t("language_set"),))


def _ask_new_customer(ctx: Ctx, cmd: SetCustomer):
    """The question before `customer NAME …` creates NAME (`customer Foobar tier A`, a typed label
    `客户关系`, a short name of one we do not know): one tap makes it."""
    name = cmd.name.strip()
    typed = ctx.text.replace(name, f"+{name}", 1) if name in (ctx.text or "") else f"+{name}"
    button = Button(ctx.t("new_customer_button", name=name)[:75], typed, action=replace(cmd, name=f"+{name}"))
    return ctx.refuse("customer_new_ask", name=name, buttons=(button,), hint=ctx.t("answer_hint_one"))

