"""The worker's half of the inbox (`bot/handoff.py`): run the chat requests web processes acked
and left for a worker, each once, through the runner of its platform."""
from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from storage.db import locked
from storage.inbox import InboxRepository
from storage.models.base import utcnow
from storage.retention import purge

log = logging.getLogger(__name__)
LEASE = dt.timedelta(seconds=60)  # as long as a web process holds a row it runs itself
BATCH = 10
MAX_ATTEMPTS = 3
PURGE_EVERY = 600.0  # seconds
#: how often a worker says it runs its platforms' requests, and how long each word holds: web
#: processes leave work to it while it holds (bot/handoff.py), and take it back once it lapses
SAY_RUNNING_EVERY = 5.0  # seconds
RUNNING_FOR = dt.timedelta(seconds=30)

Runner = Callable[[dict], None]  # a payload → the work done, replies sent; raises on failure


class InboxWorker:
    def __init__(self, session_factory: sessionmaker[Session], runners: dict[str, Runner], *,
                 poll: float = 0.2, lease: dt.timedelta = LEASE):
        self.session_factory = session_factory
        self.runners = runners
        self.poll = poll
        self.lease = lease
        self.stopping = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="inbox", daemon=True)
        self._purged = 0.0
        self._said_running = 0.0

    def start(self) -> None:
        if self.runners:
            self._thread.start()

    def stop(self) -> None:
        self.stopping.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)

    def run_once(self) -> int:
        """Run what is waiting, one batch; returns how many were taken. The batch is marked done
        together (one write fewer per request: the web process waits for the same write lock on
        SQLite); a worker killed mid-batch leaves its rows to be run again, and the handlers'
        delivery keys keep that from storing or answering twice."""
        with self.session_factory() as session:
            items = InboxRepository(session).claim(utcnow(), BATCH, self.lease, tuple(self.runners))
            session.commit()
        done = [item.id for item in items if self._run(item.id, item.platform, item.payload, item.attempts)]
        if done:
            with self.session_factory() as session:
                InboxRepository(session).done_many(done, utcnow())
                session.commit()
        return len(items)

    def _run(self, item_id: int, platform: str, payload: dict, attempts: int) -> bool:
        try:
            self.runners[platform](payload)
            return True
        except Exception as error:  # one bad request must not stop the others
            if locked(error):  # another writer held SQLite's lock too long: busy, not broken
                log.warning("inbox item %s (%s): the database was busy, attempt %d", item_id, platform,
                            attempts)
            else:
                log.exception("inbox item %s (%s) failed, attempt %d", item_id, platform, attempts)
            with self.session_factory() as session:
                repo = InboxRepository(session)
                if attempts >= MAX_ATTEMPTS:
                    repo.fail(item_id, repr(error))
                    _say_it_failed(session, platform, payload)
                else:
                    repo.retry_at(item_id, utcnow() + dt.timedelta(seconds=5 * attempts), repr(error))
                session.commit()
            return False

    def say_running(self) -> None:
        """Tell web processes this worker runs its platforms' requests (for `RUNNING_FOR`)."""
        self._said_running = time.monotonic()
        with self.session_factory.begin() as session:
            InboxRepository(session).running(tuple(self.runners), utcnow() + RUNNING_FOR)

    def _loop(self) -> None:
        while not self.stopping.is_set():
            try:
                if time.monotonic() - self._said_running >= SAY_RUNNING_EVERY:
                    self.say_running()
                taken = self.run_once()
                self._purge()
            except OperationalError as error:
                log.warning("inbox: database busy or unreachable, retrying", exc_info=not locked(error))
                taken = 0
            except Exception:  # a bug met by one row must not end the loop for all the others
                log.exception("inbox: a batch went wrong; its rows are run again after their lease")
                taken = 0
            if not taken:
                self.stopping.wait(self.poll)

    def _purge(self) -> None:
        if time.monotonic() - self._purged < PURGE_EVERY:
            return
        self._purged = time.monotonic()
        with self.session_factory.begin() as session:
            gone = purge(session, utcnow())
        if any(gone.values()):
            log.info("purged %s", ", ".join(f"{n} {what}" for what, n in gone.items() if n))


def _say_it_failed(session: Session, platform: str, payload: dict) -> None:
    """A request given up on is answered saying so (never silence), in the person's language
    when the request says it, else in both; once, under the answer's own key."""
    from handlers.events import Answer
    from handlers.outgoing import queue
    from handlers.text.reply import Reply
    from handlers.text.strings import t
    from handlers.unit_of_work import answer_key
    from storage.address import Address
    from storage.people import PeopleRepository

    workspace, target, delivery = (payload.get(k) for k in ("workspace", "answer", "delivery"))
    if not all(isinstance(v, str) and v for v in (workspace, target, delivery)):
        return
    tenant = PeopleRepository(session).tenant(platform, workspace)
    if tenant is None:
        return
    try:
        to = Address.parse(platform, workspace, target[:200])
    except ValueError as error:  # stored by a platform gone, or garbled: failed, told nobody
        log.warning("inbox request %s: its answer goes nowhere known (%s)", delivery, error)
        return
    locale = payload.get("locale")
    lines = (t(locale, "could_not_run"),) if locale in ("en", "zh") else (
        t("en", "could_not_run"), t("zh", "could_not_run"))
    reply = Reply(lines=lines, ok=False, locale=locale if locale in ("en", "zh") else "en")
    queue(session, tenant, [Answer(answer_key(platform, delivery), to, reply)], utcnow())
