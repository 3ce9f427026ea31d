"""A customer the member's last message just made, named wrong: `不对，是中兴通讯不是中兴`, `sorry I
meant Acme Corp not Acme`, `i meant globex industries` right after `拜访 中兴：…` made 中兴 (a typo, or
a name typed short). The record is offered, one tap, to the customer meant, and the stray customer
made with it goes with the tap: removed where the customer meant exists, renamed to the name meant
where it does not (never a second new customer beside the stray). The tap is one change: `undo`
takes back the move and the removal (or the new name) together.

A customer is a stray only while the member's latest change (within RECENT, in effect) made it,
and nothing but the one record being put right names it."""
from __future__ import annotations

import re

from handlers.context import Ctx, Said
from handlers.grammar.correction_said import Correction, day_words
from handlers.grammar.normal import name_fold
from handlers.grammar.patterns import pattern
from handlers.lookup import customer_named, known_customers
from handlers.rules.name_likeness import extended_customers, similar_customers
from handlers.sales.last_said import made_with
from handlers.sales.said_again import RECENT, command_for, described, latest_change
from handlers.text.reply import Button, Reply
from storage.models.base import name_key
from storage.models.sales import Customer, Deal, Visit
from storage.sales import CustomerRepository, DealRepository

#: `i meant globex industries`, `sorry, meant Acme Corp`, `no wait it's Globex Industries` (`it's …`
#: only after a word that says it puts something right)
_LEAD = r"(?:no+|nope|sorry|oops|actually|wait|my\s+bad|typo)[\s,.!:]+"
_MEANT_EN = pattern(rf"^(?:{_LEAD})*(?:i\s+)?(?:meant|mean)\s+(?P<name>[^,.!?]+?)[\s.!]*$"
                    rf"|^(?:{_LEAD})+"
                    r"(?:it\s+(?:was|is)|it'?s|should\s+be)\s+(?P<name2>[^,.!?]+?)[\s.!]*$", re.I)
#: `不对，是中兴通讯`, `应该是中兴通讯`, `我说的是中兴通讯`, `客户是中兴通讯`
_MEANT_ZH = pattern(r"^(?:(?:不对|错了|打错了|写错了|说错了|不是)[\s,，。!！]*)*(?:我说的|我指的|客户)?"
                    r"(?:应该是|其实是|是|改成)\s*(?P<name>[^\s,，。!！]+?)[\s。!！]*$")


def stray(ctx: Ctx, customer_id: int) -> Customer | None:
    """The customer `customer_id` where the member's latest change (recent, in effect) made it and
    at most one record names it (the one being put right); else None."""
    change = latest_change(ctx)
    if change is None or change.status != "done" or change.at < ctx.now - RECENT:
        return None
    made = any(row["t"] == "customers" and row["b"] is None and row["a"] is not None
               and row["k"][0] == customer_id for each in made_with(ctx, change) for row in each.rows)
    customer = ctx.session.get(Customer, customer_id) if made else None
    if customer is None or customer.tenant_id != ctx.tenant.id \
            or CustomerRepository(ctx.session).records_of(customer) > 1:
        return None
    return customer


def meant(ctx: Ctx, said: str) -> Correction | None:
    """`i meant globex industries`, `不对，是中兴通讯` (no "not …" said) just after a message that
    made a customer: the name meant, as a correction of that customer; else None."""
    change = latest_change(ctx)
    if change is None or change.status != "done" or change.at < ctx.now - RECENT:
        return None
    made = [row["a"]["name"] for each in made_with(ctx, change) for row in each.rows
            if row["t"] == "customers" and row["b"] is None and row["a"] is not None]
    found = _MEANT_EN.match(said) or _MEANT_ZH.match(said)
    name = found and (found["name"] or found.groupdict().get("name2") or "").strip()
    if len(made) != 1 or not name or len(name) < 2 or re.search(r"\d|[签了吧呢啊嘛]|的$", name) \
            or name.startswith("的") or name.lower() in _NO_NAMES or day_words(said) is not None:
        return None  # `是的`, `no it's fine`, `其实是上周五签的`: no customer's name
    return Correction("customer", name, "", made[0], bool(_MEANT_EN.match(said)))


_NO_NAMES = {"fine", "ok", "okay", "good", "done", "right", "correct", "wrong", "that", "this", "it",
             "all good", "the same", "same", "nothing", "对的", "对", "好的", "没错"}


