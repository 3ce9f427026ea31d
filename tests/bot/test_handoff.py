"""The web process's handoff (bot/handoff.py) on SQLite and PostgreSQL: work runs here when the
process is idle, is left in the inbox for a worker when it is busy, is recorded once per key even
when many requests arrive together, and still runs (to say the database is down) without one."""
import datetime as dt
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy.exc import OperationalError

from bot.handoff import Handoff
from storage.db import make_engine, make_session_factory
from storage.models.messaging import InboxItem
from support import ManualClock, count, eventually

HELD = dt.timedelta(seconds=60)


@pytest.fixture
def handoffs(session_factory):
    """Handoff(session_factory, "test", …) as a test makes them, stopped with the test: work they
    would take back later must not reach the next test's database (the run's one PostgreSQL)."""
    made = []

    def make(**options) -> Handoff:
        made.append(Handoff(session_factory, "test", **options))
        return made[-1]
    yield make
    for handoff in made:
        handoff.stop()


def rows(session_factory):
    with session_factory() as s:
        return [(i.key, i.status, i.claimed_until is not None)
                for i in s.query(InboxItem).order_by(InboxItem.id)]


def test_an_idle_process_runs_the_work_itself_and_marks_it_done(handoffs, session_factory):
    handoff = handoffs()
    with handoff.serving():  # the request itself
        future = handoff.submit("slack", "slack:Ev1:dm", {"text": "hi"}, lambda: "answered")
    assert future.result(timeout=60) == "answered"
    eventually(lambda: rows(session_factory) == [("slack:Ev1:dm", "done", False)])


def test_a_busy_process_leaves_the_work_for_a_worker(handoffs, session_factory):
    handoff = handoffs()
    ran = []
    with handoff.serving(), handoff.serving():  # another request is in flight
        assert handoff.submit("wecom", "wecom:msg:1", {"text": "拜访"}, lambda: ran.append(1)) is None
    assert rows(session_factory) == [("wecom:msg:1", "pending", False)] and ran == []


def test_requests_arriving_together_are_each_recorded_once(handoffs, session_factory):
    handoff = handoffs()
    start = threading.Barrier(16)

    def arrive(i: int):
        with handoff.serving(), handoff.serving():
            start.wait(timeout=60)
            # every request twice at once, as a platform retrying one that is slow to answer
            return handoff.submit("slack", f"slack:T{i // 2}:run", {"i": i}, lambda: None)

    with ThreadPoolExecutor(16) as pool:
        assert list(pool.map(arrive, range(16))) == [None] * 16
    assert sorted(key for key, _, _ in rows(session_factory)) == sorted(f"slack:T{i}:run" for i in range(8))
    assert count(session_factory, InboxItem) == 8


def test_two_web_processes_given_the_same_requests_at_once_record_each_once(handoffs, db_url,
                                                                         session_factory):
    """Two web processes (each its own engine) on one database, 24 requests in flight in each, every
    request sent to both (a platform retrying at another process): the requests commit in groups
    led by one of them, each gets its row's id or None once its group is in, and a key is one row."""
    other = make_engine(db_url)
    first, second = handoffs(), Handoff(make_session_factory(other), "test")
    start = threading.Barrier(48)

    def arrive(i: int):
        handoff = (first, second)[i % 2]
        with handoff.serving(), handoff.serving():
            start.wait(timeout=60)
            recorded = [handoff.submit("wecom", f"wecom:msg:{i // 2}:{n}", {"n": n}, lambda: None)
                        for n in range(5)]  # five in turn: the later ones join groups in flight
        return recorded

    try:
        with ThreadPoolExecutor(48) as pool:
            assert list(pool.map(arrive, range(48))) == [[None] * 5] * 48
    finally:
        second.stop()
        other.dispose()
    assert sorted(key for key, _, _ in rows(session_factory)) == sorted(
        f"wecom:msg:{i}:{n}" for i in range(24) for n in range(5))
    assert {status for _, status, _ in rows(session_factory)} == {"pending"}


