"""`salesbot import customers|deals FILE` takes a CRM's export as it is: Zoho's CSV, 纷享销客's .xlsx
with Chinese headers, or salesbot's own (round trip); dry run first; one bad row stores nothing."""
import csv
import datetime as dt
import io
from decimal import Decimal

from openpyxl import Workbook
from sqlalchemy import func, select

from storage.models.sales import Customer, Deal


def count(db, model):
    with db() as s:
        return s.scalar(select(func.count()).select_from(model))


def deals(db):
    with db() as s:
        return [tuple(r) for r in s.execute(select(Deal.title, Deal.stage, Deal.amount, Deal.expected_close)
                                            .order_by(Deal.id))]


ZOHO_DEALS = ("Record Id,Deal Name,Account Name,Stage,Amount,Closing Date,Deal Owner,Probability (%)\n"
              "zcrm_1,ERP rollout,Acme,Proposal/Price Quote,50000,2026-12-20,ana@corp.com,75\n"
              "zcrm_2,Support,Globex,Closed Won,12000.50,2026-11-02,Bo,100\n")


def test_a_zoho_deals_export_is_checked_by_a_dry_run_then_imported(cli, db, tmp_path):
    cli("say", "--user", "Ana", "help")
    cli("say", "--user", "Bo", "help")
    cli("say", "--user", "Ana", "crm map @ana ana@corp.com")
    path = tmp_path / "Deals.csv"
    path.write_text(ZOHO_DEALS, encoding="utf-8")
    dry = cli("import", "deals", str(path), "--dry-run")
    assert "Dry run: 2 deal rows of" in dry.output and "all good; nothing stored" in dry.output
    assert count(db, Deal) == 0 and count(db, Customer) == 0
    assert "Imported 2 deal rows" in cli("import", "deals", str(path)).output
    assert deals(db) == [("ERP rollout", "proposal", Decimal("50000.00"), dt.date(2026, 12, 20)),
                         ("Support", "won", Decimal("12000.50"), dt.date(2026, 11, 2))]
    with db() as s:
        won = s.scalar(select(Deal).where(Deal.stage == "won"))
    assert won.closed_at.astimezone(dt.timezone(dt.timedelta(hours=8))).date() == dt.date(2026, 11, 2)
    assert "Open deals: 1 · ¥50K" in cli("say", "--user", "Ana", "pipeline").output


def test_a_fxiaoke_xlsx_with_chinese_headers_imports_as_it_is(cli, db, tmp_path):
    cli("say", "--user", "张三", "--lang", "zh", "帮助")
    book = Workbook()
    sheet = book.active
    sheet.append(["商机名称", "客户名称", "销售阶段", "商机金额", "币种", "预计成交日期", "负责人", "赢率"])
    sheet.append(["ERP项目", "华为", "商务谈判", "50000", "CNY", "2026-12-20", "张三", "80"])
    sheet.append(["云服务", "腾讯", "需求挖掘", "5万", None, dt.datetime(2027, 1, 10), "张三", None])
    path = tmp_path / "商机.xlsx"
    book.save(path)
    result = cli("import", "deals", str(path))
    assert "Imported 2 deal rows" in result.output, result.output
    assert deals(db) == [("ERP项目", "negotiation", Decimal("50000.00"), dt.date(2026, 12, 20)),
                         ("云服务", "discovery", Decimal("50000.00"), dt.date(2027, 1, 10))]


def test_one_bad_row_stores_nothing_and_each_problem_names_its_line(cli, db, tmp_path):
    cli("say", "--user", "Ana", "help")
    path = tmp_path / "Deals.csv"
    path.write_text("Deal Name,Account Name,Stage,Amount,Deal Owner\n"
                    "Good,Acme,Qualification,10k,Ana\n"
                    "Bad amount,Acme,Qualification,lots,Ana\n"
                    "Nobody's,Acme,Qualification,5k,zed@corp.com\n"
                    ",Acme,Qualification,5k,Ana\n", encoding="utf-8")
    result = cli("import", "deals", str(path))
    assert result.exit_code == 1 and "nothing imported (3 problems)" in result.output
    for line in ("line 3: amount “lots” is not an amount", "line 4: owner “zed@corp.com” is unknown",
                 "line 5: the deal name (Deal Name, 商机名称) is empty"):
        assert line in result.output
    assert count(db, Deal) == 0 and count(db, Customer) == 0


def test_salesbots_own_crm_export_round_trips_by_deal_number(cli, db, tmp_path):
    cli("say", "--user", "Ana", 'deal Acme "ERP" proposal 50k close 2026-12-20')
    rows = list(csv.DictReader(io.StringIO(cli("export", "deals", "--crm", "zoho").output)))
    rows[0]["Stage"], rows[0]["Amount"] = "Negotiation/Review", "55000"
    path = tmp_path / "edited.csv"
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    assert "Imported 1 deal row" in cli("import", "deals", str(path)).output
    assert deals(db) == [("ERP", "negotiation", Decimal("55000.00"), dt.date(2026, 12, 20))]


def test_customers_from_zoho_and_fxiaoke_exports(cli, db, tmp_path):
    cli("say", "--user", "Ana", "help")
    zoho = tmp_path / "Accounts.csv"
    zoho.write_text("Account Name,Account Owner,Account Type\nAcme,Ana,Customer\n", encoding="utf-8")
    assert "Imported 1 customer row" in cli("import", "customers", str(zoho)).output
    book = Workbook()
    book.active.append(["客户名称", "负责人", "客户级别", "客户状态"])
    book.active.append(["华为", "Ana", "A类", "意向客户"])
    fx = tmp_path / "客户.xlsx"
    book.save(fx)
    assert "Imported 1 customer row" in cli("import", "customers", str(fx)).output
    with db() as s:
        found = {c.name: (c.tier, c.lifecycle) for c in s.scalars(select(Customer))}
    assert found == {"Acme": (None, "customer"), "华为": ("A", "intent")}
