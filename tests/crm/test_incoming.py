"""CRM → chat: deals edited in the CRM reach the chat's reports; each change once; a change made on
both sides is settled by the conflict rule (newest wins, the CRM wins a tie) and the owner is told."""
import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from bot.app import App
from bot.settings import Settings
from crm.sync import CrmSync
from fakes.fxiaoke_api import FakeFxiaoke
from fakes.zoho_api import FakeZoho
from storage.models.base import utcnow
from storage.models.messaging import Delivery
from storage.models.sales import Deal, DealEvent


def iso(at: dt.datetime) -> str:
    return at.astimezone(dt.timezone(dt.timedelta(hours=8))).isoformat()


@pytest.fixture
def zoho():
    fake = FakeZoho()
    ana = fake.add_user("Ana", "ana@corp.com")
    owner = {"id": ana["id"], "name": "Ana", "email": "ana@corp.com"}
    fake.records["Accounts"] = [{"id": "acc-1", "Account_Name": "Initech", "Owner": owner,
                                 "Modified_Time": "2026-12-01T09:00:00+08:00"}]
    fake.records["Deals"] = [{"id": "zd-1", "Deal_Name": "Site", "Stage": "Qualification", "Amount": 8000,
                              "Probability": 10, "Account_Name": {"id": "acc-1", "name": "Initech"},
                              "Owner": owner, "Closing_Date": "2026-12-31",
                              "Modified_Time": "2026-12-01T09:00:00+08:00",
                              "Created_Time": "2026-11-20T10:00:00+08:00"}]
    yield fake
    fake.close()


@pytest.fixture
def fxiaoke():
    fake = FakeFxiaoke()
    ana = fake.add_user("Ana", "13800000001")
    fake.objects["AccountObj"] = [{"_id": "a1", "name": "华为", "owner": [ana["openUserId"]],
                                   "last_modified_time": 1764550000000}]
    fake.objects["NewOpportunityObj"] = [
        {"_id": "o1", "name": "ERP", "account_id": "a1", "account_id__r": "华为",
         "owner": [ana["openUserId"]],
         "sales_stage": "方案呈现", "probability": 60, "amount": "50000.00", "close_date": None,
         "last_modified_time": 1764550000000, "create_time": 1764000000000}]
    yield fake
    fake.close()



@pytest.fixture
def sync(db_url, zoho, fxiaoke):
    app = App.build(Settings(database_url=db_url, zoho_accounts_url=zoho.accounts_url,
                             fxiaoke_api_url=fxiaoke.url))
    yield CrmSync(app, poll_every=0)
    app.engine.dispose()


def connected_to_zoho(cli):
    cli("say", "--user", "Ana", "help")
    result = cli("crm", "connect", "zoho", "--client-id", "1000.CLIENT", "--refresh-token", "1000.refresh",
                 input="zsecret\n")
    assert "Imported 1 account and 1 open deal" in result.output, result.output


def the_deal(sync) -> Deal:
    with sync.app.session_factory() as s:
        return s.scalar(select(Deal).order_by(Deal.id))


def told(sync) -> list[str]:
    with sync.app.session_factory() as s:
        rows = s.scalars(select(Delivery).where(Delivery.key.like("crm-conflict:%")).order_by(Delivery.id))
        return [" ".join(d.payload["lines"]) for d in rows]


def chat_moved_at(sync) -> dt.datetime:
    with sync.app.session_factory() as s:
        return s.scalar(select(DealEvent.at).where(DealEvent.kind == "stage").order_by(DealEvent.id.desc()))


def test_an_amount_edited_in_zoho_reaches_the_reports_once_and_is_not_sent_back(cli, sync, zoho):
    connected_to_zoho(cli)
    zoho.edit("Deals", "zd-1", iso(utcnow()), Amount=9500, Closing_Date="2027-01-15")
    sync.tick()
    deal = the_deal(sync)
    assert (deal.amount, deal.expected_close) == (Decimal("9500.00"), dt.date(2027, 1, 15))
    assert "Open deals: 1 · ¥9,500" in cli("say", "--user", "Ana", "pipeline").output
    assert not [c for c in zoho.calls if c.method == "PUT"] and told(sync) == []
    polls = len(zoho.called("/crm/v8/Deals"))
    sync.tick()  # the same change read again: dropped
    assert len(zoho.called("/crm/v8/Deals")) == polls + 1 and the_deal(sync).amount == Decimal("9500.00")


def test_a_stage_moved_only_in_zoho_is_applied_without_a_conflict(cli, sync, zoho):
    connected_to_zoho(cli)
    zoho.edit("Deals", "zd-1", iso(utcnow()), Stage="Negotiation/Review", Probability=80)
    sync.tick()
    assert the_deal(sync).stage == "negotiation" and told(sync) == []
    assert not [c for c in zoho.calls if c.method == "PUT"]


