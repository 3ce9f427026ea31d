"""The first import: the CRM's accounts and open deals arrive as customers and deals, page by page,
with a progress bar; running it again updates and adds nothing twice."""
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from crm.first_import import our_stage
from fakes.fxiaoke_api import FakeFxiaoke
from fakes.zoho_api import FakeZoho
from storage.models.sales import Customer, Deal
from storage.models.workspace import Member

CHINA = dt.timezone(dt.timedelta(hours=8))


def zoho_account(n: int, owner: dict) -> dict:
    return {"id": f"acc-{n}", "Account_Name": f"Account {n:03d}",
            "Modified_Time": "2026-12-01T09:00:00+08:00",
            "Owner": {"id": owner["id"], "name": owner["full_name"], "email": owner["email"]}}


def zoho_deal(n: int, name: str, account: int, owner: dict, stage: str, amount, close: str | None = None,
              probability: int | None = None) -> dict:
    return {"id": f"deal-{n}", "Deal_Name": name, "Stage": stage, "Amount": amount,
            "Probability": probability,
            "Closing_Date": close, "Account_Name": {"id": f"acc-{account}", "name": f"Account {account:03d}"},
            "Owner": {"id": owner["id"], "name": owner["full_name"], "email": owner["email"]},
            "Modified_Time": "2026-12-01T09:00:00+08:00", "Created_Time": "2026-11-20T10:00:00+08:00"}


@pytest.fixture
def zoho():
    fake = FakeZoho()
    ana, bo = fake.add_user("Ana", "ana@corp.com"), fake.add_user("Bo Li", "bo@corp.com")
    fake.records["Accounts"] = [zoho_account(n, ana) for n in range(1, 451)]
    fake.records["Deals"] = [
        zoho_deal(1, "ERP rollout", 1, ana, "Proposal/Price Quote", 50000.0, "2026-12-20", 75),
        zoho_deal(2, "Support", 2, ana, "Demo booked", "12000", None, 35),
        zoho_deal(3, "Old win", 3, ana, "Closed Won", 9000, "2026-10-01", 100),
        zoho_deal(4, "Bo's deal", 4, bo, "Negotiation/Review", 30000, "2027-01-15", 90),
    ]
    yield fake
    fake.close()


@pytest.fixture
def fxiaoke():
    fake = FakeFxiaoke()
    ana, bo = fake.add_user("安娜", "13800000001"), fake.add_user("李波", "13800000002")
    close = int(dt.datetime(2026, 12, 20, tzinfo=CHINA).timestamp() * 1000)  # midnight in China
    fake.objects["AccountObj"] = [
        {"_id": f"a{n}", "name": f"客户{n:03d}", "owner": [ana["openUserId"]],
         "last_modified_time": 1764550000000 + n, "create_time": 1764000000000} for n in range(1, 251)]
    fake.objects["NewOpportunityObj"] = [
        {"_id": "o1", "name": "华为ERP", "account_id": "a1", "account_id__r": "客户001",
         "owner": [ana["openUserId"]], "sales_stage": "方案呈现", "probability": 60, "amount": "50000.00",
         "close_date": close, "last_modified_time": 1764550000000, "create_time": 1764000000000},
        {"_id": "o2", "name": "输掉的", "account_id": "a2", "account_id__r": "客户002",
         "owner": [bo["openUserId"]], "sales_stage": "输单", "probability": 0, "amount": 1,
         "close_date": close, "last_modified_time": 1764550000000, "create_time": 1764000000000}]
    yield fake
    fake.close()




def count(db, model, *where):
    with db() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def deals(db):
    with db() as s:
        rows = s.execute(select(Deal.title, Deal.stage, Deal.amount, Deal.expected_close, Deal.probability,
                                Member.display_name, Customer.name)
                         .join(Member, Member.id == Deal.owner_id)
                         .join(Customer, Customer.id == Deal.customer_id)
                         .order_by(Deal.title)).all()
    return [tuple(r) for r in rows]


def connect_zoho(cli):
    return cli("crm", "connect", "zoho", "--client-id", "1000.CLIENT", "--refresh-token", "1000.refresh",
               input="zsecret\n")


def test_stages_map_by_name_then_by_probability():
    assert [our_stage(n, p) for n, p in (("Qualification", None), ("Needs Analysis", 20),
                                          ("Negotiation/Review", 90), ("Closed Lost to Competition", 0),
                                          ("Site visit", 5), ("Contract", 95), ("商务谈判", None))] == [
        "lead", "contact", "negotiation", "lost", "lead", "negotiation", "negotiation"]


