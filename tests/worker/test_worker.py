"""The worker's APScheduler jobs follow the teams' schedules in the database."""
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from worker.delivery import DeliveryWorker
from worker.service import Worker


class NoSender:
    def send(self, *_args):
        raise AssertionError("nothing is sent in these tests")


@pytest.fixture
def worker(session_factory):
    """A worker whose scheduler runs paused: jobs are scheduled, none fires."""
    w = Worker(session_factory, DeliveryWorker(session_factory, NoSender()))
    w.scheduler.start(paused=True)
    yield w
    w.scheduler.shutdown(wait=False)


def cron(w: Worker, job_id: str) -> dict:
    fields = {f.name: str(f) for f in w.scheduler.get_job(job_id).trigger.fields}
    return {"hour": fields["hour"], "minute": fields["minute"]}


def test_jobs_have_stable_ids_and_follow_a_managers_change(team_chat, worker):
    w = worker
    w.sync()
    ids = sorted(job.id for job in w.scheduler.get_jobs())
    assert "standup:1:Asia/Shanghai" in ids and "watch:1:Asia/Shanghai" in ids
    assert cron(w, "standup:1:Asia/Shanghai") == {"hour": "9", "minute": "30"}
    team_chat("schedule standup 08:15", user="Mia")
    team_chat("schedule recognition off", user="Mia")
    w.sync()
    assert cron(w, "standup:1:Asia/Shanghai") == {"hour": "8", "minute": "15"}
    assert w.scheduler.get_job("recognition:1:Asia/Shanghai") is None
    assert w.scheduler.get_job("watch:1:Asia/Shanghai") is None  # announcements are recognition
    job = w.scheduler.get_job("standup:1:Asia/Shanghai")
    assert (job.coalesce, job.misfire_grace_time) == (True, 30 * 60)


def test_a_member_moving_abroad_gets_a_job_in_their_timezone(team_chat, session_factory, worker):
    w = worker
    w.sync()
    from sqlalchemy import update

    from storage.models.workspace import Member
    with session_factory.begin() as s:
        s.execute(update(Member).where(Member.display_name == "Bo").values(timezone="Europe/London"))
    w.sync()
    job = w.scheduler.get_job("standup:1:Europe/London")
    assert job is not None and str(job.trigger.timezone) == "Europe/London"
    assert job.next_run_time.timetz().replace(tzinfo=None) == dt.time(9, 30)


def test_a_team_made_seconds_after_a_runs_time_is_not_run_by_a_worker_that_read_before_it(
        chat, session_factory, worker):
    """The worker read the schedule before the team existed; at its next read the team is there,
    made 5 s after its daily digest's time: the run due between the two reads is not the team's."""
    from sqlalchemy import select, update

    from handlers.rules.schedules import with_change
    from storage.models.base import utcnow
    from storage.models.messaging import Delivery, JobRun
    from storage.models.team import Team
    from support import LONG_AGO

    worker.sync()  # no team yet
    chat.team()
    due = utcnow().replace(second=0, microsecond=0)  # the run's time: this minute's start
    local = due.astimezone(ZoneInfo("Asia/Shanghai"))
    with session_factory.begin() as s:
        team = s.scalar(select(Team))
        settings = with_change(team.settings, "daily", time=local.time(), days="0123456")
        s.execute(update(Team).values(settings=settings, created_at=due + dt.timedelta(seconds=5)))
    worker._read_until = min(worker._read_until, due - dt.timedelta(seconds=1))  # read before it
    worker.sync()
    job = worker.scheduler.get_job("daily:1:Asia/Shanghai")
    assert job.next_run_time == due  # scheduled from the earlier read: due before the team began
    worker._run(worker.specs["daily:1:Asia/Shanghai"])
    with session_factory() as s:
        assert s.scalar(select(Delivery.key).where(Delivery.key.like("digest%"))) is None
        assert s.scalar(select(JobRun.fire_at)) == due  # done, with nothing: not tried again
    with session_factory.begin() as s:  # the same, for a team made 5 s before the run's time
        s.execute(update(Team).values(created_at=LONG_AGO))
        s.execute(JobRun.__table__.delete())
    worker._run(worker.specs["daily:1:Asia/Shanghai"])
    with session_factory() as s:
        assert s.scalar(select(Delivery.key).where(Delivery.key.like("digest-daily%"))) is not None
