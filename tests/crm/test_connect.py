"""Connecting a workspace to Zoho CRM or 纷享销客 from the CLI, and `crm` · `CRM` in chat."""
import json

import pytest
from sqlalchemy import select

from bot.app import App
from bot.settings import Settings
from crm.connect import CrmUrls, client_for
from crm.errors import AuthFailed, RateLimited
from crm.secrets import SecretBox
from fakes.fxiaoke_api import EXPIRED, FakeFxiaoke
from fakes.zoho_api import FakeZoho
from storage.models.crm import CrmConnection, CrmLink


@pytest.fixture
def zoho():
    fake = FakeZoho()
    fake.add_user("Ana", "ana@corp.com")
    fake.add_user("Bo Li", "bo@corp.com", "+86 138 0000 0002")
    yield fake
    fake.close()


@pytest.fixture
def fxiaoke():
    fake = FakeFxiaoke()
    fake.add_user("安娜", "13800000001", "ana@corp.com")
    fake.add_user("李波", "13800000002")
    fake.add_user("离职员工", "13800000009", stopped=True)
    yield fake
    fake.close()



@pytest.fixture
def app(db_url, zoho, fxiaoke):
    built = App.build(Settings(database_url=db_url, zoho_accounts_url=zoho.accounts_url,
                               fxiaoke_api_url=fxiaoke.url))
    yield built
    built.engine.dispose()


def urls(app):
    return CrmUrls.of(app.settings)


def connection(app):
    with app.session_factory() as s:
        return s.scalar(select(CrmConnection))


def connect_zoho(cli, *extra):
    return cli("crm", "connect", "zoho", "--client-id", "1000.CLIENT", "--refresh-token", "1000.refresh",
               *extra, input="zsecret\n")


def test_zoho_connects_with_a_refresh_token_and_matches_users_to_members(cli, app, zoho):
    cli("say", "--user", "Ana", "help")
    result = connect_zoho(cli)
    assert result.exit_code == 0, result.output
    assert "Connected local to Zoho CRM (Acme Trading)." in result.output
    assert "  Ana = Ana" in result.output
    assert "Not matched (1)" in result.output and "  Bo Li <bo@corp.com>" in result.output
    assert "zsecret" not in result.output and "1000.refresh" not in result.output
    [token_call] = zoho.called("/oauth/v2/token")
    assert token_call.body["grant_type"] == "refresh_token"
    assert zoho.called("/crm/v8/users")[0].headers["authorization"] == "Zoho-oauthtoken zat-1"
    stored = connection(app)
    assert (stored.crm, stored.settings["org"]) == ("zoho", "org-4242")
    assert stored.settings["api_domain"] == zoho.url  # learnt from the token, as a China org's would be
    assert "zsecret" not in stored.secret and "1000.refresh" not in stored.secret  # encrypted at rest
    assert json.loads(SecretBox(app.settings).open(stored.secret)) == {
        "client_secret": "zsecret", "refresh_token": "1000.refresh"}
    assert "zsecret" not in json.dumps(stored.settings)


def test_a_grant_code_is_exchanged_once_for_a_refresh_token(cli, app, zoho):
    cli("say", "--user", "Ana", "help")
    result = cli("crm", "connect", "zoho", "--dc", "cn", "--client-id", "1000.CLIENT",
                 "--client-secret", "zsecret", "--grant-code", "1000.grant")
    assert result.exit_code == 0, result.output
    grants = [c.body["grant_type"] for c in zoho.called("/oauth/v2/token")]
    assert grants == ["authorization_code", "refresh_token"]
    assert connection(app).settings["data_centre"] == "cn"
    assert json.loads(SecretBox(app.settings).open(connection(app).secret))["refresh_token"] == "1000.refresh"


def test_china_and_every_other_data_centre_have_their_own_accounts_server():
    assert CrmUrls().accounts("cn") == "https://accounts.zoho.com.cn"
    assert CrmUrls().accounts("eu") == "https://accounts.zoho.eu"
    assert CrmUrls(zoho_accounts="http://127.0.0.1:9").accounts("cn") == "http://127.0.0.1:9"


