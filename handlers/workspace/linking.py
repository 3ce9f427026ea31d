"""`link`: one person on two chat apps (the registered platforms) becomes one member. On one app `link`
gives a code; on another app `link CODE` joins that account (and its data) to the member the code
stands for.

A code is eight digits, single-use, one live per member, valid ten minutes, and works only on a
platform other than the one that gave it (on the same platform it could only be someone else's
account taking over). A link joins two accounts of one person inside the company's workspaces; it
connects another workspace (tenant) only when the code is an admin's (connecting is an admin's
act: every other admin is told), never a rep's, so no one brings a whole organisation in.
A member who sends LOCK_AFTER wrong codes within LOCK_WINDOW cannot link for
LOCK_WINDOW after the last; every code asked for, link, failed attempt and lockout is audited.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from handlers import places
from handlers.context import Ctx
from handlers.events import WorkspaceConnected
from handlers.grammar.commands import Link
from handlers.grammar.parse_admin import LINK_YES
from handlers.text import format as fmt
from handlers.text.reply import Button, Reply
from handlers.text.strings import WORDS, name_of, t
from storage.linking import CODE_LIFETIME, adopt_tenant, burn_code, issue_code, merge_member, redeem_code
from storage.models.workspace import Member, Tenant
from storage.people import PeopleRepository

LOCK_AFTER = 5
LOCK_WINDOW = dt.timedelta(minutes=15)


def handle_link(ctx: Ctx, cmd: Link) -> Reply:
    if cmd.code is None:
        code = issue_code(ctx.session, ctx.member, ctx.platform, ctx.now)
        ctx.people.audit(ctx.tenant.id, ctx.member.id, "member.link_code", "member", ctx.member.id,
                         at=ctx.now, platform=ctx.platform)
        minutes = int(CODE_LIFETIME.total_seconds() // 60)
        return Reply(title=ctx.t("link_code_title", code=code),
                     lines=(ctx.t("link_code", minutes=minutes, apps=_other_apps(ctx),
                                  example=f"{name_of(WORDS, 'link', ctx.locale)} {code}"),))
    until = locked_until(ctx.session, ctx.member, ctx.now)
    if until:
        raise ctx.refuse("link_locked", until=_when(ctx, until))
    found = redeem_code(ctx.session, cmd.code, ctx.now)
    if found is None or found[0].id == ctx.member.id:
        raise _failed(ctx, "link_bad_code", "unknown")
    target, issued_on = found
    if issued_on == ctx.platform:
        raise _failed(ctx, "link_same_platform", "same platform", code=cmd.code, apps=_other_apps(ctx))
    if _has_identity(ctx.session, target, ctx.platform):
        raise ctx.refuse("link_already", name=target.display_name)
    source_tenant = ctx.tenant
    crossing = target.tenant_id != source_tenant.id
    if crossing and target.role != "admin":  # a rep's link never brings an organisation in
        admins = ", ".join(m.display_name for m in _admins(ctx.session, target.tenant_id)) or "-"
        raise ctx.refuse("link_not_connected", platform=places.name(ctx.platform, ctx.locale),
                         admins=admins)
    if crossing and any(m.id != ctx.member.id for m in ctx.people.members(source_tenant.id)):
        raise ctx.refuse("link_other_people")
    workspace = source_tenant.external_id
    if crossing and not cmd.confirm:  # connecting a workspace is said out loud first (code kept)
        platform = places.name(ctx.platform, ctx.locale)
        yes = f"{name_of(WORDS, 'link', ctx.locale)} {cmd.code} {LINK_YES[ctx.locale == 'zh']}"
        raise ctx.refuse("link_confirm_connect", name=target.display_name, platform=platform,
                         workspace=workspace, command=yes,
                         buttons=(Button(ctx.t("link_confirm_button", workspace=workspace), yes,
                                         style="primary"),))
    ctx.change_kind, ctx.change_actor = "member.link", target  # undone by the joined member's `undo`
    merge_member(ctx.session, ctx.member, target)
    if crossing:
        adopt_tenant(ctx.session, source_tenant, target.tenant_id)
        _announce_connection(ctx, target, workspace)
    ctx.people.audit(target.tenant_id, target.id, "member.link", "member", target.id,
                     at=ctx.now, platform=ctx.platform, code_from=issued_on)
    lines = [ctx.t("link_done", name=target.display_name)]
    if crossing:
        lines.append(ctx.t("tenant_connected", name=target.display_name, workspace=workspace,
                           platform=places.name(ctx.platform, ctx.locale)))
    return Reply(lines=tuple(lines))


def _other_apps(ctx: Ctx) -> str:
    """The chat apps but this one, as people call them: `WeCom or Teams`."""
    *head, last = places.names(ctx.locale, but=ctx.platform) or [""]
    if not head:
        return last
    return f"{'、'.join(head)}或{last}" if ctx.locale == "zh" else f"{', '.join(head)} or {last}"


def _admins(session: Session, tenant_id: int) -> list[Member]:
    return sorted(PeopleRepository(session).admins(tenant_id), key=lambda member: member.id)


def _announce_connection(ctx: Ctx, admin: Member, workspace: str) -> None:
    """Connecting a workspace is told to every other admin of the company, and audited."""
    tenant = ctx.session.get(Tenant, admin.tenant_id)
    others = [m for m in _admins(ctx.session, tenant.id) if m.id != admin.id]
    for m in others:
        ctx.emit(WorkspaceConnected(ctx.platform, workspace, m.id, Reply(lines=(t(
            m.locale, "tenant_connected", name=admin.display_name, workspace=workspace,
            platform=places.name(ctx.platform, m.locale)),),
            locale=m.locale)))
    ctx.people.audit(tenant.id, admin.id, "tenant.connect", "tenant", tenant.id, at=ctx.now,
                     platform=ctx.platform, workspace=workspace)


def locked_until(session: Session, member: Member, now: dt.datetime) -> dt.datetime | None:
    """When a member's linking lockout ends, or None when they may try."""
    failures = PeopleRepository(session).audited_since(member.tenant_id, member.id, "member.link_failed",
                                                       now - LOCK_WINDOW)
    return max(failures) + LOCK_WINDOW if len(failures) >= LOCK_AFTER else None


def _failed(ctx: Ctx, key: str, why: str, code: str | None = None, **fields):
    """A refusal whose attempt is audited (and counted) although the message stores nothing."""
    def record(session: Session, member: Member) -> None:
        if code:
            burn_code(session, code)
        people = PeopleRepository(session)
        people.audit(member.tenant_id, member.id, "member.link_failed", "member", member.id,
                     at=ctx.now, reason=why, platform=ctx.platform)
        session.flush()
        if locked_until(session, member, ctx.now):
            people.audit(member.tenant_id, member.id, "member.link_locked", "member", member.id,
                         at=ctx.now, until=(ctx.now + LOCK_WINDOW).isoformat())
    return ctx.refuse(key, record=record, **fields)


def _has_identity(session: Session, member: Member, platform: str) -> bool:
    return PeopleRepository(session).has_identity(member.tenant_id, member.id, platform)


def _when(ctx: Ctx, moment: dt.datetime) -> str:
    local = moment.astimezone(ctx.zone)
    return f"{fmt.day(local.date(), ctx.today, ctx.locale)} {local:%H:%M}"
