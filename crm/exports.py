"""Files a CRM imports as they are: `salesbot export customers|deals|visits --crm zoho|fxiaoke`.

Each CRM gets its own import headers (纷享销客's in Chinese), its stage names, its owner column
(Zoho matches owners by email; 纷享 by employee id), its date format, and our own record number so
a second import updates instead of duplicating. Days are the owner's local days (their timezone,
else their team's), as the bot's own reports count them: a deal won at 07:30 in Shanghai on
1 December closes on 1 December, not on the UTC day before.
"""
from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO
from zoneinfo import ZoneInfo

from sqlalchemy import select

from crm.cells import safe_row
from storage import pipelines
from storage.crm import CrmRepository, member_zones
from storage.models.sales import Customer, Deal, Visit
from storage.models.workspace import Member
from storage.rates import RateRepository

CRMS = ("zoho", "fxiaoke")
KINDS = ("customers", "deals", "visits")

#: Zoho CRM's default Stage picklist of Deals; 纷享销客's stages are each company's own, so its
#: file carries the pipeline's Chinese names. A workspace with its own pipeline (from its CRM or
#: its admin) exports its own stages' names instead.
STAGES = {
    "zoho": {"lead": "Qualification", "contact": "Needs Analysis", "discovery": "Value Proposition",
             "proposal": "Proposal/Price Quote", "negotiation": "Negotiation/Review",
             "won": "Closed Won", "lost": "Closed Lost"},
    "fxiaoke": {"lead": "线索", "contact": "初步接触", "discovery": "需求挖掘", "proposal": "方案呈现",
                "negotiation": "商务谈判", "won": "赢单", "lost": "输单"},
}
_ZOHO_ACCOUNT_TYPE = {"potential": "Prospect", "intent": "Prospect", "customer": "Customer"}
_FXIAOKE_LIFECYCLE = {"potential": "潜在客户", "intent": "意向客户", "customer": "成交客户"}

HEADERS = {
    ("zoho", "customers"): ("Account Number", "Account Name", "Account Owner", "Account Type", "Tier",
                            "Created Time"),
    ("zoho", "deals"): ("Deal #", "Deal Name", "Account Name", "Stage", "Amount", "Currency",
                        "Exchange Rate", "Closing Date", "Probability (%)", "Deal Owner",
                        "Description", "Created Time", "Modified Time"),
    ("zoho", "visits"): ("Visit #", "Title", "From", "To", "Host", "Related To", "Description"),
    ("fxiaoke", "customers"): ("客户编号", "客户名称", "负责人", "客户级别", "客户状态", "创建时间"),
    ("fxiaoke", "deals"): ("商机编号", "商机名称", "客户名称", "销售阶段", "商机金额", "币种", "汇率",
                           "预计成交日期", "赢率", "负责人", "输赢原因", "创建时间", "最后修改时间"),
    ("fxiaoke", "visits"): ("销售记录编号", "关联客户", "跟进内容", "跟进结果", "下一步", "跟进时间",
                            "负责人"),
}


@dataclass(frozen=True)
class _Context:
    crm: str
    zones: dict[int, ZoneInfo]
    default_zone: ZoneInfo
    owners: dict[int, str]  # member id → what the CRM matches owners by

    def local(self, member_id: int, at: dt.datetime) -> dt.datetime:
        return at.astimezone(self.zones.get(member_id, self.default_zone))

    def day(self, member_id: int, at: dt.datetime) -> str:
        return self.local(member_id, at).date().isoformat()

    def time(self, member_id: int, at: dt.datetime) -> str:
        return self.local(member_id, at).strftime("%Y-%m-%d %H:%M:%S")


def rows(session, tenant, crm: str, kind: str, default_timezone: str
         ) -> tuple[tuple[str, ...], Iterator[tuple]]:
    """The header and the rows of a `kind` file for `crm`, streamed from the database."""
    context = _Context(crm, member_zones(session, tenant.id, default_timezone), ZoneInfo(default_timezone),
                       _owner_keys(session, tenant.id, crm))
    query, to_row = _QUERIES[kind](session, tenant, context)
    stream = (to_row(*row) for row in session.execute(query.execution_options(yield_per=1000)))
    return HEADERS[(crm, kind)], stream


