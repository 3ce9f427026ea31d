"""Turning customer and deal names in a message into rows, and whose customer the asker may change.

A customer name close to a known one (`handlers/rules/name_likeness.py`) is asked about, never created."""
from __future__ import annotations

import re
from dataclasses import replace

from handlers.command_word_name import command_word_name, day_name
from handlers.context import Ctx
from handlers.grammar.change_said import field_label, starts_with_change
from handlers.grammar.commands import CloseDeal, DealRef, LogVisit, UpsertDeal
from handlers.grammar.customer_swapped import with_customer
from handlers.grammar.intents import usage
from handlers.grammar.normal import name_fold
from handlers.grammar.patterns import pattern
from handlers.grammar.reason_day import day_asked
from handlers.grammar.title_words import as_titled
from handlers.known_names import (
    known_customers,
    known_lead,
    lead_placed,
    name_words_only,
    rest_fits,
    taken_as,
)
from handlers.members import not_a_member
from handlers.rules.name_likeness import core_name, extended_customers, similar_customers
from handlers.text.reply import Button
from storage.deals_found import closed_deals_of_customer
from storage.models.base import name_key
from storage.models.sales import Customer
from storage.models.workspace import Member
from storage.sales import CustomerRepository

_CJK = pattern(r"[\u3400-\u9fff]")


def customer_named(ctx: Ctx, name: str) -> Customer:
    """The customer `name` means: an exact or single partial match, else a new one (noted in ctx).
    A name close to an existing customer's (`Acme Crop`, `华为技术`) is asked about, not created;
    `+NAME` creates it anyway (what the "new customer" button sends)."""
    force = name.strip().startswith("+")
    name = name.strip().lstrip("+").strip()
    repo = CustomerRepository(ctx.session)
    found = repo.find(ctx.tenant.id, name) if force else known_customers(ctx, name)
    if len(found) == 1:
        taken_as(ctx, name, found[0])  # `ACME` → Acme Corp: said which was used
        return found[0]
    if found:
        raise _candidates(ctx, name, found)
    if not force and (parts := joined_known(ctx, name)):  # `比亚迪 + 美的`, `Initech n Globex`
        raise _ask_joined(ctx, name, parts, known=True)  # one each, never a new joined name
    lead = None if force else known_lead(ctx, name)  # `huawei new`: 华为's, the words in their field
    if lead is not None and rest_fits(ctx.command):
        return lead_placed(ctx, name, *lead)
    similar = [] if force else similar_customers(repo.names(ctx.tenant.id), name)
    if similar:
        raise _ask_similar(ctx, name, similar)
    if not force and "=" in name and (parts := [p.strip() for p in name.split("=") if p.strip()]):
        # `customer BYD = 比亚迪`: a second name for one customer is no new customer's name
        known = [f.name for part in parts for f in repo.find(ctx.tenant.id, part)][:3]
        raise _ask_similar(ctx, name, list(dict.fromkeys(known)), new_name=parts[0])
    if not force and (longer := extended_customers(repo.names(ctx.tenant.id), name)):
        raise _ask_similar(ctx, name, longer)  # `格力电器` beside 格力, `wayne closed` beside Wayne Ent.
    if not force and len(parts := _JOINED.split(_IN_NAME.sub("", name))) > 1 \
            and all(p.strip() for p in parts):
        raise _ask_joined(ctx, name, [p.strip() for p in _JOINED.split(name)])  # `A&B Ltd.`: one name
    if lead is not None:  # `customer 联想 需求确认`: no field for the words, asked as a look-alike
        raise _ask_similar(ctx, name, [lead[0].name])
    if (label := not force and field_label(name)) or starts_with_change(name):  # `客户`, `改成45次`: a
        raise ctx.refuse("name_is_a_label" if label else "name_is_a_change", name=name)  # change, a label
    not force and not_a_member(ctx, name)  # `给张伟开个商机 …`: a member is never a new customer
    not force and command_word_name(ctx, name)  # `visit target 46`: the visits target? asked
    not force and day_name(ctx, name)  # `拜访 本周`: the week's visits? asked
    customer = repo.add(ctx.tenant.id, name, ctx.member.id, created_at=ctx.now)
    ctx.created_customers.append(customer.name)
    return customer


