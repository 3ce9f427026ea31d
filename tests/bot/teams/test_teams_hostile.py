"""Who may call `/api/messages`: only the Bot Framework, with a token signed by its published keys,
for this bot, for the activity's service URL (and, for a single-tenant app, its tenant). Anything
else is 401 and stores nothing; a signed but malformed body is 400, never a 500."""
import json
import logging
import time

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.settings import Settings
from fakes.teams_api import WEBCHAT_KEY, WEBCHAT_KID, channel_token
from fakes.teams_driver import APP_ID, running
from support import call, refused_quietly, stored

OTHER_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _unsigned(app_id: str, service_url: str) -> str:
    now = int(time.time())
    return jwt.encode({"iss": "https://api.botframework.com", "aud": app_id, "serviceurl": service_url,
                       "nbf": now, "exp": now + 600}, None, algorithm="none")


TOKENS = {
    "signed by another key": lambda url: channel_token(APP_ID, url, key=OTHER_KEY),
    "a key the metadata does not list": lambda url: channel_token(APP_ID, url, kid="unknown-key"),
    "expired an hour ago": lambda url: channel_token(APP_ID, url, lifetime=-3600),
    "for another bot": lambda url: channel_token("11111111-2222-3333-4444-555555555555", url),
    "from another issuer": lambda url: channel_token(APP_ID, url, issuer="https://evil.example"),
    "for another service URL": lambda url: channel_token(APP_ID, "https://smba.evil.example/teams/"),
    "with no service URL": lambda url: channel_token(APP_ID, url, serviceurl=None),
    "unsigned (alg none)": lambda url: _unsigned(APP_ID, url),
    "not a JWT": lambda url: "not-a-jwt",
    # Microsoft's own Entra issuers, which the SDK trusts by default: only the Bot Framework calls a bot
    "from Microsoft's Entra (v1)": lambda url: channel_token(
        APP_ID, url, issuer="https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/"),
    "from Microsoft's Entra (v2)": lambda url: channel_token(
        APP_ID, url, issuer="https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0"),
}


def test_a_request_without_a_valid_token_is_401_and_stores_nothing(teams, caplog):
    before = stored(teams.core.session_factory)
    for what, token in TOKENS.items():
        caplog.clear()
        activity = teams.activity(text="visit Acme: forged", textFormat="plain")
        status = teams.post(activity, token=token(teams.fake.service_url))
        refused_quietly(caplog, status)
        assert status == 401, what
    assert stored(teams.core.session_factory) == before and teams.fake.posted == []


def test_no_token_at_all_or_another_scheme_is_401(teams, caplog):
    activity = teams.activity(text="visit Acme: forged", textFormat="plain")
    assert teams.post(activity, token=None) == 401
    token = channel_token(APP_ID, teams.fake.service_url)
    assert call(teams.web, "/api/messages", json.dumps(activity).encode(),
                {"HTTP_AUTHORIZATION": f"Basic {token}"}) == 401
    assert teams.fake.posted == []


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_single_tenant_app_refuses_another_tenants_activity(teams_settings, fake_teams):
    settings = Settings(**{**teams_settings.model_dump(), "teams_tenant_id": "our-tenant-id"})
    for driver in running(settings, fake_teams):
        before = stored(driver.core.session_factory)
        assert driver.post(driver.activity(text="visit Acme: x", textFormat="plain")) == 401
        ours = driver.activity(text="help", textFormat="plain")
        ours["conversation"]["tenantId"] = ours["channelData"]["tenant"]["id"] = "our-tenant-id"
        assert stored(driver.core.session_factory) == before
        assert driver.post(ours) == 200


def test_a_key_not_endorsed_for_the_activitys_channel_is_403_and_stores_nothing(teams, caplog):
    """The Bot Connector's rule: the signing key must be endorsed for the activity's channel."""
    before = stored(teams.core.session_factory)
    activity = teams.activity(text="visit Acme: forged", textFormat="plain")
    token = channel_token(APP_ID, teams.fake.service_url, key=WEBCHAT_KEY, kid=WEBCHAT_KID)
    status = teams.post(activity, token=token)
    assert status == 403
    refused_quietly(caplog, status)
    assert stored(teams.core.session_factory) == before and teams.fake.posted == []
    assert teams.post(teams.activity(text="help", textFormat="plain")) == 200  # the msteams key: fine


def test_deeply_nested_json_is_400_with_or_without_a_token(teams, caplog):
    body = b"[" * 50_000 + b"]" * 50_000
    for token in ("junk", channel_token(APP_ID, teams.fake.service_url)):
        caplog.clear()
        status = call(teams.web, "/api/messages", body, {"HTTP_AUTHORIZATION": f"Bearer {token}"})
        assert status == 400
        refused_quietly(caplog, status)


SIGNED_JUNK = [("a list", b"[1, 2]"), ("not JSON", b"visit Acme"),
               ("no conversation", json.dumps({"type": "message", "serviceUrl": "{url}",
                                               "channelId": "msteams"}).encode()),
               ("another channel", None), ("a number as the text", None),
               ("no conversation at all", None), ("a conversation without an id", None),
               ("a sender without an id", None), ("a sender id longer than any Teams id", None),
               ("a huge body", b"{" + b" " * 300_000)]


