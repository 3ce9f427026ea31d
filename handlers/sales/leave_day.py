"""A task or a visit's follow-up put on a day its assignee is on leave: stored as said (the day was
said outright), and one line says that the assignee is on leave that day, so a clash is seen at once.
Leave is read through the people repository."""
import datetime as dt

from handlers.context import Ctx
from storage.models.workspace import Member


def note_on_leave(ctx: Ctx, member: Member, day: dt.date | None) -> None:
    """Add to the reply that `member` is on leave on `day`, where they are (nothing otherwise)."""
    if day is not None and member.id in ctx.people.on_leave_among([member.id], day):
        ctx.notes.append(ctx.t("on_leave_that_day", name=member.display_name, day=ctx.day(day)))