def customer_and_title(ctx: Ctx, words: tuple[str, ...]) -> tuple[Customer, str | None]:
    """Split `华为 ERP项目` or `Acme Corp` into a customer and a title.

    All the words may name a customer (exactly or as the only partial match); else the longest
    leading run that is exactly a customer's name wins and the rest is the title when it is
    Chinese (`华为 ERP项目`); an English rest is asked about (titles go in quotes: `deal Acme Corp
    "ERP rollout"`), as it may be a stage that does not exist. For an unknown customer the first
    word is the name when it is Chinese (names have no spaces), else all words are.
    """
    repo = CustomerRepository(ctx.session)
    if words and words[0].startswith("+"):  # a new customer, confirmed
        return customer_named(ctx, " ".join(words)), None
    found = known_customers(ctx, " ".join(words))  # `huawei`: 华为 beside Huawei Cloud
    if len(found) > 1:
        raise _candidates(ctx, " ".join(words), found)
    if found:
        taken_as(ctx, " ".join(words), found[0])  # `deal ACME 10k`: Acme Corp's, said
        return found[0], None
    for size in range(len(words) - 1, 0, -1):
        lead = " ".join(words[:size])
        exact = repo.exact(ctx.tenant.id, lead)
        if exact is None:  # `deal acme erp …`: Acme Corp's (deal titled erp? asked, never a new
            # `acme erp`); a short lead only as a name or alias said whole (`deal jd 数据平台`: 京东's)
            known = known_customers(ctx, lead, whole=len(lead) < 3 and not _CJK.search(lead))
            exact = known[0] if len(known) == 1 else None
            if exact is not None:
                taken_as(ctx, lead, exact)
        if exact:
            rest = as_titled(ctx.command, lambda c=exact.id: open_deals(ctx, c), " ".join(words[size:]))
            if isinstance(ctx.command, CloseDeal) and not ctx.command.reason \
                    and not any(name_fold(rest) in name_fold(d.title) for d in open_deals(ctx, exact.id)):
                return exact, rest  # `lost Acme budget cut`: no deal's title, so why (on which deal?)
            if not _CJK.search(rest) and not _title_plain(ctx, exact, rest, exact.name == lead):
                if isinstance(ctx.command, UpsertDeal):  # `deal wayne renewal 80k` beside its 续约:
                    _ask_title_or_deal(ctx, exact, rest)  # that deal, or a new one? never a bare yes
                quoted = ctx.text.replace(rest, f'"{rest}"', 1)
                titled = with_customer(ctx.command, " ".join(words), exact.name)
                action = titled and replace(titled, ref=replace(titled.ref, title=rest))
                buttons = [Button(quoted[:75], quoted, action=action)] if rest in ctx.text else []
                if isinstance(ctx.command, CloseDeal) and f" {rest}" in ctx.text:
                    said = ctx.text.replace(f" {rest}", f": {rest}", 1)  # `lost Acme price too high`,
                    reason = said[said.index(f": {rest}") + 2:]  # `lost globex 😞 they went w/ SAP, …`
                    colon = ctx.command.reason and re.search("[:：]", ctx.text)  # `… trial: why`: title 1st
                    action = None if day_asked(said, ctx.today) else replace(  # a day in it: asked on a tap
                        ctx.command, ref=replace(ctx.command.ref, words=(exact.name,)), reason=reason)
                    buttons.insert(len(buttons) if colon else 0, Button(said[:75], said, action=action))
                key = "reason_or_a_title" if isinstance(ctx.command, CloseDeal) and len(buttons) > 1 \
                    else "title_in_quotes"
                raise ctx.refuse(key, text=rest, customer=exact.name, buttons=tuple(buttons))
            return exact, rest
    if len(words) > 1 and _CJK.search(words[0]):
        return customer_named(ctx, words[0]), " ".join(words[1:])
    return customer_named(ctx, " ".join(words)), None


def _ask_title_or_deal(ctx: Ctx, customer: Customer, rest: str) -> None:
    """Words after a customer that are no stage (`deal wayne renewal 80k` where Wayne's open deal
    is titled 续约; `deal hooli reopen`): one button for each of the asker's open deals with the
    customer (the message run on it), and a new deal titled so, said as new. Asked only where the
    asker has such deals; `yes` picks none of them (`Reply.which`)."""
    from handlers.text import format as fmt
    from handlers.text.strings import STAGE_NAMES, WORDS, name_of

    mine = [d for d in open_deals(ctx, customer.id) if d.owner_id == ctx.member.id][:4]
    if not mine and _REOPEN.fullmatch(rest):  # `deal hooli reopen`: a verb, no title
        mine = _closed_deals(ctx, customer.id)
        reopen = [f"{name_of(WORDS, 'deal', ctx.locale)} #{d.id} {ctx.t('reopen_word')}" for d in mine]
        if mine:
            refusal = ctx.refuse("reopen_which", customer=customer.name, buttons=tuple(
                Button(f"#{d.id} {d.title}: {name_of(STAGE_NAMES, d.stage, ctx.locale)}"[:75], said)
                for d, said in zip(mine, reopen, strict=True)))
            refusal.reply = replace(refusal.reply, which=True)
            raise refusal
    if not mine:
        return
    command = ctx.command
    buttons = [Button(f"#{d.id} {d.title}: {name_of(STAGE_NAMES, d.stage, ctx.locale)}, "
                      f"{fmt.money(d.amount, d.currency, ctx.locale)}"[:75],
                      " ".join(ctx.text.replace(rest, "", 1).split()) if rest in ctx.text else ctx.text,
                      action=replace(command, ref=DealRef(d.id))) for d in mine]
    titled = replace(command, ref=DealRef(None, (customer.name,), rest), new=True)
    said = ctx.text.replace(rest, f'"{rest}"', 1) if rest in ctx.text else ctx.text
    buttons.append(Button(ctx.t("title_or_deal_new", title=rest)[:75], said, action=titled))
    refusal = ctx.refuse("title_or_deal", text=rest, customer=customer.name, buttons=tuple(buttons),
                         deals=" · ".join(f"#{d.id} {d.title}" for d in mine))
    refusal.reply = replace(refusal.reply, which=True)
    raise refusal


