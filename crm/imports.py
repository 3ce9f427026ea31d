"""`salesbot import customers|deals FILE` taking a CRM's own export as it is: Zoho's CSV, 纷享销客's
.xlsx or CSV with Chinese headers, or salesbot's own export (which round-trips: `Deal #` updates the
deal it names). Every row is checked before anything is stored; one bad row stores nothing
(`bot/csv_import.py`), and `--dry-run` says what would happen without storing.
"""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from crm.first_import import our_stage
from handlers.grammar.amounts import parse_amount
from handlers.grammar.dates import parse_date
from storage import pipelines
from storage.crm import CrmRepository
from storage.models.workspace import Member
from storage.people import PeopleRepository
from storage.sales import CustomerRepository, DealRepository

#: A CRM's column (lower case) → ours. Zoho's import/export labels, 纷享销客's, and salesbot's own.
ALIASES = {
    # customers
    "account name": "name", "客户名称": "name", "account owner": "owner", "负责人": "owner",
    "客户级别": "tier", "rating": "tier", "account type": "lifecycle", "客户状态": "lifecycle",
    "account number": "number", "客户编号": "number",
    # deals
    "deal #": "deal", "商机编号": "deal", "deal name": "title", "商机名称": "title",
    "stage": "stage", "销售阶段": "stage", "amount": "amount", "商机金额": "amount",
    "currency": "currency", "币种": "currency", "closing date": "close", "预计成交日期": "close",
    "deal owner": "owner", "probability (%)": "probability", "赢率": "probability",
    "description": "reason", "输赢原因": "reason",
}
#: Which canonical column a file's `name`-ish column means, per kind (a deal file's account
#: column is its customer).
DEAL_COLUMNS = {"name": "customer"}


def read_rows(path: Path, kind: str) -> tuple[list[str], list[tuple[int, dict]]]:
    """(canonical header, [(line, row)]) of a CSV or .xlsx file, headers mapped to ours."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True, data_only=True).active
        values = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        raw_header, body = (values[0] if values else []), values[1:]
    else:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.reader(handle)
            raw_header = next(reader, [])
            body = list(reader)
    header = [canonical(h, kind) for h in raw_header]
    rows = [(n, {k: (v or "").strip() for k, v in zip(header, values, strict=False) if k})
            for n, values in enumerate(body, start=2) if any((v or "").strip() for v in values)]
    return header, rows


def canonical(heading: str, kind: str) -> str:
    key = heading.strip().lower()
    name = ALIASES.get(key, key)
    return DEAL_COLUMNS.get(name, name) if kind == "deals" else name


def check_deal(session, tenant, row: dict, defaults):
    """One deal row: customer and title needed; stage by the CRM's name or ours; owner by email
    (the CRM user matched to a member), employee id, or name."""
    customer = row.get("customer") or _fail("the customer (Account Name, 客户名称) is empty")
    title = row.get("title") or _fail("the deal name (Deal Name, 商机名称) is empty")
    probability = None
    if row.get("probability"):
        try:
            probability = int(float(row["probability"].rstrip("%")))
        except ValueError:
            _fail(f"probability “{row['probability']}” is not a number")
    pipeline = pipelines.of(session, tenant.id)
    stage = our_stage(row["stage"], probability, pipeline) if row.get("stage") else pipeline.open[0]
    money = parse_amount(row["amount"]) if row.get("amount") else None
    if row.get("amount") and money is None:
        _fail(f"amount “{row['amount']}” is not an amount")
    amount = money.amount if money else 0
    currency = (row.get("currency") or (money.currency if money and money.currency else "")
                or tenant.currency).upper()[:3]
    close = None
    if row.get("close"):
        close = _day(row["close"]) or _fail(f"close date “{row['close']}” is not a date (use 2026-12-20)")
    owner = _owner(session, tenant, row.get("owner", ""))
    existing = None
    if row.get("deal"):
        if not row["deal"].isdigit():
            _fail(f"Deal # “{row['deal']}” is not a salesbot deal number")
        existing = DealRepository(session).get(tenant.id, int(row["deal"]))
        if existing is None:
            _fail(f"Deal # {row['deal']} is no deal of this workspace")
    reason = row.get("reason", "")

    def store():
        deals, customers = DealRepository(session), CustomerRepository(session)
        now = dt.datetime.now(dt.timezone.utc)
        target = customers.exact(tenant.id, customer) or customers.add(tenant.id, customer, owner.id)
        deal = existing
        if deal is None:
            deal = deals.add(tenant_id=tenant.id, owner_id=owner.id, customer_id=target.id, title=title[:200],
                             stage=stage, amount=amount, currency=currency, expected_close=close, now=now)
        else:
            deals.retitle(deal, title[:200], None, now)
            deals.move(deal, stage, None, now)
            deals.set_amount(deal, amount, currency, None, now)
            deals.move_to_customer(deal, target, None, now)
            deal.expected_close, deal.owner_id = close, owner.id
        if stage in ("won", "lost") and close:  # closed on its close day, in the team's time
            deal.closed_at = dt.datetime.combine(close, dt.time(12), ZoneInfo(defaults.timezone))
        if probability is not None:
            deal.probability = max(0, min(100, probability))
        if reason:
            deal.reason = reason
    return store


def _owner(session, tenant, text: str) -> Member:
    people = PeopleRepository(session)
    if not text:
        _fail("the owner (Deal Owner, 负责人) is empty")
    link = CrmRepository(session).user_by_contact(tenant.id, text) if "@" in text else None
    if link is None:  # 纷享's employee id
        found = CrmRepository(session).local_of(tenant.id, "member").get(text)
        if found:
            return session.get(Member, found)
    if link is not None and link.local_id:
        return session.get(Member, link.local_id)
    if link is None and "@" in text:
        noted = CrmRepository(session).remote_of(tenant.id, "member")
        member_id = next((m for m, row in noted.items() if row.email.casefold() == text.casefold()), None)
        if member_id:
            return session.get(Member, member_id)
    found = people.find_members(tenant.id, text)
    if len(found) != 1:
        _fail(f"owner “{text}” is {'unknown' if not found else 'ambiguous'} "
              "(map CRM users first: crm map @name email)")
    return found[0]


def _day(text: str) -> dt.date | None:
    text = text.strip().split(" ")[0].split("T")[0]
    try:
        return dt.date.fromisoformat(text.replace("/", "-"))
    except ValueError:
        return parse_date(text, dt.date.today(), future=False)


def _fail(problem: str):
    raise ValueError(problem)
