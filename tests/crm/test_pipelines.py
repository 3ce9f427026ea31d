"""A workspace's own pipeline: its CRM's stages on connecting (Zoho's pipeline, 纷享销客's stage
options) or an admin's in chat, used by everything that shows or moves a stage: stage words, the
pipeline report and its weighted total, buttons, forms, exports and the CRM mapping. A workspace
without one keeps the default stages."""
import csv
import io
import json

import pytest
from sqlalchemy import select

from bot.settings import Settings
from crm.connect import CrmUrls, client_for, connect_zoho
from crm.first_import import run
from crm.sync import CrmSync
from fakes.fxiaoke_api import FakeFxiaoke
from fakes.slack_api import FakeSlack
from fakes.zoho_api import FakeZoho
from storage import pipelines
from storage.crm import CrmRepository
from storage.models.sales import Customer, Deal
from storage.models.workspace import PipelineStage, Tenant

STAMP = "2026-12-01T09:00:00+08:00"


@pytest.fixture
def fake_slack():
    fake = FakeSlack()
    for user_id, name in (("U1", "Mia"), ("U2", "Ana"), ("U3", "Bo")):
        fake.add_user(user_id, name)
    yield fake
    fake.close()


@pytest.fixture
def zoho():
    """An org whose Deals pipeline is its own: six stages, two ways to lose."""
    fake = FakeZoho()
    users = {name: fake.add_user(name, f"{name.lower()}@corp.com") for name in ("Mia", "Ana", "Bo")}
    owner = lambda name: {"id": users[name]["id"], "name": name}  # noqa: E731
    fake.stages = [
        {"display_value": name, "actual_value": name, "sequence_number": n, "forecast_type": kind,
         "id": str(900 + n), "forecast_category": {"name": "Pipeline", "id": "1"}}
        for n, (name, kind) in enumerate((("Discovery Call", "Open"), ("Demo Done", "Open"),
                                          ("Contract Sent", "Open"), ("Signed", "Closed Won"),
                                          ("Lost", "Closed Lost"), ("No Budget", "Closed Lost")), 1)]
    fake.records["Accounts"] = [{"id": "acc-1", "Account_Name": "Acme", "Owner": owner("Ana"),
                                 "Modified_Time": STAMP}]
    fake.records["Deals"] = [
        {"id": "zd-1", "Deal_Name": "ERP", "Stage": "Demo Done", "Amount": 50000, "Probability": 35,
         "Account_Name": {"id": "acc-1", "name": "Acme"}, "Owner": owner("Ana"), "Modified_Time": STAMP,
         "Created_Time": STAMP},
        {"id": "zd-2", "Deal_Name": "Old", "Stage": "No Budget", "Amount": 1, "Probability": 0,
         "Account_Name": {"id": "acc-1", "name": "Acme"}, "Owner": owner("Bo"), "Modified_Time": STAMP,
         "Created_Time": STAMP}]
    yield fake
    fake.close()


@pytest.fixture
def slack(db_url, fake_slack, zoho):
    from fakes.slack_driver import SECRET
    from fakes.slack_driver import running as slack_running

    settings = Settings(database_url=db_url, slack_bot_token="xoxb-test", slack_signing_secret=SECRET,
                        slack_api_url=fake_slack.api_url, zoho_accounts_url=zoho.accounts_url)
    yield from slack_running(settings, fake_slack)


