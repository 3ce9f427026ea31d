"""Chat → CRM: customers named in chat become accounts, deals made or moved in chat go to the CRM,
visits become activities; through the CRM outbox, in order, with backoff, nothing twice or lost."""
import datetime as dt

import pytest
from sqlalchemy import select

from bot.app import App
from bot.settings import Settings
from crm.sync import CrmSync
from fakes.fxiaoke_api import FakeFxiaoke
from fakes.zoho_api import FakeZoho
from storage.models.base import utcnow
from storage.models.crm import CrmWrite
from storage.models.sales import Deal


@pytest.fixture
def zoho():
    fake = FakeZoho()
    ana = fake.add_user("Ana", "ana@corp.com")
    owner = {"id": ana["id"], "name": "Ana", "email": "ana@corp.com"}
    fake.records["Accounts"] = [{"id": "acc-1", "Account_Name": "Initech", "Owner": owner,
                                 "Modified_Time": "2026-12-01T09:00:00+08:00"}]
    fake.records["Deals"] = [{"id": "zd-1", "Deal_Name": "Site", "Stage": "Qualification", "Amount": 8000,
                              "Probability": 10, "Account_Name": {"id": "acc-1", "name": "Initech"},
                              "Owner": owner, "Modified_Time": "2026-12-01T09:00:00+08:00",
                              "Created_Time": "2026-11-20T10:00:00+08:00"}]
    yield fake
    fake.close()


@pytest.fixture
def fxiaoke():
    fake = FakeFxiaoke()
    fake.add_user("Ana", "13800000001")
    yield fake
    fake.close()



@pytest.fixture
def sync(db_url, zoho, fxiaoke):
    app = App.build(Settings(database_url=db_url, zoho_accounts_url=zoho.accounts_url,
                             fxiaoke_api_url=fxiaoke.url))
    yield CrmSync(app)
    app.engine.dispose()


def later(seconds: float) -> dt.datetime:
    return utcnow() + dt.timedelta(seconds=seconds)


def connected_to_zoho(cli):
    cli("say", "--user", "Ana", "help")
    result = cli("crm", "connect", "zoho", "--client-id", "1000.CLIENT", "--refresh-token", "1000.refresh",
                 input="zsecret\n")
    assert result.exit_code == 0, result.output


def writes(sync):
    with sync.app.session_factory() as s:
        return [(w.op, w.status) for w in s.scalars(select(CrmWrite).order_by(CrmWrite.id))]


def deal_id(sync, title):
    with sync.app.session_factory() as s:
        return s.scalar(select(Deal.id).where(Deal.title == title))


def test_nothing_imported_goes_back_to_the_crm(cli, sync, zoho):
    connected_to_zoho(cli)
    assert sync.tick() == 0
    assert writes(sync) == []
    assert not [c for c in zoho.calls if c.method in ("POST", "PUT") and c.path.startswith("/crm/")]


def test_a_visit_to_a_new_customer_becomes_an_account_and_a_meeting_once(cli, sync, zoho):
    connected_to_zoho(cli)
    cli("say", "--user", "Ana", "visit Globex: demo went well; next: quote")
    assert sync.tick() == 2
    [account] = [a for a in zoho.records["Accounts"] if a["Account_Name"] == "Globex"]
    assert account["Owner"] == {"id": zoho.users[0]["id"]}
    [meeting] = zoho.records["Meetings"]
    assert meeting["What_Id"] == {"id": account["id"]} and meeting["$se_module"] == "Accounts"
    assert meeting["Event_Title"] == "Visit: Globex" and meeting["Description"] == "demo went well\nquote"
    assert meeting["salesbot_id"].startswith("visit-") and meeting["Start_DateTime"].endswith("+08:00")
    assert sync.tick() == 0 and len(zoho.records["Meetings"]) == 1
    assert writes(sync) == [("account", "done"), ("activity", "done")]