def test_zoho_first_import_on_connect_pages_through_accounts_and_open_deals(cli, db, zoho):
    cli("say", "--user", "Ana", "help")
    result = connect_zoho(cli)
    assert result.exit_code == 0, result.output
    assert "Imported 450 accounts and 2 open deals (1 closed deal stays in the CRM)." in result.output
    assert "Importing accounts" in result.output  # the progress bar, on stderr
    assert "stage Demo booked → discovery" in result.output
    assert "1 deal of Bo Li skipped: map them" in result.output
    assert [c.query["page"] for c in zoho.called("/crm/v8/Accounts")] == ["1", "2", "3"]
    assert count(db, Customer) == 450
    assert deals(db) == [
        ("ERP rollout", "proposal", Decimal("50000.00"), dt.date(2026, 12, 20), 75, "Ana", "Account 001"),
        ("Support", "discovery", Decimal("12000.00"), None, 35, "Ana", "Account 002")]
    assert "Open deals: 2 · ¥62K" in cli("say", "--user", "Ana", "pipeline").output  # reports, day one


def test_importing_again_after_mapping_adds_the_skipped_deals_and_nothing_twice(cli, db, zoho):
    cli("say", "--user", "Ana", "help")
    cli("say", "--user", "Bo", "help")
    connect_zoho(cli)
    cli("say", "--user", "Ana", "crm map @bo bo@corp.com")
    zoho.records["Deals"][0]["Amount"] = 55000
    result = cli("crm", "import")
    assert result.exit_code == 0, result.output
    assert "Imported 450 accounts and 3 open deals" in result.output and "skipped" not in result.output
    assert count(db, Customer) == 450 and count(db, Deal) == 3
    assert ("Bo's deal", "negotiation", Decimal("30000.00"), dt.date(2027, 1, 15), 90, "Bo",
            "Account 004") in deals(db)
    assert {d[0]: d[2] for d in deals(db)}["ERP rollout"] == Decimal("55000.00")


def test_an_outage_mid_import_keeps_what_came_and_the_next_run_finishes(cli, db, zoho):
    cli("say", "--user", "Ana", "help")
    zoho.script("Accounts", (200, {"data": zoho.records["Accounts"][:200],
                                   "info": {"per_page": 200, "page": 1, "count": 200, "more_records": True}}),
                503)
    result = connect_zoho(cli)
    assert result.exit_code == 1
    assert "Import stopped (what came in is kept; run salesbot crm import again)" in result.output
    assert count(db, Customer) == 200
    status = cli("say", "--user", "Ana", "crm").output
    assert "Import stopped: GET" in status and "HTTP 503" in status and "salesbot crm import again" in status
    assert cli("crm", "import").exit_code == 0
    assert count(db, Customer) == 450
    assert "last sync" in cli("say", "--user", "Ana", "crm").output


def test_an_existing_customer_of_the_same_name_is_linked_not_doubled(cli, db, zoho):
    cli("say", "--user", "Ana", "customer +account 001 tier A")
    connect_zoho(cli)
    assert count(db, Customer) == 450
    with db() as s:
        assert s.scalar(select(Customer.tier).where(Customer.name == "account 001")) == "A"


def test_fxiaoke_first_import_reads_offset_pages_and_china_dates(cli, db, fxiaoke):
    cli("say", "--user", "安娜", "--lang", "zh", "帮助")
    result = cli("crm", "connect", "fxiaoke", "--app-id", "FSAID_1", "--admin-mobile", "13800000001",
                 input="fsecret\nPERM\n")
    assert result.exit_code == 0, result.output
    assert "Imported 250 accounts and 1 open deal (1 closed deal stays in the CRM)." in result.output
    queries = [c.body["data"]["search_query_info"]["offset"] for c in fxiaoke.called("/cgi/crm/v2/data/query")
               if c.body["data"]["dataObjectApiName"] == "AccountObj"]
    assert queries == [0, 100, 200]
    assert all(c.body["currentOpenUserId"] == fxiaoke.users[0]["openUserId"]
               for c in fxiaoke.called("/cgi/crm/v2/data/query"))
    assert deals(db) == [
        ("华为ERP", "proposal", Decimal("50000.00"), dt.date(2026, 12, 20), 60, "安娜", "客户001")]
    assert len(fxiaoke.called("/cgi/corpAccessToken/get/V2")) == 1