def test_zoho_stages_become_the_workspaces_and_every_part_of_slack_uses_them(slack, zoho, fake_slack):
    app = slack.web.core
    for user in ("U1", "U2", "U3"):  # Mia first: the admin
        slack.say("/salesbot", "help", user=user)
    with app.session_factory() as s:
        tenant = s.scalar(select(Tenant))
    urls = CrmUrls.of(app.settings)
    connect_zoho(app, tenant, urls, data_centre="us", client_id="1000.CLIENT", client_secret="zsecret",
                 refresh_token="1000.refresh")
    with app.session_factory() as s:
        connection = CrmRepository(s).connection(tenant.id)
    imported = run(app, tenant, client_for(app, connection, urls))
    assert imported.pipeline == ("Discovery Call", "Demo Done", "Contract Sent", "Signed", "Lost")
    assert imported.deals == 1 and imported.closed_skipped == 1  # No Budget is a way to lose

    shown = slack.say("/salesbot", "stages", user="U2")
    assert "1. Discovery Call · 10% · open" in shown
    assert "2. Demo Done · 35% · open" in shown  # its deals' probability in Zoho
    assert "4. Signed · 100% · won" in shown and "Discovery" not in shown.split("Contract Sent")[1]

    # a rep names a stage of the team's, in two words; the CRM gets Zoho's own name
    answer = slack.say("/deal", 'Globex "CRM" contract sent 30k', user="U3")
    assert "Contract Sent" in answer
    with app.session_factory() as s:
        deal = s.scalar(select(Deal).where(Deal.title == "CRM"))
        assert pipelines.of(s, tenant.id).name(deal.stage, "en") == "Contract Sent"
        assert deal.probability == 90
    CrmSync(app, poll_every=0).tick()
    assert next(d for d in zoho.records["Deals"] if d["Deal_Name"] == "CRM")["Stage"] == "Contract Sent"

    # the pipeline report: a row per stage of the team's; weighted by their probabilities
    report = slack.say("/salesbot", "pipeline team", user="U1")
    assert "Discovery Call" in report and "Demo Done" in report and "Contract Sent" in report
    assert "Negotiation" not in report and "Proposal" not in report
    assert "weighted ¥44.5K" in report  # 50K × 35% + 30K × 90%

    # the deal card's buttons go to the next stage of the team's, and pressing it moves the deal
    card = slack.say("/deal", f"#{deal.id}", user="U3")
    assert "Signed 🎉" in card and "Lost" in card
    erp = slack.say("/deal", "#1", user="U2")
    assert "→ Contract Sent" in erp

    # the /deal form offers the team's stages
    status, _path = slack.command("/deal", "", user="U2")
    assert status == 200
    [opened] = fake_slack.wait_for(lambda: fake_slack.called("views.open"))
    view = opened.params["view"]
    view = json.loads(view) if isinstance(view, str) else view
    stage_block = next(b for b in view["blocks"] if b.get("block_id") == "stage")
    options = stage_block["element"]["options"]
    assert [o["text"]["text"] for o in options] == ["Discovery Call", "Demo Done", "Contract Sent"]
    form = {"customer": {"type": "external_select", "selected_option": {"value": "new:Initech"}},
            "title": {"type": "plain_text_input", "value": "Pilot"},
            "stage": {"type": "static_select", "selected_option": {"value": options[1]["value"]}},
            "amount": {"type": "plain_text_input", "value": "20k"},
            "close": {"type": "datepicker", "selected_date": None}}
    assert slack.submit("deal_form", form, user="U2") == (200, "")
    fake_slack.wait_for(lambda: any("Demo Done" in t for t in fake_slack.texts()))
    with app.session_factory() as s:
        pilot = s.scalar(select(Deal).where(Deal.title == "Pilot"))
        assert pipelines.of(s, tenant.id).name(pilot.stage, "en") == "Demo Done"
    form["title"]["value"], form["stage"]["selected_option"]["value"] = "Forged", "proposal"
    slack.submit("deal_form", form, user="U2")  # a stage this workspace does not have
    with app.session_factory() as s:
        assert s.scalar(select(Deal).where(Deal.title == "Forged")) is None


@pytest.fixture
def fxiaoke():
    fake = FakeFxiaoke()
    fake.add_user("张伟", "13800000001")
    fake.stage_options = [{"label": label, "value": value} for label, value in (
        ("需求确认", "a1"), ("方案报价", "a2"), ("合同审批", "a3"), ("赢单", "w"), ("输单", "l"))]
    yield fake
    fake.close()


@pytest.fixture
def fx_sync(db_url, fxiaoke):
    from bot.app import App

    app = App.build(Settings(database_url=db_url, fxiaoke_api_url=fxiaoke.url))
    yield CrmSync(app)
    app.engine.dispose()


