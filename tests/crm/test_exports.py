"""Files each CRM imports as they are: `salesbot export customers|deals|visits --crm zoho|fxiaoke`."""
import csv
import datetime as dt
import io
import os

from openpyxl import load_workbook
from sqlalchemy import select, update

from storage.crm import CrmRepository
from storage.models.sales import Deal
from storage.models.workspace import Member, Tenant


def rows_of(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def won_at_half_past_seven_in_shanghai_on_1_december(db):
    """Ana (Asia/Shanghai, the default) won a deal at 07:30 on 1 Dec: 23:30 UTC on 30 Nov."""
    at = dt.datetime(2026, 11, 30, 23, 30, tzinfo=dt.timezone.utc)
    with db.begin() as s:
        s.execute(update(Deal).values(closed_at=at, updated_at=at, created_at=at))


def test_the_closing_day_is_the_owners_local_day_in_every_deal_export(cli, db):
    cli("say", "--user", "Ana", "won +Acme 48k: delivery time")
    won_at_half_past_seven_in_shanghai_on_1_december(db)
    assert rows_of(cli("export", "deals").output)[0]["Closing Date"] == "2026-12-01"
    assert rows_of(cli("export", "deals", "--crm", "zoho").output)[0]["Closing Date"] == "2026-12-01"
    assert rows_of(cli("export", "deals", "--crm", "fxiaoke").output)[0]["预计成交日期"] == "2026-12-01"


def test_zoho_deals_carry_zohos_stage_picklist_owner_emails_and_our_deal_number(cli, db):
    cli("say", "--user", "Ana", 'deal Acme "ERP" proposal 50k close 2026-12-20')
    cli("say", "--user", "Ana", 'deal Globex "CRM" discovery 30k')
    cli("say", "--user", "Ana", 'deal Initech "Site" lead 10k')
    cli("say", "--user", "Ana", "lost +Initech: price too high")
    with db.begin() as s:
        tenant, ana = s.scalar(select(Tenant)), s.scalar(select(Member))
        CrmRepository(s).map_member(tenant.id, ana.id, "ana@corp.com")
    deals = rows_of(cli("export", "deals", "--crm", "zoho").output)
    assert [(d["Deal #"], d["Deal Name"], d["Stage"]) for d in deals] == [
        ("1", "ERP", "Proposal/Price Quote"), ("2", "CRM", "Value Proposition"),
        ("3", "Site", "Closed Lost")]
    assert {d["Deal Owner"] for d in deals} == {"ana@corp.com"}
    assert deals[0]["Closing Date"] == "2026-12-20" and deals[2]["Description"] == "price too high"
    assert deals[0]["Created Time"][:2] == "20" and "T" not in deals[0]["Created Time"]


def test_an_owner_not_yet_mapped_is_named_so_the_import_screen_can_map_them(cli):
    cli("say", "--user", "Ana", 'deal Acme "ERP" proposal 50k')
    [deal] = rows_of(cli("export", "deals", "--crm", "zoho").output)
    assert deal["Deal Owner"] == "Ana"


def test_customers_export_for_each_crm(cli, db):
    cli("say", "--user", "Ana", "customer +Acme tier A")
    cli("say", "--user", "Ana", "visit 华为: demo")
    generic = rows_of(cli("export", "customers").output)
    assert [(c["Account Name"], c["Tier"]) for c in generic] == [("Acme", "A"), ("华为", "")]
    zoho = rows_of(cli("export", "customers", "--crm", "zoho").output)
    assert [(c["Account Number"], c["Account Name"], c["Account Owner"], c["Account Type"])
            for c in zoho] == [("1", "Acme", "Ana", "Prospect"), ("2", "华为", "Ana", "Prospect")]
    fxiaoke = rows_of(cli("export", "customers", "--crm", "fxiaoke").output)
    assert list(fxiaoke[0]) == ["客户编号", "客户名称", "负责人", "客户级别", "客户状态", "创建时间"]
    acme = fxiaoke[0]
    assert (acme["客户名称"], acme["客户级别"], acme["客户状态"]) == ("Acme", "A类", "潜在客户")


def test_fxiaoke_owners_are_employee_ids_once_the_crm_users_are_linked(cli, db):
    cli("say", "--user", "Ana", 'deal Acme "ERP" negotiation 50k')
    with db.begin() as s:
        tenant, ana = s.scalar(select(Tenant)), s.scalar(select(Member))
        CrmRepository(s).link(tenant.id, "member", "FSUID_6A2B", ana.id, name="安娜", mobile="13800000000")
    [deal] = rows_of(cli("export", "deals", "--crm", "fxiaoke").output)
    assert (deal["负责人"], deal["销售阶段"], deal["商机金额"], deal["商机编号"]) == (
        "FSUID_6A2B", "商务谈判", "50000.00", "1")


def test_fxiaoke_xlsx_has_chinese_headers_and_no_formula(cli, tmp_path):
    cli("say", "--user", "Ana", "visit +=1+2 Corp: met @SUM(A1)")  # `+`: a new customer as typed
    out = tmp_path / "visits.xlsx"
    result = cli("export", "visits", "--crm", "fxiaoke", "-o", str(out))
    assert "Wrote 1 visit " in result.output and "纷享销客" in result.output
    sheet = load_workbook(out).active
    header, row = [c.value for c in sheet[1]], sheet[2]
    assert header == ["销售记录编号", "关联客户", "跟进内容", "跟进结果", "下一步", "跟进时间", "负责人"]
    customer, notes = row[1], row[2]
    assert (customer.value, customer.data_type) == ("=1+2 Corp", "s")
    assert (notes.value, notes.data_type) == ("met @SUM(A1)", "s")


def test_cells_a_spreadsheet_would_evaluate_are_neutralised_in_every_csv_export(cli):
    cli("say", "--user", "Ana", "visit +=1+2 Corp: @SUM(A1) then -cmd|' /C calc'!A0")  # new, as typed
    for args in (("visits",), ("customers",), ("visits", "--crm", "zoho"), ("customers", "--crm", "fxiaoke")):
        text = cli("export", *args).output
        assert "'=1+2 Corp" in text, args
        assert ",=1+2" not in text and "\n=" not in text, args
    [visit] = rows_of(cli("export", "visits").output)
    assert visit["Description"] == "'@SUM(A1) then -cmd|' /C calc'!A0"


def test_zoho_visits_are_meetings_of_an_hour_in_the_reps_time(cli, db):
    cli("say", "--user", "Ana", "visit Acme: demo; next: quote")
    at = dt.datetime(2026, 12, 1, 1, 0, tzinfo=dt.timezone.utc)
    with db.begin() as s:
        from storage.models.sales import Visit
        s.execute(update(Visit).values(visited_at=at))
    [meeting] = rows_of(cli("export", "visits", "--crm", "zoho").output)
    assert (meeting["Title"], meeting["From"], meeting["To"]) == (
        "Visit: Acme", "2026-12-01 09:00:00", "2026-12-01 10:00:00")
    assert (meeting["Related To"], meeting["Description"]) == ("Acme", "demo\nquote")


def test_targets_are_not_a_crm_file(cli):
    result = cli("export", "targets", "--crm", "zoho")
    assert result.exit_code == 2 and "customers, deals or visits" in result.output


def test_crm_exports_go_to_a_csv_file_with_a_bom_for_excel(cli, tmp_path):
    cli("say", "--user", "Ana", "customer +华为 tier B")
    out = tmp_path / "accounts.csv"
    assert "Wrote 1 customer " in cli("export", "customers", "--crm", "zoho", "-o", str(out)).output
    assert out.read_bytes().startswith("\ufeff".encode()) and "华为" in out.read_text(encoding="utf-8-sig")
    assert os.path.getsize(out) > 0
