"""One message, one unit of work: its answer key taken first (a retry does nothing twice), the
message run (`handlers.dispatch`), what it caused collected as events and queued with its answer
(`handlers.outgoing.queue`), and one commit; a refusal rolls it all back but the answer."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy import inspect
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from handlers.dispatch import Message, dispatch, reply_locale
from handlers.events import Answer, MemberJoined
from handlers.outgoing import queue
from handlers.rules import limits
from handlers.senders import Defaults, UserRef, identify
from handlers.text.reply import Reply
from handlers.text.strings import t
from storage import last_messages
from storage.address import Address
from storage.models.base import utcnow
from storage.models.messaging import Delivery
from storage.models.workspace import Member, Tenant
from storage.people import PeopleRepository


@dataclass(frozen=True)
class AnswerTo:
    """A message from a platform, answered through the outbox: the platform's id for the request
    (a retry of one handled stores and answers nothing), and where the answer goes, as outbox
    `Address`es (storage/address.py). The answer is queued in the transaction that stores what the
    message did, under `answer_key`, so it is sent once whatever fails or crashes after.
    `announce`: where a celebration goes when the team has no channel of its own. `held`: the
    caller sends the answer itself within this long (the web process's fast path); workers take
    it after. `in_request`: what of a reply the caller gives back in the request itself (WeCom's
    passive reply, a Slack form's errors): None when all of it (the row is kept as sent), else
    where the rest goes. `here`: the shared conversation (a channel, a group chat) the message was
    said in, as an address, for commands about "here" (`team set East channel here`)."""

    delivery: str
    workspace: str
    target: Address
    announce: Address | None = None
    held: dt.timedelta | None = None
    in_request: Callable[[Reply], Address | None] | None = None
    here: Address | None = None
    mentioned: tuple[str, ...] = ()
    shared: bool = False  # `here` is shared with another organisation
    #: filled with the keys of the rows the message queued besides its answer (a celebration
    #: said where the message was), for a caller that sends them itself at once
    caused: list[str] | None = None


def answer_key(platform: str, delivery: str) -> str:
    return f"answer:{platform}:{delivery}"[:200]


def handle_message(session_factory: sessionmaker[Session], user: UserRef, message: Message, *,
                   defaults: Defaults = Defaults(), now: dt.datetime | None = None,
                   answer_to: AnswerTo | None = None) -> Reply | None:
    """The whole path of one message in one transaction; an error reply stores nothing.

    With `answer_to`, the answer is queued in the outbox with what the message did, and a retry
    of a message handled before returns None and changes nothing. When another process registers
    the same new workspace, default team or person at the same moment, the loser's insert fails;
    it goes again (once per thing it can lose: tenant, team, member).
    """
    for _lost in range(REGISTER_ATTEMPTS - 1):
        try:
            return _handle_once(session_factory, user, message, defaults, now or utcnow(), answer_to)
        except IntegrityError:
            continue
    return _handle_once(session_factory, user, message, defaults, now or utcnow(), answer_to)


REGISTER_ATTEMPTS = 4


def _handle_once(session_factory, user: UserRef, message: Message, defaults: Defaults,
                 now: dt.datetime, answer_to: AnswerTo | None) -> Reply | None:
    with session_factory() as session:
        tenant, member, new = identify(session, user, defaults, reply_locale(message, "en"))
        if answer_to is not None and not _first(session, tenant.id, user.platform, answer_to, now):
            return None
        changes_before = last_messages.changes_so_far(session, member.id)
        outcome = dispatch(session, tenant, member, message, now, defaults, platform=user.platform,
                           here=answer_to.here if answer_to else None,
                           mentioned=answer_to.mentioned if answer_to else (),
                           shared=bool(answer_to and answer_to.shared))
        reply = outcome.reply
        if outcome.refused:
            session.rollback()
            if outcome.record or new:  # a newcomer stays a member (others may name them); what
                # a refusal must keep (a failed attempt) is written by the sender as they are
                tenant, member, _new = identify(session, user, defaults, reply.locale)
                if outcome.record:
                    outcome.record(session, member)
            # the retry of a refused message is still a retry: answered once (by whichever
            # process holds the key now)
            if answer_to is not None and not _first(session, tenant.id, user.platform, answer_to, now):
                return None
        elif outcome.record:  # a done reply that asks more (a win's reason): its question kept
            outcome.record(session, member)
        if not outcome.correcting and not _gone(member, tenant):  # a correction after it corrects
            # nothing before it, in that conversation (refused or not); a refused correction leaves
            # the change it corrects last
            where = last_messages.conversation(user.platform, answer_to.here if answer_to else None)
            typed = message if isinstance(message, str) and not limits.unreadable(message) else ""  # a
            # button, or characters no database stores (a lone surrogate): no words to quote
            last_messages.said(session, tenant.id, member.id, where, typed, now, changes_before,
                               refused=outcome.refused)
        events = list(outcome.events)
        if new:
            reply = _first_words(reply, member)
            events += _joined(session, tenant, member)
        if answer_to is not None:
            events.append(_answer(user.platform, answer_to, reply, now))
        key = answer_key(user.platform, answer_to.delivery) if answer_to else None
        announce = answer_to.announce if answer_to else None
        written = queue(session, tenant, events, now, origin=key, due=_due(answer_to, now), fallback=announce)
        session.commit()
    if answer_to is not None and answer_to.caused is not None:
        answer_to.caused.extend(k for k in written if k != key)
    return reply


def _due(answer_to: AnswerTo | None, now: dt.datetime) -> dt.datetime:
    return now + (answer_to.held or dt.timedelta()) if answer_to else now


def _answer(platform: str, answer_to: AnswerTo, reply: Reply, now: dt.datetime) -> Answer:
    rest = answer_to.in_request(reply) if answer_to.in_request else answer_to.target
    return Answer(answer_key(platform, answer_to.delivery), rest or answer_to.target, reply,
                  given=not rest, due=_due(answer_to, now), taken=True)


def _first_words(reply: Reply, member: Member) -> Reply:
    """A newcomer's first answer: a welcome (instead of "didn't get that" for a first `hi`),
    telling the first one they are the admin."""
    locale = reply.locale
    head = (t(locale, "welcome", name=member.display_name),
            *((t(locale, "you_are_admin"),) if member.role == "admin" else ()))
    lines = reply.lines[1:] if reply.lines[:1] == (t(locale, "unknown"),) else reply.lines
    return replace(reply, lines=(*head, *lines))


def _joined(session: Session, tenant: Tenant, member: Member) -> list[MemberJoined]:
    """The team a newcomer joined has its managers (or, with none, the admins) told who joined."""
    if member.role == "admin":
        return []
    people = PeopleRepository(session)
    out = []
    for team in people.teams_of(member.id):
        managers = [m for m in people.roster(team.id) if m.role != "rep" and m.id != member.id] or [
            m for m in people.members(tenant.id) if m.role == "admin" and m.active]
        out += [MemberJoined(member.id, team.id, m.id, Reply(lines=(t(
            m.locale, "member_joined", name=member.display_name, team=team.name),), locale=m.locale))
            for m in managers]
    return out


def _first(session: Session, tenant_id: int, platform: str, answer_to: AnswerTo, now: dt.datetime) -> bool:
    """Take the message's answer key, as the transaction's first write of its own; False when
    it was taken before (by this or another process: on PostgreSQL the second insert waits for
    the first to commit). The answer itself is filled in when it is known."""
    session.add(Delivery(key=answer_key(platform, answer_to.delivery), tenant_id=tenant_id,
                         platform=platform, workspace=answer_to.workspace, target=answer_to.target.target,
                         payload={}, status="pending", attempts=0, next_attempt_at=_due(answer_to, now),
                         last_error="", created_at=now))
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        return False
    return True


def _gone(*rows) -> bool:
    """Whether the message removed one of `rows` (`link CODE`: this member became the other one)."""
    return any(inspect(row).was_deleted for row in rows)
