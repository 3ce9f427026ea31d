"""Client garbage and strangers at /slack/events: never a 500, never a stored row, never a Web API
call for a workspace that is not ours; and a fuzz of bodies and headers, signed and unsigned."""
import json
import logging
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.settings import Settings
from fakes.slack_driver import SECRET, running, sign
from storage.models.sales import Deal, Visit
from storage.models.workspace import Member, Tenant
from support import call, count, refused_quietly, stored

FORM = "application/x-www-form-urlencoded"


# requests ---------------------------------------------------------------------------------------------
GARBAGE = [
    ("payload not JSON", FORM, "payload=%7Bnot-json"),
    ("payload null", FORM, "payload=null"),
    ("payload a list", FORM, "payload=%5B%5D"),
    ("JSON list", "application/json", "[]"),
    ("JSON null", "application/json", "null"),
    ("not JSON", "application/json", "{oops"),
    ("event a string", "application/json",
     json.dumps({"type": "event_callback", "team_id": "T1", "event_id": "Ev1", "event": "message"})),
    ("block_actions without a user", FORM, urlencode({"payload": json.dumps({
        "type": "block_actions", "team": {"id": "T1"}, "trigger_id": "t1",
        "actions": [{"action_id": "salesbot.cmd.0", "value": "progress"}]})})),
    ("authorizations a string", "application/json",
     json.dumps({"type": "event_callback", "team_id": "T1", "authorizations": "x",
                 "event": {"type": "message", "user": "U1", "channel": "D1", "text": "hi"}})),
    ("a message event without a user", "application/json",
     json.dumps({"type": "event_callback", "team_id": "T1", "event_id": "Ev2",
                 "event": {"type": "message", "channel_type": "im", "channel": "D1", "text": "progress"}})),
    # found by the fuzz below: bolt looks for the team id inside the event too
    ("an event whose authorizations are false", "application/json",
     json.dumps({"event": {"": None, "authorizations": False}})),
    ("a user whose team_id is a number", FORM, urlencode({"payload": json.dumps({
        "type": "block_actions", "user": {"id": "U1", "team_id": 7}, "trigger_id": "t1",
        "actions": [{"action_id": "salesbot.cmd.0", "value": "progress"}]})})),
]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("signed", [True, False], ids=["signed", "unsigned"])
@pytest.mark.parametrize("what, content_type, body", GARBAGE, ids=[g[0] for g in GARBAGE])
def test_slack_garbage_is_refused_without_a_500(slack, caplog, signed, what, content_type, body):
    before = stored(slack.core.session_factory)
    status, _ = slack.post("/slack/events", body, content_type,
                           signed=sign(body) if signed else {"X-Slack-Signature": "v0=00"})
    assert status == (400 if signed else 401)
    refused_quietly(caplog, status)
    assert stored(slack.core.session_factory) == before
    assert not slack.fake.called("users.info") and not slack.fake.called("chat.postMessage")


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_slack_non_utf8_and_a_non_numeric_timestamp_are_refused(slack, caplog):
    raw = "text=\udcff".encode("utf-8", "surrogateescape")
    status, _ = slack.post_bytes("/slack/events", raw, FORM, sign("x"))
    assert status == 400
    for stamp in ("abc", "¹", "١٧٠٠٠٠٠٠٠٠"):  # `¹` and Arabic-Indic digits pass str.isdigit
        headers = {"CONTENT_TYPE": FORM, "HTTP_X_SLACK_REQUEST_TIMESTAMP": stamp,
                   "HTTP_X_SLACK_SIGNATURE": "v0=1"}
        assert call(slack.web, "/slack/events", b"text=hi", headers) == 401, stamp
    assert call(slack.web, "/slack/events", b"text=hi", {"CONTENT_TYPE": FORM, "CONTENT_LENGTH": "¹"}) < 500
    assert not [r for r in caplog.records if r.exc_info]
    assert count(slack.core.session_factory, Member) == 0


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_body_over_the_slack_limit_is_413(slack):
    body = b"text=" + b"a" * (1024 * 1024 + 1)
    assert call(slack.web, "/slack/events", body, {"CONTENT_TYPE": FORM}) == 413
    chunked = {"CONTENT_TYPE": FORM, "CONTENT_LENGTH": ""}  # no length given: read up to the limit
    assert call(slack.web, "/slack/events", body, chunked) == 413


