"""A CRM's accounts and deals as salesbot reads them: `Account` and `RemoteDeal`, the fields asked
for, each CRM's records page by page (with its total, when the CRM says), and its values read
(money, days, times). The first import (`crm/first_import.py`) and the incoming changes
(`crm/incoming.py`) store what this reads.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from crm.fxiaoke import FxiaokeClient, from_millis
from crm.zoho import ZohoClient

CHINA = ZoneInfo("Asia/Shanghai")


ZOHO_ACCOUNT_FIELDS = ("Account_Name", "Owner", "Modified_Time", "Created_Time")


ZOHO_DEAL_FIELDS = ("Deal_Name", "Account_Name", "Owner", "Stage", "Probability", "Amount", "Currency",
                    "Closing_Date", "Modified_Time", "Created_Time", "Pipeline")


@dataclass(frozen=True)
class Account:
    id: str
    name: str
    owner: str  # the CRM user's id
    modified_at: dt.datetime | None


@dataclass(frozen=True)
class RemoteDeal:
    id: str
    title: str
    account_id: str
    account_name: str
    owner: str
    owner_name: str
    stage: str
    probability: int | None
    amount: Decimal
    currency: str
    close_date: dt.date | None
    modified_at: dt.datetime | None
    created_at: dt.datetime | None
    pipeline: str = ""  # Zoho's pipeline of the deal (crm/stages.py: a non-default one keeps its stages)


Pages = Iterator[tuple[list, int | None]]


def zoho_pages(client: ZohoClient, currency: str) -> tuple[Pages, Pages]:
    def accounts() -> Pages:
        total = client.count("Accounts")
        for page in client.records("Accounts", ZOHO_ACCOUNT_FIELDS):
            yield [zoho_account(r) for r in page], total

    def deals() -> Pages:
        total = client.count("Deals")
        for page in client.records("Deals", ZOHO_DEAL_FIELDS):
            yield [zoho_deal(r, currency) for r in page], total
    return accounts(), deals()


def zoho_account(r: dict) -> Account:
    return Account(r["id"], r.get("Account_Name") or "", (r.get("Owner") or {}).get("id", ""),
                   _zoho_time(r.get("Modified_Time")))


def fxiaoke_account(r: dict) -> Account:
    return Account(r["_id"], r.get("name") or "", _first(r.get("owner")),
                   from_millis(r.get("last_modified_time")))


def zoho_deal(r: dict, currency: str) -> RemoteDeal:
    account, owner = r.get("Account_Name") or {}, r.get("Owner") or {}
    return RemoteDeal(r["id"], r.get("Deal_Name") or "", account.get("id", ""), account.get("name", ""),
                      owner.get("id", ""), owner.get("name", ""), r.get("Stage") or "",
                      _int(r.get("Probability")), _money(r.get("Amount")), r.get("Currency") or currency,
                      _day(r.get("Closing_Date")), _zoho_time(r.get("Modified_Time")),
                      _zoho_time(r.get("Created_Time")), _pipeline(r.get("Pipeline")))


def fxiaoke_pages(client: FxiaokeClient, currency: str) -> tuple[Pages, Pages]:
    names = {u["openUserId"]: u.get("name", "") for u in client.users()}

    def accounts() -> Pages:
        for page, total in client.pages("AccountObj"):
            yield [fxiaoke_account(r) for r in page], total

    def deals() -> Pages:
        for page, total in client.pages("NewOpportunityObj"):
            yield [fxiaoke_deal(r, names, currency) for r in page], total
    return accounts(), deals()


def fxiaoke_deal(r: dict, names: dict[str, str], currency: str) -> RemoteDeal:
    owner = _first(r.get("owner"))
    return RemoteDeal(r["_id"], r.get("name") or "", r.get("account_id") or "",
                      r.get("account_id__r") or "", owner, names.get(owner, ""),
                      str(r.get("sales_stage") or ""), _int(r.get("probability")), _money(r.get("amount")),
                      currency, _ms_day(r.get("close_date")),
                      from_millis(r.get("last_modified_time")), from_millis(r.get("create_time")))


def _pipeline(value) -> str:
    """Zoho's `Pipeline` of a deal: a picklist's value, or an object with its `name`."""
    return str((value.get("name") or "") if isinstance(value, dict) else (value or "")).strip()


def _first(value) -> str:
    if isinstance(value, list):
        return str(value[0]) if value else ""
    return str(value or "")


def _money(value) -> Decimal:
    try:
        return Decimal(str(value)).quantize(Decimal("0.01")) if value not in (None, "") else Decimal(0)
    except InvalidOperation:
        return Decimal(0)


def _int(value) -> int | None:
    try:
        return int(float(value)) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _day(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _ms_day(value) -> dt.date | None:
    """纷享 keeps a date as the milliseconds of its midnight in China: read it there."""
    at = from_millis(value)
    return at.astimezone(CHINA).date() if at else None


def _zoho_time(value) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value) if value else None
    except ValueError:
        return None
