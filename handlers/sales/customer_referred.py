"""A customer named by a pronoun or a reference (`also open a deal for it, security module 80k`,
`visit them: demo`, `deal this customer "ERP" 50k`, `商机 他们 安全模块 8万`, `拜访 这家：…`): the
customer of the member's last message in this conversation (what it logged or changed, handlers/
sales/last_said.py) when it is minutes old; said back in the reply; where that message named none
(not understood, a list) or none was sent lately, asked, never a customer from further back nor one
whose name begins with a pronoun ("it security module"). A deal's words after the pronoun are its title."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from handlers.context import Ctx
from handlers.grammar import commands as c
from handlers.sales.last_said import last_said
from handlers.text.reply import Reply
from storage.changes import changes_made_by
from storage.models.sales import Customer, Deal, Task, Visit
from storage.sales import CustomerRepository

#: the words that refer to a customer already in the conversation, longest first
_REFERENCES = sorted((("it",), ("them",), ("they",), ("this", "customer"), ("that", "customer"),
                      ("same", "customer"), ("the", "same", "customer"), ("this", "client"),
                      ("that", "client"), ("this", "one"), ("them", "too"), ("他们",), ("他们家",), ("他家",),
                      ("这家",), ("那家",), ("这家客户",), ("这个客户",), ("那个客户",), ("同一个客户",),
                      ("同一家",), ("该客户",), ("它",), ("它们",), ("它家",), ("这个",), ("那个",),
                      ("那家客户",), ("that", "one"), ("this", "account"), ("that", "account")),
                     key=len, reverse=True)
#: how old the last message may be for a reference to take its customer
RECENT = dt.timedelta(minutes=10)
#: a reference in a task's title with no customer (`任务 周五前给这家寄盖章合同`, `task send them the deck`)
_IN_TITLE = re.compile(r"这家客户|这个客户|那个客户|该客户|同一个客户|他们家|这家|那家|他家|他们|她们|对方"
                       r"|(?<!其)他|她"
                       r"|(?<![A-Za-z])(?:(?:this|that)\s+(?:customer|client)|them|they|their|her|him|she|he)"
                       r"(?![A-Za-z'’])", re.I)  # `call her back` after a visit (r31en #11): its customer
#: a person there, said in a task right after its visit (`call her back`, `给他回个电话`)
_PERSON = re.compile(r"他们|她们|对方|他|她|they|their|her|him|she|he", re.I)
_OWNED = {"visits": Visit, "deals": Deal, "tasks": Task}


def _reference(words: tuple[str, ...]) -> int:
    """How many of the first words refer to a customer (0: none)."""
    lowered = tuple(word.lower().strip(",，:：") for word in words)
    return next((len(ref) for ref in _REFERENCES if lowered[:len(ref)] == ref), 0)


def is_reference(words: str) -> bool:
    """Whether `words` are all a reference to a customer (`这家`, `it`), no name."""
    split = tuple(words.split())
    return bool(split) and _reference(split) == len(split)


def _last_customer(ctx: Ctx) -> tuple[Customer | None, str]:
    """The customer of what a line before in this same message logged or changed (`拜访 京东：…
    另外给这家开个商机`: 京东), and "here"; else of what the member's last message here did, within
    the last few minutes, and ""; none where that message changed nothing (not understood, a list:
    never a customer from further back, r25en #138), and "unread" (asked)."""
    if ctx.journaled and (found := _customer_of(ctx, ids=[each.id for each in ctx.journaled])):
        return found, "here"
    said = last_said(ctx)
    if ctx.question == "refused":  # `vist acme …` (asked `visit …?`, kept as no last message) ⏎ `… for it`
        return None, "unread"
    if said is None or _aware(said.at) < ctx.now - RECENT:
        return None, ""
    if said.changes_after > said.changes_before:
        found = _customer_of(ctx, after=said.changes_before, upto=said.changes_after)
        if found is not None:
            return found, ""
    if ctx.question != "answered":
        return None, "unread"
    recent = {"upto": said.changes_after, "since": ctx.now - RECENT, "done": True}
    return _customer_of(ctx, **recent), "recent"  # an offer tapped: read as its message was


def _named_before(ctx: Ctx, commands: list, said: str) -> tuple[Customer, str] | None:
    """The customer a task's own title names before its reference (`宁德时代这家我明天再去一趟`, `make 华为
    tier A and visit them`), the longest name; None where it names none (r27: never the last one's)."""
    titles = [each.title for each in commands if isinstance(each, c.AddTask) and not each.customer]
    before = titles[0][:titles[0].find(said)].lower() if titles and said in titles[0] else ""
    if not before.strip():
        return None
    found = [row for row in CustomerRepository(ctx.session).all_of(ctx.tenant.id)
             if len(row.name) > 1 and row.name.lower() in before]
    return (max(found, key=lambda row: len(row.name)), "here") if found else None


def _aware(at):
    return at if at.tzinfo is not None else at.replace(tzinfo=dt.timezone.utc)


def _customer_of(ctx: Ctx, **which) -> Customer | None:
    """The customer of the member's latest change among those `which` picks (changes_made_by's
    filters) that has one."""
    changes = changes_made_by(ctx.session, ctx.tenant.id, ctx.member.id, newest_first=True, limit=20, **which)
    for change in changes:
        if change.entity == "customers" and change.entity_id:
            found = ctx.session.get(Customer, change.entity_id)
        elif (model := _OWNED.get(change.entity)) is not None and change.entity_id:
            record = ctx.session.get(model, change.entity_id)
            found = ctx.session.get(Customer, record.customer_id) if record and record.customer_id else None
        else:
            found = None
        if found is not None and found.tenant_id == ctx.tenant.id:
            return found
    return None


def _named(command: c.Command, name: str) -> c.Command | None:
    """`command` with the reference to a customer replaced by `name`; None where it has none."""
    if isinstance(command, c.UpsertDeal | c.CloseDeal) and command.ref.deal_id is None \
            and (size := _reference(command.ref.words)):
        title = command.ref.title or " ".join(command.ref.words[size:]) or None
        return replace(command, ref=replace(command.ref, words=(name,), title=title))
    if isinstance(command, c.LogVisit | c.AddTask) and command.customer \
            and _reference(words := tuple(command.customer.split())) == len(words):
        return replace(command, customer=name)
    if isinstance(command, c.SetCustomer) and _reference(words := tuple(command.name.split())) == len(words):
        return replace(command, name=name)  # `这个客户设成A类`: never a customer named "这个"
    if isinstance(command, c.AddTask) and not command.customer and command.deal_id is None \
            and _IN_TITLE.search(command.title):  # the title kept as said (`给这家寄盖章合同`)
        return replace(command, customer=name)
    return None


def referred(ctx: Ctx, command: c.Command | c.ParseError) -> c.Command | c.ParseError | Reply:
    """`command` with a customer said as `it`/`这家` named (the reply says which), a question when
    the conversation names none; `command` itself where no customer is referred to. A deal said
    as a list after the reference (`a deal for it, security module 80k`) needs no question about its
    title: the customer is the one referred to, the words after it the title."""
    options = command.options if isinstance(command, c.ParseError) else ()
    commands = [option[2] for option in options] if options else [command]
    said = next((_said(each) for each in commands if isinstance(each, c.Command) and _named(each, "?")), None)
    if said is None or _a_name(ctx, commands):
        return command  # `deal It Security "ERP"`: a customer so named is that customer
    customer, where = _named_before(ctx, commands, said) or _last_customer(ctx)
    if customer is None and _PERSON.fullmatch(said) and all(isinstance(each, c.AddTask) for each in commands):
        return command  # `call her back`, no customer lately: a task kept with none (never `拜访 他们`)
    if customer is None:  # `vist acme …` ⏎ `a deal for it`: the message before was not read, so asked
        return Reply(lines=(ctx.t(f"customer_referred_{where or 'none'}", said=said),), ok=False)
    ctx.notes.append(ctx.t(f"customer_referred_{where}".rstrip("_"), said=said, name=customer.name))
    if not options:
        return _named(command, customer.name)
    if command.problem == "comma_title" and isinstance(options[0][2], c.Command):
        return _named(options[0][2], customer.name) or options[0][2]
    return replace(command, options=tuple(
        (label, text.replace(said, customer.name, 1), _named(each, customer.name) or each)
        if isinstance(each, c.Command) else (label, text, each) for label, text, each in options))


def _a_name(ctx: Ctx, commands: list) -> bool:
    """Whether the words said as a reference are a known customer's whole name (`It Security`)."""
    words = {" ".join(_words(each)).lower() for each in commands
             if isinstance(each, c.Command) and _named(each, "?")}
    return CustomerRepository(ctx.session).any_named(ctx.tenant.id, words)


def _said(command: c.Command) -> str:
    """The words of `command` that refer to a customer, as typed (`it`, `这家`)."""
    if isinstance(command, c.AddTask) and not command.customer:
        return _IN_TITLE.search(command.title)[0]
    words = _words(command)
    return " ".join(words[:_reference(words)])


def _words(command: c.Command) -> tuple[str, ...]:
    """The words of `command` that name its customer."""
    if hasattr(command, "ref"):
        return command.ref.words
    return tuple(((command.name if isinstance(command, c.SetCustomer) else command.customer) or "").split())


def out_of_reach(ctx: Ctx, said: c.ParseError) -> bool:
    """Whether the one customer a tier said in words names is one the asker may not change (`格力
    这家改成B类` by a rep, 格力 another rep's): refused as the command is, never offered then refused."""
    from handlers.context import Refusal
    from handlers.grammar.reading import read
    from handlers.lookup import in_reach, known_customers

    if said.problem != "tier_said":
        return False
    found = known_customers(ctx, getattr(read(said.options[0][1], ctx.today).command, "name", "") or "")
    try:
        return len(found) == 1 and in_reach(ctx, found[0]) is None
    except Refusal:
        return True