def test_a_refused_refresh_token_connects_nothing_and_says_why(cli, app, zoho):
    cli("say", "--user", "Ana", "help")
    zoho.revoke()
    result = connect_zoho(cli)
    assert result.exit_code == 1
    assert "Not connected: Zoho refused the refresh token: invalid_code" in result.output
    assert connection(app) is None


def test_an_expired_zoho_token_is_refreshed_once_and_the_call_made_again(cli, app, zoho):
    cli("say", "--user", "Ana", "help")
    connect_zoho(cli)
    zoho.expire_token()
    users = client_for(app, connection(app), urls(app)).users()
    assert [u["email"] for u in users] == ["ana@corp.com", "bo@corp.com"]
    assert len(zoho.called("/oauth/v2/token")) == 2 and zoho.token == "zat-2"


def test_the_access_token_is_shared_not_fetched_per_client(cli, app, zoho):
    cli("say", "--user", "Ana", "help")
    connect_zoho(cli)
    for _ in range(3):
        client_for(app, connection(app), urls(app)).org()
    assert len(zoho.called("/oauth/v2/token")) == 1


def test_zoho_rate_limits_and_spent_credits_are_waits_not_failures(cli, app, zoho):
    cli("say", "--user", "Ana", "help")
    connect_zoho(cli)
    client = client_for(app, connection(app), urls(app))
    zoho.script("org", 429, (400, {"code": "LIMIT_EXCEEDED", "details": {}, "status": "error",
                                   "message": "API credits exhausted"}))
    with pytest.raises(RateLimited) as limited:
        client.org()
    assert limited.value.retry_after == 7
    with pytest.raises(RateLimited) as credits:
        client.org()
    assert credits.value.retry_after == 3600
    assert client.org()["id"] == "org-4242"


def test_fxiaoke_connects_as_the_crm_admin_and_links_every_active_employee(cli, app, fxiaoke):
    cli("say", "--user", "安娜", "--lang", "zh", "帮助")
    result = cli("crm", "connect", "fxiaoke", "--app-id", "FSAID_1", "--admin-mobile", "13800000001",
                 input="fsecret\nPERM\n")
    assert result.exit_code == 0, result.output
    assert "to 纷享销客 (FSCID_77)" in result.output and "  安娜 = 安娜" in result.output
    assert "  李波 <13800000002>" in result.output and "离职员工" not in result.output
    stored = connection(app)
    assert stored.settings["open_user_id"] == fxiaoke.users[0]["openUserId"]
    assert len(fxiaoke.called("/cgi/corpAccessToken/get/V2")) == 1
    with app.session_factory() as s:
        links = s.scalars(select(CrmLink).order_by(CrmLink.id)).all()
    assert [(link.name, link.mobile, link.local_id is not None) for link in links] == [
        ("安娜", "13800000001", True), ("李波", "13800000002", False)]


def test_fxiaoke_wrong_secret_and_expired_token(cli, app, fxiaoke):
    cli("say", "--user", "Ana", "help")
    bad = cli("crm", "connect", "fxiaoke", "--app-id", "FSAID_1", "--admin-mobile", "13800000001",
              input="wrong\nPERM\n")
    assert bad.exit_code == 1 and "Not connected: 纷享销客 refused the app's credentials: 20003" in bad.output
    cli("crm", "connect", "fxiaoke", "--app-id", "FSAID_1", "--admin-mobile", "13800000001",
        input="fsecret\nPERM\n")
    fxiaoke.expire_token()
    before = len(fxiaoke.called("/cgi/user/list"))
    client = client_for(app, connection(app), urls(app))
    assert [u["name"] for u in client.users()] == ["安娜", "李波"]
    again = fxiaoke.called("/cgi/user/list")[before:]
    assert [c.body["corpAccessToken"] for c in again] == ["fxt-1", "fxt-2"]  # expired, then renewed
    fxiaoke.script("/cgi/user/list", {"errorCode": EXPIRED, "errorMessage": "expired"},
                   {"errorCode": EXPIRED, "errorMessage": "expired"})
    with pytest.raises(AuthFailed):
        client.users()


