"""Work a busy web process hands to a worker through the inbox (bot/handoff.py), through the real
HTTP path: the user gets the same answer, once, and nothing is stored twice."""
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.web import create_app
from bot.worker import inbox_runners
from fakes.slack_api import _all_text
from fakes.slack_driver import SlackDriver
from scheduler.inbox import InboxWorker
from storage.models import InboxItem, Visit
from support import count, eventually, serve


def statuses(core) -> list[str]:
    with core.session_factory() as s:
        return [item.status for item in s.query(InboxItem).order_by(InboxItem.id)]


def test_while_another_request_is_in_flight_the_worker_answers_the_command(slack):
    with slack.web.handoff.serving():  # another request is being served: this one is handed on
        status, path = slack.command("/visit", "Acme: met the CTO", user="U2")
        assert status == 200
    assert "Visit to Acme logged." in _all_text(slack.answers(path)[0])
    assert count(slack.core.session_factory, Visit) == 1
    eventually(lambda: statuses(slack.core) == ["done"])


def test_a_retried_event_waiting_for_a_worker_is_recorded_once_and_answered_once(slack):
    with slack.web.handoff.serving():
        assert slack.dm("visit Acme: first", user="U2", event_id="Ev77") == 200
        assert slack.dm("visit Acme: first", user="U2", event_id="Ev77", retry=1) == 200
    slack.fake.wait_for(lambda: any("Visit to Acme logged." in t for t in slack.fake.texts()))
    eventually(lambda: statuses(slack.core) == ["done"])
    assert count(slack.core.session_factory, Visit) == 1
    assert sum("Visit to Acme logged." in t for t in slack.fake.texts()) == 1


def test_a_burst_of_commands_is_stored_and_answered_exactly_once(slack):
    with ThreadPoolExecutor(20) as pool:
        sent = list(pool.map(lambda i: slack.command("/visit", f"Customer {i:02}: burst", user="U2"),
                             range(40)))
    assert {status for status, _ in sent} == {200}
    for i, (_, path) in enumerate(sent):
        assert f"Visit to Customer {i:02} logged." in _all_text(slack.answers(path)[0])
    eventually(lambda: statuses(slack.core) == ["done"] * 40)
    assert count(slack.core.session_factory, Visit) == 40
    answered = [r["url"] for r in slack.fake.responses]
    assert sorted(answered) == sorted(path for _, path in sent)  # one answer each


@pytest.fixture
def web_without_worker(slack_settings, fake_slack):
    app = create_app(slack_settings)
    server = serve(app)
    driver = SlackDriver(f"http://127.0.0.1:{server.server_address[1]}", fake_slack, app.core)
    driver.web = app
    yield driver
    server.shutdown()
    server.server_close()
    app.core.engine.dispose()


def test_a_command_acked_while_no_worker_runs_is_answered_when_one_starts(web_without_worker):
    slack = web_without_worker
    with slack.web.handoff.serving():
        status, path = slack.command("/visit", "Acme: while the worker restarts", user="U2")
    assert status == 200
    assert statuses(slack.core) == ["pending"]
    assert count(slack.core.session_factory, Visit) == 0 and not slack.fake.responses
    worker = InboxWorker(slack.core.session_factory, inbox_runners(slack.core))
    assert worker.run_once() == 1
    assert "Visit to Acme logged." in _all_text(slack.answers(path)[0])
    assert statuses(slack.core) == ["done"]
    assert worker.run_once() == 0  # nothing runs twice
    assert count(slack.core.session_factory, Visit) == 1


def test_a_queued_request_runs_after_the_code_that_queued_it_was_renamed(web_without_worker,
                                                                        monkeypatch):
    """The inbox names the work by a fixed word, not a Python function: a deploy that renames the
    listeners still runs what the old code queued."""
    from bot.slack import listeners

    slack = web_without_worker
    with slack.web.handoff.serving():
        status, path = slack.command("/visit", "Acme: queued before a deploy", user="U2")
    assert statuses(slack.core) == ["pending"]
    made = listeners._command_listeners

    def renamed(*args):  # the new code: every work function under another name
        ack, work = made(*args)

        def record_the_visit_after_the_ack(**kwargs):
            return work(**kwargs)
        return ack, record_the_visit_after_the_ack
    monkeypatch.setattr(listeners, "_command_listeners", renamed)
    assert InboxWorker(slack.core.session_factory, inbox_runners(slack.core)).run_once() == 1
    assert "Visit to Acme logged." in _all_text(slack.answers(path)[0])
    assert statuses(slack.core) == ["done"] and count(slack.core.session_factory, Visit) == 1