def test_a_group_commit_that_fails_fails_each_request_in_it_and_the_next_group_is_recorded(
        handoffs, session_factory, monkeypatch):
    handoff = handoffs()
    put_many, entered, go = handoff.commits._put_many, threading.Event(), threading.Event()

    def refused(rows):  # the first group: held until the others wait behind it, then refused
        entered.set()
        go.wait(timeout=60)
        raise OperationalError("INSERT", {}, Exception("database is down"))
    monkeypatch.setattr(handoff.commits, "_put_many", refused)

    def arrive(key: str):
        with handoff.serving(), handoff.serving():
            ran_here = handoff.submit("wecom", key, {}, lambda: "the database is down, try again")
        return ran_here and ran_here.result(timeout=60)  # None: recorded, left for a worker

    with ThreadPoolExecutor(8) as pool:
        leader = pool.submit(arrive, "wecom:msg:0")
        entered.wait(timeout=60)
        monkeypatch.setattr(handoff.commits, "_put_many", put_many)  # the database is back
        waiting = [pool.submit(arrive, f"wecom:msg:{n}") for n in range(1, 8)]
        time.sleep(0.2)  # they wait for the turn
        assert not any(future.done() for future in waiting)
        go.set()
        assert leader.result(timeout=60) == "the database is down, try again"  # run here to say so
        assert [future.result(timeout=60) for future in waiting] == [None] * 7  # the next group
    assert sorted(key for key, _, _ in rows(session_factory)) == [f"wecom:msg:{n}" for n in range(1, 8)]


def test_without_a_database_the_work_still_runs_here_to_say_so():
    engine = make_engine("postgresql+psycopg://postgres@127.0.0.1:1/nowhere")
    handoff = Handoff(make_session_factory(engine), "test")
    with handoff.serving(), handoff.serving():  # busy, even: nowhere to leave it
        future = handoff.submit("slack", "slack:Ev9:dm", {}, lambda: "try again in a minute")
    assert future.result(timeout=60) == "try again in a minute"
    engine.dispose()


@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_a_connection_the_server_dropped_costs_one_group_of_requests_and_the_next_are_recorded(
        handoffs, engine, session_factory):
    handoff = handoffs()
    with handoff.serving(), handoff.serving():
        assert handoff.submit("slack", "slack:Ev1:dm", {}, lambda: None) is None
    with engine.connect() as admin:  # the server restarts: every other session of this database ends
        admin.exec_driver_sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE datname = current_database() AND pid <> pg_backend_pid()")
    outcomes = []
    for n in (2, 3):
        with handoff.serving(), handoff.serving():
            try:
                outcomes.append(handoff.submit("slack", f"slack:Ev{n}:dm", {}, lambda: None))
            except Exception as error:  # the request that met the dropped connection: retried by Slack
                outcomes.append(type(error).__name__)
    assert outcomes[-1] is None  # the writer opened a new connection
    assert {key for key, _, _ in rows(session_factory)} >= {"slack:Ev1:dm", "slack:Ev3:dm"}


@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_a_stopped_process_gives_its_writers_connection_back_and_a_late_request_is_still_recorded(
        handoffs, engine, session_factory):
    handoff = handoffs()
    before = engine.pool.checkedout()
    with handoff.serving(), handoff.serving():
        assert handoff.submit("slack", "slack:Ev1:dm", {}, lambda: None) is None
    assert engine.pool.checkedout() == before + 1  # the writer keeps one between commits
    handoff.stop()
    assert engine.pool.checkedout() == before
    with handoff.serving(), handoff.serving():  # a request still in flight as the process stops
        assert handoff.submit("slack", "slack:Ev2:dm", {}, lambda: None) is None
    assert [key for key, _, _ in rows(session_factory)] == ["slack:Ev1:dm", "slack:Ev2:dm"]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_on_sqlite_a_worker_holding_the_write_lock_delays_the_record_and_loses_nothing(handoffs, engine,
                                                                                      session_factory):
    handoff = handoffs()
    with engine.connect() as worker:
        worker.exec_driver_sql("BEGIN IMMEDIATE")  # a worker's transaction holds the write lock
        with ThreadPoolExecutor(1) as pool, handoff.serving(), handoff.serving():
            waiting = pool.submit(handoff.submit, "slack", "slack:Ev5:dm", {}, lambda: None)
            time.sleep(0.3)
            assert not waiting.done()  # still asking for the lock
            worker.exec_driver_sql("COMMIT")
            assert waiting.result(timeout=60) is None
    assert rows(session_factory) == [("slack:Ev5:dm", "pending", False)]


def test_work_left_for_a_worker_that_none_takes_is_run_here_once(handoffs, session_factory):
    """No worker runs (or none keeps up): what this process acked and left in the inbox is not
    left in silence; after a short while it takes the row back and runs the work itself."""
    handoff = handoffs(late_after=0.05)
    ran = []
    with handoff.serving(), handoff.serving():  # busy: left for a worker
        assert handoff.submit("teams", "teams:c1:1", {"text": "hi"}, lambda: ran.append("here"),
                              later=lambda payload: ran.append(("late", payload))) is None
    eventually(lambda: rows(session_factory) == [("teams:c1:1", "done", False)])
    assert ran == [("late", {"text": "hi"})]  # run from the row as recorded, as a worker would


