"""The one way out: `queue` turns what happened (handlers/events.py) into outbox rows.

Every outgoing message is written here, in the transaction of the message or job run that caused
it: who hears an event (a member's direct messages, every channel of every team a fact concerns,
the place a message was said), under which key (so it goes once whatever is retried), and which
fact it tells (`fact_of`), so that it follows the fact: `correct` rewrites or withdraws a post
(handlers/team/fact_posts.py says when). A reply with a chart becomes two rows, the text and the
image, so a failed upload is retried without posting the text again.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
import uuid
from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from handlers import events as e
from handlers.places import rooms
from handlers.text.reply import Reply
from handlers.text.reply_json import from_payload, to_payload
from handlers.text.strings import t
from storage.address import Address
from storage.destinations import MemberAddresses, team_destinations
from storage.models.base import utcnow
from storage.models.messaging import Delivery
from storage.models.team import Team
from storage.models.workspace import Member, Tenant
from storage.outbox import OutboxRepository
from storage.people import PeopleRepository

log = logging.getLogger(__name__)

KEY_LENGTH = 200  # the outbox's key column


class Places:
    """Where a tenant's members and teams are reached, each read once per unit of work (a job
    run makes one for its team and members: `worker/run_context.py`)."""

    def __init__(self, session: Session, tenant: Tenant, members: MemberAddresses | None = None,
                 teams: dict[int, list[Address]] | None = None):
        self.session, self.tenant = session, tenant
        self.members = members
        self.teams = dict(teams or {})
        self.tenant_of: dict[int, int] = {}  # members of another tenant than the message's

    def member(self, member_id: int) -> Address | None:
        """Where the member reads the bot (on their own tenant's platforms: a message in a
        linked workspace may tell an admin of the tenant it joined)."""
        if self.members is None or member_id not in self.members.by_member:
            member = self.session.get(Member, member_id)
            tenant = self.tenant if member is None or member.tenant_id == self.tenant.id else \
                self.session.get(Tenant, member.tenant_id)
            self.tenant_of[member_id] = tenant.id
            found = MemberAddresses(self.session, tenant, [member_id]).of(member_id)
            if self.members is not None and found is not None:
                self.members.by_member[member_id] = found
            return found
        return self.members.of(member_id)

    def team(self, team_id: int) -> list[Address]:
        if team_id not in self.teams:
            team = self.session.get(Team, team_id)
            self.teams[team_id] = team_places(self.session, self.tenant, team) if team else []
        return self.teams[team_id]

    def teams_of(self, member_id: int, role: str) -> list[Address]:
        """Every place of every team the member is in, each once; an admin in no team: those of
        the team everyone starts in."""
        people = PeopleRepository(self.session)
        teams = people.teams_of(member_id) or (
            [team] if role == "admin" and (team := people.default_team(self.tenant.id)) else [])
        out: list[Address] = []
        for team in teams:
            out += [where for where in self.team(team.id) if where not in out]
        return out


def team_places(session: Session, tenant: Tenant, team: Team) -> list[Address]:
    """Where a team's posts go: the places it has on a platform with no setting (a platform's
    `Place.room`), then those set for it."""
    return team_destinations(session, tenant, team, lambda platforms: rooms(team.name, platforms))


def queue(session: Session, tenant: Tenant, events: list, now: dt.datetime, *, places: Places | None = None,
          origin: str | None = None, fallback: Address | None = None,
          due: dt.datetime | None = None) -> list[str]:
    """Write the outbox rows of `events`, those of a kind in one statement; the keys of the rows
    that are new (a key there already is a message queued before: skipped). `origin`: the key
    of the message that caused them (its answer's), which keys what it caused; `fallback`: where
    a win goes when none of its owner's teams has a place (where the message was said), sent
    from `due` like the answer."""
    places = places or Places(session, tenant)
    outbox = OutboxRepository(session)
    rows: list[dict] = []
    said_here: list[dict] = []  # a win with no team place, told where the message was said
    keys: list[str] = []
    for event in events:
        match event:
            case e.Answer():
                keys += _answer(outbox, tenant.id, event, now)
            case e.DealWon():
                told, here = _won(session, tenant, places, event, origin, fallback, now)
                rows, said_here = rows + told, said_here + here
            case e.MessageEdited():
                keys += outbox.add([_row(tenant.id, event.key, event.to, {"fix": {
                    "id": event.message_id, "reply": to_payload(event.reply)}}, None)], now, due=event.due)
            case e.PostCorrected():
                rows.append(_row(tenant.id, event.key, event.to, {"fix": {
                    "of": event.of, "reply": event.reply, "note": to_payload(event.note)}}, None))
            case _:
                key, who, reply = _plain(event)
                if isinstance(who, ToTeam):
                    rows += [row for address in places.team(who.id)  # one place per platform
                             for row in _rows(tenant.id, f"{key}:{address.platform}", address, reply)]
                elif (address := places.member(who.id)) is not None:
                    rows += _rows(places.tenant_of.get(who.id, tenant.id), key, address, reply)
    return keys + outbox.add(rows, now) + outbox.add(said_here, now, due=due)


@dataclass(frozen=True)
class ToMember:
    """A plain event's reader: a member, in their direct messages."""

    id: int


@dataclass(frozen=True)
class ToTeam:
    """A plain event's readers: a team, in each of its places."""

    id: int


def _plain(event) -> tuple[str, ToMember | ToTeam, Reply]:
    """(key, whom, what) of an event that simply goes to its member or its team."""
    match event:
        case e.TaskGiven():
            return f"task:{event.task_id}:given", ToMember(event.assignee_id), event.message
        case e.MemberTold() | e.Notice():
            return event.key, ToMember(event.member_id), event.message
        case e.MemberJoined():
            return (f"joined:{event.member_id}:{event.team_id}:{event.told_id}", ToMember(event.told_id),
                    event.message)
        case e.WorkspaceConnected():
            return (f"connected:{event.platform}:{event.workspace}:{event.told_id}", ToMember(event.told_id),
                    event.message)
        case e.ContestStarted():
            return f"contest-start:{event.contest_id}", ToTeam(event.team_id), event.post
        case e.ContestChanged():
            return (f"contest-edit:{event.contest_id}:{event.at.isoformat()}", ToTeam(event.team_id),
                    event.post)
        case e.ContestCancelled():
            return (f"contest-cancel:{event.contest_id}:{event.at.isoformat()}", ToTeam(event.team_id),
                    event.post)
        case e.ContestEnded():
            return f"contest-final:{event.contest_id}", ToTeam(event.team_id), event.post
        case e.TargetReached() | e.TeamPost():
            return event.key, ToTeam(event.team_id), event.post
    raise TypeError(f"no way out for {event!r}")


def _won(session: Session, tenant: Tenant, places: Places, event: e.DealWon, origin: str | None,
         fallback: Address | None, now: dt.datetime) -> tuple[list[dict], list[dict]]:
    """A win is told in every team of its owner, once: where it was told before (won, reopened,
    won again) that post is rewritten instead. With no team place, where it was said."""
    fact = f"won:{event.deal_id}"
    earlier = OutboxRepository(session).posts_of(fact)
    if earlier:
        for delivery in earlier:
            correct(session, delivery, to_payload(event.post), now)
        return [], []
    owner = session.get(Member, event.owner_id)
    where = places.teams_of(event.owner_id, owner.role if owner else "rep")
    if not where:
        here = _rows(tenant.id, f"{origin}:announce", fallback, event.post) if origin and fallback else []
        return [], here
    told = [_rows(tenant.id, _key(origin, f"{fact}:{a.platform}:{a.target}"), a, event.post) for a in where]
    return [row for rows in told for row in rows], []


def _key(origin: str | None, own: str) -> str:
    """The key of a row a message caused: under the message's own (so what one message caused
    is found by its key), else one that fits the column and still differs per place."""
    key = f"{origin}:{own}" if origin else own
    if len(key) <= KEY_LENGTH:
        return key
    return f"{own[:KEY_LENGTH - 41]}:{hashlib.sha1(key.encode()).hexdigest()}"


def _answer(outbox: OutboxRepository, tenant_id: int, event: e.Answer, now: dt.datetime) -> list[str]:
    """The answer fills the row its message's key took on arrival, or is added under its key
    (none if one is there: answered before)."""
    payload = to_payload(event.reply)
    sent = now if event.given else None
    if event.taken:
        outbox.fill(event.key, payload, target=event.to.target, sent=sent)
        return [event.key]
    added = outbox.add([{"key": event.key, "tenant_id": tenant_id, "platform": event.to.platform,
                         "workspace": event.to.workspace, "target": event.to.target, "payload": payload}],
                       now, due=event.due)
    if added and sent is not None:
        outbox.fill(event.key, payload, target=event.to.target, sent=sent)
    return added


def _rows(tenant_id: int, key: str, where: Address, reply: Reply) -> list[dict]:
    """The rows of one message to one place: a chart goes as a message of its own."""
    key = key[:KEY_LENGTH]
    parts = [(key, replace(reply, chart=None) if reply.chart is not None else reply)]
    if reply.chart is not None:
        parts.append((f"{key}:chart"[:KEY_LENGTH], Reply(chart=reply.chart, locale=reply.locale)))
    return [_row(tenant_id, part_key, where, to_payload(part), fact_of(part)) for part_key, part in parts]


def _row(tenant_id: int, key: str, where: Address, payload: dict, fact: str | None) -> dict:
    return {"key": key[:KEY_LENGTH], "tenant_id": tenant_id, "platform": where.platform,
            "workspace": where.workspace, "target": where.target, "payload": payload, "fact": fact}


#: the key of an edit or withdrawal of a post sent before
FIX = "fix:"


def fact_of(reply: Reply) -> str | None:
    """The fact a post tells, if it is one that can stop holding."""
    return reply.subject if reply.subject.startswith(("won:", "target:", "contest:")) else None


def correct(session: Session, delivery: Delivery, payload: dict | None, now: dt.datetime) -> None:
    """Rewrite a post (`payload`), or withdraw it (None). A post a worker is sending right now (its
    claim held) is out as far as this can know: corrected after it, never changed under it."""
    in_flight = delivery.claimed_until is not None and delivery.claimed_until > utcnow()
    if delivery.status != "sent" and not in_flight:  # not out yet: it simply changes, or never goes
        if payload is None:
            OutboxRepository(session).withdraw(delivery)
        else:
            delivery.payload = payload
        return
    old = from_payload(delivery.payload)
    note = Reply(title=t(old.locale, "post_corrected" if payload else "post_withdrawn", title=old.title),
                 locale=old.locale)
    if payload is not None:
        new = from_payload(payload)
        note = Reply(title=t(old.locale, "post_corrected", title=new.title), lines=new.lines,
                     locale=old.locale)
    try:
        to = Address.parse(delivery.platform, delivery.workspace, delivery.target)
    except ValueError as error:  # a platform's own kind, the platform since removed: no way there
        log.warning("post %s stays as it was: %s", delivery.id, error)
    else:
        key = f"{FIX}{delivery.id}:{uuid.uuid4().hex[:12]}"
        queue(session, session.get(Tenant, delivery.tenant_id),
              [e.PostCorrected(delivery.id, to, payload, note, key)], now)
    if payload is None:  # its key is free again: the same fact, true again later, is told again
        delivery.fact = None
        delivery.key = f"withdrawn:{delivery.id}:{delivery.key}"[:200]