def write(app, crm: str, kind: str, tenant_spec: str | None, out: TextIO | None = None,
          path: Path | None = None) -> int:
    """Write the file (CSV to `out`, or to `path`: .xlsx when it ends so); returns the row count."""
    from crm.workspaces import workspace_of  # the one place a --tenant spec is read

    with app.session_factory() as session:
        tenant = workspace_of(session, tenant_spec)
        header, stream = rows(session, tenant, crm, kind, app.defaults.timezone)
        if path is not None and path.suffix.lower() == ".xlsx":
            return _write_xlsx(path, kind, header, stream)
        if path is not None:
            with path.open("w", newline="", encoding="utf-8-sig") as handle:
                return _write_csv(handle, header, stream)
        return _write_csv(out, header, stream)


def _write_csv(out: TextIO, header, stream) -> int:
    writer = csv.writer(out)
    writer.writerow(header)
    count = 0
    for row in stream:
        writer.writerow(safe_row(row))
        count += 1
    return count


def _write_xlsx(path: Path, kind: str, header, stream) -> int:
    """A one-sheet workbook; every text cell is typed as text, so nothing in it is a formula."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet(kind)
    sheet.append(list(header))
    count = 0
    for row in stream:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # a string never becomes a formula, whatever it starts with
            cells.append(cell)
        sheet.append(cells)
        count += 1
    book.save(path)
    return count


def _owner_keys(session, tenant_id: int, crm: str) -> dict[int, str]:
    """Zoho imports match an owner by email; 纷享 by employee id (openUserId). A member mapped to
    neither keeps their name, which the CRM's import screen lets an admin map by hand."""
    names = dict(session.execute(select(Member.id, Member.display_name)
                                 .where(Member.tenant_id == tenant_id)).all())
    for member_id, link in CrmRepository(session).remote_of(tenant_id, "member").items():
        if crm == "zoho" and link.email:
            names[member_id] = link.email
        elif crm == "fxiaoke" and not link.remote_id.startswith("email:"):
            names[member_id] = link.remote_id
    return names


def _customers(session, tenant, c: _Context):
    query = select(Customer).where(Customer.tenant_id == tenant.id).order_by(Customer.id)

    def to_row(customer: Customer):
        owner = c.owners.get(customer.owner_id, "") if customer.owner_id else ""
        created = c.time(customer.owner_id, customer.created_at)
        if c.crm == "zoho":
            return (customer.id, customer.name, owner, _ZOHO_ACCOUNT_TYPE[customer.lifecycle],
                    customer.tier or "", created)
        return (customer.id, customer.name, owner, f"{customer.tier}类" if customer.tier else "",
                _FXIAOKE_LIFECYCLE[customer.lifecycle], created)
    return query, to_row


def _deals(session, tenant, c: _Context):
    rates = RateRepository(session).of(tenant)
    pipeline = pipelines.of(session, tenant.id)  # the workspace's own stages by their names
    stages = {key: pipeline.name(key, "zh" if c.crm == "fxiaoke" else "en") for key in pipeline.names} \
        if pipeline.own else STAGES[c.crm]
    query = (select(Deal, Customer.name).join(Customer, Customer.id == Deal.customer_id)
             .where(Deal.tenant_id == tenant.id).order_by(Deal.id))

    def to_row(deal: Deal, customer: str):
        closing = c.day(deal.owner_id, deal.closed_at) if deal.closed_at else (
            deal.expected_close.isoformat() if deal.expected_close else "")
        rate = rates.rate_of(deal.currency)
        return (deal.id, deal.title, customer, stages.get(deal.stage, deal.stage), f"{deal.amount:.2f}",
                deal.currency, "" if rate is None else f"{rate.normalize():f}", closing,
                deal.probability, c.owners.get(deal.owner_id, ""), deal.reason,
                c.time(deal.owner_id, deal.created_at), c.time(deal.owner_id, deal.updated_at))
    return query, to_row


def _visits(session, tenant, c: _Context):
    query = (select(Visit, Customer.name).join(Customer, Customer.id == Visit.customer_id)
             .where(Visit.tenant_id == tenant.id).order_by(Visit.id))

    def to_row(visit: Visit, customer: str):
        start = c.time(visit.member_id, visit.visited_at)
        owner = c.owners.get(visit.member_id, "")
        if c.crm == "zoho":  # a Meeting of an hour, related to the account
            end = c.time(visit.member_id, visit.visited_at + dt.timedelta(hours=1))
            return (visit.id, f"Visit: {customer}", start, end, owner, customer,
                    "\n".join(p for p in (visit.notes, visit.outcome, visit.next_step) if p))
        return (visit.id, customer, visit.notes, visit.outcome, visit.next_step, start, owner)
    return query, to_row


_QUERIES: dict[str, Callable] = {"customers": _customers, "deals": _deals, "visits": _visits}

NAMES = {"zoho": "Zoho CRM", "fxiaoke": "纷享销客"}