def test_crm_in_chat_before_and_after_connecting(cli, zoho):
    assert "No CRM is connected" in cli("say", "--user", "Ana", "crm").output
    assert "还没有连接 CRM" in cli("say", "--user", "Ana", "--lang", "zh", "CRM").output
    cli("say", "--user", "Bo", "help")
    connect_zoho(cli, "--no-import")
    status = cli("say", "--user", "Ana", "--lang", "en", "crm").output
    assert "CRM: Zoho CRM" in status and "Connected · not synced yet" in status
    assert "matched to members: 1 · not matched: 1" in status and "Bo Li <bo@corp.com>" in status
    cli("crm", "import")
    assert "Connected · last sync today" in cli("say", "--user", "Ana", "crm").output


def test_only_admins_map_crm_users_and_a_wrong_email_changes_nothing(cli, app):
    cli("say", "--user", "Ana", "help")  # the first member: the admin
    cli("say", "--user", "Bo", "help")
    connect_zoho(cli)
    refused = cli("say", "--user", "Bo", "crm map @bo bo@corp.com").output
    assert "admin" in refused.lower()
    wrong = cli("say", "--user", "Ana", "crm map @bo bob@corp.com").output
    assert "No Zoho CRM user has bob@corp.com: nothing changed" in wrong and "Bo Li <bo@corp.com>" in wrong
    done = cli("say", "--user", "Ana", "crm map @bo bo@corp.com").output
    assert "Bo is Bo Li in Zoho CRM now" in done
    assert "not matched: 0" in cli("say", "--user", "Ana", "crm").output
    by_mobile = cli("say", "--user", "Ana", "crm map @ana 13800000002").output
    assert "Ana is Bo Li in Zoho CRM now" in by_mobile  # a mobile matches too (+86 and spaces aside)


def test_an_email_noted_before_connecting_matches_on_connect_and_names_the_owner_in_exports(cli):
    cli("say", "--user", "Ana", "help")
    cli("say", "--user", "Bo", 'deal Acme "ERP" proposal 50k')
    noted = cli("say", "--user", "Ana", "crm map @bo bo@corp.com").output
    assert "Noted: Bo is bo@corp.com in the CRM" in noted
    assert "bo@corp.com" in cli("export", "deals", "--crm", "zoho").output
    not_email = cli("say", "--user", "Ana", "crm map @bo 13800000002").output
    assert "is no email" in not_email
    result = connect_zoho(cli)
    assert "  Bo Li = Bo" in result.output and "Not matched" not in result.output


def test_typos_in_crm_commands_change_nothing_and_say_what_to_type(cli, app):
    cli("say", "--user", "Ana", "help")
    cli("say", "--user", "Bo", "help")
    for text in ("crm mapp @bo bo@corp.com", "crm map bo bo@corp.com", "crm map @bo bo@corp",
                 "crm map @bo", "crm status now", "crm map @bo bo@",
                 "CRM 对应 李波 13800000002", "crm 地图 @bo bo@corp.com", "crm map@bo bo@corp.com"):
        reply = cli("say", "--user", "Ana", text).output
        assert any(hint in reply for hint in ("crm map @ana ana@corp.com", "as an email or a mobile",
                                              "CRM 对应 @张三 13800000000")), text
    with app.session_factory() as s:
        assert s.scalars(select(CrmLink)).all() == []
    # a courtesy after the command is no typo: the mapping is said back as done
    said = cli("say", "--user", "Ana", "crm map @bo bo@corp.com please").output
    assert "Bo is bo@corp.com in the CRM" in said


def test_crm_status_on_the_command_line(cli, zoho):
    cli("say", "--user", "Ana", "help")
    assert "No CRM connected" in cli("crm", "status").output
    connect_zoho(cli, "--no-import")
    zoho.revoke()
    assert cli("crm", "import").exit_code == 1
    status = cli("crm", "status").output
    assert "Zoho CRM (Acme Trading): error, last sync not yet" in status
    assert "Last error: Zoho refused the refresh token: invalid_code" in status
    assert "zsecret" not in status and "1000.refresh" not in status