def test_a_deal_made_in_chat_is_upserted_whole_and_a_move_sends_only_the_stage(cli, sync, zoho):
    connected_to_zoho(cli)
    cli("say", "--user", "Ana", 'deal Globex "CRM" proposal 30k close 2026-12-20')
    sync.tick()
    [deal] = [d for d in zoho.records["Deals"] if d["Deal_Name"] == "CRM"]
    assert (deal["Stage"], deal["Amount"], deal["Closing_Date"]) == (
        "Proposal/Price Quote", 30000.0, "2026-12-20")
    assert deal["salesbot_id"] == f"deal-{deal_id(sync, 'CRM')}"
    upserts = zoho.called("/crm/v8/Deals/upsert")
    assert [c.body["duplicate_check_fields"] for c in upserts] == [["salesbot_id"]]
    cli("say", "--user", "Ana", f"deal #{deal_id(sync, 'Site')} negotiation")
    sync.tick()
    [put] = [c for c in zoho.calls if c.method == "PUT"]
    assert put.body["data"] == [{"id": "zd-1", "Stage": "Negotiation/Review", "Probability": 90}]
    assert zoho.records["Deals"][0]["Amount"] == 8000  # the CRM's field, not overwritten


def test_a_rate_limit_holds_the_workspaces_writes_in_order_and_loses_none(cli, sync, zoho):
    connected_to_zoho(cli)
    cli("say", "--user", "Ana", "visit Globex: demo")
    zoho.script("Accounts/upsert", 429)
    assert sync.tick() == 0
    assert writes(sync) == [("account", "pending"), ("activity", "pending")]
    assert zoho.records["Meetings"] == []  # behind the held account, not before it
    assert "too many requests" in cli("say", "--user", "Ana", "crm").output
    assert sync.tick(later(3)) == 0  # Retry-After: 7
    assert sync.tick(later(8)) == 2
    assert writes(sync) == [("account", "done"), ("activity", "done")]


def test_an_outage_backs_off_then_catches_up(cli, sync, zoho):
    connected_to_zoho(cli)
    cli("say", "--user", "Ana", "visit Globex: demo")
    cli("say", "--user", "Ana", "visit Hooli: intro")
    zoho.script("Accounts/upsert", 503, 503)
    assert sync.tick() == 0
    assert sync.tick(later(6)) == 0  # the second failure doubles the wait
    assert sync.tick(later(12)) == 0
    assert sync.tick(later(20)) == 4
    assert [m["Event_Title"] for m in zoho.records["Meetings"]] == ["Visit: Globex", "Visit: Hooli"]


def test_a_write_the_crm_refuses_fails_alone_and_says_why(cli, sync, zoho):
    connected_to_zoho(cli)
    cli("say", "--user", "Ana", 'deal Globex "CRM" proposal 30k')
    cli("say", "--user", "Ana", "visit Hooli: intro")
    zoho.script("Deals/upsert", (400, {"code": "MANDATORY_NOT_FOUND", "details": {"api_name": "salesbot_id"},
                                       "message": "required field not found", "status": "error"}))
    sync.tick()
    assert ("deal", "failed") in writes(sync) and ("activity", "done") in writes(sync)
    assert "MANDATORY_NOT_FOUND" in cli("say", "--user", "Ana", "crm").output