def test_a_stage_changed_on_both_sides_keeps_the_newer_chat_change_and_tells_the_owner(cli, sync, zoho):
    connected_to_zoho(cli)
    zoho.edit("Deals", "zd-1", iso(utcnow()), Stage="Needs Analysis")  # a manager, in Zoho
    cli("say", "--user", "Ana", f"deal #{the_deal(sync).id} proposal")  # then the rep, in chat
    sync.tick()
    assert the_deal(sync).stage == "proposal"
    assert zoho.records["Deals"][0]["Stage"] == "Proposal/Price Quote"  # ours went out after
    [message] = told(sync)
    assert message == ("Site: the stage was changed in Zoho CRM and here. Your newer change is kept: "
                       "Proposal/Price Quote (Zoho CRM had Needs Analysis, and is updated).")


def test_a_newer_crm_change_wins_and_the_chat_change_is_not_sent(cli, sync, zoho):
    connected_to_zoho(cli)
    cli("say", "--user", "Ana", f"deal #{the_deal(sync).id} proposal")
    zoho.edit("Deals", "zd-1", iso(utcnow() + dt.timedelta(seconds=2)), Stage="Negotiation/Review")
    sync.tick()
    assert the_deal(sync).stage == "negotiation"
    assert not [c for c in zoho.calls if c.method == "PUT"]
    [message] = told(sync)
    assert "Zoho CRM's newer change is kept: Negotiation/Review (yours was Proposal/Price Quote)" in message


def test_a_tie_goes_to_the_crm(cli, sync, zoho):
    connected_to_zoho(cli)
    cli("say", "--user", "Ana", f"deal #{the_deal(sync).id} proposal")
    zoho.edit("Deals", "zd-1", iso(chat_moved_at(sync)), Stage="Value Proposition")
    sync.tick()
    assert the_deal(sync).stage == "discovery"
    assert "Zoho CRM's newer change is kept" in told(sync)[0]


def test_a_deal_made_in_the_crm_arrives_in_the_chat(cli, sync, zoho):
    connected_to_zoho(cli)
    owner = zoho.records["Deals"][0]["Owner"]
    zoho.records["Deals"].append({"id": "zd-2", "Deal_Name": "Expansion", "Stage": "Proposal/Price Quote",
                                  "Amount": 20000, "Probability": 60, "Owner": owner,
                                  "Account_Name": {"id": "acc-1", "name": "Initech"},
                                  "Modified_Time": iso(utcnow()), "Created_Time": iso(utcnow())})
    sync.tick()
    assert "Open deals: 2" in cli("say", "--user", "Ana", "pipeline").output
    sync.tick()
    with sync.app.session_factory() as s:
        assert len(s.scalars(select(Deal)).all()) == 2


def test_fxiaoke_is_polled_by_modified_time_in_milliseconds(cli, sync, fxiaoke):
    cli("say", "--user", "Ana", "help")
    cli("crm", "connect", "fxiaoke", "--app-id", "FSAID_1", "--admin-mobile", "13800000001",
        input="fsecret\nPERM\n")
    now_ms = int(utcnow().timestamp() * 1000)
    fxiaoke.edit("NewOpportunityObj", "o1", now_ms, amount="62000.00")
    sync.tick()
    assert the_deal(sync).amount == Decimal("62000.00")
    [poll, *_] = [c for c in fxiaoke.called("/cgi/crm/v2/data/query")
                  if c.body["data"]["search_query_info"]["filters"]]
    [rule] = poll.body["data"]["search_query_info"]["filters"]
    assert rule["field_name"] == "last_modified_time" and rule["operator"] == "GTE"
    assert isinstance(rule["field_values"][0], int) and rule["field_values"][0] > 1_700_000_000_000


@pytest.fixture
def web(db_url, zoho, fxiaoke):
    """The web process, serving Zoho's notification route on a loopback port."""
    from bot.web import create_app
    from support import serve

    app = create_app(Settings(database_url=db_url, zoho_accounts_url=zoho.accounts_url,
                              fxiaoke_api_url=fxiaoke.url, crm_public_url="https://bot.example.com"))
    server = serve(app)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    app.core.close()


@pytest.fixture
def notified_sync(db_url, zoho, fxiaoke, web):
    app = App.build(Settings(database_url=db_url, zoho_accounts_url=zoho.accounts_url,
                             fxiaoke_api_url=fxiaoke.url, crm_public_url=web))
    yield CrmSync(app, poll_every=3600)  # polling out of the way: the notification carries it
    app.engine.dispose()


