"""A Slack request a busy web process left for a worker keeps nothing of itself in that process
while it waits (bot/slack/after_ack.py): if no worker takes it, the process runs it from its
inbox row, as a worker would, and the person gets the same answer, once."""
import pytest

from bot.web import create_app
from fakes.slack_api import _all_text
from fakes.slack_driver import SlackDriver
from storage.models.messaging import InboxItem
from storage.models.sales import Visit
from support import count, eventually, serve


def statuses(core) -> list[str]:
    with core.session_factory() as s:
        return [item.status for item in s.query(InboxItem).order_by(InboxItem.id)]


@pytest.fixture
def web_without_worker(slack_settings, fake_slack):
    app = create_app(slack_settings)
    server = serve(app)
    driver = SlackDriver(f"http://127.0.0.1:{server.server_address[1]}", fake_slack, app.core)
    driver.web = app
    yield driver
    server.shutdown()
    server.server_close()
    app.close()


def test_a_command_no_worker_takes_is_run_here_from_its_row(web_without_worker):
    slack, now = web_without_worker, [0.0]
    handoff = slack.web.handoff
    handoff.clock = lambda: now[0]
    with handoff.serving():  # another request in flight: this one is left for a worker
        status, path = slack.command("/visit", "Acme: nobody took it", user="U2")
    assert status == 200 and statuses(slack.core) == ["pending"]
    [(_due, _seq, _row, platform, later, work)] = handoff._late
    assert platform == "slack" and later is not None and work is None  # not the request's objects
    now[0] += handoff.late_after + 1  # no worker took it in time
    handoff.look_again()
    assert "Visit to Acme logged." in _all_text(slack.answers(path)[0])
    eventually(lambda: statuses(slack.core) == ["done"])
    assert count(slack.core.session_factory, Visit) == 1 and len(slack.answers(path)) == 1


def test_a_dm_no_worker_takes_is_answered_in_the_dm_from_its_row(web_without_worker):
    slack, now = web_without_worker, [0.0]
    handoff = slack.web.handoff
    handoff.clock = lambda: now[0]
    with handoff.serving():
        assert slack.dm("visit Globex: left waiting", user="U2", event_id="Ev9") == 200
    assert [entry[5] for entry in handoff._late] == [None]
    now[0] += handoff.late_after + 1
    handoff.look_again()
    slack.fake.wait_for(lambda: any("Visit to Globex logged." in t for t in slack.fake.texts()))
    eventually(lambda: statuses(slack.core) == ["done"])
    assert count(slack.core.session_factory, Visit) == 1
