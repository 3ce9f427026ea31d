"""What the member's previous message in this conversation changed: only that is corrected at
once (`no make it 12/30`, `不对 改成12月30`, `make it 28k`). Every message is kept as the member's
last one in its conversation (storage/last_messages.py, refused ones too), with the changes it
made; a correction after a message that changed nothing there (refused, or a list) corrects
nothing older, and one in a DM after a change made in a channel corrects nothing there (nor does
it stop the correction then said in the channel)."""
from __future__ import annotations

from handlers.context import Ctx
from handlers.text.reply import Reply
from storage import last_messages
from storage.changes import changes_made_by
from storage.models.messaging import LastMessage
from storage.models.sales import Change


def last_said(ctx: Ctx) -> LastMessage | None:
    """The member's previous message in this conversation (a channel, or their DMs)."""
    return last_messages.last(ctx.session, ctx.member.id, last_messages.conversation(ctx.platform, ctx.here))


def made_last(ctx: Ctx, change: Change) -> bool:
    """Whether `change` (the member's latest) is what their previous message here did; with no
    message of theirs kept here, whether it is their latest change at all."""
    said = last_said(ctx)
    return said is None or said.changes_before < change.id <= said.changes_after


def made_with(ctx: Ctx, change: Change) -> list[Change]:
    """The changes the message that made `change` made (in effect), by their ids where that is the
    previous message here (two messages may have the same time), else by its time."""
    said = last_said(ctx)
    if said is not None and said.changes_before < change.id <= said.changes_after:
        mine = {"after": said.changes_before, "upto": said.changes_after}
    else:
        mine = {"at": change.at}
    return changes_made_by(ctx.session, ctx.tenant.id, ctx.member.id, done=True, **mine)


def nothing_since(ctx: Ctx, change: Change) -> str | None:
    """What the member's previous message here was (its words, "" for a button) when it changed
    nothing and came after `change`; else None."""
    said = last_said(ctx)
    return said.text if said is not None and change.id <= said.changes_before else None


def not_last(ctx: Ctx, change: Change, example: str) -> Reply | None:
    """Why `change` (the member's latest) is not corrected: the previous message here changed
    nothing (it is quoted), or the change was made in another conversation since; None when it is
    what that message did. `example`: what to type instead."""
    said = last_said(ctx)
    if said is None or said.changes_before < change.id <= said.changes_after:
        return None
    if change.id > said.changes_after:  # made since, in another conversation
        return Reply(lines=(ctx.t("correction_elsewhere", label=change.label, example=example),), ok=False)
    if said.text:
        return Reply(lines=(ctx.t("correction_after_nothing", said=said.text, example=example),), ok=False)
    return Reply(lines=(ctx.t("correction_after_nothing_tap", example=example),), ok=False)