_REOPEN = pattern(r"re-?open(?:ed)?|revive|restart", re.I)


def _closed_deals(ctx: Ctx, customer_id: int) -> list:
    return closed_deals_of_customer(ctx.session, ctx.tenant.id, ctx.member.id, customer_id=customer_id,
                                    limit=4)


def _title_plain(ctx: Ctx, customer: Customer, rest: str, named: bool) -> bool:
    """Whether `rest` after a customer's name can only be a title: an open deal of that customer
    has it (`deal Acme CRM proposal 90k` for Acme's "CRM"), or the customer was named in full
    (`named`) and the message gave a stage beside it (`deal Hooli analytics lead 25k`), so it is
    no stage (and no rest of a mistyped name: `deal Acme Crop proposal` is still asked)."""
    if open_deals(ctx, customer.id, rest):
        return True
    return named and isinstance(ctx.command, UpsertDeal) and ctx.command.stage is not None


def open_deals(ctx: Ctx, customer_id: int, title: str | None = None) -> list:
    """The customer's open deals, those titled `title` only when given: titles compared as names
    are (`設備聯網` = `设备联网`, `CRM` = `crm.`)."""
    from storage.sales import DealRepository

    deals = DealRepository(ctx.session).open_for_customer(customer_id)
    return [d for d in deals if name_fold(d.title) == name_fold(title)] if title else deals


def _ask_similar(ctx: Ctx, name: str, similar: list[str], new_name: str | None = None):
    """“Acme Corp, or a new customer?” with buttons that run the message again either way (the
    command itself with the customer changed; the text to type where there are no buttons)."""
    choices = [(other, other, other) for other in similar]
    new_name = new_name or name
    choices.append((ctx.t("new_customer_button", name=new_name), f"+{new_name}", f"+{new_name}"))
    said = _spaced(ctx.text, name)
    typed = name in said
    buttons = tuple(_keeping_words(ctx, name, customer) or
                    Button(label, said.replace(name, text, 1) if typed else label,
                           action=with_customer(ctx.command, name, customer))
                    for label, text, customer in choices)
    offer = typed or all(b.action is not None for b in buttons)
    key = "customer_equals" if "=" in name else "customer_similar"
    return ctx.refuse(key, name=name, names=" · ".join(similar + [f"+{new_name}"]) if key == "customer_equals"
                      else " · ".join(similar),
                      buttons=buttons if offer else ())


def _spaced(text: str, name: str) -> str:
    """`text` with `name` in it as read: `客户联想需求确认` holds `联想 需求确认` (read unglued)."""
    glued = name.replace(" ", "")
    if name in text or glued == name or glued not in text:
        return text
    at = text.index(glued)
    return f"{text[:at].rstrip()} {name} {text[at + len(glued):].lstrip()}".strip()


def _keeping_words(ctx: Ctx, name: str, other: str) -> Button | None:
    """`visit Acme Corp met Tony, …` offered as Acme Corp keeps `met Tony` as notes (an offer
    never drops a word); None where `name` is not `other` and more, or not a visit."""
    if not isinstance(ctx.command, LogVisit) or name not in ctx.text or core_name(name) == core_name(other):
        return None  # `Acme Corp Inc` is Acme Corp: the suffix is no note
    said, theirs = name.split(), other.split()
    if len(said) > len(theirs) and name_key(" ".join(said[:len(theirs)])) == name_key(other):
        extra = " ".join(said[len(theirs):])
    elif len(name) > len(other) and name_fold(name[:len(other)]) == name_fold(other) \
            and _CJK.match(name, len(other)):
        extra = name[len(other):].strip()  # `拜访华为见了CIO聊了云迁移`: 华为, notes 见了CIO聊了云迁移
    else:
        return None
    if name_words_only(extra):  # `格力电器` beside 格力: the whole name is 格力, or a new customer
        return None
    notes = ", ".join(p for p in (extra, ctx.command.notes) if p)
    colon = "：" if _CJK.search(extra) else ": "
    text = ctx.text.replace(name, f"{other}{colon}{extra}", 1).replace(f"{extra}:", f"{extra}", 1)
    return Button(other, text, action=replace(ctx.command, customer=other, notes=notes, unsplit=False))


