"""Work a busy web process hands to a worker through the inbox (bot/handoff.py), through the real
HTTP path: the user gets the same answer, once, and nothing is stored twice."""
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

import pytest

from bot.web import create_app
from bot.worker import inbox_runners, platform_senders
from fakes.slack_api import _all_text
from fakes.slack_driver import SlackDriver
from storage.inbox import InboxRepository
from storage.models.base import utcnow
from storage.models.messaging import InboxItem
from storage.models.sales import Visit
from support import count, eventually, serve
from worker.delivery import DeliveryWorker
from worker.inbox import InboxWorker


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
    app.core.close()


def run_the_worker(core) -> int:
    """What the Procfile's worker does with the inbox, then its outbox: how many requests ran."""
    ran = InboxWorker(core.session_factory, inbox_runners(core)).run_once()
    DeliveryWorker(core.session_factory, platform_senders(core)).run_once()
    return ran


def test_a_command_acked_while_no_worker_runs_is_answered_when_one_starts(web_without_worker):
    slack = web_without_worker
    with slack.web.handoff.serving():
        status, path = slack.command("/visit", "Acme: while the worker restarts", user="U2")
    assert status == 200
    assert statuses(slack.core) == ["pending"]
    assert count(slack.core.session_factory, Visit) == 0 and not slack.fake.responses
    assert run_the_worker(slack.core) == 1
    assert "Visit to Acme logged." in _all_text(slack.answers(path)[0])
    assert statuses(slack.core) == ["done"]
    assert run_the_worker(slack.core) == 0  # nothing runs twice
    assert count(slack.core.session_factory, Visit) == 1 and len(slack.answers(path)) == 1


def test_a_queued_request_holds_what_to_run_not_how_the_code_runs_it(web_without_worker, monkeypatch):
    """The inbox row is the platform-neutral message (who, what, where the answer goes, Slack's
    id), naming no Python function: a deploy that renames every listener still runs it."""
    from bot.slack import listeners

    slack = web_without_worker
    with slack.web.handoff.serving():
        status, path = slack.command("/visit", "Acme: queued before a deploy", user="U2")
    with slack.core.session_factory() as s:
        [payload] = [item.payload for item in s.query(InboxItem)]
    workspace = payload["workspace"]
    url = f"{slack.fake.url}{path}"
    assert payload == {"v": 2, "workspace": workspace, "user": "U2",
                       "message": "visit Acme: queued before a deploy", "delivery": payload["delivery"],
                       "answer": f"respond:auto:U2:{url}", "announce": f"respond:public:U2:{url}",
                       "mentioned": [], "work": "message", "pressed": False,
                       "keyword": "visit"}  # the slash command's own word: says no language
    for name in ("_command_listeners", "_register_messages", "_said", "register"):
        monkeypatch.delattr(listeners, name)  # the new code has none of these names
    assert run_the_worker(slack.core) == 1
    assert "Visit to Acme logged." in _all_text(slack.answers(path)[0])
    assert statuses(slack.core) == ["done"] and count(slack.core.session_factory, Visit) == 1


def test_a_raw_request_of_version_1_is_logged_and_not_run(web_without_worker, caplog):
    """Rows of version 1 held a raw request to replay through bolt; the inbox purges rows within
    7 days, so none can be waiting after an upgrade from a supported version: one is logged and
    closed, never half-run."""
    slack = web_without_worker
    body = urlencode({"team_id": slack.team, "channel_id": "C1", "user_id": "U2", "command": "/visit",
                      "text": "Acme: queued by the old version", "trigger_id": "trig-old"})
    with slack.core.session_factory.begin() as s:
        InboxRepository(s).put(key="slack:old:run_command", platform="slack", now=utcnow(), payload={
            "mode": "http", "function": "run_command", "body": body,
            "headers": {"content-type": ["application/x-www-form-urlencoded"]}})
    assert run_the_worker(slack.core) == 1
    assert statuses(slack.core) == ["done"] and count(slack.core.session_factory, Visit) == 0
    assert "Slack inbox row of version 1 left unrun" in caplog.text


def test_an_answer_goes_to_the_dm_when_there_is_no_response_url_or_it_is_too_long_to_keep():
    from bot.slack.sender import respond

    url = "https://hooks.slack.com/commands/T1/2/abc"
    assert respond("T1", "auto", "U2", url).target == f"respond:auto:U2:{url}"
    assert respond("T1", "private", "U2", None).target == "user:U2"  # a click in App Home
    assert respond("T1", "public", "U2", url + "x" * 200).target == "user:U2"  # over the outbox column's 200
