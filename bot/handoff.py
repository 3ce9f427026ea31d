"""What a chat request asks for after its ack: done here while this web process is idle, else
handed to a worker through the inbox table.

Acks must stay quick however many requests arrive, and an acked request must not be lost with the
process that acked it. So every request's work is first recorded in the inbox under the
platform's id for the request (a retry finds it there and adds nothing). While requests come
slowly (no other in flight, fewer than 50 a second) and little else runs here, this process runs
it at once, holding the row while it does (a person at a phone gets the answer without a worker's
poll in between; WeCom can get its passive reply). Under load the row is left for the `worker`
processes (`worker/inbox.py`), so this process only verifies, records and acks; rows are
written in group commits (`bot/group_commit.py`: one short transaction for all the requests waiting
to be recorded). Behind a server that can wait for them off its threads (bot/asgi.py), the request
is not held in a thread meanwhile: its response waits for its rows' commit (`serving(defer=True)`).
A process that dies mid-run leaves its row held until the hold runs out; a worker then runs it
again, and the handlers' own delivery keys keep that from storing anything twice.

No acked request stays silent for want of a worker: work left in the inbox that no worker has
taken after `LATE_AFTER` while no worker runs its platform (none was started, or all are stuck:
a worker says every few seconds that it runs, `worker/inbox.py`) is taken back by this process
and run here (its `later` form: as a worker would, from the row's payload, the answer sent from
here), once, under the same lease. While a worker runs, what waits is its, however long: this
process only acks, so its memory stays that of acking (running the handlers as well, under
load, left it several MB larger for good); a growing inbox means more workers (`salesbot
inbox`). While a row waits, only its id is kept here: under load that is thousands of requests,
whose objects would otherwise stay in memory until then (and leave the heap larger for good).
"""
from __future__ import annotations

import datetime as dt
import functools
import heapq
import itertools
import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, InvalidStateError
from contextlib import contextmanager
from typing import TypeVar

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from bot.background import BoundedExecutor
from bot.group_commit import GroupCommit
from storage.db import make_engine
from storage.inbox import InboxRepository
from storage.models.base import utcnow

log = logging.getLogger(__name__)
T = TypeVar("T")
Later = Callable[[dict], object]  # the work as a worker runs it, given the row's payload
#: How long a row run here is held before a worker may take it over (the worker's lease).
HELD_FOR = dt.timedelta(seconds=60)
#: Work that may be queued here at once: the one before (finishing its sends) and this one.
IDLE_QUEUE = 2
#: (requests, seconds): this many arriving within this long is a busy process (50 a second).
BUSY_RATE = (10, 0.2)
#: How long work left for a worker may wait untaken before this process runs it itself, when no
#: worker says it runs its platform (a worker polls every 0.2 s).
LATE_AFTER = 10.0
LOOK_AT_ONCE = 500  # rows due at once that one transaction looks at
RUNNING_LOOKED_FOR = 1.0  # seconds: how long this process trusts what it read of running workers