def test_fxiaoke_visits_become_sales_records_and_moves_update_the_stage(cli, sync, fxiaoke):
    cli("say", "--user", "Ana", "help")
    cli("crm", "connect", "fxiaoke", "--app-id", "FSAID_1", "--admin-mobile", "13800000001",
        input="fsecret\nPERM\n")
    cli("say", "--user", "Ana", "visit 华为: 见了采购总监")
    cli("say", "--user", "Ana", 'deal 华为 "ERP" proposal 50k close 2026-12-20')
    assert sync.tick() == 3
    [account] = fxiaoke.objects["AccountObj"]
    assert account["name"] == "华为" and account["owner"] == [fxiaoke.users[0]["openUserId"]]
    [record] = fxiaoke.objects["ActiveRecordObj"]
    assert record["account_id"] == account["_id"] and record["active_record_content"] == "见了采购总监"
    [opportunity] = fxiaoke.objects["NewOpportunityObj"]
    # the option value of 方案呈现 in the workspace's 纷享 stages (read from its describe on connect)
    assert (opportunity["sales_stage"], opportunity["amount"]) == ("4", "50000.00")
    assert opportunity["close_date"] == int(dt.datetime(2026, 12, 19, 16, tzinfo=dt.timezone.utc).timestamp()
                                            * 1000)  # midnight of 20 December in China, in ms
    cli("say", "--user", "Ana", f"deal #{deal_id(sync, 'ERP')} negotiation")
    sync.tick()
    assert opportunity["sales_stage"] == "5" and len(fxiaoke.objects["NewOpportunityObj"]) == 1  # 商务谈判
    creates = [c.body["data"]["object_data"]["dataObjectApiName"]
               for c in fxiaoke.called("/cgi/crm/v2/data/create")]
    assert sorted(creates) == ["AccountObj", "ActiveRecordObj", "NewOpportunityObj"]


def test_a_revoked_connection_holds_the_writes_without_hammering_the_token_endpoint(cli, sync, zoho):
    connected_to_zoho(cli)
    cli("say", "--user", "Ana", "visit Globex: demo")
    zoho.revoke()  # an admin revoked the Self Client in Zoho
    assert sync.tick() == 0
    tokens = len(zoho.called("/oauth/v2/token"))
    assert sync.tick(later(60)) == 0
    assert len(zoho.called("/oauth/v2/token")) == tokens  # Zoho allows ten tokens in ten minutes
    assert "Zoho refused the refresh token" in cli("say", "--user", "Ana", "crm").output
    assert writes(sync) == [("account", "pending"), ("activity", "pending")]
    zoho.refresh_tokens.add("1000.refresh")  # reconnected
    assert sync.tick(later(901)) == 2


def test_the_crm_status_counts_one_change_as_one(cli, sync, zoho):
    connected_to_zoho(cli)
    cli("say", "--user", "Ana", "customer +Globex")
    zoho.script("Accounts/upsert", 429)
    sync.tick()
    status = cli("say", "--user", "Ana", "crm").output
    assert "1 change waiting to go to the CRM" in status and "changes" not in status
    assert "1 项更改等待同步到 CRM" in cli("say", "--user", "Ana", "--lang", "zh", "CRM").output
    zoho.script("Accounts/upsert", (400, {"code": "MANDATORY_NOT_FOUND", "details": {"api_name": "Owner"},
                                          "message": "required field not found", "status": "error"}))
    sync.tick(later(8))
    status = cli("say", "--user", "Ana", "--lang", "en", "crm").output
    assert "1 change the CRM refused: Zoho: MANDATORY_NOT_FOUND" in status and "changes" not in status


def test_a_rate_limit_says_the_sync_waits_and_a_refused_write_does_not_stop_it(cli, sync, zoho):
    connected_to_zoho(cli)
    cli("say", "--user", "Ana", "customer +Globex")
    zoho.script("Accounts/upsert", 429)
    sync.tick()
    status = cli("say", "--user", "Ana", "crm").output
    assert "Sync is waiting: Zoho: too many requests" in status and "It carries on by itself" in status
    assert "Sync stopped" not in status and "reconnect" not in status
    assert "同步暂时等待" in cli("say", "--user", "Ana", "--lang", "zh", "CRM").output
    zoho.script("Accounts/upsert", (400, {"code": "MANDATORY_NOT_FOUND", "details": {"api_name": "Owner"},
                                          "message": "required field not found", "status": "error"}))
    sync.tick(later(8))
    status = cli("say", "--user", "Ana", "--lang", "en", "crm").output
    assert "Connected · last sync" in status and "Sync" not in status.replace("last sync", "")
    assert "1 change the CRM refused: Zoho: MANDATORY_NOT_FOUND" in status
    zoho.revoke()  # only refused credentials need an admin
    cli("say", "--user", "Ana", "customer +Hooli")
    sync.tick(later(9))
    assert "Sync stopped" in cli("say", "--user", "Ana", "crm").output
