"""CRM → chat: deals changed in the CRM, read by the worker (纷享 by polling on modified time; Zoho
by polling, and at once when its notifications name the records), applied with the conflict rule.

Every change is deduplicated: a record read twice — a poll that overlaps the last, a notification
and a poll, our own write coming back — is applied once. A record whose fields are what the CRM
held after our last write or read is dropped, whatever its modified time (crm/echo.py: Zoho's
times have whole seconds, so a person's edit in the same second as our write is told from our
echo by its fields); one older than what the link says the CRM has is dropped too.

Who owns what: the CRM owns amount, owner and close date; the chat owns the stage (wins, losses)
and the reason. A change to a field only the CRM made is applied; a field changed on both sides
since the last sync is a true conflict: the newer change is kept, the CRM winning a tie, and the
deal's owner is told in chat which value stayed.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select

from crm import echo
from crm.first_import import Imported, store_accounts, store_deals
from crm.fxiaoke import FxiaokeClient, millis
from crm.records import (
    ZOHO_ACCOUNT_FIELDS,
    ZOHO_DEAL_FIELDS,
    RemoteDeal,
    fxiaoke_account,
    fxiaoke_deal,
    zoho_account,
    zoho_deal,
)
from crm.stages import key_of
from crm.zoho import ZohoClient
from handlers.events import MemberTold
from handlers.outgoing import queue
from handlers.text.format import money
from handlers.text.reply import Reply
from handlers.text.strings import t
from storage import pipelines
from storage.crm import CrmRepository
from storage.models.crm import CrmLink
from storage.models.sales import Deal, DealEvent
from storage.models.workspace import Member, Tenant
from storage.sales import DealRepository

CRM_NAMES = {"zoho": "Zoho CRM", "fxiaoke": "纷享销客"}


@dataclass
class Applied:
    changed: int = 0
    duplicates: int = 0
    created: int = 0
    conflicts: list[tuple[int, str, str]] = field(default_factory=list)  # (deal, field, winner)


def poll(app, tenant_id: int, client, now: dt.datetime, *, accounts: bool = True) -> Applied:
    """Read the deals (and, unless notifications bring them, the accounts) changed since the
    last poll and apply them; moves the watermarks on."""
    with app.session_factory() as session:
        connection = CrmRepository(session).connection(tenant_id)
        since = connection.settings.get("polled_to") or connection.created_at.isoformat()
        accounts_since = connection.settings.get("accounts_polled_to") or connection.created_at.isoformat()
    newest_account = dt.datetime.fromisoformat(accounts_since)
    # accounts first: a new deal may name a new account
    for page in changed_accounts(client, newest_account) if accounts else ():
        with app.session_factory.begin() as session:
            store_accounts(session, session.get(Tenant, tenant_id), page, update=True)
        newest_account = max([newest_account, *(a.modified_at for a in page if a.modified_at)])
    since_at = dt.datetime.fromisoformat(since)
    result = Applied()
    newest = since_at
    for page in changed_deals(client, since_at, tenant_currency(app, tenant_id)):
        with app.session_factory.begin() as session:
            apply(session, tenant_id, page, now, result)
        newest = max([newest, *(d.modified_at for d in page if d.modified_at)])
    with app.session_factory.begin() as session:
        repo = CrmRepository(session)
        connection = repo.connection(tenant_id)
        connection.settings = {**connection.settings, "polled_to": newest.isoformat(),
                               "accounts_polled_to": newest_account.isoformat()}
        repo.record_sync(tenant_id, now)
    return result


def fetch(app, tenant_id: int, client, ids: dict[str, list[str]], now: dt.datetime) -> Applied:
    """Apply the accounts and deals a notification named (Zoho), read now by id."""
    result = Applied()
    if ids.get("Accounts"):
        found = client.call("GET", "Accounts", params={"ids": ",".join(ids["Accounts"]),
                                                       "fields": ",".join(ZOHO_ACCOUNT_FIELDS)})
        with app.session_factory.begin() as session:
            store_accounts(session, session.get(Tenant, tenant_id),
                            [zoho_account(r) for r in found.get("data", [])], update=True)
    if ids.get("Deals"):
        found = client.call("GET", "Deals", params={"ids": ",".join(ids["Deals"]),
                                                    "fields": ",".join(ZOHO_DEAL_FIELDS)})
        page = [zoho_deal(r, tenant_currency(app, tenant_id)) for r in found.get("data", [])]
        with app.session_factory.begin() as session:
            apply(session, tenant_id, page, now, result)
    return result


def tenant_currency(app, tenant_id: int) -> str:
    with app.session_factory() as session:
        return session.get(Tenant, tenant_id).currency


def changed_accounts(client, since: dt.datetime):
    """Pages of accounts modified at or after `since`, oldest first."""
    if isinstance(client, ZohoClient):
        params = {"fields": ",".join(ZOHO_ACCOUNT_FIELDS), "sort_by": "Modified_Time", "sort_order": "asc"}
        for page in client.pages("Accounts", "data", params,
                                 headers={"If-Modified-Since": since.isoformat(timespec="seconds")}):
            yield [zoho_account(r) for r in page]
        return
    rule = {"field_name": "last_modified_time", "operator": "GTE", "field_values": [millis(since)]}
    for page, _total in client.pages("AccountObj", (rule,)):
        yield [fxiaoke_account(r) for r in page]


def changed_deals(client, since: dt.datetime, currency: str):
    """Pages of deals modified at or after `since`, oldest first."""
    if isinstance(client, ZohoClient):
        params = {"fields": ",".join(ZOHO_DEAL_FIELDS), "sort_by": "Modified_Time", "sort_order": "asc"}
        for page in client.pages("Deals", "data", params,
                                 headers={"If-Modified-Since": since.isoformat(timespec="seconds")}):
            yield [zoho_deal(r, currency) for r in page]
        return
    assert isinstance(client, FxiaokeClient)
    names = {u["openUserId"]: u.get("name", "") for u in client.users()}
    rule = {"field_name": "last_modified_time", "operator": "GTE", "field_values": [millis(since)]}
    for page, _total in client.pages("NewOpportunityObj", (rule,)):
        yield [fxiaoke_deal(r, names, currency) for r in page]


def apply(session, tenant_id: int, page: list[RemoteDeal], now: dt.datetime, result: Applied) -> None:
    tenant = session.get(Tenant, tenant_id)
    repo = CrmRepository(session)
    links = {row.remote_id: row for row in session.scalars(select(CrmLink).where(
        CrmLink.tenant_id == tenant_id, CrmLink.kind == "deal", CrmLink.remote_id.in_([d.id for d in page])))}
    new = [d for d in page if d.id not in links]
    if new:  # a deal made in the CRM: taken in as the first import takes deals
        before = Imported()
        store_deals(session, tenant, new, before)
        result.created += before.deals
    owners = repo.local_of(tenant_id, "member")
    pipeline = pipelines.of(session, tenant_id)
    other = repo.connection(tenant_id).settings.get("pipelines", {})
    for remote in page:
        link = links.get(remote.id)
        if link is None or link.local_id is None:
            continue
        stage = key_of(pipeline, other, remote.stage, remote.probability, remote.pipeline)
        if _known(link, remote, stage):
            result.duplicates += 1  # read before, or our own write coming back
            continue
        deal = session.get(Deal, link.local_id)
        if deal is None:
            continue
        _apply_one(session, tenant, deal, link, remote, stage, owners, now, result)


def _known(link: CrmLink, remote: RemoteDeal, stage: str) -> bool:
    """Whether the record read is one we hold already: its fields are what the CRM held after our
    last write or read (crm/echo.py), or it is older than that. A record of the same second as
    our write but other fields is a person's edit, and is applied."""
    if echo.is_echo(link.content, echo.read(remote, stage)):
        if remote.modified_at:
            link.remote_modified_at = max(remote.modified_at, link.remote_modified_at or remote.modified_at)
        return True
    if not (link.remote_modified_at and remote.modified_at):
        return False
    if link.content is None:  # kept before fields were: by time, as then
        return remote.modified_at <= link.remote_modified_at
    return remote.modified_at < link.remote_modified_at


