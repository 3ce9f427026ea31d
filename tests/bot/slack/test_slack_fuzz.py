"""A signed fuzz of Slack's three kinds of request (events, slash commands, interactivity), each
shaped as Slack sends it with a few fields changed: never a 500, never a traceback in the web
process or the worker. `SALESBOT_FUZZ_EXAMPLES` sets how many requests a route gets."""
import itertools
import json
import logging
from collections import Counter
from urllib.parse import urlencode

import pytest
from hostile import fuzz_settings, mutations, settled, tracebacks
from hypothesis import given

from fakes.slack_driver import sign
from support import call

FORM = "application/x-www-form-urlencoded"
_IDS = itertools.count(1)

EVENT = {"token": "legacy", "team_id": "T1", "api_app_id": "A1", "type": "event_callback",
         "event_id": "Ev0", "event_time": 1700000000, "is_ext_shared_channel": False,
         "authorizations": [{"team_id": "T1", "user_id": "UBOT", "is_bot": True}],
         "event": {"type": "app_mention", "user": "U1", "text": "<@UBOT> visit Acme: demo",
                   "ts": "1700000000.1", "channel": "C1", "team": "T1", "user_team": "T1",
                   "source_team": "T1", "event_ts": "1700000000.1"}}
EVENT_PATHS = [("event", "type"), ("event", "text"), ("event", "user"), ("event", "channel"),
               ("event", "ts"), ("event", "thread_ts"), ("event", "channel_type"), ("event", "user_team"),
               ("event", "subtype"), ("event", "bot_id"), ("event", "tab"), ("event", "client_msg_id"),
               ("event",), ("team_id",), ("authorizations",), ("authorizations", 0, "team_id"),
               ("is_ext_shared_channel",), ("type",), ("enterprise_id",)]
COMMAND = {"token": "legacy", "team_id": "T1", "team_domain": "acme", "channel_id": "C1",
           "channel_name": "sales", "user_id": "U1", "user_name": "mia", "command": "/visit",
           "text": "Acme: demo", "api_app_id": "A1",
           "trigger_id": "t0", "response_url": "http://127.0.0.1:9/response/0"}
COMMAND_PATHS = [(key,) for key in COMMAND] + [("user_team",), ("enterprise_id",), ("is_enterprise_install",)]
ACTION = {"type": "block_actions", "team": {"id": "T1", "domain": "acme"}, "api_app_id": "A1",
          "user": {"id": "U1", "team_id": "T1"}, "trigger_id": "t0", "response_url": "http://127.0.0.1:9/r",
          "container": {"type": "message"}, "channel": {"id": "C1"},
          "actions": [{"type": "button", "action_id": "salesbot.cmd.0", "block_id": "b", "value": "progress",
                       "action_ts": "1700000000.1"}],
          "view": {"id": "V1", "type": "modal", "callback_id": "visit_form", "private_metadata": "en",
                   "state": {"values": {"customer": {"customer": {"selected_option": {"value": "Acme"}}},
                                        "notes": {"notes": {"value": "demo"}}}}}}
ACTION_PATHS = [("type",), ("user",), ("user", "id"), ("user", "team_id"), ("actions",), ("actions", 0),
                ("actions", 0, "action_id"), ("actions", 0, "value"), ("view",), ("view", "type"),
                ("view", "callback_id"), ("view", "private_metadata"), ("view", "state"),
                ("view", "state", "values", "customer"),
                ("view", "state", "values", "notes", "notes", "value"),
                ("response_url",), ("trigger_id",), ("container",), ("channel",), ("team",)]


SEEN: list[int] = []  # statuses of this run, to check the fuzz reaches past the gate


def _post(slack, body: bytes, content_type: str) -> int:
    stamp, signature = sign(body.decode()).values()  # JSON and forms are ASCII (escaped)
    status = call(slack.web, "/slack/events", body, {"CONTENT_TYPE": content_type,
                                                     "HTTP_X_SLACK_REQUEST_TIMESTAMP": stamp,
                                                     "HTTP_X_SLACK_SIGNATURE": signature})
    SEEN.append(status)
    return status


def _form(fields: dict) -> bytes:
    return urlencode({k: v if isinstance(v, str) else json.dumps(v) for k, v in fields.items()},
                     encoding="utf-8", errors="surrogatepass").encode()


@pytest.fixture
def quiet_slack(slack, caplog):
    caplog.set_level(logging.WARNING)
    SEEN.clear()
    slack.say("/salesbot", "help")  # Mia, the admin: the workspace has people
    slack.say("/salesbot", "help", user="U2")
    return slack


@pytest.mark.slow
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_fuzzed_signed_events_never_get_a_500_or_a_traceback(quiet_slack, caplog):
    slack = quiet_slack

    @fuzz_settings()
    @given(event=mutations(EVENT, EVENT_PATHS))
    def check(event):
        event["event_id"] = f"Ev{next(_IDS)}"
        assert _post(slack, json.dumps(event).encode(), "application/json") < 500
    check()
    settled(slack.core.session_factory)
    assert not tracebacks(caplog)
    print(f"slack fuzz: {len(SEEN)} requests, statuses {dict(Counter(SEEN))}")
    assert SEEN.count(200) >= len(SEEN) // 20  # a twentieth at least reached the listeners
    assert call(slack.web, "/healthz", b"", {}, "GET") == 200


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_fuzzed_signed_slash_commands_never_get_a_500_or_a_traceback(quiet_slack, caplog):
    slack = quiet_slack

    @fuzz_settings()
    @given(command=mutations(COMMAND, COMMAND_PATHS))
    def check(command):
        if isinstance(command.get("trigger_id"), str):
            command["trigger_id"] = f"t{next(_IDS)}"
        if command.get("response_url") == COMMAND["response_url"]:
            command["response_url"] = f"{slack.fake.url}/response/fuzz"
        assert _post(slack, _form(command), FORM) < 500
    check()
    settled(slack.core.session_factory)
    assert not tracebacks(caplog)
    print(f"slack fuzz: {len(SEEN)} requests, statuses {dict(Counter(SEEN))}")
    assert SEEN.count(200) >= len(SEEN) // 20  # a twentieth at least reached the listeners


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("kind", ["block_actions", "edit_button", "view_submission"])
def test_fuzzed_signed_interactions_never_get_a_500_or_a_traceback(quiet_slack, caplog, kind):
    slack = quiet_slack
    slack.say("/deal", 'Acme "ERP" proposal 50k', user="U2")  # deal #1, Ana's: its Edit button
    template = {**ACTION, "type": kind}
    if kind == "edit_button":
        template = {**ACTION, "type": "block_actions",
                    "actions": [{**ACTION["actions"][0], "action_id": "salesbot.edit_deal", "value": "1"}],
                    "user": {"id": "U2", "team_id": "T1"}}

    @fuzz_settings()
    @given(payload=mutations(template, ACTION_PATHS))
    def check(payload):
        if isinstance(payload.get("trigger_id"), str):
            payload["trigger_id"] = f"t{next(_IDS)}"
        if payload.get("response_url") == ACTION["response_url"]:
            payload["response_url"] = f"{slack.fake.url}/response/fuzz"
        body = urlencode({"payload": json.dumps(payload)}).encode()
        assert _post(slack, body, FORM) < 500
    check()
    settled(slack.core.session_factory)
    assert not tracebacks(caplog)
    print(f"slack fuzz: {len(SEEN)} requests, statuses {dict(Counter(SEEN))}")
    assert SEEN.count(200) >= len(SEEN) // 20  # a twentieth at least reached the listeners