def test_a_signed_but_malformed_body_is_refused_never_a_500(teams, caplog):
    url = teams.fake.service_url
    before = stored(teams.core.session_factory)
    for what, body in SIGNED_JUNK:
        caplog.clear()
        if what == "another channel":
            body = json.dumps(teams.activity(text="help", channelId="webchat")).encode()
        elif what == "a number as the text":
            body = json.dumps(teams.activity(text=5)).encode()
        elif what == "no conversation at all":
            body = json.dumps({k: v for k, v in teams.activity(text="help").items()
                               if k != "conversation"}).encode()
        elif what == "a conversation without an id":
            activity = teams.activity(text="help")
            del activity["conversation"]["id"]
            body = json.dumps(activity).encode()
        elif what == "a sender without an id":
            body = json.dumps(teams.activity(text="help", **{"from": {"name": "Ana"}})).encode()
        elif what == "a sender id longer than any Teams id":
            body = json.dumps(teams.activity(text="help", user="29:" + "x" * 300)).encode()
        body = body.replace(b"{url}", url.encode())
        status = call(teams.web, "/api/messages", body,
                      {"HTTP_AUTHORIZATION": f"Bearer {channel_token(APP_ID, url)}"})
        refused_quietly(caplog, status)
    assert stored(teams.core.session_factory) == before


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_fuzzed_signed_activities_never_get_a_500(teams):
    url = teams.fake.service_url
    token = channel_token(APP_ID, url)
    field = st.one_of(st.none(), st.integers(), st.text(max_size=12), st.booleans(),
                      st.lists(st.text(max_size=3), max_size=2),
                      st.dictionaries(st.text(max_size=4), st.text(max_size=4), max_size=2))
    keys = ["type", "id", "text", "from", "conversation", "recipient", "value", "entities", "locale",
            "channelData", "membersAdded", "membersRemoved", "action", "localTimezone", "channelId"]

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(changes=st.dictionaries(st.sampled_from(keys), field, max_size=4))
    def check(changes):
        activity = {**teams.activity(text="progress", textFormat="plain"), **changes}
        status = call(teams.web, "/api/messages", json.dumps(activity).encode(),
                      {"HTTP_AUTHORIZATION": f"Bearer {token}"})
        assert status < 500
    check()
    assert call(teams.web, "/healthz", b"", {}, "GET") == 200


def test_no_token_or_secret_reaches_the_log(teams, caplog):
    caplog.set_level(logging.DEBUG)
    teams.say("visit Acme: logged")
    teams.wait_chat(1)
    forged = channel_token(APP_ID, teams.fake.service_url, key=OTHER_KEY)
    assert teams.post(teams.activity(text="x"), token=forged) == 401
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert forged not in logged and "teams-secret" not in logged
    assert not any(token in logged for token in teams.fake.tokens)


CONTRADICTIONS = {  # a signed activity whose tenant fields name different tenants
    "channel data of another tenant": lambda a: a["channelData"].update(tenant={"id": "other-tenant"}),
    "null channel data tenant": lambda a: a["channelData"].update(tenant=None),
    "channel data tenant without an id": lambda a: a["channelData"].update(tenant={}),
    "a sender of another tenant": lambda a: a["from"].update(tenantId="other-tenant"),
}


@pytest.mark.parametrize("single", [False, True], ids=["multi-tenant", "single-tenant"])
def test_an_activity_whose_tenant_fields_disagree_is_403_and_stores_nothing(teams_settings, fake_teams,
                                                                           caplog, single):
    ours = "72f988bf-86f1-41af-91ab-2d7cd011db47"  # the driver's tenant
    settings = Settings(**{**teams_settings.model_dump(), "teams_tenant_id": ours if single else ""})
    for driver in running(settings, fake_teams):
        before = stored(driver.core.session_factory)
        for what, spoil in CONTRADICTIONS.items():
            caplog.clear()
            activity = driver.activity(text="visit Acme: forged", textFormat="plain")
            spoil(activity)
            status = driver.post(activity)
            assert status == 403, what
            refused_quietly(caplog, status)
        assert stored(driver.core.session_factory) == before and driver.fake.posted == []
        same = driver.activity(text="help", textFormat="plain")
        same["from"]["tenantId"] = ours.upper()  # the same tenant, as a GUID in capitals
        assert driver.post(same) == 200


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("configured", ["lower", "upper"])
def test_a_tenant_guid_in_capitals_is_the_same_tenant_not_a_401(teams_settings, fake_teams, configured):
    """GUIDs compare case-insensitively: Teams may send the configured tenant in capitals."""
    from fakes.teams_api import FakeBotFramework
    from fakes.teams_driver import SECRET, TENANT
    from storage.models.workspace import Member, Tenant
    from support import count

    ours = TENANT.upper() if configured == "upper" else TENANT
    fake = FakeBotFramework(APP_ID, SECRET, tenant=ours)  # the app's own Entra tenant signs its calls
    settings = Settings(**{**teams_settings.model_dump(), "teams_tenant_id": ours,
                           "teams_openid_url": fake.openid_url, "teams_login_url": fake.login_url,
                           "teams_service_url": fake.service_url})
    try:
        for driver in running(settings, fake):
            shouting = driver.activity(text="help", textFormat="plain")
            shouting["conversation"]["tenantId"] = shouting["channelData"]["tenant"]["id"] = TENANT.upper()
            assert driver.post(shouting) == 200
            assert "What you can say" in driver.wait_chat(1)[0]
            assert "What you can say" in driver.ask("help")  # the same person, the lower-case GUID
            assert count(driver.core.session_factory, Tenant) == 1
            assert count(driver.core.session_factory, Member) == 1
    finally:
        fake.close()