def test_a_zoho_notification_brings_the_change_on_the_next_pass(cli, notified_sync, zoho, web):
    connected_to_zoho(cli)
    notified_sync.tick()  # subscribes: actions/watch with a token, renewed before it expires
    [channel] = zoho.channels.values()
    assert channel["notify_url"] == f"{web}/crm/zoho/notify"
    assert channel["events"] == ["Deals.all", "Accounts.all"]
    assert len(channel["token"]) >= 30
    zoho.edit("Deals", "zd-1", iso(utcnow()), Amount=12345)
    assert zoho.notify("Deals", ["zd-1"]) == 200
    assert zoho.notify("Deals", ["zd-1"]) == 200  # Zoho may send one twice: read once
    notified_sync.tick()
    assert the_deal(notified_sync).amount == Decimal("12345.00")
    fetched = [c for c in zoho.called("/crm/v8/Deals") if c.query.get("ids")]
    assert [c.query["ids"] for c in fetched] == ["zd-1"]
    notified_sync.tick()
    assert len([c for c in zoho.called("/crm/v8/Deals") if c.query.get("ids")]) == 1
    assert len(zoho.called("/crm/v8/actions/watch")) == 1  # not renewed while far from expiry
    notified_sync.tick(utcnow() + dt.timedelta(hours=22))
    assert len(zoho.called("/crm/v8/actions/watch")) == 2


@pytest.fixture
def busy_sync(db_url, zoho, fxiaoke, web):
    """A worker that polls deals every pass, with Zoho's notifications on."""
    app = App.build(Settings(database_url=db_url, zoho_accounts_url=zoho.accounts_url,
                             fxiaoke_api_url=fxiaoke.url, crm_public_url=web))
    yield CrmSync(app, poll_every=0)
    app.engine.dispose()


def test_a_renamed_account_comes_by_notification_and_accounts_are_not_polled_every_pass(
        cli, busy_sync, zoho):
    from storage.models.sales import Customer

    connected_to_zoho(cli)
    busy_sync.tick()  # subscribes to deals and accounts; this first pass polls accounts once
    polls = lambda: [c for c in zoho.called("/crm/v8/Accounts") if not c.query.get("ids")]  # noqa: E731
    before = len(polls())
    zoho.edit("Accounts", "acc-1", iso(utcnow()), Account_Name="Initech Group")
    assert zoho.notify("Accounts", ["acc-1"]) == 200
    for _ in range(3):
        busy_sync.tick()
    with busy_sync.app.session_factory() as s:
        assert sorted(s.scalars(select(Customer.name))) == ["Initech Group"]
    assert [c.query["ids"] for c in zoho.called("/crm/v8/Accounts") if c.query.get("ids")] == ["acc-1"]
    assert len(polls()) == before  # the notification carried it: no account polls in between
    busy_sync.tick(utcnow() + dt.timedelta(minutes=16))  # a safety net, a quarter-hour apart
    assert len(polls()) == before + 1


def test_a_channel_made_before_accounts_were_watched_is_renewed_at_once(cli, notified_sync, zoho):
    from crm import notifications
    from storage.crm import CrmRepository

    connected_to_zoho(cli)
    notified_sync.tick()
    with notified_sync.app.session_factory.begin() as s:  # as an older version left it
        connection = CrmRepository(s).connection(the_deal(notified_sync).tenant_id)
        watch = {k: v for k, v in connection.settings["watch"].items() if k != "events"}
        connection.settings = {**connection.settings, "watch": watch}
    notified_sync.tick()
    assert len(zoho.called("/crm/v8/actions/watch")) == 2
    assert list(zoho.channels.values())[0]["events"] == list(notifications.EVENTS)


def test_a_notification_with_a_wrong_token_is_refused_and_changes_nothing(cli, notified_sync, zoho):
    connected_to_zoho(cli)
    notified_sync.tick()
    zoho.edit("Deals", "zd-1", iso(utcnow()), Amount=1)
    assert zoho.notify("Deals", ["zd-1"], token="forged") == 403
    notified_sync.tick()
    assert the_deal(notified_sync).amount == Decimal("8000.00")


def test_accounts_made_or_renamed_in_the_crm_follow_and_a_clash_of_names_is_left(cli, sync, zoho):
    from storage.models.sales import Customer

    connected_to_zoho(cli)
    cli("say", "--user", "Ana", "customer +Globex tier B")
    sync.tick()  # Globex goes to Zoho as an account
    owner = zoho.records["Accounts"][0]["Owner"]
    zoho.edit("Accounts", "acc-1", iso(utcnow()), Account_Name="Initech Group")
    zoho.records["Accounts"].append({"id": "acc-9", "Account_Name": "Hooli", "Owner": owner,
                                     "Modified_Time": iso(utcnow())})
    [globex] = [a for a in zoho.records["Accounts"] if a["Account_Name"] == "Globex"]
    zoho.edit("Accounts", globex["id"], iso(utcnow()), Account_Name="Hooli")  # a clash: left alone
    sync.tick()
    with sync.app.session_factory() as s:
        names = sorted(s.scalars(select(Customer.name)))
    assert names == ["Globex", "Hooli", "Initech Group"]


