"""The worker process: APScheduler 3 runs the teams' jobs, a thread drains the outbox, and another
runs the chat requests web processes left in the inbox (`worker/inbox.py`).

Jobs have stable ids (`standup:3:Asia/Shanghai`), coalesce, and a misfire grace per kind: a
standup missed by minutes still runs, one missed by hours does not (and the skip is logged). The
schedule is read from the database at start and every `sync_every` seconds, so a manager's change
reaches every worker. Several workers may run at once: each run is recorded under a unique key
(job id + fire time) and every message under its own outbox key, so nothing is posted twice.
"""
from __future__ import annotations

import datetime as dt
import logging
import random
import threading
from zoneinfo import ZoneInfo

from apscheduler.events import EVENT_JOB_MISSED, JobExecutionEvent
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from handlers.rules.working_days import missing_years
from handlers.senders import Defaults
from handlers.workspace.holidays import load_corrections
from storage.db import locked
from storage.models.base import utcnow
from worker.delivery import DeliveryWorker
from worker.inbox import InboxWorker
from worker.plan import WATCH_EVERY, JobSpec, fire, last_missed, plan

log = logging.getLogger(__name__)
RUN_ATTEMPTS = 4


class Worker:
    def __init__(self, session_factory: sessionmaker[Session], delivery: DeliveryWorker,
                 defaults: Defaults = Defaults(), *, sync_every: float = 30, poll: float = 0.5,
                 jobs_at_once: int = 1, inbox: InboxWorker | None = None):
        self.session_factory = session_factory
        self.delivery = delivery
        self.inbox = inbox
        self.defaults = defaults
        self.sync_every = sync_every
        self.poll = poll
        self.specs: dict[str, JobSpec] = {}
        self.stopping = threading.Event()
        #: Until when the schedule has been read: jobs new since are scheduled from then, so a
        #: run due between reading the schedule and the scheduler starting still runs.
        self._read_until: dt.datetime | None = None
        self._warned: set[tuple[str, dt.date]] = set()  # (calendar, day) warned of
        # Job runs are short transactions, one at a time: the outbox sender needs the CPU more
        # (and SQLite has one writer).
        self.scheduler = BackgroundScheduler(
            timezone=dt.timezone.utc, executors={"default": ThreadPoolExecutor(jobs_at_once)},
            job_defaults={"coalesce": True, "max_instances": 1})
        self.scheduler.add_listener(self._missed, EVENT_JOB_MISSED)
        self._sender = threading.Thread(target=self._deliver, name="outbox", daemon=True)

    def start(self) -> None:
        if self.inbox is not None:  # first: people wait for these, and web processes for its word
            self.inbox.start()
        self.sync(catch_up=True)
        self.scheduler.add_job(self.sync, IntervalTrigger(seconds=self.sync_every), id="sync",
                               replace_existing=True)
        self._sender.start()  # before the jobs: what earlier runs left unsent goes out while they run
        self.scheduler.start()
        log.info("worker started: %d jobs", len(self.specs))

    def stop(self) -> None:
        self.stopping.set()
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        if self._sender.is_alive():
            self._sender.join(timeout=10)
        if self.inbox is not None:
            self.inbox.stop()

    def wait(self) -> None:
        """Block until `stop` (a signal handler calls it)."""
        self.stopping.wait()

    def sync(self, catch_up: bool = False) -> None:
        """Make the scheduler's jobs what the teams' schedules say; at start, catch up a run missed
        while no worker was up (APScheduler then runs it if inside the grace, else logs a skip).

        Each new or changed job's first run is its first time after the previous read of the
        schedule (at start: after this read began), set here rather than when APScheduler starts
        or adds the job: a run due while the worker was starting (a slow start, a busy machine)
        or between two reads runs late inside its grace, or is logged as skipped; never lost.
        """
        read_at = utcnow()
        since = read_at if catch_up or self._read_until is None else self._read_until
        with self.session_factory() as session:
            load_corrections(session)
            wanted = {spec.id: spec for spec in plan(session)}
            missed = {spec.id: last_missed(session, spec, utcnow())
                      for spec in wanted.values() if catch_up and spec.recorded}
        for job_id in set(self.specs) - set(wanted):
            self.scheduler.remove_job(job_id)
            del self.specs[job_id]
        order = list(wanted.items())
        random.shuffle(order)  # runs due at once go in this order: two workers rarely meet
        for job_id, spec in order:
            if self.specs.get(job_id) == spec:
                continue
            trigger = _trigger(spec)
            self.scheduler.add_job(
                self._run, trigger, args=(spec,), id=job_id, name=job_id,
                replace_existing=True, misfire_grace_time=int(spec.grace.total_seconds()),
                next_run_time=missed.get(job_id) or trigger.get_next_fire_time(None, since))
            self.specs[job_id] = spec
        self._read_until = read_at
        self._warn_of_calendars(wanted.values(), read_at)

    def _warn_of_calendars(self, specs, now: dt.datetime) -> None:
        """Once a day per calendar, in the log: a year this or next without an official schedule."""
        for calendar in {spec.calendar for spec in specs}:
            today = now.date()
            if (calendar, today) in self._warned:
                continue
            self._warned.add((calendar, today))
            years = missing_years(calendar, today)
            if years:
                log.warning("calendar %s has no official schedule for %s: public holidays are "
                            "estimated and make-up working days unknown; an admin sets them with "
                            "`calendar DAY workday|holiday` and then `calendar YEAR official`, or "
                            "`salesbot import calendar FILE.csv --official`",
                            calendar.split("@")[0], "/".join(map(str, years)))

    def _run(self, spec: JobSpec) -> None:
        now = utcnow()
        if spec.recorded:
            times = spec.fire_times(now - dt.timedelta(days=1), now)
            if not times:
                return
            fire_at = times[-1]
        else:
            fire_at = now
        for attempt in range(RUN_ATTEMPTS):  # the run is one transaction: a failed one left nothing
            try:
                fire(self.session_factory, spec, fire_at, self.defaults)
                return
            except OperationalError as error:
                log.warning("%s for team %s: database busy or away (try %d of %d)", spec.kind,
                            spec.team_name, attempt + 1, RUN_ATTEMPTS, exc_info=not locked(error))
                if self.stopping.wait(2 ** attempt):
                    return
        log.error("%s for team %s at %s not run: the database kept failing", spec.kind,
                  spec.team_name, fire_at)

    def _missed(self, event: JobExecutionEvent) -> None:
        spec = self.specs.get(event.job_id)
        if spec is not None:
            late = utcnow() - event.scheduled_run_time
            log.warning("skipped %s of team %s scheduled %s: %s late, past its grace of %s",
                        spec.kind, spec.team_name, event.scheduled_run_time.isoformat(),
                        str(late).split(".")[0], spec.grace)

    def _deliver(self) -> None:
        while not self.stopping.is_set():
            try:
                if not self.delivery.run_once():
                    self.stopping.wait(self.poll)
            except Exception:  # the database away for a moment: keep the loop alive
                log.exception("outbox delivery failed; retrying")
                self.stopping.wait(1)


def _trigger(spec: JobSpec):
    if spec.time is None:
        return IntervalTrigger(seconds=int(WATCH_EVERY.total_seconds()))
    return CronTrigger(hour=spec.time.hour, minute=spec.time.minute, second=spec.time.second,
                       timezone=ZoneInfo(spec.zone))