def test_fxiaoke_stage_options_are_read_written_and_exported_by_their_labels(cli, fxiaoke, db, fx_sync):
    cli("say", "--user", "张伟", "帮助")
    cli("crm", "connect", "fxiaoke", "--app-id", "FSAID_1", "--admin-mobile", "13800000001",
        input="fsecret\nPERM\n")
    with db() as s:
        rows = s.scalars(select(PipelineStage).order_by(PipelineStage.position)).all()
        assert [(r.name_zh, r.category, r.crm_name) for r in rows] == [
            ("需求确认", "open", "a1|需求确认"), ("方案报价", "open", "a2|方案报价"),
            ("合同审批", "open", "a3|合同审批"), ("赢单", "won", "w|赢单"), ("输单", "lost", "l|输单")]
    out = cli("say", "--user", "张伟", "商机 华为 合同审批 5万").output
    assert "合同审批" in out
    fx_sync.tick()
    [opportunity] = fxiaoke.objects["NewOpportunityObj"]
    assert opportunity["sales_stage"] == "a3"  # the option's value, as 纷享 stores it
    [row] = csv.DictReader(io.StringIO(cli("export", "deals", "--crm", "fxiaoke").output))
    assert row["销售阶段"] == "合同审批"  # the label, as 纷享's import reads it


def test_an_admin_sets_the_teams_stages_in_chinese_and_deals_buttons_and_reports_follow(team_chat):
    team_chat("deal 华为 方案 5万", user="Ana")  # on the default `proposal`
    reply = team_chat.reply("阶段 初访/First visit 10, 演示 30, 报价/Quote 60, 合同/Contract 85", user="Mia")
    text = "\n".join(reply.lines)
    assert "阶段已保存" in text and "1. 初访 (First visit) · 10% · 进行中" in text
    assert "5. 赢单 (Won) · 100% · 赢单" in text and "6. 输单 (Lost) · 0% · 输单" in text
    with team_chat.session_factory() as s:
        deal = s.scalar(select(Deal))
        assert pipelines.of(s, deal.tenant_id).name(deal.stage, "zh") == "报价"  # kept: `proposal` = 报价
    card = team_chat.reply("商机 #1", user="Ana")
    [forward] = [b for b in card.buttons if b.label.startswith("→")]
    assert forward.label == "→ 合同"
    team_chat.press(forward, user="Ana")
    report = team_chat("pipeline team", user="Mia")
    assert "Contract" in report and "Negotiation" not in report
    with team_chat.session_factory() as s:
        assert pipelines.of(s, deal.tenant_id).name(s.get(Deal, deal.id).stage, "en") == "Contract"
        assert s.get(Deal, deal.id).probability == 85


def test_bad_stages_get_a_friendly_answer_and_change_nothing(team_chat):
    for said in ("阶段 演示 300", "stages Demo 30, Demo 40", "stages 40", "stages Won won"):
        reply = team_chat.reply(said, user="Mia")
        assert not reply.ok, said
    assert "没能读懂" in "\n".join(team_chat.reply("阶段 演示 300", user="Mia").lines)
    assert "couldn't read the stages" in team_chat("stages Demo 30, Demo 40", user="Mia")
    with team_chat.session_factory() as s:
        assert not s.scalars(select(PipelineStage)).all()


def test_only_an_admin_sets_stages_and_anyone_reads_them(team_chat):
    assert not team_chat.reply("stages Demo 30, Deal 60", user="Ana").ok
    out = team_chat("stages", user="Ana")
    assert "1. Lead (线索) · 10% · open" in out and "default stages" in out


def test_reset_goes_back_to_the_default_and_moves_deals_on_gone_stages(team_chat):
    team_chat("stages Intro 10, Demo 40, Contract 85", user="Mia")
    team_chat('deal Acme "ERP" demo 5k', user="Ana")
    out = team_chat("stages reset", user="Mia")
    assert "Back to the default stages." in out and "1 open deal was on a stage that is gone" in out
    with team_chat.session_factory() as s:
        assert s.scalar(select(Deal.stage)) == "discovery"  # 40%, as Demo was
    assert "Demo ·" not in team_chat("stages", user="Ana")


def test_a_workspace_without_its_own_stages_keeps_the_default_seven(team_chat):
    team_chat('deal Acme "ERP" proposal 5k', user="Ana")
    with team_chat.session_factory() as s:
        assert s.scalar(select(Deal.stage)) == "proposal" and s.scalar(select(Deal.probability)) == 60
        assert pipelines.of(s, s.scalar(select(Deal.tenant_id))) is pipelines.DEFAULT


