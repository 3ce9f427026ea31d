"""The first import: the CRM's accounts and open deals become salesbot's customers and deals, so
the team's reports work on day one. Run on connecting and again at will (`salesbot crm import`):
every record is found again by its link, so a second run updates and adds nothing twice.

Each page of the CRM's answer is stored in one transaction; a page the CRM refuses stops the run
with what was stored kept (the next run goes on from the links). Stages: the CRM's pipeline
becomes the workspace's (crm/stages.py), and each deal's stage is found in it by the CRM's name
(else by probability); the mapping is kept (links of kind `stage`); closed deals (won, lost) are
history and stay in the CRM. A deal whose owner is no member yet is skipped and counted: map the
user (`crm map`) and import again.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select

from crm import echo
from crm import stages as crm_stages
from crm.errors import Rejected
from crm.records import Account, RemoteDeal, fxiaoke_pages, zoho_pages
from crm.zoho import ZohoClient
from storage import pipelines
from storage.crm import CrmRepository
from storage.models.base import name_key, utcnow
from storage.models.crm import CrmLink
from storage.models.sales import Customer, Deal, DealEvent
from storage.sales import CustomerRepository, DealRepository

Progress = Callable[[str, int, int | None], None]  # (what, done so far, total if the CRM says)


@dataclass
class Imported:
    accounts: int = 0
    deals: int = 0
    closed_skipped: int = 0
    unowned: dict[str, int] = field(default_factory=dict)  # CRM user name → deals skipped
    stages: dict[str, str] = field(default_factory=dict)  # CRM stage → ours
    pipeline: tuple[str, ...] = ()  # the CRM's stages, when they became the workspace's
    probabilities: dict[str, Counter] = field(default_factory=dict)  # our stage → CRM deals' values


def our_stage(name: str, probability: int | None, pipeline: pipelines.Pipeline = pipelines.DEFAULT) -> str:
    """The pipeline stage a CRM stage stands for: by name, else by probability.

    >>> our_stage("Proposal/Price Quote", 75), our_stage("Demo booked", 35), our_stage("赢单", 100)
    ('proposal', 'discovery', 'won')
    """
    return pipeline.key_for(name, probability)


def run(app, tenant, client, progress: Progress | None = None) -> Imported:
    """Import every account and open deal of `client`'s CRM into `tenant`."""
    progress = progress or (lambda *_: None)
    result = Imported()
    reader = zoho_pages if isinstance(client, ZohoClient) else fxiaoke_pages
    try:
        crm_pipeline = crm_stages.read(client)
    except Rejected:  # a CRM that will not describe its stages: the pipeline stays as it is
        crm_pipeline = []
    try:
        other_pipelines = crm_stages.others(client)
    except Rejected:
        other_pipelines = {}
    with app.session_factory.begin() as session:
        connection = CrmRepository(session).connection(tenant.id)
        connection.settings = {**connection.settings, "pipelines": other_pipelines}
        adopted = crm_stages.adopt(session, tenant.id, crm_pipeline)
        result.pipeline = tuple(adopted.name(key, "en") for key in (*adopted.open, "won", "lost")) \
            if crm_pipeline and adopted.own else ()
    accounts, deals = reader(client, tenant.currency)
    for page, total in accounts:
        with app.session_factory.begin() as session:
            store_accounts(session, tenant, page)
        result.accounts += len(page)
        progress("accounts", result.accounts, total)
    for page, total in deals:
        with app.session_factory.begin() as session:
            store_deals(session, tenant, page, result)
        progress("deals", result.deals + result.closed_skipped + sum(result.unowned.values()), total)
    with app.session_factory.begin() as session:
        crm_stages.learn_probabilities(session, tenant.id, result.probabilities)
        CrmRepository(session).record_sync(tenant.id, utcnow())
    return result


# storing -----------------------------------------------------------------------------------
def _links(session, tenant_id: int, kind: str, remote_ids: list[str]) -> dict[str, CrmLink]:
    rows = session.scalars(select(CrmLink).where(CrmLink.tenant_id == tenant_id, CrmLink.kind == kind,
                                                 CrmLink.remote_id.in_(remote_ids)))
    return {row.remote_id: row for row in rows}


def store_accounts(session, tenant, page: list[Account], *, update: bool = False) -> None:
    """One page of accounts: customers found by link or name, new ones added, in a few statements
    (one flush for the page, not one per row: 50,000 accounts import in minutes). `update` (an
    account changed in the CRM since): a rename and a new owner are taken too, accounts being the
    CRM's; a rename onto another customer's name is left (the names would merge)."""
    owners = CrmRepository(session).local_of(tenant.id, "member")
    links = _links(session, tenant.id, "customer", [a.id for a in page])
    linked = {c.id: c for c in session.scalars(select(Customer).where(
        Customer.id.in_([row.local_id for row in links.values() if row.local_id])))}
    keys = {name_key(a.name) for a in page if a.name.strip()}
    by_name = {c.name_key: c for c in session.scalars(select(Customer).where(
        Customer.tenant_id == tenant.id, Customer.name_key.in_(keys)))}
    placed = []
    for account in page:
        name = account.name.strip()[:200]
        if not name:
            continue
        link = links.get(account.id)
        customer = linked.get(link.local_id) if link and link.local_id else None
        customer = customer or by_name.get(name_key(name))
        owner = owners.get(account.owner)
        if customer is None:
            customer = Customer(tenant_id=tenant.id, name=name, name_key=name_key(name), owner_id=owner)
            session.add(customer)
            by_name[customer.name_key] = customer
        elif owner and (customer.owner_id is None or update):
            customer.owner_id = owner
        if update and customer.name != name and _free(session, tenant.id, name, customer.id):
            customer.name, customer.name_key = name, name_key(name)
        placed.append((account, customer))
    session.flush()  # the new customers' ids, in one go
    for account, customer in placed:
        link = links.get(account.id)
        if link is None:
            link = CrmLink(tenant_id=tenant.id, kind="customer", remote_id=account.id)
            session.add(link)
            links[account.id] = link
        link.local_id, link.name = customer.id, account.name[:200]
        link.remote_modified_at = account.modified_at or link.remote_modified_at


