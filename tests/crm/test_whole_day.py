"""A day of a Chinese team on WeCom with 纷享销客: connect, first import, reps working in chat, a
manager editing in the CRM, a conflict told to the rep in WeCom, an outage and the catch-up. At the
end both sides hold the same deals, every visit is one 销售记录, and nothing is there twice."""
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from bot.settings import Settings
from crm.connect import CrmUrls, client_for, connect_fxiaoke
from crm.first_import import run
from crm.sync import CrmSync
from fakes.fxiaoke_api import FakeFxiaoke
from fakes.wecom_api import FakeWeCom
from fakes.wecom_driver import AES_KEY, AGENT, CORP, SECRET, TOKEN, running
from storage import pipelines
from storage.crm import CrmRepository
from storage.models.base import utcnow
from storage.models.crm import CrmLink
from storage.models.sales import Deal, Visit
from storage.models.workspace import Tenant


@pytest.fixture
def fake_wecom():
    fake = FakeWeCom(CORP, SECRET)
    fake.users.update({"zhangwei": "张伟", "lina": "李娜"})
    yield fake
    fake.close()


@pytest.fixture
def fxiaoke():
    fake = FakeFxiaoke()
    zhang, li = fake.add_user("张伟", "13800000001"), fake.add_user("李娜", "13800000002")
    fake.objects["AccountObj"] = [
        {"_id": "a1", "name": "华为", "owner": [zhang["openUserId"]], "last_modified_time": 1764550000000},
        {"_id": "a2", "name": "腾讯", "owner": [li["openUserId"]], "last_modified_time": 1764550000000}]
    fake.objects["NewOpportunityObj"] = [
        {"_id": "o1", "name": "ERP", "account_id": "a1", "account_id__r": "华为",
         "owner": [zhang["openUserId"]],
         "sales_stage": "需求挖掘", "probability": 40, "amount": "300000.00", "close_date": None,
         "last_modified_time": 1764550000000, "create_time": 1764000000000},
        {"_id": "o2", "name": "云服务", "account_id": "a2", "account_id__r": "腾讯",
         "owner": [li["openUserId"]],
         "sales_stage": "方案呈现", "probability": 60, "amount": "80000.00", "close_date": None,
         "last_modified_time": 1764550000000, "create_time": 1764000000000}]
    yield fake
    fake.close()


@pytest.fixture
def wecom(db_url, fake_wecom, fxiaoke):
    settings = Settings(database_url=db_url, wecom_corp_id=CORP, wecom_agent_id=AGENT, wecom_secret=SECRET,
                        wecom_token=TOKEN, wecom_encoding_aes_key=AES_KEY, wecom_api_url=fake_wecom.api_url,
                        fxiaoke_api_url=fxiaoke.url)
    yield from running(settings, fake_wecom)


def ms(at: dt.datetime) -> int:
    return int(at.timestamp() * 1000)


def test_a_day_with_fxiaoke_on_wecom_ends_with_both_sides_equal(wecom, fxiaoke):
    app = wecom.web.core
    wecom.text("帮助", user="zhangwei")  # the admin: the first to talk
    wecom.text("帮助", user="lina")
    with app.session_factory() as s:
        tenant = s.scalar(select(Tenant))
    urls = CrmUrls.of(app.settings)
    connected = connect_fxiaoke(app, tenant, urls, app_id="FSAID_1", app_secret="fsecret",
                                permanent_code="PERM", admin_mobile="13800000001")
    assert sorted(member for _user, member in connected.matched) == ["张伟", "李娜"]
    with app.session_factory() as s:
        connection = CrmRepository(s).connection(tenant.id)
    imported = run(app, tenant, client_for(app, connection, urls))
    assert (imported.accounts, imported.deals) == (2, 2)
    sync = CrmSync(app, poll_every=0)

    # morning: the reps work in chat
    wecom.text("拜访 华为：见了采购总监，演示很顺利", user="zhangwei")
    wecom.text("商机 阿里 数据平台 方案呈现 12万", user="lina")
    sync.tick()
    assert [r["name"] for r in fxiaoke.objects["AccountObj"]] == ["华为", "腾讯", "阿里"]
    assert len(fxiaoke.objects["ActiveRecordObj"]) == 1

    # the manager edits ERP's amount in 纷享; 李娜 moves 云服务 in chat after 纷享 moved it too
    fxiaoke.edit("NewOpportunityObj", "o1", ms(utcnow()), amount="350000.00")
    fxiaoke.edit("NewOpportunityObj", "o2", ms(utcnow()), sales_stage="需求挖掘")
    with app.session_factory() as s:
        cloud = s.scalar(select(CrmLink.local_id).where(CrmLink.remote_id == "o2"))
    wecom.text(f"商机 #{cloud} 商务谈判", user="lina")
    sync.tick()
    wecom.fake.wait_for(lambda: any("保留你较新的修改" in m for m in wecom.sent_to("lina")))

    # an outage at 纷享 in the afternoon: the chat goes on, the writes wait, then catch up
    fxiaoke.script("/cgi/crm/v2/data/query", 503, 503, 503)
    wecom.text("拜访 腾讯：确认预算", user="lina")
    sync.tick()
    assert len(fxiaoke.objects["ActiveRecordObj"]) == 1
    for minutes in (1, 2, 5):
        sync.tick(utcnow() + dt.timedelta(minutes=minutes))
    assert len(fxiaoke.objects["ActiveRecordObj"]) == 2

    # evening: both sides equal, nothing twice
    sync.tick(utcnow() + dt.timedelta(minutes=10))
    with app.session_factory() as s:
        links = {row.remote_id: row.local_id
                 for row in s.scalars(select(CrmLink).where(CrmLink.kind == "deal"))}
        for record in fxiaoke.objects["NewOpportunityObj"]:
            deal = s.get(Deal, links[record["_id"]])
            stage = pipelines.of(s, deal.tenant_id).key_for(record["sales_stage"])
            assert stage == deal.stage, record["name"]
            assert Decimal(record["amount"]) == deal.amount, record["name"]
        assert s.scalar(select(Deal.amount).where(Deal.title == "ERP")) == Decimal("350000.00")
        assert s.scalar(select(Deal.stage).where(Deal.id == cloud)) == "negotiation"
        assert len(s.scalars(select(Visit)).all()) == len(fxiaoke.objects["ActiveRecordObj"]) == 2
    assert len(fxiaoke.objects["NewOpportunityObj"]) == 3 and len(fxiaoke.objects["AccountObj"]) == 3


