"""Socket Mode: the same listeners over a WebSocket the app opens itself (no public URL)."""
import time

import pytest

from bot.app import App
from bot.slack.app import socket_mode_handler
from fakes.slack_api import _all_text
from fakes.slack_socket import FakeSocketMode


@pytest.fixture
def socket_app(slack_settings, fake_slack):
    server = FakeSocketMode()
    fake_slack.socket_url = server.url
    core = App.build(slack_settings.model_copy(update={"slack_app_token": "xapp-1-test"}))
    handler = socket_mode_handler(core)
    handler.connect()
    yield server
    handler.close()
    server.close()
    core.close()


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_slash_command_over_socket_mode(socket_app, fake_slack):
    socket_app.send({"envelope_id": "env-1", "type": "slash_commands", "accepts_response_payload": True,
                     "payload": {"team_id": "T1", "channel_id": "C1", "channel_name": "sales",
                                 "user_id": "U1", "command": "/visit", "text": "Acme: over a socket",
                                 "response_url": f"{fake_slack.url}/response/sm1", "trigger_id": "t",
                                 "api_app_id": "A1"}})
    assert socket_app.ack_for("env-1")["envelope_id"] == "env-1"
    [answer] = fake_slack.wait_for(lambda: [r for r in fake_slack.responses if r["url"] == "/response/sm1"])
    assert "Visit to Acme logged." in _all_text(answer)
    assert [c.token for c in fake_slack.called("apps.connections.open")] == ["xapp-1-test"]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_dm_event_over_socket_mode_is_answered_once_even_when_redelivered(socket_app, fake_slack):
    event = {"token": "x", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
             "event_id": "EvSock1", "event_time": 1,
             "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}],
             "event": {"type": "message", "channel_type": "im", "channel": "DU1", "user": "U1",
                       "text": "progress", "ts": "1.000100"}}
    for attempt, envelope_id in enumerate(("env-2", "env-3")):
        socket_app.send({"envelope_id": envelope_id, "type": "events_api", "payload": event,
                         "accepts_response_payload": False, "retry_attempt": attempt,
                         "retry_reason": "timeout" if attempt else ""})
        socket_app.ack_for(envelope_id)
    [post] = fake_slack.wait_for(lambda: fake_slack.called("chat.postMessage"))
    assert "Your progress" in _all_text(post.params)
    time.sleep(1)  # time for a wrongly repeated answer to arrive
    assert len(fake_slack.called("chat.postMessage")) == 1