def _apply_one(session, tenant, deal: Deal, link: CrmLink, remote: RemoteDeal, stage: str, owners: dict,
               now, result):
    deals = DealRepository(session)
    ours_since = _chat_changes(session, deal.id, link.synced_at)
    kept_ours = False
    wanted = {"stage": stage, "amount": remote.amount}
    current = {"stage": deal.stage, "amount": deal.amount}
    for name, value in wanted.items():
        if value == current[name]:
            continue
        chat_at = ours_since.get(name)
        crm_wins = chat_at is None or remote.modified_at is None or remote.modified_at >= chat_at
        if chat_at is not None:
            winner = "crm" if crm_wins else "chat"
            result.conflicts.append((deal.id, name, winner))
            _tell_owner(session, tenant, deal, name, current[name], value, winner, now)
        if not crm_wins:
            kept_ours = True
            continue
        if name == "stage":
            deals.move(deal, value, None, now)
        else:
            deals.set_amount(deal, value, remote.currency, None, now)
    owner = owners.get(remote.owner)
    if owner and owner != deal.owner_id:
        deal.owner_id, deal.updated_at = owner, now
    if remote.close_date != deal.expected_close and remote.close_date is not None:
        deal.expected_close, deal.updated_at = remote.close_date, now
    session.flush()
    link.remote_modified_at = remote.modified_at or link.remote_modified_at
    link.content = echo.read(remote, stage)  # what the CRM holds now
    if not kept_ours:  # what we hold now is the CRM's: not to be sent back
        link.synced_at = deal.updated_at
    result.changed += 1


def _chat_changes(session, deal_id: int, since: dt.datetime | None) -> dict[str, dt.datetime]:
    """The fields the chat changed since the CRM last had the deal, and when (the latest)."""
    if since is None:
        return {}
    rows = session.execute(select(DealEvent.kind, func.max(DealEvent.at)).where(
        DealEvent.deal_id == deal_id, DealEvent.at > since, DealEvent.actor_id.is_not(None),
        DealEvent.kind.in_(("stage", "amount"))).group_by(DealEvent.kind))
    return {kind: at for kind, at in rows}


def _tell_owner(session, tenant, deal: Deal, name: str, ours, theirs, winner: str, now) -> None:
    owner = session.get(Member, deal.owner_id)
    locale = owner.locale if owner.locale in ("en", "zh") else "en"
    crm = CRM_NAMES[CrmRepository(session).connection(tenant.id).crm]
    pipeline = pipelines.of(session, tenant.id)
    shown = lambda v: (pipeline.name(v, locale) if name == "stage"  # noqa: E731
                       else money(v, deal.currency, locale))
    line = t(locale, f"crm_conflict_{winner}", crm=crm, deal=deal.title,
             field=t(locale, f"crm_field_{name}"), ours=shown(ours), theirs=shown(theirs))
    queue(session, tenant, [MemberTold(f"crm-conflict:{deal.id}:{name}:{now.isoformat()}", owner.id,
                                       Reply(lines=(line,), locale=locale))], now)
