"""The worker's APScheduler jobs follow the teams' schedules in the database."""
import datetime as dt

import pytest

from scheduler.delivery import DeliveryWorker
from scheduler.service import Worker


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

    from storage.models import Member
    with session_factory.begin() as s:
        s.execute(update(Member).where(Member.display_name == "Bo").values(timezone="Europe/London"))
    w.sync()
    job = w.scheduler.get_job("standup:1:Europe/London")
    assert job is not None and str(job.trigger.timezone) == "Europe/London"
    assert job.next_run_time.timetz().replace(tzinfo=None) == dt.time(9, 30)
