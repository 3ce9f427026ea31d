"""The worker's inbox runner: each waiting request run once through its platform's runner; a
failing one retried a bounded number of times, without holding up the others."""
import datetime as dt

from storage.inbox import InboxRepository
from storage.models.base import utcnow
from storage.models.messaging import InboxItem
from worker.inbox import MAX_ATTEMPTS, InboxWorker


def put(session_factory, key, platform="slack"):
    with session_factory.begin() as s:
        InboxRepository(s).put(key=key, platform=platform, payload={"text": key}, now=utcnow())


def rows(session_factory):
    with session_factory() as s:
        return {i.key: (i.status, i.attempts) for i in s.query(InboxItem)}


def test_each_waiting_request_is_run_once(session_factory):
    ran = []
    worker = InboxWorker(session_factory, {"slack": lambda p: ran.append(p["text"])})
    for key in ("one", "two", "three"):
        put(session_factory, key)
    assert worker.run_once() == 3
    assert worker.run_once() == 0
    assert ran == ["one", "two", "three"]
    assert rows(session_factory) == {k: ("done", 1) for k in ("one", "two", "three")}


def test_a_failing_request_is_retried_then_marked_failed_and_the_others_still_run(session_factory):
    ran = []

    def runner(payload):
        if payload["text"] == "bad":
            raise RuntimeError("the platform said no")
        ran.append(payload["text"])

    worker = InboxWorker(session_factory, {"slack": runner})
    put(session_factory, "bad")
    put(session_factory, "good")
    worker.run_once()
    assert ran == ["good"]
    assert rows(session_factory)["bad"] == ("pending", 1)
    for attempt in range(2, MAX_ATTEMPTS + 1):
        assert worker.run_once() == 0  # a retry waits a little first
        with session_factory.begin() as s:  # … that wait is over
            s.query(InboxItem).filter_by(key="bad").update(
                {"claimed_until": utcnow() - dt.timedelta(seconds=1)})
        assert worker.run_once() == 1
        assert rows(session_factory)["bad"][1] == attempt
    assert rows(session_factory)["bad"] == ("failed", MAX_ATTEMPTS)
    with session_factory() as s:
        assert "the platform said no" in s.query(InboxItem).filter_by(key="bad").one().last_error
    assert worker.run_once() == 0
    # `salesbot inbox retry` once the cause is fixed: run again with fresh attempts
    with session_factory.begin() as s:
        assert InboxRepository(s).requeue_failed() == 1
    ran.clear()
    bad_fixed = InboxWorker(session_factory, {"slack": lambda p: ran.append(p["text"])})
    assert bad_fixed.run_once() == 1 and ran == ["bad"]
    assert rows(session_factory)["bad"] == ("done", 1)


def test_requests_of_a_platform_this_worker_does_not_run_are_left_for_one_that_does(session_factory):
    put(session_factory, "for-wecom", platform="wecom")
    assert InboxWorker(session_factory, {"slack": lambda p: None}).run_once() == 0
    assert rows(session_factory) == {"for-wecom": ("pending", 0)}


def test_a_request_given_up_on_is_answered_saying_so_in_both_languages(session_factory, chat):
    from handlers.text.reply_json import from_payload
    from storage.models.messaging import Delivery

    chat("help", user="Mia")  # the console tenant `local` exists
    payload = {"v": 2, "workspace": "local", "user": "Mia", "message": "help", "delivery": "d-1",
               "answer": "user:Mia", "from_a_newer_version": True}
    with session_factory.begin() as s:
        InboxRepository(s).put(key="console:d-1", platform="console", payload=payload, now=utcnow())

    def runner(payload):
        raise TypeError("unexpected field")
    worker = InboxWorker(session_factory, {"console": runner})
    for _attempt in range(MAX_ATTEMPTS):
        with session_factory.begin() as s:  # each retry's wait is over
            s.query(InboxItem).update({"claimed_until": utcnow() - dt.timedelta(seconds=1)})
        worker.run_once()
    with session_factory() as s:
        [answer] = s.query(Delivery).filter(Delivery.key == "answer:console:d-1").all()
    text = from_payload(answer.payload).text
    assert answer.target == "user:Mia" and "couldn't run that message" in text and "没能处理" in text


def test_a_request_whose_answer_goes_nowhere_known_is_marked_failed_and_the_others_still_run(
        session_factory, chat):
    """A row written for a platform's own kind of address (its platform since removed) fails
    three times: it is marked failed, nobody is told (there is nowhere to), the queue goes on."""
    from storage.models.messaging import Delivery

    chat("help", user="Mia")  # the console tenant `local` exists
    payload = {"v": 2, "workspace": "local", "user": "Mia", "message": "help", "delivery": "d-2",
               "answer": "room:42", "from_a_newer_version": True}
    with session_factory.begin() as s:
        InboxRepository(s).put(key="console:d-2", platform="console", payload=payload, now=utcnow())
    ran = []

    def runner(payload):
        if payload.get("answer") == "room:42":
            raise TypeError("unexpected field")
        ran.append(payload["text"])
    worker = InboxWorker(session_factory, {"console": runner})
    for _attempt in range(MAX_ATTEMPTS):
        with session_factory.begin() as s:  # each retry's wait is over
            s.query(InboxItem).update({"claimed_until": utcnow() - dt.timedelta(seconds=1)})
        worker.run_once()
    assert rows(session_factory)["console:d-2"] == ("failed", MAX_ATTEMPTS)
    with session_factory() as s:
        assert s.query(Delivery).filter(Delivery.key == "answer:console:d-2").count() == 0
    put(session_factory, "next", platform="console")
    assert worker.run_once() == 1 and ran == ["next"]
    assert rows(session_factory)["next"] == ("done", 1)


def test_a_worker_says_which_platforms_it_runs_and_its_word_lapses_unless_said_again(session_factory):
    from worker.inbox import RUNNING_FOR

    worker = InboxWorker(session_factory, {"teams": lambda p: None, "wecom": lambda p: None})
    worker.say_running()
    with session_factory() as s:
        assert InboxRepository(s).running_for(utcnow()) == {"teams", "wecom"}
        assert InboxRepository(s).running_for(utcnow() + RUNNING_FOR + dt.timedelta(seconds=1)) == set()