def test_another_workspace_is_403_and_nothing_is_stored_or_called(slack, caplog):
    slack.team = "T2"  # signed correctly: another workspace of the same app
    status, _ = slack.command("/visit", "Acme: from a stranger")
    assert status == 403
    assert slack.dm("progress") == 403
    assert slack.click("progress")[0] == 403
    assert stored(slack.core.session_factory)["tenants"] == 0
    assert count(slack.core.session_factory, Visit) == 0
    assert [c.method for c in slack.fake.calls] == ["auth.test"]  # only ever our own token's
    slack.team = "T1"
    assert "Visit to Acme logged." in slack.say("/visit", "Acme: ours")


def test_another_grid_org_is_403_but_the_tokens_own_org_is_answered(db_url, fake_slack):
    fake_slack.scripted["auth.test"] = [(200, {}, {"ok": True, "user_id": "UBOT", "bot_id": "B1",
                                                   "team_id": "T1", "enterprise_id": "E1"})]
    settings = Settings(database_url=db_url, slack_bot_token="xoxb-grid", slack_signing_secret=SECRET,
                        slack_api_url=fake_slack.api_url)
    driver_run = running(settings, fake_slack)
    slack = next(driver_run)
    try:
        slack.team = "T5"
        status, _ = slack.post("/slack/events", *_event_in_org("E9", "T5"))
        assert status == 403
        status, _ = slack.post("/slack/events", *_event_in_org("E1", "T5"))
        assert status == 200
        assert count(slack.core.session_factory, Tenant) <= 1
        assert count(slack.core.session_factory, Tenant, Tenant.external_id == "E9") == 0
    finally:
        driver_run.close()


def _event_in_org(enterprise: str, team: str) -> tuple[str, str]:
    body = json.dumps({"type": "event_callback", "team_id": team, "enterprise_id": enterprise,
                       "event_id": f"Ev-{enterprise}", "api_app_id": "A1",
                       "event": {"type": "message", "channel_type": "im", "channel": "D1", "user": "U1",
                                 "text": "help", "ts": "1.0"}})
    return body, "application/json"


def test_oauth_mode_answers_only_installed_workspaces(oauth_slack):
    oauth_slack.team = "T7"  # never installed
    status, _ = oauth_slack.command("/visit", "Acme: who are you")
    assert status == 403
    assert count(oauth_slack.core.session_factory, Tenant) == 0
    assert not oauth_slack.fake.called("users.info")


# fuzz ----------------------------------------------------------------------------------------------
SLACK_KEYS = st.sampled_from(["type", "team_id", "team", "user", "user_id", "event", "actions", "view",
                              "payload", "command", "text", "trigger_id", "authorizations", "enterprise",
                              "channel", "event_id", "response_url", "container", "message"])
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=3)
                    | st.dictionaries(SLACK_KEYS, inner, max_size=4),
                    max_leaves=12)
SLACK_BODIES = st.one_of(
    st.binary(max_size=200),
    JSON.map(lambda v: json.dumps(v).encode()),
    st.dictionaries(SLACK_KEYS, JSON, max_size=6).map(lambda v: json.dumps(v).encode()),
    st.dictionaries(SLACK_KEYS, JSON, max_size=5).map(
        lambda v: urlencode({"payload": json.dumps(v)}).encode()),
    st.dictionaries(SLACK_KEYS, st.text(max_size=10), max_size=6).map(lambda v: urlencode(v).encode()))
HEADERS = st.fixed_dictionaries({}, optional={
    "HTTP_X_SLACK_REQUEST_TIMESTAMP": st.text(max_size=12), "HTTP_X_SLACK_SIGNATURE": st.text(max_size=20),
    "CONTENT_TYPE": st.sampled_from(["application/json", FORM, "text/xml", "", "multipart/form-data"]),
    "CONTENT_LENGTH": st.sampled_from(["", "abc", "-1", "0", "999999999", "¹"])})


@pytest.mark.slow
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_fuzzed_slack_requests_never_get_a_500(slack):
    app = slack.web

    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
    @given(body=SLACK_BODIES, headers=HEADERS, signed=st.booleans())
    def check(body, headers, signed):
        extra = dict(headers)
        if signed:
            stamp, signature = sign(body.decode("utf-8", "replace")).values()
            extra.update(HTTP_X_SLACK_REQUEST_TIMESTAMP=stamp, HTTP_X_SLACK_SIGNATURE=signature)
        before = stored(slack.core.session_factory)
        status = call(app, "/slack/events", body, extra)
        assert status < 500
        if status != 200:
            assert stored(slack.core.session_factory) == before
    check()
    assert call(app, "/healthz", b"", {}, "GET") == 200




