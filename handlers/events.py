"""What happened, for whoever must hear of it: the one way out of the core.

Handlers and jobs do not write outgoing messages; they say what happened (`ctx.emit(DealWon(…))`,
`run.emit(Notice(…))`). The message's or run's unit of work collects the events, and
`handlers.outgoing.queue` turns them into outbox rows in the same transaction, with the addresses
of every place that must hear (cosmicpython's `collect_new_events` → message bus). Each event is
a fact and the words to say it with (a `Reply`, in the language of those who read it).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from handlers.text.reply import Reply
from storage.address import Address


@dataclass(frozen=True)
class Answer:
    """The answer to a message, where it was said. `key`: the message's own, so a retry answers
    nothing twice. `given`: the caller gave all of it in
    the request itself (WeCom's passive reply, a Slack form's errors): kept as sent."""

    key: str
    to: Address
    reply: Reply
    given: bool = False
    due: dt.datetime | None = None  # the caller sends it itself before then (the web's fast path)
    taken: bool = False  # its row was written when the message arrived: it is filled in


@dataclass(frozen=True)
class DealWon:
    """A deal won: every team its owner is in hears it (an admin in no team: the first team)."""

    deal_id: int
    owner_id: int
    post: Reply


@dataclass(frozen=True)
class TargetReached:
    """A member or a team reached a target (`fact`: `target:m3:revenue:month:2026-11-01`)."""

    key: str
    team_id: int
    post: Reply


@dataclass(frozen=True)
class ContestStarted:
    contest_id: int
    team_id: int
    post: Reply


@dataclass(frozen=True)
class ContestChanged:
    """New days for a contest (each change told once: `at` is when)."""

    contest_id: int
    team_id: int
    post: Reply
    at: dt.datetime


@dataclass(frozen=True)
class ContestCancelled:
    contest_id: int
    team_id: int
    post: Reply
    at: dt.datetime


@dataclass(frozen=True)
class ContestEnded:
    """A contest's result (its fact `contest:ID`: rewritten when the standings change after)."""

    contest_id: int
    team_id: int
    post: Reply


@dataclass(frozen=True)
class TaskGiven:
    task_id: int
    assignee_id: int
    message: Reply


@dataclass(frozen=True)
class MemberTold:
    """A direct message to one member that a message caused (a task done, a record a manager
    changed or deleted): `key` says which, so it goes once."""

    key: str
    member_id: int
    message: Reply


@dataclass(frozen=True)
class MemberJoined:
    """A newcomer joined a team: `told_id` (a manager, else an admin) hears it."""

    member_id: int
    team_id: int
    told_id: int
    message: Reply


@dataclass(frozen=True)
class WorkspaceConnected:
    """A workspace of another platform was linked: `told_id` (another admin) hears it."""

    platform: str
    workspace: str
    told_id: int
    message: Reply


@dataclass(frozen=True)
class Notice:
    """A job's direct message to a member (a reminder, a digest, a standup prompt)."""

    key: str
    member_id: int
    message: Reply


@dataclass(frozen=True)
class TeamPost:
    """A job's post to a team's channels (a standup summary, the month's top sellers)."""

    key: str
    team_id: int
    post: Reply


@dataclass(frozen=True)
class PostCorrected:
    """A post sent before, edited as `reply` or withdrawn (None); `note`: the short correction
    posted after it where the platform can do neither."""

    of: int  # the delivery's id
    to: Address
    reply: dict | None
    note: Reply
    key: str


@dataclass(frozen=True)
class MessageEdited:
    """A message sent before, shown again as `reply` (a pressed card without its buttons):
    `message_id` as the platform's sender takes it."""

    key: str
    to: Address
    message_id: str
    reply: Reply
    due: dt.datetime | None = None


Event = (Answer | DealWon | TargetReached | ContestStarted | ContestChanged | ContestCancelled | ContestEnded
         | TaskGiven | MemberTold | MemberJoined | WorkspaceConnected | Notice | TeamPost | PostCorrected
         | MessageEdited)
