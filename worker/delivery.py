"""The delivery loop: claim due outbox rows, hand each to the platform sender the worker was given,
and record the outcome. Rate limits wait exactly as long as the platform asks (Retry-After, WeCom's
frequency errors); other failures back off, doubling from 5 s to half an hour, and after
`max_attempts` (about three and a half hours of a platform's outage) end in a visible `failed`
state that `salesbot deliveries retry` sends again.

Only the sender touches a platform: it is built in `bot/` and passed in.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable
from typing import Protocol

from sqlalchemy.orm import Session, sessionmaker

from handlers.text.reply import Reply
from handlers.text.reply_json import from_payload
from handlers.text.when_read import as_sent
from storage.address import Address
from storage.models.base import utcnow
from storage.models.messaging import Delivery
from storage.outbox import OutboxRepository
from worker.pacing import Pacer

log = logging.getLogger(__name__)
RATE_LIMITED = "rate limited"


def backoff(attempts: int) -> dt.timedelta:
    """How long to wait after the `attempts`-th failed try: 5 s doubling, at most 30 minutes."""
    return dt.timedelta(seconds=min(1800, 5 * 2 ** max(0, attempts - 1)))


class RateLimited(Exception):
    """The platform said: not now, try again in `retry_after` seconds. `parts_sent`: a message
    sent in parts (WeCom's 2048 bytes) whose first parts went out before the limit: the next try
    is given `parts_sent` and starts after them."""

    def __init__(self, retry_after: float, detail: str = "", parts_sent: int = 0,
                 sent_ids: str | None = None):
        super().__init__(detail or f"rate limited for {retry_after} s")
        self.retry_after = retry_after
        self.parts_sent = parts_sent
        self.sent_ids = sent_ids  # the platform's ids of those parts, as `send` would return them


PARTS_SENT = "_parts_sent"  # in a delivery's payload: how many of its parts went out already
_NONE = (0, None)  # no parts sent before a failure
PARTS_IDS = "_parts_ids"  # … and their ids (to recall the whole message later, not its last try)


class Undeliverable(Exception):
    """No later try can succeed (a channel that does not exist, a user who left)."""


class Sender(Protocol):
    """`send` gets the message's typed address (`storage.address.Address`, read once from its
    outbox row) and may return the platform's id of the message it posted (kept for corrections). A
    sender that can edit or withdraw a message it posted also has `fix(to, message_id, reply)`:
    the message rewritten as `reply`, or withdrawn when it is None;
    False where the platform cannot (then a short correction is posted instead). A sender that
    sends in parts also takes `parts_sent=N` (given only when N > 0) and then starts with part
    N + 1, and `sent_ids` (the ids its RateLimited gave for those parts), which the ids it returns
    include."""

    def send(self, to: Address, reply: Reply) -> str | None: ...


def _address(delivery: Delivery) -> Address | str:
    """The row's address, read once here (senders get it typed), or why it is none (a platform's
    own kind of address whose platform is gone)."""
    try:
        return Address.parse(delivery.platform, delivery.workspace, delivery.target)
    except ValueError as error:
        return f"no address: {error}"


def _stale(session: Session, delivery: Delivery) -> bool:
    """A post whose fact no longer holds (a win undone before it went out): dropped, not sent;
    its key is freed, so the fact, true again later, is told again."""
    from handlers.team.fact_posts import holds

    if delivery.fact is None or holds(session, delivery.fact):
        return False
    session.delete(delivery)
    return True


@dataclasses.dataclass
class DeliveryWorker:
    """Sends due deliveries one at a time, each marked sent as soon as the platform took it: a
    worker killed mid fan-out repeats at most the one message it had in flight.

    Claims are short leases (`lease`, seconds) renewed while the batch is being sent, so the
    claims of a worker that died are free again within seconds, not after a long lease.

    A rate limit pauses the whole workspace until the time the platform gave, so the rest of a
    fan-out waits instead of hitting the limit again message by message; after that the
    workspace is paced a little under the rate it was sending at when it was limited (Retry-After
    is in whole seconds: pausing and bursting again would waste most of each second).

    A failure (a 5xx, a refused connection) costs one try: the platform is not asked again for
    the rest of the batch; its workspace is paused for `probe` and then tried with one message
    at a time while the sender goes on with other workspaces. When a workspace that failed for
    several messages answers again (an outage is over), the messages that failed meanwhile are
    due at once rather than at their backoff.
    """

    session_factory: sessionmaker[Session]
    sender: Sender
    max_attempts: int = 14
    lease: dt.timedelta = dt.timedelta(seconds=6)
    probe: dt.timedelta = dt.timedelta(seconds=3)
    clock: Callable[[], dt.datetime] = utcnow
    paused: dict[tuple[str, str], dt.datetime] = dataclasses.field(default_factory=dict)
    pacers: dict[tuple[str, str], Pacer] = dataclasses.field(default_factory=dict)
    #: per failing workspace, the messages that failed since it last took one
    failing: dict[tuple[str, str], list[int]] = dataclasses.field(default_factory=dict)

    def run_once(self, limit: int = 20) -> int:
        """Send what is due now; returns how many deliveries were attempted."""
        return self._send(limit)

    def send_now(self, keys: list[str]) -> int:
        """Send these messages at once, if due and no one else holds them (an answer the web
        process queued and sends itself; a worker sends what this leaves). How many it tried."""
        return self._send(len(keys), keys)

    def _send(self, limit: int, keys: list[str] | None = None) -> int:
        now = self.clock()
        self.paused = {space: until for space, until in self.paused.items() if until > now}
        # messages named by key (answers this process holds for itself) are claimed even where
        # their workspace is paused: they are put back below, due when the pause ends, so a
        # worker sends them then rather than when this process's hold on them runs out
        skip = dict(self.paused) if keys is None else None
        with self.session_factory.begin() as session:
            claimed = [(d.id, d.key, _address(d), d.payload, d.attempts)
                       for d in OutboxRepository(session).claim(now, limit, self.lease,
                                                                skip=skip, keys=keys)
                       if not _stale(session, d)]
        held = [row[0] for row in claimed]
        held_until = now + self.lease
        tried = 0
        for delivery_id, key, where, payload, attempts in claimed:
            if self.clock() > held_until - self.lease * 2 / 3:  # a third gone: renew what is left
                held, held_until = self._renew(held, held_until)
            if delivery_id not in held:  # our lease ran out and another worker has it now
                continue
            held.remove(delivery_id)
            if isinstance(where, str):  # no address we know: no try can reach it
                log.warning("delivery %s failed for good: %s", key, where)
                with self.session_factory.begin() as session:
                    OutboxRepository(session).mark_failed(delivery_id, where)
                continue
            space = (where.platform, where.workspace)
            if space in self.paused:  # limited or failing since the batch was claimed: untried
                with self.session_factory.begin() as session:
                    OutboxRepository(session).put_back(delivery_id, self.paused[space],
                                                       f"{RATE_LIMITED}: waiting"
                                                       if space not in self.failing else "")
                continue
            tried += 1
            pacer = self.pacers.get(space) or self._pacer(space)
            pacer.wait()
            status, when, error, parts_sent = self._attempt(where, payload, attempts)
            limited = error.startswith(RATE_LIMITED)
            pacer.record(status == "sent", limited)
            with self.session_factory.begin() as session:
                outbox = OutboxRepository(session)
                if limited and pacer.ceiling:  # the measured rate a restarted worker starts from
                    outbox.remember_rate(*space, pacer.ceiling, self.clock())
                if status == "sent":
                    outbox.mark_sent(delivery_id, self.clock(), when)  # `when`: the message's id
                    self._recovered(outbox, space)
                elif status == "retry":
                    outbox.retry_at(delivery_id, when, error)
                    count, ids = parts_sent
                    if count > payload.get(PARTS_SENT, 0):  # those are not sent again
                        outbox.set_payload(delivery_id, {**payload, PARTS_SENT: count,
                                                         **({PARTS_IDS: ids} if ids else {})})
                    if limited:
                        self.paused[space] = max(when, self.paused.get(space, when))
                    else:  # the platform failed: not again before `probe`, one message then
                        self.failing.setdefault(space, []).append(delivery_id)
                        self.paused[space] = max(self.clock() + self.probe, self.paused.get(space, now))
                else:
                    log.warning("delivery %s failed for good: %s", key, error)
                    outbox.mark_failed(delivery_id, error)
        return len(claimed)

    def _renew(self, held: list[int], until: dt.datetime) -> tuple[list[int], dt.datetime]:
        """Extend the lease of the batch's rows not sent yet; those another worker took over
        (our lease ran out: a long pause) are left to it."""
        if not held:
            return held, until
        later = self.clock() + self.lease
        with self.session_factory.begin() as session:
            kept = OutboxRepository(session).renew(held, until, later)
        return [i for i in held if i in kept], later

    def _recovered(self, outbox: OutboxRepository, space: tuple[str, str]) -> None:
        """A workspace took a message: if several failed before (an outage, not one bad
        message), they are due now."""
        failed = self.failing.pop(space, [])
        if len(failed) > 1:
            woken = outbox.due_again(failed, self.clock())
            log.info("%s %s answers again: %d messages that failed meanwhile are due now",
                     *space, woken)

    def _fix(self, where: Address, fix: dict) -> None:
        """Edit or withdraw a post sent before (handlers/team/fact_posts.py: the delivery `of`, or the
        platform's message `id` itself); where the platform cannot, or the post's id is unknown,
        post the short correction (`note`) after it, when there is one."""
        message_id = fix.get("id")
        if message_id is None:
            with self.session_factory() as session:
                original = session.get(Delivery, fix["of"])
                message_id = original.message_id if original is not None else None
        reply = as_sent(from_payload(fix["reply"]), self.clock()) if fix.get("reply") else None
        fixer = getattr(self.sender, "fix", None)
        if message_id and fixer is not None and fixer(where, message_id, reply):
            return
        if fix.get("note"):
            self.sender.send(where, from_payload(fix["note"]))

    def _pacer(self, space: tuple[str, str]) -> Pacer:
        """A workspace's pacer, at the rate a worker last learnt for it (kept in the database)."""
        with self.session_factory() as session:
            rate = OutboxRepository(session).learnt_rate(*space, self.clock())
        self.pacers[space] = Pacer(rate)
        return self.pacers[space]

    def _attempt(self, where: Address, payload: dict,
                 attempts: int) -> tuple[str, dt.datetime | str | None, str, tuple[int, str | None]]:
        """("sent", the platform's message id or None, "", _NONE), ("retry", when, why, (parts
        sent, their ids)) or ("failed", None, why, _NONE)."""
        message = {k: v for k, v in payload.items() if k not in (PARTS_SENT, PARTS_IDS)}
        done = {"parts_sent": payload[PARTS_SENT]} if payload.get(PARTS_SENT) else {}
        if done and payload.get(PARTS_IDS):
            done["sent_ids"] = payload[PARTS_IDS]
        try:
            if "fix" in message:
                self._fix(where, message["fix"])
                return "sent", None, "", _NONE
            message_id = self.sender.send(where, as_sent(from_payload(message), self.clock()), **done)
            return "sent", message_id if isinstance(message_id, str) else None, "", _NONE
        except RateLimited as limited:
            return ("retry", self.clock() + dt.timedelta(seconds=limited.retry_after),
                    f"{RATE_LIMITED}: {limited}", (limited.parts_sent, limited.sent_ids))
        except Undeliverable as error:
            return "failed", None, str(error) or error.__class__.__name__, _NONE
        except Exception as error:  # any other failure may pass: back off, within bounds
            why = f"{error.__class__.__name__}: {error}"
            if attempts >= self.max_attempts:
                return "failed", None, why, _NONE
            return "retry", self.clock() + backoff(attempts), why, _NONE