def test_no_signing_secret_or_token_reaches_the_log(slack, caplog):
    caplog.set_level(logging.INFO)
    assert "Visit to Acme logged." in slack.say("/visit", "Acme: demo")
    slack.post("/slack/events", "text=x", FORM, signed={"X-Slack-Signature": "v0=" + "0" * 64,
                                                        "X-Slack-Request-Timestamp": "1"})
    assert SECRET not in caplog.text and "xoxb-test" not in caplog.text


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_slacks_own_checks_pass_the_workspace_gate(slack):
    body = json.dumps({"token": "legacy", "challenge": "c-123", "type": "url_verification"})
    assert slack.post("/slack/events", body, "application/json") == (200, '{"challenge": "c-123"}')
    assert slack.post("/slack/events", "ssl_check=1&token=legacy", FORM)[0] == 200


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_when_slack_cannot_be_asked_whose_workspace_it_is_the_answer_is_503(db_url, fake_slack):
    settings = Settings(database_url=db_url, slack_bot_token="xoxb-test", slack_signing_secret=SECRET,
                        slack_api_url="http://127.0.0.1:9/api/")  # nothing listens there
    driver_run = running(settings, fake_slack)
    slack = next(driver_run)
    try:
        assert slack.command("/visit", "Acme: later")[0] == 503
        assert count(slack.core.session_factory, Visit) == 0
    finally:
        driver_run.close()


GARBAGE_FORMS = [
    ("visit_form", "en", {"customer": {"selected_option": {"value": 5}}, "notes": {"value": "x"}}),
    ("visit_form", "en", {"customer": {"selected_option": "x"}, "notes": {"value": ["x"]}}),
    ("visit_form", "en", {"customer": {"selected_option": {"value": "new:" + "A" * 5000}},
                          "notes": {"value": "x"}}),
    ("visit_form", "en", {"customer": {"selected_option": {"value": "Acme"}}, "notes": {"value": "x"},
                          "follow_up": {"selected_date": "2026-13-45"}}),
    ("deal_form", "en", {"customer": {"selected_option": {"value": "Acme"}}, "title": {"value": "t"},
                         "stage": {"selected_option": {"value": "won"}}, "amount": {"value": "5"}}),
    ("deal_form", "en", {"customer": {"selected_option": {"value": "Acme"}}}),  # no stage at all
    ("target_form", "en", {"amount": {"value": "5"}, "metric": {"selected_option": {"value": "visits"}}}),
    ("deal_edit_form", "en:1; drop", {"stage": {"selected_option": {"value": "lead"}}}),
]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("callback_id, metadata, values", GARBAGE_FORMS)
def test_a_form_submission_with_garbage_fields_is_answered_and_stores_nothing(slack, callback_id,
                                                                             metadata, values):
    status, body = slack.submit(callback_id, values, locale=metadata)
    assert status == 200 and "errors" in body  # shown next to a field, never a 500
    assert count(slack.core.session_factory, Deal) == count(slack.core.session_factory, Visit) == 0


WRONG_TYPES = [  # a field holding an object or a list where Slack sends a string
    ("title", {"value": {"text": "ERP"}}),
    ("title", {"value": ["ERP"]}),
    ("amount", {"value": {"n": 10000}}),
    ("stage", {"selected_option": {"value": ["won"]}}),
    ("close", {"selected_date": {"day": "2027-01-01"}}),
]


# refused before anything is stored: on SQLite only
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("field, element", WRONG_TYPES,
                         ids=[f"{w[0]}-{i}" for i, w in enumerate(WRONG_TYPES)])
def test_a_form_value_of_the_wrong_json_type_is_a_form_error_and_changes_no_deal(slack, field, element):
    from storage.models.sales import Deal

    slack.say("/deal", 'Acme "ERP" negotiation 50k')
    values = {"customer": {"selected_option": {"value": "Acme"}}, "title": {"value": None},
              "stage": {"selected_option": {"value": "negotiation"}}, "amount": {"value": "10k"},
              field: element}
    status, body = slack.submit("deal_form", values)
    assert status == 200 and json.loads(body)["errors"].keys() == {field}
    with slack.core.session_factory() as s:
        [deal] = s.query(Deal).all()
        assert (deal.title, int(deal.amount), deal.stage) == ("ERP", 50000, "negotiation")