def test_a_persons_edit_in_the_same_second_as_our_write_reaches_the_chat(cli, sync, zoho):
    connected_to_zoho(cli)
    cli("say", "--user", "Ana", f"deal #{the_deal(sync).id} proposal")
    sync.tick()  # ours goes out: Zoho stamps it with whole seconds
    [ours] = [c for c in zoho.calls if c.method == "PUT"]
    written_at = zoho.records["Deals"][0]["Modified_Time"]
    zoho.edit("Deals", "zd-1", written_at, Amount=9500)  # a manager, within that same second
    sync.tick()
    deal = the_deal(sync)
    assert (deal.stage, deal.amount) == ("proposal", Decimal("9500.00"))
    assert "Open deals: 1 · ¥9,500" in cli("say", "--user", "Ana", "pipeline").output
    assert told(sync) == [] and [c for c in zoho.calls if c.method == "PUT"] == [ours]


def test_our_write_read_back_later_is_an_echo_not_a_conflict(cli, sync, zoho):
    connected_to_zoho(cli)
    cli("say", "--user", "Ana", f"deal #{the_deal(sync).id} proposal")
    sync.tick()
    # a workflow in Zoho touches the record after our write (a field we do not map): a newer time,
    # the fields as we wrote them
    zoho.edit("Deals", "zd-1", iso(utcnow() + dt.timedelta(seconds=5)), Description="touched")
    cli("say", "--user", "Ana", f"deal #{the_deal(sync).id} negotiation")  # then the rep moves on
    sync.tick()
    assert the_deal(sync).stage == "negotiation" and told(sync) == []
    assert zoho.records["Deals"][0]["Stage"] == "Negotiation/Review"


def test_fxiaoke_reads_our_own_write_back_as_an_echo_not_a_conflict(cli, sync, fxiaoke):
    cli("say", "--user", "Ana", "help")
    cli("crm", "connect", "fxiaoke", "--app-id", "FSAID_1", "--admin-mobile", "13800000001",
        input="fsecret\nPERM\n")
    deal_id = the_deal(sync).id
    cli("say", "--user", "Ana", f"deal #{deal_id} negotiation")
    sync.tick()  # 纷享 answers an update with no modified time: ours comes back looking newer
    [opportunity] = fxiaoke.objects["NewOpportunityObj"]
    assert opportunity["sales_stage"] == "5"
    cli("say", "--user", "Ana", f"deal #{deal_id} proposal")
    sync.tick()
    assert the_deal(sync).stage == "proposal" and told(sync) == []
    assert opportunity["sales_stage"] == "4"
    now_ms = int(utcnow().timestamp() * 1000)
    fxiaoke.edit("NewOpportunityObj", "o1", now_ms, amount="61000.00")  # a person's edit still comes
    sync.tick()
    assert the_deal(sync).amount == Decimal("61000.00") and told(sync) == []


def test_a_deal_of_another_zoho_pipeline_keeps_that_pipelines_stages_both_ways(cli, sync, zoho):
    from fakes.zoho_api import _stage

    zoho.other_pipelines = [{"display_value": "Renewals", "actual_value": "Renewals", "default": False,
                             "id": "4150868000000091099", "maps": [
                                 _stage(1, "Renewal Due", "Open"), _stage(2, "Quote Sent", "Open"),
                                 _stage(3, "Renewed", "Closed Won"), _stage(4, "Churned", "Closed Lost")]}]
    renewal = {**zoho.records["Deals"][0], "id": "zd-2", "Deal_Name": "Renewal", "Stage": "Renewal Due",
               "Probability": 50, "Pipeline": {"name": "Renewals", "id": "4150868000000091099"}}
    zoho.records["Deals"].append(renewal)
    cli("say", "--user", "Ana", "help")
    cli("crm", "connect", "zoho", "--client-id", "1000.CLIENT", "--refresh-token", "1000.refresh",
        input="zsecret\n")
    with sync.app.session_factory() as s:
        deal = s.scalar(select(Deal).where(Deal.title == "Renewal"))
    assert deal.stage == "lead"  # the first open stage of Renewals, as Qualification is ours
    cli("say", "--user", "Ana", f"deal #{deal.id} negotiation")
    sync.tick()
    assert renewal["Stage"] == "Quote Sent"  # its own pipeline's last open stage, not Negotiation/Review
    assert "refused" not in cli("say", "--user", "Ana", "crm").output
    zoho.edit("Deals", "zd-2", iso(utcnow() + dt.timedelta(seconds=2)), Stage="Renewed")
    sync.tick()
    with sync.app.session_factory() as s:
        assert s.get(Deal, deal.id).stage == "won"
