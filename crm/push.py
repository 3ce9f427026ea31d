"""One write of the CRM outbox, made: an account for a customer named in chat, a deal made or
changed in chat, a visit as an activity. Each is safe to make twice (the CRM outbox retries after
an outage, and two workers may race): Zoho upserts by a unique field where it can (accounts by
`Account_Name`, new deals by `salesbot_id`), and elsewhere we look first and then write (Zoho's
Meetings; everything in 纷享销客, which has no upsert).

Which fields a write carries follows who owns them (docs/crm.md, *What syncs which way*): a deal
made in chat is written whole; for a deal the CRM already has, only what the chat owns goes out:
its stage (with wins and losses) and the reason.
"""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from sqlalchemy import select

from crm import echo
from crm import stages as crm_stages
from crm.exports import STAGES
from crm.fxiaoke import millis
from crm.zoho import ZohoClient
from storage import pipelines
from storage.crm import CrmRepository
from storage.models.crm import CrmLink, CrmWrite
from storage.models.sales import Customer, Deal, Visit


def salesbot_id(kind: str, local_id: int) -> str:
    return f"{kind}-{local_id}"


class Pusher:
    def __init__(self, session, tenant, connection, client, now: dt.datetime, zone: ZoneInfo):
        self.s, self.tenant, self.connection, self.client = session, tenant, connection, client
        self.now, self.zone = now, zone
        self.repo = CrmRepository(session)
        self.zoho = isinstance(client, ZohoClient)

    def push(self, write: CrmWrite) -> None:
        {"account": self._account, "deal": self._deal, "activity": self._activity}[write.op](write.local_id)

    # helpers -------------------------------------------------------------------------------
    def _remote(self, kind: str, local_id: int | None) -> str | None:
        if local_id is None:
            return None
        row = self.s.scalar(select(CrmLink.remote_id).where(
            CrmLink.tenant_id == self.tenant.id, CrmLink.kind == kind, CrmLink.local_id == local_id,
            ~CrmLink.remote_id.like("email:%")))
        return row

    def _stage(self, stage: str, in_pipeline: str = "") -> str:
        """The stage as the CRM stores it: in another of Zoho's pipelines than the default, that
        pipeline's stage (crm/stages.py); else the workspace's pipeline's CRM name (Zoho's
        `actual_value`, 纷享's option value), else the CRM stage first read as it, else the
        CRM's default name, else the stage's own name."""
        pipeline = pipelines.of(self.s, self.tenant.id)
        other = self.connection.settings.get("pipelines", {}).get(in_pipeline)
        if other and (named := crm_stages.name_in(pipeline, other, stage)):
            return named
        if named := pipeline.crm_name(stage):
            return named
        mapped = self.s.scalar(select(CrmLink.remote_id).where(
            CrmLink.tenant_id == self.tenant.id, CrmLink.kind == "stage", CrmLink.name == stage)
            .order_by(CrmLink.id).limit(1))
        crm = self.connection.crm
        return mapped or STAGES[crm].get(stage) or pipeline.name(stage, "zh" if crm == "fxiaoke" else "en")

    # accounts ------------------------------------------------------------------------------
    def _account(self, customer_id: int) -> str:
        linked = self._remote("customer", customer_id)
        if linked:
            return linked
        customer = self.s.get(Customer, customer_id)
        owner = self._remote("member", customer.owner_id)
        if self.zoho:
            record = {"Account_Name": customer.name, **({"Owner": {"id": owner}} if owner else {})}
            [row] = self.client.upsert("Accounts", [record], ("Account_Name",))
            remote = row["details"]["id"]
        else:
            found = self.client.find("AccountObj", "name", customer.name)
            remote = found["_id"] if found else self.client.create(
                "AccountObj", {"name": customer.name, **({"owner": [owner]} if owner else {})})
        self.repo.link(self.tenant.id, "customer", remote, customer.id, name=customer.name,
                       synced_at=self.now)
        return remote

    # deals ---------------------------------------------------------------------------------
    def _deal(self, deal_id: int) -> None:
        deal = self.s.get(Deal, deal_id)
        link = self.s.scalar(select(CrmLink).where(
            CrmLink.tenant_id == self.tenant.id, CrmLink.kind == "deal", CrmLink.local_id == deal_id))
        if link is not None and link.synced_at is not None and deal.updated_at <= link.synced_at:
            return  # a later write already sent this version
        self.modified = None
        if link is not None:
            amount_too = _chat_changed_amount(self.s, deal.id, link.synced_at)
            self._update_deal(deal, link.remote_id, amount_too, (link.content or {}).get("pipeline", ""))
            remote = link.remote_id
            content = echo.written(link.content, stage=deal.stage, amount=deal.amount if amount_too else None)
        else:
            remote = self._create_deal(deal)
            content = echo.written(None, stage=deal.stage, amount=deal.amount,
                                   owner=self._remote("member", deal.owner_id),
                                   close=_close_day(deal, self._zone()), closing_too=True)
        # what the CRM holds now, and its modified time of our write: when the write comes back (a
        # poll, a notification) with these fields it is dropped, not echoed (crm/echo.py)
        self.repo.link(self.tenant.id, "deal", remote, deal.id, name=deal.title, synced_at=deal.updated_at,
                       modified_at=self.modified, content=content)

    def _update_deal(self, deal: Deal, remote: str, amount_too: bool, in_pipeline: str) -> None:
        """What the chat owns: the stage (wins and losses too; a stage of the deal's own Zoho
        pipeline) and the reason; the amount only when the chat changed it since the CRM last had
        the deal (it won the conflict rule)."""
        stage = self._stage(deal.stage, in_pipeline)
        if self.zoho:
            fields = {"id": remote, "Stage": stage, "Probability": deal.probability}
            if deal.reason:
                fields["Description"] = deal.reason
            if amount_too:
                fields["Amount"] = float(deal.amount)
            [row] = self.client.update("Deals", [fields])
            self.modified = _zoho_time(row)
        else:
            fields = {"sales_stage": stage, "probability": deal.probability}
            if deal.reason:
                fields["remark"] = deal.reason
            if amount_too:
                fields["amount"] = f"{deal.amount:.2f}"
            self.client.update("NewOpportunityObj", remote, fields)

    def _create_deal(self, deal: Deal) -> str:
        account = self._account(deal.customer_id)
        owner = self._remote("member", deal.owner_id)
        key = salesbot_id("deal", deal.id)
        close = _close_day(deal, self._zone())
        if self.zoho:
            record = {"Deal_Name": deal.title, "Stage": self._stage(deal.stage), "Amount": float(deal.amount),
                      "Probability": deal.probability, "Account_Name": {"id": account}, "salesbot_id": key,
                      **({"Closing_Date": close.isoformat()} if close else {}),
                      **({"Owner": {"id": owner}} if owner else {}),
                      **({"Description": deal.reason} if deal.reason else {})}
            [row] = self.client.upsert("Deals", [record], ("salesbot_id",))
            self.modified = _zoho_time(row)
            return row["details"]["id"]
        found = self.client.find("NewOpportunityObj", "salesbot_id__c", key)
        if found:
            return found["_id"]
        fields = {"name": deal.title, "account_id": account, "sales_stage": self._stage(deal.stage),
                  "amount": f"{deal.amount:.2f}", "probability": deal.probability, "salesbot_id__c": key,
                  **({"close_date": _midnight_ms(close)} if close else {}),
                  **({"owner": [owner]} if owner else {})}
        return self.client.create("NewOpportunityObj", fields)

    # visits --------------------------------------------------------------------------------
    def _activity(self, visit_id: int) -> None:
        visit = self.s.get(Visit, visit_id)
        customer = self.s.get(Customer, visit.customer_id)
        account = self._account(customer.id)
        owner = self._remote("member", visit.member_id)
        key = salesbot_id("visit", visit.id)
        text = "\n".join(p for p in (visit.notes, visit.outcome, visit.next_step) if p)
        if self.zoho:  # Meetings have no upsert: look first, then write
            found = self.client.search("Meetings", f"(salesbot_id:equals:{key})")
            if found:
                remote = found[0]["id"]
            else:
                start = visit.visited_at.astimezone(self._zone())
                [row] = self.client.insert("Meetings", [{
                    "Event_Title": f"Visit: {customer.name}", "Start_DateTime": start.isoformat(),
                    "End_DateTime": (start + dt.timedelta(hours=1)).isoformat(), "What_Id": {"id": account},
                    "$se_module": "Accounts", "Description": text, "salesbot_id": key,
                    **({"Owner": {"id": owner}} if owner else {})}])
                remote = row["details"]["id"]
        else:
            found = self.client.find("ActiveRecordObj", "salesbot_id__c", key)
            remote = found["_id"] if found else self.client.create("ActiveRecordObj", {
                "active_record_content": text or customer.name, "account_id": account,
                "salesbot_id__c": key, "create_time": millis(visit.visited_at),
                **({"owner": [owner]} if owner else {})})
        self.repo.link(self.tenant.id, "activity", remote, visit.id, name=customer.name, synced_at=self.now)

    def _zone(self) -> ZoneInfo:
        return self.zone


def _chat_changed_amount(session, deal_id: int, since: dt.datetime | None) -> bool:
    from sqlalchemy import exists

    from storage.models.sales import DealEvent

    query = exists().where(DealEvent.deal_id == deal_id, DealEvent.kind == "amount",
                           DealEvent.actor_id.is_not(None))
    if since is not None:
        query = query.where(DealEvent.at > since)
    return bool(session.scalar(select(query)))


def _zoho_time(row: dict) -> dt.datetime | None:
    value = (row.get("details") or {}).get("Modified_Time")
    try:
        return dt.datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


def _close_day(deal: Deal, zone: ZoneInfo) -> dt.date | None:
    return deal.closed_at.astimezone(zone).date() if deal.closed_at else deal.expected_close


def _midnight_ms(day: dt.date) -> int:
    return millis(dt.datetime.combine(day, dt.time(), ZoneInfo("Asia/Shanghai")))