def test_work_a_worker_took_is_never_run_here_too(handoffs, session_factory):
    from storage.inbox import InboxRepository
    from storage.models.base import utcnow

    clock = ManualClock()  # the worker below takes #7 before its time is up, however slow it is
    handoff = handoffs(late_after=1.0, clock=clock)
    ran = []
    with handoff.serving(), handoff.serving():
        handoff.submit("wecom", "wecom:msg:7", {}, lambda: ran.append(7))
        with session_factory() as s:  # a worker takes it in time
            [taken] = InboxRepository(s).claim(utcnow(), 10, HELD, ("wecom",))
            s.commit()
        handoff.submit("wecom", "wecom:msg:8", {}, lambda: ran.append(8))  # none takes this one
    clock.advance(1.0)
    handoff.look_again()
    eventually(lambda: ran == [8])  # looked at in order: 7 first, left to its worker
    assert rows(session_factory)[0] == ("wecom:msg:7", "pending", True)


def test_work_run_here_late_is_logged_once_a_look_not_once_a_row(handoffs, session_factory, caplog):
    clock = ManualClock()
    handoff = handoffs(late_after=1.0, clock=clock)
    ran = []
    with handoff.serving(), handoff.serving():  # busy: three left for a worker, none runs
        for n in range(3):
            handoff.submit("teams", f"teams:c1:{n}", {"n": n}, lambda: None, later=ran.append)
    with caplog.at_level("WARNING", logger="bot.handoff"):
        clock.advance(1.0)
        handoff.look_again()
        eventually(lambda: len(ran) == 3)
    assert sorted(p["n"] for p in ran) == [0, 1, 2]
    late = [r.getMessage() for r in caplog.records if "no worker" in r.getMessage()]
    assert late == ["3 inbox items waited 1 s with no worker taking them: run here "
                    "(start a worker: `salesbot worker`)"]



def test_work_waiting_for_a_running_worker_is_left_to_it_until_it_stops_running(handoffs, session_factory,
                                                                                monkeypatch):
    """A worker that says it runs the platform keeps what waits for it, however late (this
    process only acks); once its word lapses (it stopped, or is stuck), the work is run here."""
    from storage.inbox import InboxRepository
    from storage.models.base import utcnow

    monkeypatch.setattr("bot.handoff.RUNNING_LOOKED_FOR", 0.0)
    clock = ManualClock()
    handoff = handoffs(late_after=1.0, clock=clock)
    with session_factory.begin() as s:  # a worker runs Teams (for 30 s), not WeCom
        InboxRepository(s).running(("teams",), utcnow() + dt.timedelta(seconds=30))
    ran = []
    with handoff.serving(), handoff.serving():
        handoff.submit("teams", "teams:c1:1", {"n": 1}, lambda: None, later=ran.append)
        handoff.submit("wecom", "wecom:msg:2", {"n": 2}, lambda: None, later=ran.append)
    clock.advance(1.0)
    handoff.look_again()
    eventually(lambda: ran == [{"n": 2}])  # no worker runs WeCom: run here
    clock.advance(5.0)  # the worker is slow: still its
    handoff.look_again()
    time.sleep(0.3)
    assert ran == [{"n": 2}] and rows(session_factory)[0] == ("teams:c1:1", "pending", False)
    with session_factory.begin() as s:  # the worker stops: its word lapses
        InboxRepository(s).running(("teams",), utcnow() - dt.timedelta(seconds=1))
    clock.advance(5.0)
    handoff.look_again()
    eventually(lambda: ran == [{"n": 2}, {"n": 1}])
    eventually(lambda: rows(session_factory) == [("teams:c1:1", "done", False),
                                                 ("wecom:msg:2", "done", False)])


def test_work_taken_back_just_before_a_worker_starts_goes_back_to_it_untried(handoffs, session_factory,
                                                                             monkeypatch):
    from storage.inbox import InboxRepository
    from storage.models.base import utcnow

    monkeypatch.setattr("bot.handoff.RUNNING_LOOKED_FOR", 0.0)
    clock = ManualClock()
    handoff = handoffs(late_after=1.0, clock=clock)
    ran, busy = [], threading.Event()
    with handoff.serving(), handoff.serving():
        handoff.submit("teams", "teams:c1:3", {"n": 3}, lambda: None, later=ran.append)
    handoff.executor.submit(busy.wait, 60)  # what runs here is queued behind something long
    clock.advance(1.0)
    handoff.look_again()  # no worker runs: taken back
    eventually(lambda: rows(session_factory) == [("teams:c1:3", "pending", True)])
    with session_factory.begin() as s:  # the first worker starts
        InboxRepository(s).running(("teams",), utcnow() + dt.timedelta(seconds=30))
    busy.set()
    eventually(lambda: rows(session_factory) == [("teams:c1:3", "pending", False)])
    with session_factory() as s:
        assert s.query(InboxItem).one().attempts == 0  # the worker gets every attempt
    assert ran == []