def offer(ctx: Ctx, row: Deal | Visit, value: str) -> Reply | None:
    """The one-tap offer putting `row` to the customer `value` where its customer is a stray: what
    the tap does to the stray said (removed, or renamed); None where it is no stray."""
    customer = stray(ctx, row.customer_id)

    if customer is None or name_fold(customer.name) == name_fold(value):
        return None
    command = command_for(ctx, row, "customer", value)
    others = [c for c in known_customers(ctx, value) if c.id != customer.id]
    if len(others) > 1:
        return None  # several fit: the command's own question asks which
    if others or not (alike := _alike(ctx, customer, value)):
        key, new = ("stray_move", others[0].name) if others else ("stray_rename", value)
        return Reply(lines=(ctx.t(key, what=described(ctx, row), old=customer.name, new=new),
                            ctx.t("answer_hint_one")), buttons=(Button(command[:75], command),), ok=False)
    lines = [command_for(ctx, row, "customer", name) for name in alike]  # `globex industries` beside
    renaming = command_for(ctx, row, "customer", f"+{value}")  # Globex: that one, or the name kept
    buttons = (*(Button(name[:75], line) for name, line in zip(alike, lines, strict=True)),
               Button(ctx.t("stray_rename_button", new=value)[:75], renaming))
    return Reply(lines=(ctx.t("stray_which", what=described(ctx, row), old=customer.name, new=value,
                              names=" · ".join(alike)), ctx.t("answer_hint", count=len(buttons))),
                 buttons=buttons, ok=False)


def _alike(ctx: Ctx, customer: Customer, name: str) -> list[str]:
    """Other customers' names `name` looks like (`globex industries` → Globex)."""
    names = [(i, n) for i, n in CustomerRepository(ctx.session).names(ctx.tenant.id) if i != customer.id]
    return similar_customers(names, name, limit=2) or extended_customers(names, name)[:2]


def renamed(ctx: Ctx, customer: Customer | None, name: str) -> Customer | None:
    """`customer` (a stray) renamed `name` where no other customer is, or looks like, that name:
    the name meant for it; else None (the record moves to the one named, or that is asked)."""
    force, name = name.strip().startswith("+"), name.strip().lstrip("+").strip()
    if customer is None or not name or name_fold(name) == name_fold(customer.name):
        return None
    repo = CustomerRepository(ctx.session)
    if repo.exact(ctx.tenant.id, name) is not None \
            or any(c.id != customer.id for c in known_customers(ctx, name)):
        return None
    if not force and _alike(ctx, customer, name):
        return None  # `中兴通迅` beside 中兴通讯: which, asked (`+中兴通迅`: the name kept)
    old = customer.name
    customer.name, customer.name_key = name, name_key(name)
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "customer.rename", "customer", customer.id,
                     at=ctx.now, before=old, after=name)
    ctx.notes.append(ctx.t("customer_renamed", before=old, after=name))
    return customer


def removed(ctx: Ctx, customer: Customer | None) -> tuple[str, ...]:
    """The stray `customer`, once nothing names it any more, deleted: its name (none where it
    stays), for the line saying so (`stray_removed`)."""
    if customer is None:
        return ()
    repo = CustomerRepository(ctx.session)
    ctx.session.flush()
    if repo.records_of(customer):
        return ()
    repo.delete(customer)
    return (customer.name,)


def deal_customer(ctx: Ctx, deal: Deal, customer: Customer, name: str, notes: list,
                  changing: bool) -> Customer:
    """`deal #N customer NAME`: the deal moved to the customer `name` means (a stray it was made
    with renamed, or removed once moved off: module doc); its customer now, what was said in `notes`."""
    stray_of = stray(ctx, deal.customer_id) if changing else None
    old_name, new_name = customer.name, renamed(ctx, stray_of, name)
    moved_to = new_name or customer_named(ctx, name)
    if moved_to.id == deal.customer_id and not new_name:
        return customer
    notes.append(Said("deal_recustomered", old=old_name, new=moved_to.name))
    if moved_to.id != deal.customer_id:
        DealRepository(ctx.session).move_to_customer(deal, moved_to, ctx.member.id, ctx.now)
    notes.extend(Said("stray_removed", name=gone) for gone in removed(ctx, None if new_name else stray_of))
    return moved_to
