"""Messages as reps and managers type them on a phone, in both languages, with typos, stray words,
emoji and every separator: each is either stored exactly as meant, or refused/asked about with
nothing stored. None may end in "stored something else".

Each case runs in a workspace of its own that already has the customers Acme Corp and 华为 and
one open deal (Acme Corp · "ERP" · Proposal · ¥50K); "today" is Mon 2026-11-23.
"""
import itertools
from decimal import Decimal

import pytest
from sqlalchemy import select

from storage.models.sales import Customer, Deal, Visit
from storage.models.team import Target
from storage.models.workspace import Tenant
from support import Chat

FRI, TUE = "2026-11-27", "2026-11-24"
ASKED = "asked"  # refused or asked about: nothing stored
NOTHING = "nothing"  # answered (a report, a list): nothing stored


def visit(customer, notes="", follow_up=None):
    return ("visit", customer, notes, follow_up)


def deal(customer, title, stage, amount, currency="CNY"):
    return ("deal", customer, title, stage, Decimal(amount) if amount is not None else None, currency)


CASES = [
    # visits, English: separators, follow-ups anywhere, known customers before notes
    ("visit Acme Corp: met the CTO, demo next Tue; follow up Fri",
     visit("Acme Corp", "met the CTO, demo next Tue", FRI)),
    ("visit Acme Corp：met CTO", visit("Acme Corp", "met CTO")),
    ("visit Acme Corp - met CTO", visit("Acme Corp", "met CTO")),
    ("visit Acme Corp — met CTO", visit("Acme Corp", "met CTO")),
    ("visit Acme Corp; follow up fri", visit("Acme Corp", "", FRI)),
    ("visit Acme Corp met the CTO", visit("Acme Corp", "met the CTO")),
    ("visit Acme Corp met the CTO follow up fri", visit("Acme Corp", "met the CTO", FRI)),
    ("visit acme corp: demo", visit("Acme Corp", "demo")),
    ("visit ACME CORP, pricing talk", visit("Acme Corp", "pricing talk")),
    ("visit Acme Corp: demo 🎉", visit("Acme Corp", "demo 🎉")),
    ("visit Acme Corp: demo; next: send quote; follow up tomorrow", visit("Acme Corp", "demo", TUE)),
    ("visit Initech; follow up fri", visit("Initech", "", FRI)),
    ("visit Globex", visit("Globex")),
    ("visit Acme Crop: demo", ASKED),  # a typo of a customer's name
    ("visit Acme Corp Inc: demo", ASKED),  # the same company, by its suffix
    ("visit 🚀 Acme Corp: demo", visit("Acme Corp", "demo")),  # the emoji is no part of a name
    ("visit Big Blue Corp pricing talk", ASKED),  # which words are the customer?
    ("visit Acme Corp: demo; follow up someday", ASKED),
    ("vist Initech: demo", ASKED),
    ("visti Acme Corp: demo", ASKED),
    ("visit", ASKED),
    ("visit : demo", ASKED),
    # visits, Chinese
    ("拜访 华为：见了采购总监，下周二演示；跟进 周五", visit("华为", "见了采购总监，下周二演示", FRI)),
    ("拜访 华为 见了客户 跟进 周五", visit("华为", "见了客户", FRI)),
    ("拜访华为：见面", visit("华为", "见面")),
    ("拜访 华为，谈了价格", visit("华为", "谈了价格")),
    ("拜访 中国移动：首次拜访", visit("中国移动", "首次拜访")),
    ("拜访 华为技术有限公司：见面", ASKED),
    ("visit Huawei: demo", visit("华为", "demo")),  # 华为 by its English name (handlers/grammar/brands.py)
    ("visit huawei tech: demo", ASKED),  # a suffix to a brand is asked about, as 华为技术有限公司 is
    ("拜方 华为：见面", ASKED),
    ("拜访", ASKED),
    # deals
    ('deal Acme Corp "Support" proposal 50k close 12/20', deal("Acme Corp", "Support", "proposal", 50000)),
    ('deal Globex "Support" proposal 50kk', ASKED),
    ("deal Globex propsal 50k", ASKED),
    ("deal Acme Corp negotiaton", ASKED),
    ("deal Acme Corp proposal lots-of-money", ASKED),
    ('deal Acme Corp "Cloud" proposal 50k usd', deal("Acme Corp", "Cloud", "proposal", 50000, "USD")),
    ('deal Acme Corp "Cloud" proposal $50k', deal("Acme Corp", "Cloud", "proposal", 50000, "USD")),
    ('deal Acme Corp "Cloud" proposal 50k dollars', deal("Acme Corp", "Cloud", "proposal", 50000, "USD")),
    ('deal Acme Corp "Cloud" proposal 50k euros', deal("Acme Corp", "Cloud", "proposal", 50000, "EUR")),
    ('deal Acme Corp "Cloud" proposal €50k', deal("Acme Corp", "Cloud", "proposal", 50000, "EUR")),
    ('deal Acme Corp "Cloud" proposal 50k pesos', ASKED),
    ('deal "Big 4 Ltd" "Support" proposal 50k', deal("Big 4 Ltd", "Support", "proposal", 50000)),
    ('deal "3M" "Support" lead', deal("3M", "Support", "lead", 0)),
    ('deal 3M "Support" proposal 50k', ASKED),  # 3M is a name or 3 million: asked, offered quoted
    ("deal 3M proposal", ASKED),
    ('deal "Big 4" Ltd proposal', ASKED),
    ('商机 华为 "云" 方案 5万港币', deal("华为", "云", "proposal", 50000, "HKD")),
    ('商机 华为 "云" 方案 5万 美元', deal("华为", "云", "proposal", 50000, "USD")),
    ('deal Acme Corp "Cloud" proposal 50k 60k', ASKED),
    ('deal Acme Corp "Cloud" proposal $50k rmb', ASKED),
    ('deal Acme Corp "Cloud" proposal close someday', ASKED),
    ('deal Acme Corp "Renewal" negotiation 1.2m', deal("Acme Corp", "Renewal", "negotiation", 1200000)),
    ("deal Acme Corp qualification", deal("Acme Corp", "ERP", "discovery", 50000)),  # a CRM stage name
    ("deal Acme Corp qualifcation", ASKED),  # a stage misspelt: offered corrected
    ("deal Acme Crop proposal", ASKED),
    ("deal #1 negotiation", deal("Acme Corp", "ERP", "negotiation", 50000)),
    ("deal #1 60k", deal("Acme Corp", "ERP", "proposal", 60000)),
    ("商机 华为 ERP项目 方案呈现 5万 预计 12月20日", deal("华为", "ERP项目", "proposal", 50000)),
    ("商机 华为 ERP项目 方案呈献 5万", ASKED),
    ("商机 华为 商务谈叛", ASKED),
    ("商机 华为 云服务 5万元", deal("华为", "云服务", "lead", 50000)),
    ("商机 华为 云服务 5万万", ASKED),
    # wins and losses
    ("won Acme Corp 48k: beat them on delivery time", deal("Acme Corp", "ERP", "won", 48000)),
    ("won Acme Corp 48kk", ASKED),
    ("won Acme Corp 48k maybe", ASKED),
    ("lost Acme Corp: price too high", deal("Acme Corp", "ERP", "lost", 50000)),
    ("赢单 华为 4.8万：交付周期短", deal("华为", "华为", "won", 48000)),
    ("输单 华为 4.8万万", ASKED),
    # customers
    ("customer Acme Corp tier A", ("customer", "Acme Corp", "A")),
    ("客户 华为 A类", ("customer", "华为", "A")),
    ("customer Acme Corp owner Bo", ASKED),
    ("customer Acme Crop tier B", ASKED),
    # reports, lists and chat that store nothing
    ("progress", NOTHING),
    ("进度 团队", NOTHING),
    ("customers", NOTHING),
    ("followups", NOTHING),
    ("progres", ASKED),
    ("leaderbord month", ASKED),
    ("pipline", ASKED),
    ("hello there", ASKED),
    ("👍", ASKED),
    ("done 999", ASKED),
]
TENANTS = itertools.count()