class Handoff:
    def __init__(self, session_factory: sessionmaker[Session], name: str, late_after: float = LATE_AFTER,
                 sqlite_cache_kib: int | None = None, stopping: threading.Event | None = None,
                 clock: Callable[[], float] = time.monotonic):
        self.session_factory = session_factory
        self.late_after = late_after
        #: the seconds `late_after` is counted in (tests move one by hand: see `look_again`)
        self.clock = clock
        #: set when the process winds down: work no worker took is then left to the workers
        self.stopping = stopping or threading.Event()
        self._late: list[tuple[float, int, int, str, Later | None, Callable[[], object] | None]] = []
        # a heap of (due, seq, row, platform, later, work): one of later and work, kept until due
        self._running: tuple[float, frozenset[str]] = (-RUNNING_LOOKED_FOR, frozenset())
        self._late_seq = itertools.count()
        self._late_ready = threading.Condition()
        self._watcher: threading.Thread | None = None
        self.executor = BoundedExecutor(name)
        self._lock = threading.Lock()
        self._in_flight = 0  # requests this process is serving right now
        self._busy = 0  # work queued or running here
        self._arrivals: deque[float] = deque(maxlen=BUSY_RATE[0])  # the latest requests' times
        self._local = threading.local()  # `served`: the request this thread serves (`serving`)
        bind = session_factory.kw["bind"]
        sqlite_file = bind.dialect.name == "sqlite" and bind.url.database not in (None, "", ":memory:")
        # its own SQLite connection for the group commits (page cache as the process's others)
        engine = (make_engine(bind.url.render_as_string(hide_password=False), busy_timeout_ms=0,
                              sqlite_cache_kib=sqlite_cache_kib) if sqlite_file else bind)
        self.commits = GroupCommit(engine, self.stopping)

    @contextmanager
    def serving(self, defer: bool = False) -> Iterator[Served]:
        """Wraps each request the process serves (the WSGI app), so idle means idle. `defer`: the
        server can send the response once the inbox rows it acks are committed (`Served.until`),
        so work left for a worker is recorded without this thread waiting for the commit."""
        served = Served(defer)
        with self._lock:
            self._in_flight += 1
            self._arrivals.append(time.monotonic())
        outer, self._local.served = getattr(self._local, "served", None), served
        try:
            yield served
        finally:
            self._local.served = outer
            if served.pending:  # in flight until its rows are committed, as if it waited for them
                served.until().add_done_callback(lambda _done: self._served())
            else:
                self._served()

    def _served(self) -> None:
        with self._lock:
            self._in_flight -= 1

    def submit(self, platform: str, key: str, payload: dict, work: Callable[[], T],
               later: Later | None = None) -> Future[T] | None:
        """Record the work under `key`; run it here when this process is idle. Returns the future
        of the work run here, or None when it was left for a worker or is a retry of one recorded.
        Work left for a worker that none takes within `late_after` seconds is run here after all:
        `later(payload)` (the work as a worker runs it, from the row's payload, its answer sent
        from here: pass one that holds nothing of the request), else `work` (kept until then)."""
        here = self._take()
        served = getattr(self._local, "served", None)
        if not here and served is not None and served.defer:  # acked once committed (`serving`)
            recorded = self.commits.record_later((key, platform, payload, None))

            def left(done: Future) -> None:
                if done.exception() is None and done.result() is not None:
                    self._watch(done.result(), platform, later, None if later else work)
            recorded.add_done_callback(left)
            served.pending.append(recorded)
            return None
        try:
            item_id = self._record(key, platform, payload, HELD_FOR if here else None)
        except OperationalError:  # the database is down: the work itself tells the user so
            log.warning("inbox unreachable; running %s here", platform)
            if not here:
                with self._lock:
                    self._busy += 1
            return self._run(None, work)
        if item_id is None or not here:
            if here:
                self._release()
            if item_id is not None:
                self._watch(item_id, platform, later, None if later else work)
            return None
        return self._run(item_id, work)

    def _watch(self, item_id: int, platform: str, later: Later | None,
               work: Callable[[], object] | None) -> None:
        """Run `later` (on the row's payload) or `work` here if no worker has taken the row
        `item_id` within `late_after` and none runs `platform`."""
        with self._late_ready:
            due = self.clock() + self.late_after
            heapq.heappush(self._late, (due, next(self._late_seq), item_id, platform, later, work))
            if self._watcher is None:
                self._watcher = threading.Thread(target=self._watch_late, name="inbox-late", daemon=True)
                self._watcher.start()
            # wake the watcher only when this row is the next due: under load every request
            # leaves one, and waking it for each (to wait again) costs a thread switch per ack
            if self._late[0][2] == item_id:
                self._late_ready.notify()

    def look_again(self) -> None:
        """Look at the work left for a worker now, not within the second (after `clock` moved)."""
        with self._late_ready:
            self._late_ready.notify()

    def stop(self) -> None:
        """Take back no more work left for a worker (the process winds down); returns once the
        thread that does is gone, so nothing of this process touches the database after."""
        self.stopping.set()
        self.look_again()
        if self._watcher is not None:
            self._watcher.join()
        self.commits.close()

    def _watch_late(self) -> None:
        while not self.stopping.is_set():
            with self._late_ready:
                if not self._late or self._late[0][0] > self.clock():  # look again within 1 s
                    left = self._late[0][0] - self.clock() if self._late else 1.0
                    self._late_ready.wait(min(left, 1.0))
                    continue
                # every row due by now in one transaction: under load that is hundreds a second,
                # nearly all of them taken by a worker already
                due = [heapq.heappop(self._late)]
                while self._late and self._late[0][0] <= self.clock() and len(due) < LOOK_AT_ONCE:
                    due.append(heapq.heappop(self._late))
            try:
                with self.session_factory() as session:
                    inbox = InboxRepository(session)
                    running = self._running_now(inbox)
                    mine = [item_id for _, _, item_id, platform, _, _ in due if platform not in running]
                    # a worker's: looked at again while they wait, in case it stops
                    theirs = [item_id for _, _, item_id, platform, _, _ in due if platform in running]
                    waiting = set(inbox.pending(theirs)) if theirs else set()
                    taken = set(inbox.take(mine, utcnow(), HELD_FOR)) if mine else set()
                    payloads = inbox.payloads([item_id for _, _, item_id, _, later, _ in due
                                               if item_id in taken and later])
                    session.commit()
            except OperationalError as error:  # busy or away: a worker, or a look in a second, gets it
                log.warning("could not look at %d inbox items: %s", len(due), str(error)[:80])
                self._look_again_at(due, 1.0)
                continue
            self._look_again_at([entry for entry in due if entry[2] in waiting], self.late_after)
            if taken:  # one line a look, however many it took: under load that is hundreds
                log.warning("%d inbox items waited %.0f s with no worker taking them: run here "
                            "(start a worker: `salesbot worker`)", len(taken), self.late_after)
            for _due, _seq, item_id, platform, later, work in due:
                if item_id not in taken or self.stopping.is_set():  # stopping: held rows go to a worker
                    continue
                with self._lock:
                    self._busy += 1
                self._run(item_id, work or functools.partial(later, payloads[item_id]), late=platform)

    def _look_again_at(self, entries: list, after: float) -> None:
        with self._late_ready:
            for _due, seq, item_id, platform, later, work in entries:
                heapq.heappush(self._late, (self.clock() + after, seq, item_id, platform, later, work))

    def _running_now(self, inbox: InboxRepository) -> frozenset[str]:
        """The platforms a worker runs (looked up at most once in `RUNNING_LOOKED_FOR` seconds)."""
        looked, running = self._running
        if time.monotonic() - looked >= RUNNING_LOOKED_FOR:
            running = frozenset(inbox.running_for(utcnow()))
            self._running = (time.monotonic(), running)
        return running

    def _given_back(self, item_id: int, platform: str) -> bool:
        """Whether a worker has started running `platform` since the row was taken back (one
        taken back while the first worker was starting): then the row goes back to it, untried."""
        try:
            with self.session_factory() as session:
                inbox = InboxRepository(session)
                if platform not in self._running_now(inbox):
                    return False
                inbox.release(item_id)
                session.commit()
                return True
        except OperationalError:  # run it here: that is what it was taken for
            return False

    def _record(self, key: str, platform: str, payload: dict, held_for: dt.timedelta | None) -> int | None:
        """The inbox row's id (None: recorded before), once it is committed (bot/group_commit.py)."""
        return self.commits.record((key, platform, payload, held_for))


    def _take(self) -> bool:
        with self._lock:
            # no other request in flight, at most the tail of the last one still running, and
            # requests not arriving quickly (under load a fast app has one in flight at a time)
            arrivals, window = BUSY_RATE
            quiet = len(self._arrivals) < arrivals or time.monotonic() - self._arrivals[0] > window
            if self._in_flight <= 1 and self._busy < IDLE_QUEUE and quiet:
                self._busy += 1
                return True
            return False

    def _release(self) -> None:
        with self._lock:
            self._busy -= 1

    def _run(self, item_id: int | None, work: Callable[[], T], late: str | None = None) -> Future[T]:
        """Run `work` on the executor, then mark the row done; `late`: the platform of a row
        taken back, given back instead if a worker runs it by then."""
        def run() -> T | None:
            try:
                if late is not None and self._given_back(item_id, late):
                    return None
                result = work()
                if item_id is not None:
                    self._done(item_id)
                return result
            finally:
                self._release()
        return self.executor.submit(run)

    def _done(self, item_id: int) -> None:
        try:
            with self.session_factory() as session:
                InboxRepository(session).done(item_id, utcnow())
                session.commit()
        except OperationalError:  # a worker runs it again when the hold is over; handlers dedupe
            log.warning("could not mark inbox item %s done", item_id)



class Served:
    """A request being served (`Handoff.serving`): whether its response may wait for the inbox
    commits it acks, and those commits' futures."""

    def __init__(self, defer: bool):
        self.defer = defer
        self.pending: list[Future] = []

    def until(self) -> Future:
        """Done when every pending commit is, with the first one's error if any failed."""
        if len(self.pending) == 1:
            return self.pending[0]
        together: Future = Future()
        left = [len(self.pending)]
        lock = threading.Lock()

        def one_done(done: Future) -> None:
            with lock:
                left[0] -= 1
                last = left[0] == 0
            error = done.exception()
            try:
                if error is not None:
                    together.set_exception(error)
                elif last:
                    together.set_result(None)
            except InvalidStateError:  # another failed first
                pass
        for future in self.pending:
            future.add_done_callback(one_done)
        return together