#: Between two customers' names: `京东和联想`, `Acme & Globex`, `Acme and Globex`, `A/B`.
_JOINED = pattern(r"\s*(?:和|与|與|及|、|&|\+|/|;|；|\band\b)\s*", re.IGNORECASE)


#: The same, and the words said for "and" only between two known customers' names (`Initech n
#: Globex`, `华为跟腾讯`): one message each is asked about, never notes `n Globex`
_AND_KNOWN = pattern(r"\s*(?:和|与|與|及|、|跟|同|&|\+|/|;|；|\band\b|(?<![\w'’])n(?![\w'’]))\s*",
                     re.IGNORECASE)
AND_WORDS = frozenset("n and & + / 和 与 與 及 、 跟 同".split())


#: `&` between two letters with no space (`A&B Ltd.`, `AT&T`, `P&G`): part of one company's name
_IN_NAME = pattern(r"(?<=[A-Za-z0-9])&(?=[A-Za-z0-9])")


def joined_known(ctx: Ctx, name: str) -> list[str] | None:
    """The customers `name` joins (`haier + midea`, `比亚迪、美的`, `Initech n Globex`), where it
    is two or more names of known customers joined by an "and" word or mark; else None."""
    parts = [p.strip() for p in _AND_KNOWN.split(name.strip())]
    if len(parts) > 1 and all(p and known_customers(ctx, p) for p in parts):
        return parts
    return None


def _ask_joined(ctx: Ctx, name: str, parts: list[str], *, known: bool = False):
    """`拜访 京东和联想：联合会议`: one new customer of that name, or one message per customer? Where
    each part is a customer of ours (`known`), one message each is the only offer."""
    if known and isinstance(ctx.command, LogVisit) and (own := _visits_each(ctx, parts)) is not None:
        return own
    buttons = []
    if name in ctx.text:
        each = "\n".join(ctx.text.replace(name, part, 1) for part in parts)
        buttons.append(Button(ctx.t("each_customer_button", count=len(parts)), each))
        if not known:
            buttons.append(Button(ctx.t("new_customer_button", name=name),
                                  ctx.text.replace(name, f"+{name}", 1),
                                  action=with_customer(ctx.command, name, f"+{name}")))
    return ctx.refuse("customer_joined_known" if known else "customer_joined", name=name,
                      names=" · ".join(parts), buttons=tuple(buttons))


def _visits_each(ctx: Ctx, parts: list[str]):
    """`visited Globex and Initech today. Globex demo next tue, Initech follow up fri`: a visit to
    each, each with the clauses that name it as notes and its own follow-up, offered as one line
    each; None unless every customer has clauses of its own."""
    from handlers.grammar.unsaid_kinds import visits_each

    each = visits_each(ctx.text, parts, bool(re.search(r"[\u3400-\u9fff]", ctx.text)), ctx.today, told=True)
    if each is None:
        return None
    label, lines, several = each.options[0]
    return ctx.refuse("visits_each_said", text=each.detail, hint=f"1. {lines}\n{ctx.t('answer_hint_one')}",
                      buttons=(Button(ctx.t(f"option_{label}"), lines, action=several),))


def _candidates(ctx: Ctx, name: str, found: list[Customer]):
    """“Several customers match acme”: one numbered tap per customer, each running the message
    again with that customer (`1`, the name, or the tap answers it)."""
    said = _spaced(ctx.text, name)
    typed = name in said
    buttons = tuple(Button(c.name, said.replace(name, c.name, 1) if typed else c.name,
                           action=with_customer(ctx.command, name, c.name)) for c in found[:5])
    offer = typed or all(b.action is not None for b in buttons)
    return ctx.refuse("customer_candidates", name=name, hint=" · ".join(c.name for c in found),
                      buttons=buttons if offer else ())


def in_reach(ctx: Ctx, customer: Customer) -> Customer:
    """`customer` when the asker may change it: their own or nobody's, any for an admin, and for
    a manager those of people in the teams they manage; else a refusal naming the owner."""
    owner_id = customer.owner_id
    if ctx.is_admin or owner_id in (None, ctx.member.id):
        return customer
    owner = ctx.session.get(Member, owner_id)
    if ctx.is_manager and ctx.people.share_a_team(ctx.member.id, owner_id):
        return customer
    if not ctx.is_manager:
        raise ctx.refuse("not_your_customer", customer=customer.name, owner=owner.display_name)
    raise ctx.refuse("customer_other_team", customer=customer.name, owner=owner.display_name)


def example(ctx: Ctx, topic: str, index: int = 0) -> str:
    return usage(topic, ctx.locale)[index]
