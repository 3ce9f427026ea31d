"""`link`: one person on Slack and WeCom becomes one member. On one platform `link` gives a code;
on the other `link CODE` joins that account (and its data) to the member the code stands for."""
from __future__ import annotations

from handlers.commands import Link
from handlers.context import Ctx
from handlers.messages import WORDS, name_of
from handlers.reply import Reply
from storage.linking import CODE_LIFETIME, adopt_tenant, issue_code, merge_member, redeem_code


def handle_link(ctx: Ctx, cmd: Link) -> Reply:
    if cmd.code is None:
        code = issue_code(ctx.session, ctx.member, ctx.now)
        minutes = int(CODE_LIFETIME.total_seconds() // 60)
        return Reply(title=ctx.t("link_code_title", code=code),
                     lines=(ctx.t("link_code", minutes=minutes,
                                  example=f"{name_of(WORDS, 'link', ctx.locale)} {code}"),))
    target = redeem_code(ctx.session, cmd.code, ctx.now)
    if target is None or target.id == ctx.member.id:
        raise ctx.refuse("link_bad_code")
    source_tenant = ctx.tenant
    crossing = target.tenant_id != source_tenant.id
    if crossing and any(m.id != ctx.member.id for m in ctx.people.members(source_tenant.id)):
        raise ctx.refuse("link_other_people")
    merge_member(ctx.session, ctx.member, target)
    if crossing:
        adopt_tenant(ctx.session, source_tenant, target.tenant_id)
    ctx.people.audit(target.tenant_id, target.id, "member.link", "member", target.id,
                     platform=source_tenant.platform)
    return Reply(lines=(ctx.t("link_done", name=target.display_name),))
