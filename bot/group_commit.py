"""The web process's inbox writes: group commits led by the requests themselves (bot/handoff.py).

A request that finds no commit in flight commits its row at once (no thread to wake); those
arriving meanwhile wait, and the first of them commits them all in one statement when its turn
comes. Each request sleeps at most once: thread switches are most of an ack's cost beyond the
floor. The commits keep one connection of their own between them (a checkout from the pool costs
as much as a small commit).

A request whose server can wait for the commit without a thread (`record_later`: the web
process's front, bot/asgi.py, awaits it on its event loop) does not sleep at all: its thread
goes back to the pool at once, and its row is committed by the commits' own thread, which leads
every group whose first row is such a request (one wake-up a group, none a row, while requests
keep coming), and whose futures wake the event loop, not a thread each.
"""
from __future__ import annotations

import datetime as dt
import threading
import time
from concurrent.futures import Future

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import OperationalError

from storage.inbox import record
from storage.models.base import utcnow

#: Seconds a commit's leader waits for more rows to join when the last carried several (under
#: load a commit per request or two is most of an ack's cost); a request on its own is never held.
GATHER = 0.001
LOCKED_FOR = 5.0  # seconds a request waits for SQLite's write lock, as the engine's busy timeout

Row = tuple[str, str, dict, dt.timedelta | None]  # (key, platform, payload, held for)


class GroupCommit:
    def __init__(self, engine: Engine, stopping: threading.Event):
        self.engine = engine
        self.stopping = stopping  # set: the connection goes back after the commit in flight
        self._queue: list[_Waiting] = []  # rows to record in the next group commit …
        self._committing = False  # … once the one in flight is over (its leader hands on the turn)
        self._conn: Connection | None = None  # the commits' own connection, kept between them
        self._last = 1  # rows the last commit carried
        self._theirs = False  # the next group is the commits' own thread's to make
        self._closed = False  # that thread ends
        self._committer: threading.Thread | None = None
        lock = threading.Lock()
        self._turn = threading.Condition(lock)  # guards the five above
        self._their_turn = threading.Condition(lock)  # wakes the commits' own thread alone

    def record(self, row: Row) -> int | None:
        """The inbox row's id (None: recorded before), once it is committed; raises what the
        commit raised."""
        entry = _Waiting(row)
        with self._turn:
            self._queue.append(entry)
            lead, self._committing = not self._committing, True
        result = self._lead(entry) if lead or entry.wait() is _LEAD else entry.result
        if isinstance(result, Exception):
            raise result
        return result

    def record_later(self, row: Row) -> Future:
        """The future of the inbox row's id (None: recorded before), done once the row is
        committed (or with what the commit raised); the caller's thread never waits for it."""
        entry = _Waiting(row, Future())
        with self._turn:
            self._queue.append(entry)
            if not self._committing:  # none in flight: the commits' own thread makes this one
                self._committing = self._theirs = True
                self._start_committer()
                self._their_turn.notify()
        return entry.future

    def close(self) -> None:
        """The commit in flight ends, then the connection goes back (and the commits' own
        thread ends)."""
        with self._turn:
            self._turn.wait_for(lambda: not self._committing)
            conn, self._conn = self._conn, None
            self._closed = True
            self._their_turn.notify()
        if conn is not None:
            conn.close()

    def _start_committer(self) -> None:
        if self._committer is None:  # (under `_turn`)
            self._committer = threading.Thread(target=self._commit_theirs, name="inbox-commits",
                                               daemon=True)
            self._committer.start()

    def _commit_theirs(self) -> None:
        """The commits' own thread: each group whose first row's request does not wait in a thread."""
        while True:
            with self._their_turn:
                self._their_turn.wait_for(lambda: self._theirs or self._closed)
                if not self._theirs:  # closed: a later `record_later` starts another
                    self._committer = None
                    return
                self._theirs = False
            self._lead(None)

    def _lead(self, own: _Waiting | None) -> int | Exception | None:
        """Commit every row waiting (`own`, the caller's, first; None: the commits' own thread
        leads); give the others their ids and hand the turn to the first row queued since (its
        thread commits the next group, or the commits' own thread when it has none waiting)."""
        if self._last > 1:  # under load: the requests in flight join this commit (fewer, larger ones)
            time.sleep(GATHER)
        with self._turn:
            batch, self._queue = self._queue, []
        ids: list = [RuntimeError("inbox commit cut short")] * len(batch)
        try:
            ids = self._put_many([waiting.row for waiting in batch])
        except Exception as error:  # each waiting request raises it (the database is down …)
            ids = [error] * len(batch)
        finally:
            self._last = len(batch)
            for waiting, item_id in zip(batch, ids, strict=True):
                if waiting is not own:
                    waiting.finish(item_id)
            with self._turn:
                after = self._queue[0] if self._queue else None
                self._committing = after is not None
                if after is not None and after.future is not None:
                    self._theirs = True  # no thread waits to lead it: the commits' own does
                    self._start_committer()
                    self._their_turn.notify()
                if after is None and self.stopping.is_set():  # the process winds down: its
                    conn, self._conn = self._conn, None  # connection goes back (`close`)
                    if conn is not None:
                        conn.close()
                self._turn.notify_all()
            if after is not None and after.future is None:
                after.finish(_LEAD)
        return ids[0] if own is not None else None  # the caller's row is first when it leads

    def _put_many(self, rows: list[Row]) -> list[int | None]:
        # SQLite has one writer at a time, and a worker's transactions hold the lock a few ms
        # each: ask again every millisecond (SQLite's own busy handler sleeps up to 100 ms
        # at a time, a long tail of slow acks)
        deadline = time.monotonic() + LOCKED_FOR
        while True:
            try:
                if self._conn is None:  # one the server dropped is invalidated, and reconnects
                    self._conn = self.engine.connect()  # on its next use
                with self._conn.begin():
                    return record(self._conn, rows, utcnow())
            except OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.001)


_LEAD = object()  # what a waiting request is woken with when the next group commit is its to make


class _Waiting:
    """A row waiting to be recorded, then its id (or the error), or `_LEAD`; given in `future`
    when its request does not wait in a thread (then it never leads)."""

    def __init__(self, row: Row, future: Future | None = None):
        self.row = row
        self.future = future
        self.result: object = None
        if future is None:
            self._woken = threading.Lock()  # held until the outcome is in
            self._woken.acquire()

    def finish(self, result: object) -> None:
        if self.future is not None:
            if isinstance(result, Exception):
                self.future.set_exception(result)
            else:
                self.future.set_result(result)
            return
        self.result = result
        self._woken.release()

    def wait(self) -> object:
        self._woken.acquire()  # sleeps until `finish`
        return self.result