@pytest.fixture
def fake_slack():
    from fakes.slack_api import FakeSlack

    fake = FakeSlack()
    for user_id, name in (("U1", "Mia"), ("U2", "Ana"), ("U3", "Bo")):
        fake.add_user(user_id, name)
    yield fake
    fake.close()


@pytest.fixture
def zoho():
    from fakes.zoho_api import FakeZoho

    fake = FakeZoho()
    users = {name: fake.add_user(name, f"{name.lower()}@corp.com") for name in ("Mia", "Ana", "Bo")}
    owner = lambda name: {"id": users[name]["id"], "name": name, "email": f"{name.lower()}@corp.com"}  # noqa: E731
    stamp = "2026-12-01T09:00:00+08:00"
    fake.records["Accounts"] = [{"id": "acc-1", "Account_Name": "Acme", "Owner": owner("Ana"),
                                 "Modified_Time": stamp}]
    fake.records["Deals"] = [
        {"id": "zd-1", "Deal_Name": "ERP", "Stage": "Needs Analysis", "Amount": 50000, "Probability": 20,
         "Account_Name": {"id": "acc-1", "name": "Acme"}, "Owner": owner("Ana"), "Modified_Time": stamp,
         "Created_Time": stamp},
        {"id": "zd-2", "Deal_Name": "Support", "Stage": "Qualification", "Amount": 9000, "Probability": 10,
         "Account_Name": {"id": "acc-1", "name": "Acme"}, "Owner": owner("Bo"), "Modified_Time": stamp,
         "Created_Time": stamp}]
    yield fake
    fake.close()


@pytest.fixture
def slack(db_url, fake_slack, zoho):
    from fakes.slack_driver import SECRET
    from fakes.slack_driver import running as slack_running

    settings = Settings(database_url=db_url, slack_bot_token="xoxb-test", slack_signing_secret=SECRET,
                        slack_api_url=fake_slack.api_url, zoho_accounts_url=zoho.accounts_url)
    yield from slack_running(settings, fake_slack)


def test_a_day_with_zoho_on_slack_ends_with_both_sides_equal(slack, zoho, fake_slack):
    from crm.connect import connect_zoho

    app = slack.web.core
    for user in ("U1", "U2", "U3"):  # Mia first: the admin
        slack.say("/salesbot", "help", user=user)
    with app.session_factory() as s:
        tenant = s.scalar(select(Tenant))
    urls = CrmUrls.of(app.settings)
    connected = connect_zoho(app, tenant, urls, data_centre="us", client_id="1000.CLIENT",
                             client_secret="zsecret", refresh_token="1000.refresh")
    assert len(connected.matched) == 3 and connected.unmatched == []
    with app.session_factory() as s:
        connection = CrmRepository(s).connection(tenant.id)
    assert run(app, tenant, client_for(app, connection, urls)).deals == 2
    sync = CrmSync(app, poll_every=0)

    slack.say("/visit", "Globex: demo, they liked it", user="U2")
    slack.say("/deal", 'Globex "CRM" proposal 30k', user="U3")
    with app.session_factory() as s:
        erp = s.scalar(select(CrmLink.local_id).where(CrmLink.remote_id == "zd-1"))
    zoho.edit("Deals", "zd-1", utcnow().isoformat(), Stage="Value Proposition")  # a manager, in Zoho
    slack.say("/deal", f"#{erp} negotiation", user="U2")  # then Ana, in Slack: hers is newer
    zoho.edit("Deals", "zd-2", utcnow().isoformat(), Amount=12000)
    sync.tick()
    fake_slack.wait_for(lambda: any("Your newer change is kept" in t for t in fake_slack.texts()))

    zoho.script("Meetings/search", 503)  # an outage mid-afternoon
    slack.say("/visit", "Acme: contract review", user="U3")
    sync.tick()
    assert len(zoho.records["Meetings"]) == 1
    for minutes in (1, 3, 10):
        sync.tick(utcnow() + dt.timedelta(minutes=minutes))
    assert len(zoho.records["Meetings"]) == 2

    with app.session_factory() as s:
        links = {row.remote_id: row.local_id
                 for row in s.scalars(select(CrmLink).where(CrmLink.kind == "deal"))}
        for record in zoho.records["Deals"]:
            deal = s.get(Deal, links[record["id"]])
            assert pipelines.of(s, deal.tenant_id).key_for(record["Stage"]) == deal.stage, record["Deal_Name"]
            assert Decimal(str(record["Amount"])) == deal.amount, record["Deal_Name"]
        assert s.scalar(select(Deal.stage).where(Deal.id == erp)) == "negotiation"
        assert s.scalar(select(Deal.amount).where(Deal.title == "Support")) == Decimal("12000.00")
    assert [a["Account_Name"] for a in zoho.records["Accounts"]] == ["Acme", "Globex"]
    assert len(zoho.records["Deals"]) == 3
