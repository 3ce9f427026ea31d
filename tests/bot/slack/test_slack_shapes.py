"""Signed requests shaped almost as Slack sends them, with a field missing, null or of another
type: never a 500, never a traceback in the web process or the worker, and a message that cannot
be run is answered saying so."""
import json
import time
from urllib.parse import urlencode

import pytest
from hostile import settled, tracebacks

from fakes.slack_api import _all_text
from storage.models.sales import Customer, Deal
from support import call, count

FORM = "application/x-www-form-urlencoded"


def _event(event: dict) -> tuple[str, str]:
    return "application/json", json.dumps({
        "token": "legacy", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
        "event_id": f"Ev{time.monotonic_ns()}", "event_time": int(time.time()), "event": event,
        "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}]})


def _action(action: dict, url: str) -> tuple[str, str]:
    return FORM, urlencode({"payload": json.dumps({
        "type": "block_actions", "team": {"id": "T1", "domain": "acme"}, "api_app_id": "A1",
        "user": {"id": "U1", "team_id": "T1"}, "trigger_id": f"trig-{time.monotonic_ns()}",
        "response_url": url, "container": {"type": "message"}, "channel": {"id": "C1"},
        "actions": [{"type": "button", "block_id": "b", "action_ts": "1700000000.1", **action}]})})


def _command(**form) -> tuple[str, str]:
    base = {"token": "legacy", "team_id": "T1", "team_domain": "acme", "user_id": "U1", "user_name": "mia",
            "api_app_id": "A1"}
    return FORM, urlencode({**base, **form})


def _view(view: dict) -> tuple[str, str]:
    return FORM, urlencode({"payload": json.dumps({
        "type": "view_submission", "team": {"id": "T1"}, "user": {"id": "U1", "team_id": "T1"},
        "view": view})})


#: what the issue found answered 500 (or acked, then failing in the worker)
SHAPES = {
    "app_home_opened without a user": lambda url: _event({"type": "app_home_opened", "tab": "home",
                                                          "channel": "D1", "event_ts": "1.1"}),
    "an action without a value": lambda url: _action({"action_id": "salesbot.cmd.0"}, url),
    "an action whose action_id is a number": lambda url: _action({"action_id": 5, "value": "help"}, url),
    "a view without a type": lambda url: _view({"id": "V1", "callback_id": "visit_form",
                                                "state": {"values": {}}}),
    "a command with no channel and no response_url": lambda url: _command(command="/progress", text=""),
    "/deal with no text and no trigger_id": lambda url: _command(command="/deal", channel_id="C1",
                                                                 response_url=url),
    "a DM whose text is null": lambda url: _event({"type": "message", "channel_type": "im", "channel": "DU1",
                                                   "user": "U1", "text": None, "ts": "1700000000.2"}),
    "a mention without a channel": lambda url: _event({"type": "app_mention", "user": "U1",
                                                       "text": "<@UBOT> help", "ts": "1700000000.3"}),
    "a button whose value is a number": lambda url: _action({"action_id": "salesbot.cmd.0", "value": 5}, url),
    "a button whose value is an object": lambda url: _action({"action_id": "salesbot.cmd.0",
                                                              "value": {"a": 1}}, url),
    "an Edit button whose deal is no number": lambda url: _action({"action_id": "salesbot.edit_deal",
                                                                   "value": "1; drop"}, url),
    "a deeply nested JSON body": lambda url: ("application/json", "[" * 50_000 + "]" * 50_000),
    "a deeply nested payload": lambda url: (FORM, urlencode({"payload": "[" * 50_000 + "]" * 50_000})),
}


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("what", list(SHAPES))
def test_a_signed_request_missing_what_slack_always_sends_is_never_a_500(slack, caplog, what):
    slack.say("/salesbot", "help")
    url = f"{slack.fake.url}/response/shape"
    content_type, body = SHAPES[what](url)
    status, _ = slack.post("/slack/events", body, content_type)
    assert status < 500
    settled(slack.core.session_factory)
    assert not tracebacks(caplog)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_non_ascii_signature_header_is_401(slack, caplog):
    environ = {"CONTENT_TYPE": FORM, "HTTP_X_SLACK_REQUEST_TIMESTAMP": str(int(time.time())),
               "HTTP_X_SLACK_SIGNATURE": "v0=ä€".encode().decode("latin-1")}
    assert call(slack.web, "/slack/events", b"text=hi", environ) == 401
    assert not tracebacks(caplog)


UNRUNNABLE = {
    "a command with a NUL": lambda url: _command(command="/visit", text="Acme\x00: demo", channel_id="C1",
                                                 response_url=url, trigger_id="t-nul"),
    "a command with a control character": lambda url: _command(command="/deal", text="Acme\x1b[2J 5k",
                                                               channel_id="C1", response_url=url,
                                                               trigger_id="t-esc"),
}


# refused before anything is stored: on SQLite only
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("what", list(UNRUNNABLE))
def test_text_that_is_no_text_is_answered_saying_so_and_stores_nothing(slack, caplog, what):
    slack.say("/salesbot", "help")
    path = f"/response/unrunnable-{abs(hash(what))}"
    content_type, body = UNRUNNABLE[what](slack.fake.url + path)
    assert slack.post("/slack/events", body, content_type)[0] == 200
    [answer] = slack.answers(path)
    assert "I couldn't read that: it holds characters that are not text" in _all_text(answer)
    assert count(slack.core.session_factory, Customer) == 0
    settled(slack.core.session_factory)
    assert not tracebacks(caplog)


def test_a_lone_surrogate_in_a_dm_is_answered_and_stores_nothing(slack, caplog):
    slack.say("/salesbot", "help")
    content_type, body = _event({"type": "message", "channel_type": "im", "channel": "DU1", "user": "U1",
                                 "text": "visit Acme: \ud800 demo", "ts": "1700000000.4"})
    assert slack.post("/slack/events", body, content_type)[0] == 200
    [call_] = slack.fake.wait_for(lambda: [c for c in slack.fake.called("chat.postMessage")
                                           if c.params.get("channel") == "DU1"])
    assert "I couldn't read that" in _all_text(call_.params)
    settled(slack.core.session_factory)
    assert not tracebacks(caplog) and count(slack.core.session_factory, Customer) == 0


def test_names_longer_than_the_database_keeps_are_refused_in_the_users_language(slack, caplog):
    long = "A" * 250
    answer = slack.say("/visit", f"{long}: demo")
    assert "too long" in answer and "200" in answer
    answer = slack.say("/deal", f'Acme "{"t" * 250}" proposal 50k')
    assert "too long" in answer
    assert "太长" in slack.say("/salesbot", f"客户 {'华' * 250} A类")
    settled(slack.core.session_factory)
    assert not tracebacks(caplog)
    assert count(slack.core.session_factory, Customer) == count(slack.core.session_factory, Deal) == 0
