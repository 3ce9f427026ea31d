"""Acks that wait for their inbox row's commit on the web front's event loop, not in a thread
(bot/group_commit.py `record_later`, bot/handoff.py `serving(defer=True)`, bot/asgi.py): the row
is committed before the ack is sent, once per key with requests that wait in threads beside them,
and a request whose commit fails is served again as without deferring (nothing lost)."""
import threading
from concurrent.futures import Future, ThreadPoolExecutor

import pytest
from sqlalchemy.exc import OperationalError

from bot.asgi import asgi
from bot.handoff import Handoff
from bot.http import DEFERS, Deferred, plain
from storage.models.messaging import InboxItem
from support import count, front_request


@pytest.fixture
def handoff(session_factory):
    made = Handoff(session_factory, "test")
    yield made
    made.stop()


def keys(session_factory) -> list[tuple[str, str]]:
    with session_factory() as s:
        return [(i.key, i.status) for i in s.query(InboxItem).order_by(InboxItem.id)]


def test_a_busy_request_that_can_wait_off_its_thread_is_acked_once_its_row_is_committed(
        handoff, session_factory):
    ran = []
    with handoff.serving(), handoff.serving(defer=True) as served:  # another request is in flight
        assert handoff.submit("wecom", "wecom:msg:1", {"text": "拜访"}, lambda: ran.append(1)) is None
    assert len(served.pending) == 1
    assert served.until().result(timeout=60) is not None  # the row's id
    assert keys(session_factory) == [("wecom:msg:1", "pending")] and ran == []


def test_a_retry_that_waits_off_its_thread_adds_nothing(handoff, session_factory):
    for _ in range(2):
        with handoff.serving(), handoff.serving(defer=True) as served:
            handoff.submit("slack", "slack:Ev1:dm", {}, lambda: None)
        served.until().result(timeout=60)
    assert keys(session_factory) == [("slack:Ev1:dm", "pending")]


def test_requests_waiting_in_threads_and_off_them_commit_together_each_once(handoff, session_factory):
    start = threading.Barrier(24)

    def arrive(i: int):
        with handoff.serving(), handoff.serving(defer=i % 2 == 0) as served:
            start.wait(timeout=60)
            # every request twice, as a platform retrying one that is slow to answer
            results = [handoff.submit("wecom", f"wecom:msg:{i // 2}:{n}", {"n": n}, lambda: None)
                       for n in range(4)]
        if served.pending:
            served.until().result(timeout=60)
        return results

    with ThreadPoolExecutor(24) as pool:
        assert list(pool.map(arrive, range(24))) == [[None] * 4] * 24
    assert sorted(key for key, _ in keys(session_factory)) == sorted(
        f"wecom:msg:{i}:{n}" for i in range(12) for n in range(4))
    assert count(session_factory, InboxItem) == 48


def test_a_commit_that_fails_fails_the_ack_that_waits_for_it(handoff, monkeypatch):
    def refused(rows):
        raise OperationalError("INSERT", {}, Exception("database is down"))
    monkeypatch.setattr(handoff.commits, "_put_many", refused)
    with handoff.serving(), handoff.serving(defer=True) as served:
        assert handoff.submit("wecom", "wecom:msg:1", {}, lambda: None) is None
    with pytest.raises(OperationalError):
        served.until().result(timeout=60)


def test_the_front_sends_a_deferred_ack_once_its_commit_is_done():
    committed = Future()

    def wsgi(environ, start_response):
        assert environ[DEFERS] is True
        threading.Timer(0.2, committed.set_result, (7,)).start()
        return Deferred(plain(start_response, "200 OK", "acked"), committed)

    assert front_request(asgi(wsgi, threads=2)) == (200, b"acked")
    assert committed.done()


def test_the_front_serves_a_request_again_without_deferring_when_its_commit_failed():
    seen = []

    def wsgi(environ, start_response):
        seen.append(environ.get(DEFERS, False))
        if environ.get(DEFERS):  # the database refused the group commit it waited for
            failed = Future()
            failed.set_exception(OperationalError("INSERT", {}, Exception("database is down")))
            return Deferred(plain(start_response, "200 OK", ""), failed)
        return plain(start_response, "200 OK", "the database is down, try again")

    assert front_request(asgi(wsgi, threads=2)) == (200, b"the database is down, try again")
    assert seen == [True, False]