def _free(session, tenant_id: int, name: str, customer_id: int) -> bool:
    """Whether no other customer has this name (any case or width)."""
    other = session.scalar(select(Customer.id).where(Customer.tenant_id == tenant_id,
                                                     Customer.name_key == name_key(name)))
    return other is None or other == customer_id


def store_deals(session, tenant, page: list[RemoteDeal], result: Imported) -> None:
    """One page of deals: open ones added or brought up to date (a page's new deals in one flush)."""
    repo, deals = CrmRepository(session), DealRepository(session)
    owners = repo.local_of(tenant.id, "member")
    accounts = {remote: row.local_id for remote, row in
                _links(session, tenant.id, "customer", [d.account_id for d in page if d.account_id]).items()
                if row.local_id}
    links = _links(session, tenant.id, "deal", [d.id for d in page])
    existing = {d.id: d for d in session.scalars(select(Deal).where(
        Deal.id.in_([row.local_id for row in links.values() if row.local_id])))}
    now = utcnow()
    pipeline = pipelines.of(session, tenant.id)
    connection = repo.connection(tenant.id)
    other = connection.settings.get("pipelines", {}) if connection else {}
    placed, new = [], []
    for remote in page:
        stage = crm_stages.key_of(pipeline, other, remote.stage, remote.probability, remote.pipeline)
        if remote.probability is not None:
            result.probabilities.setdefault(stage, Counter())[remote.probability] += 1
        if remote.stage and remote.stage not in result.stages:
            result.stages[remote.stage] = stage
            repo.link(tenant.id, "stage", remote.stage[:64], name=stage)
        if stage in ("won", "lost"):
            result.closed_skipped += 1
            continue
        owner = owners.get(remote.owner)
        if owner is None:
            result.unowned[remote.owner_name] = result.unowned.get(remote.owner_name, 0) + 1
            continue
        customer_id = accounts.get(remote.account_id) or _customer_named(session, tenant, remote, owner)
        accounts[remote.account_id] = customer_id
        link = links.get(remote.id)
        deal = existing.get(link.local_id) if link and link.local_id else None
        if deal is None:  # as DealRepository.add makes one, without a flush per deal
            at = remote.created_at or now
            deal = Deal(tenant_id=tenant.id, owner_id=owner, customer_id=customer_id,
                        title=remote.title[:200] or "–", stage=stage, amount=remote.amount,
                        currency=remote.currency, expected_close=remote.close_date,
                        probability=pipeline.probability(stage), furthest_rank=pipeline.rank.get(stage, 0),
                        stage_entered_at=at, created_at=at, updated_at=at)
            session.add(deal)
            new.append(deal)
        else:
            deals.move(deal, stage, None, now)
            deals.set_amount(deal, remote.amount, remote.currency, None, now)
            deal.owner_id, deal.expected_close = owner, remote.close_date
        if remote.probability is not None:
            deal.probability = max(0, min(100, remote.probability))
        placed.append((remote, deal))
        result.deals += 1
    session.flush()
    session.add_all([DealEvent(deal_id=d.id, owner_id=d.owner_id, actor_id=d.owner_id, at=d.created_at,
                               kind="created", to_stage=d.stage, new_amount=d.amount,
                               new_currency=d.currency) for d in new])
    for remote, deal in placed:
        link = links.get(remote.id)
        if link is None:
            link = CrmLink(tenant_id=tenant.id, kind="deal", remote_id=remote.id)
            session.add(link)
            links[remote.id] = link
        link.local_id, link.name = deal.id, remote.title[:200]
        link.remote_modified_at = remote.modified_at or link.remote_modified_at
        link.synced_at = deal.updated_at  # the CRM's: never sent back
        link.content = echo.read(remote, deal.stage)  # what the CRM holds: read again, an echo
    session.flush()


def _customer_named(session, tenant, remote: RemoteDeal, owner: int) -> int:
    customers = CustomerRepository(session)
    name = (remote.account_name or remote.title or "–").strip()[:200]
    customer = customers.exact(tenant.id, name) or customers.add(tenant.id, name, owner)
    if remote.account_id:
        CrmRepository(session).link(tenant.id, "customer", remote.account_id, customer.id, name=name)
    return customer.id