def snapshot(session_factory, tenant: str):
    with session_factory() as s:
        tenant_id = s.scalar(select(Tenant.id).where(Tenant.external_id == tenant))
        rows = s.scalars(select(Customer).where(Customer.tenant_id == tenant_id)).all()
        customers = {(c.name, c.tier) for c in rows}
        names = {c.id: c.name for c in rows}
        visits = {("visit", names[v.customer_id], v.notes, v.follow_up_on and v.follow_up_on.isoformat())
                  for v in s.scalars(select(Visit).where(Visit.tenant_id == tenant_id))}
        deals = {("deal", names[d.customer_id], d.title, d.stage, d.amount, d.currency)
                 for d in s.scalars(select(Deal).where(Deal.tenant_id == tenant_id))}
        targets = s.scalars(select(Target.id).where(Target.tenant_id == tenant_id)).all()
    return customers, visits | deals, len(targets)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_a_phone_typed_message_is_stored_as_meant_or_asked_about(session_factory, text, expected):
    tenant = f"phone{next(TENANTS)}"
    chat = Chat(session_factory, tenant)
    chat.team()
    for setup in ("visit Acme Corp: intro", "拜访 华为：初次见面", 'deal Acme Corp "ERP" proposal 50k'):
        assert chat.reply(setup, user="Ana").ok
    customers, rows, targets = snapshot(session_factory, tenant)
    reply = chat.reply(text, user="Ana")
    after_customers, after_rows, after_targets = snapshot(session_factory, tenant)
    if expected in (ASKED, NOTHING):
        assert reply.ok == (expected == NOTHING), reply.text
        assert (after_customers, after_rows, after_targets) == (customers, rows, targets), reply.text
        if expected == ASKED:
            assert reply.text.strip()
        return
    assert reply.ok, reply.text
    if expected[0] == "customer":
        assert (expected[1], expected[2]) in after_customers
        assert after_rows == rows
        return
    new = after_rows - rows
    if expected[0] == "deal" and not new:
        raise AssertionError(f"nothing stored: {reply.text}")
    changed = {row for row in new if row[0] == expected[0]}
    assert changed == {expected}, reply.text
    added = {name for name, _tier in after_customers - customers}
    assert added <= {expected[1]}  # a new customer only when it is the one meant

