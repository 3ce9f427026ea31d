"""`crm` · `CRM`: the workspace's CRM connection as a member sees it (which CRM, the last sync, the
error that stopped it), and `crm map @ana ana@corp.com` (admins): which CRM user a member is.

Connecting needs secrets, so it is done from the command line (`salesbot crm connect …`), never
typed in a chat; this module only reads and maps. It imports nothing of `crm/` (the dependency
rule): the connection and the CRM's users are rows `crm/` stored.
"""
from __future__ import annotations

from handlers.context import Ctx
from handlers.grammar.commands import Crm
from handlers.members import member_named
from handlers.text import format as fmt
from handlers.text.reply import Reply
from storage.crm import CrmRepository
from storage.crm_outbox import CrmOutbox
from storage.models.workspace import Member

CRM_NAMES = {"zoho": ("Zoho CRM", "Zoho CRM"), "fxiaoke": ("纷享销客", "纷享销客")}
_SHOWN = 10  # unmapped CRM users named in the status; the rest are counted


def handle_crm(ctx: Ctx, cmd: Crm) -> Reply:
    repo = CrmRepository(ctx.session)
    connection = repo.connection(ctx.tenant.id)
    if cmd.member is not None:
        return _map(ctx, repo, connection, cmd.member, cmd.contact)
    if connection is None:
        return Reply(title=ctx.t("crm_title_none"), lines=(ctx.t("crm_none"),))
    name = CRM_NAMES[connection.crm][ctx.locale == "zh"]
    if connection.last_sync_at:
        synced = connection.last_sync_at.astimezone(ctx.zone)
        when = f"{fmt.day(synced.date(), ctx.today, ctx.locale)} {synced:%H:%M}"
        lines = [ctx.t("crm_synced", when=when)]
    else:
        lines = [ctx.t("crm_never_synced")]
    if connection.status in ("error", "waiting", "import"):
        lines.append(ctx.t(f"crm_{connection.status}", error=connection.last_error))
    queued = CrmOutbox(ctx.session).pending(ctx.tenant.id)
    if queued:
        lines.append(ctx.t("crm_queued", count=queued))
    refused, last = CrmOutbox(ctx.session).refused(ctx.tenant.id)
    if refused:
        lines.append(ctx.t("crm_refused", count=refused, error=last))
    mapped = len(repo.remote_of(ctx.tenant.id, "member"))
    unmapped = [u for u in repo.unmapped_users(ctx.tenant.id) if not u.remote_id.startswith("email:")]
    lines.append(ctx.t("crm_users", mapped=mapped, unmapped=len(unmapped)))
    if unmapped:
        names = ", ".join(f"{u.name} <{u.email or u.mobile}>" for u in unmapped[:_SHOWN])
        more = ctx.t("crm_more", count=len(unmapped) - _SHOWN) if len(unmapped) > _SHOWN else ""
        lines.append(ctx.t("crm_unmapped", names=names + more))
    return Reply(title=ctx.t("crm_title", crm=name), lines=tuple(lines))


def _map(ctx: Ctx, repo: CrmRepository, connection, member_name: str, contact: str) -> Reply:
    member: Member = member_named(ctx, member_name, inactive_too=True)
    if connection is not None and repo.user_by_contact(ctx.tenant.id, contact) is None:
        unmapped = [f"{u.name} <{u.email or u.mobile}>" for u in repo.unmapped_users(ctx.tenant.id)
                    if not u.remote_id.startswith("email:")][:_SHOWN]
        raise ctx.refuse("crm_contact_unknown", contact=contact,
                         crm=CRM_NAMES[connection.crm][ctx.locale == "zh"],
                         names=", ".join(unmapped) or "–")
    if connection is None and "@" not in contact:
        raise ctx.refuse("crm_map_needs_email", contact=contact)
    link = repo.map_member(ctx.tenant.id, member.id, contact)
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "crm.map", "member", member.id,
                     contact=contact, crm_user=link.remote_id)
    if connection is None:
        return Reply(lines=(ctx.t("crm_mapped_pending", name=member.display_name, contact=contact),))
    return Reply(lines=(ctx.t("crm_mapped", name=member.display_name, user=link.name or contact,
                              crm=CRM_NAMES[connection.crm][ctx.locale == "zh"]),))
