"""Short corrections read against the member's last change (r26; handlers/grammar/short_said.py
has their words): each names no record, so it only means something right after a change it fits.

- `oops wrong one, not done yet` · `点错了 还没做完` after a task marked done: that task open again
  (`task 6 not done`); after follow-ups marked done: that done undone;
- `forget it, delete that` · `算了 删掉吧` after something was made: it is undone (deleted); after
  a change that made nothing, asked (its undo one tap away), never a record picked to delete;
- `bring it back` · `恢复一下` after a deletion: that record restored;
- `no actually she stays rep` · `不对 她还是销售` after a role change: that member's role set again.

Only the member's previous message here made the change (within RECENT, still in effect); with any
other last change these return None and the message reads as it would."""
from __future__ import annotations

import re

from handlers.context import Ctx
from handlers.grammar import commands as c
from handlers.grammar import plain_undo, short_said
from handlers.grammar.plain_undo import KINDS
from handlers.text.reply import Button, Reply
from handlers.text.strings import t
from storage.models.sales import Change
from storage.models.workspace import Member

#: The kind of record made, as `undo`'s kinds name it (plain_undo.KINDS)
_MADE = {kind: name for name, kinds in KINDS.items() for kind in kinds if name in ("task", "visit", "deal")}


def answer(ctx: Ctx, change: Change, text: str) -> c.Command | Reply | None:
    """The command `text` means of `change` (the member's last, just made), the question when it
    fits no such change (`delete that` after a stage moved), or None."""
    zh = re.search(r"[\u3400-\u9fff]", text) is not None
    command = _meant(ctx, change, text, zh)
    if command is not None:
        ctx.locale = "zh" if zh else "en"
    return command


def _meant(ctx: Ctx, change: Change, text: str, zh: bool) -> c.Command | Reply | None:
    if short_said.not_done(text):
        if change.kind == "DoneTask" and change.entity == "tasks" and change.entity_id:
            ctx.text = f"任务 {change.entity_id} 未完成" if zh else f"task {change.entity_id} not done"
            return c.ReopenTask(change.entity_id)
        if change.kind == "DoneFollowups":
            ctx.text = "撤销" if zh else "undo"
            return c.Undo("done")
        return None
    if short_said.delete_that(text):
        if _created(change) and change.kind in _MADE:
            ctx.text = "撤销" if zh else "undo"
            return c.Undo(_MADE[change.kind])  # undone only if it still is the last change
        locale, word = ("zh", "撤销") if zh else ("en", "undo")  # `delete that` after a stage moved: asked
        lines = (t(locale, "delete_that_what", label=change.label[:60]), t(locale, "answer_hint_one"))
        return Reply(lines=lines, ok=False, locale=locale, buttons=(Button(word, plain_undo.sure(locale)),))
    if short_said.bring_back(text):
        if change.kind.endswith(".delete") and change.entity_id:
            kind = change.entity.removesuffix("s")
            noun = t("zh", f"noun_{kind}") if zh else kind  # `恢复 拜访 #412`: the label undo shows
            ctx.text = f"恢复 {noun} #{change.entity_id}" if zh else f"restore {kind} #{change.entity_id}"
            return c.Restore(kind, str(change.entity_id))
        return None
    if (role := short_said.role_kept(text)) is not None and change.kind == "SetRole" \
            and change.entity == "members" and change.entity_id:
        member = ctx.session.get(Member, change.entity_id)
        if member is None or member.tenant_id != ctx.tenant.id:
            return None
        ctx.text = f"角色 @{member.display_name} {role}" if zh else f"role @{member.display_name} {role}"
        return c.SetRole(member.display_name, role)
    return None


def _created(change: Change) -> bool:
    """Whether `change` made its main record (nothing was there before it)."""
    return any(row.get("t") == change.entity and row.get("b") is None and row.get("a") is not None
               for row in change.rows or ())