def test_the_teams_deal_card_offers_the_workspaces_stages_in_the_readers_language():
    from bot.teams import forms

    pipeline = pipelines.make([("First visit", "初访", 10, "open", ""), ("Quote", "报价", 60, "open", ""),
                               ("Won", "赢单", 100, "won", ""), ("Lost", "输单", 0, "lost", "")])
    card = forms.card(forms.form_reply("deal", "zh", pipeline=pipeline))
    [stage] = [b for b in card["body"] if b.get("id") == "stage"]
    assert [c["title"] for c in stage["choices"]] == ["初访", "报价"]
    assert stage["value"] == stage["choices"][0]["value"]
    default = forms.card(forms.form_reply("deal", "en"))
    assert [c["title"] for c in [b for b in default["body"] if b.get("id") == "stage"][0]["choices"]] == [
        "Lead", "Contact", "Discovery", "Proposal", "Negotiation"]


def test_an_admin_sets_the_stages_from_a_csv_dry_run_first(cli, db, tmp_path):
    cli("say", "--user", "Ana", 'deal Acme "ERP" negotiation 5k')
    sheet = tmp_path / "stages.csv"
    sheet.write_text("name,中文名,probability,category\nIntro,初访,10,open\nDemo,演示,40,open\n"
                     "Contract,合同,85,open\nSigned,签约,100,won\nLost,输单,0,lost\n", encoding="utf-8")
    dry = cli("stages", str(sheet), "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "3. Contract / 合同 · 85% · open" in dry.output and "Dry run: nothing changed." in dry.output
    with db() as s:
        assert not s.scalars(select(PipelineStage)).all()
    done = cli("stages", str(sheet))
    assert "Stages saved; 1 open deal moved" in done.output  # negotiation (80%) → Contract (85%)
    with db() as s:
        deal = s.scalar(select(Deal))
        assert pipelines.of(s, deal.tenant_id).name(deal.stage, "zh") == "合同"
    assert "4. Signed (签约) · 100% · won" in cli("say", "--user", "Ana", "stages").output
    sheet.write_text("name,probability\nDemo,140\n", encoding="utf-8")
    bad = cli("stages", str(sheet))
    assert bad.exit_code != 0 and "couldn't read the stages" in bad.output


def test_the_teams_own_chinese_stage_names_are_read_glued_to_a_customer(team_chat):
    team_chat.reply("阶段 初访 10, 演示 30, 报价 60, 合同谈判 85", user="Mia")
    team_chat("商机 华为 初访 5万", user="Ana")
    assert "阶段：初访 → 演示" in team_chat("商机华为演示", user="Ana")  # 演示: a stage of the team's
    assert "阶段：演示 → 报价" in team_chat("商机#1报价", user="Ana")
    with team_chat.session_factory() as s:
        deal = s.scalar(select(Deal))
        assert pipelines.of(s, deal.tenant_id).name(deal.stage, "zh") == "报价"
        assert s.scalar(select(Customer.name)) == "华为"  # no customer `华为演示` made on the way


def test_a_deals_history_names_a_stage_the_pipeline_no_longer_has_as_it_was_called(team_chat):
    team_chat("阶段 初访/First visit 10, 演示/Demo 30, 合同/Contract 85", user="Mia")
    team_chat('deal Acme "ERP" 初访 5k', user="Ana")
    team_chat("deal #1 演示", user="Ana")
    team_chat("stages Intro 10, Pilot 40, Contract 85", user="Mia")  # 初访 and 演示 are gone
    history = team_chat("deal #1 history", user="Ana")
    assert "created at First visit" in history and "Demo → Pilot" not in history
    assert "First visit → Demo" in history
    history = team_chat("商机 #1 历史", user="Ana")
    assert "新建：初访" in history and "初访 → 演示" in history
    team_chat("stages reset", user="Mia")  # and back to the default: still named as they were
    history = team_chat("deal #1 history", user="Ana")
    assert "First visit → Demo" in history
    out = team_chat("stages", user="Ana")
    assert "First visit" not in out and "Intro" not in out and "1. Lead" in out
