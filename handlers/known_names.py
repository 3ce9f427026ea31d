"""Which known customer a message's name words mean, in one place for visits, deals, wins and
losses, and tasks (issue #23): the customers a name names (`known_customers`), and a known name or
alias with more words after it (`huawei new`, `华为 新`): that customer, the rest for a field of
the command (`known_lead`), never a new customer made of a known name and words.

A word after the name that goes on a company's name (`globex corp`, `华为 云`) may be another
company: no lead is read there, and the name is asked about as any unknown one is
(`lookup.customer_named`)."""
from __future__ import annotations

import re
from dataclasses import replace

from handlers.context import Ctx
from handlers.free_text import as_typed
from handlers.grammar.brands import brand_of
from handlers.grammar.commands import CloseDeal, DealRef, LogVisit, UpsertDeal
from handlers.grammar.normal import name_fold
from handlers.grammar.parse_visits import NAME_PART_ZH
from handlers.grammar.patterns import pattern
from handlers.rules.name_likeness import abbreviated_customers, core_name, suffixed
from handlers.text.reply import Button
from storage.models.sales import Customer
from storage.sales import CustomerRepository

_CJK = pattern(r"[\u3400-\u9fff]")

#: Words that go on a company's name (`… International`, `… Logistics`): no notes after a name
NAME_WORDS = pattern(r"(?:international|intl|global|group|grp|holdings?|partners|labs?|systems|solutions|"
                     r"industries|enterprises|services|logistics|bank|capital|china|asia|europe|usa|us|uk|"
                     r"inc|ltd|llc|corp|corporation|co|company|limited|gmbh|plc|tech|technology|technologies|"
                     r"cloud|software|motors?|electric|energy|media|networks?|digital)\.?,?", re.I)
#: The same in Chinese (`华为 云` is 华为云, `美的 集团` 美的集团): the word may be part of a name
_NAME_WORDS_ZH = pattern(r"(?:云|集团|科技|技术|公司|股份|有限|控股|国际|中国|电器|物流|电子|软件|网络|信息|"
                         r"实业|汽车|医疗|医药|制造|工业|贸易|地产|能源|通信|智能|银行|保险|证券)\S*")


def name_words_only(words: str) -> bool:
    """Whether `words` after a known name only go on a company's name (`电器` of 格力电器, `Logistics`):
    another company's name, never a visit's notes.

    >>> name_words_only("电器"), name_words_only("Logistics Inc"), name_words_only("电器 开会")
    (True, True, False)
    """
    said = words.split()
    return bool(said) and all(NAME_WORDS.fullmatch(w) or NAME_PART_ZH.fullmatch(w) for w in said)


#: Between two names (`acme and globex`, `华为 和 京东`, `acme; globex`): no lead of one of them
_JOINED_IN = pattern(r"[;；&+/、]|(?<![\w'’])(?:and|n|x)(?![\w'’])|\s(?:和|与|與|及|跟|同)\s", re.I)
#: A word after the name that says the deal is a new one (`deal huawei new "3yr license"`)
NEW_WORDS = pattern(r"new|another|新|新的|新建|另一个|又一个", re.I)


def known_customers(ctx: Ctx, name: str, whole: bool = False) -> list[Customer]:
    """The customers `name` names: exactly, the same but for punctuation or script (`acme corp.`,
    `華為`), by a declared brand (`tencent` for 腾讯, handlers/grammar/brands.py), else as part of
    their name (`ACME` for Acme Corp). A name or alias said whole wins over customers whose names
    only start with it: `huawei` is 华为 beside Huawei Cloud, `acme` Acme beside Acme Logistics.
    `whole`: only customers the name names whole (no part of a longer name)."""
    repo = CustomerRepository(ctx.session)
    exact = repo.exact(ctx.tenant.id, name)
    if exact:
        return [exact]
    key, names = name_fold(name), repo.names(ctx.tenant.id)
    same = [id_ for id_, other in names if name_fold(other) == key]
    if not same and len(words := name.split()) > 1 and (brand := brand_of(words[0])) \
            and name_fold(brand) != name_fold(words[0]):  # `jd 数据平台` for 京东 数据平台: its alias first
        branded = name_fold(" ".join((brand, *words[1:])))
        same = [id_ for id_, other in names if name_fold(other) == branded]
    core = core_name(name)
    if not same and not suffixed(name) and (brand := brand_of(core)):  # `alibaba grp`, `华为技术`
        # for 华为: a suffix is asked about (`similar_customers`)
        same = [id_ for id_, other in names
                if brand_of(theirs := core_name(other)) == brand and theirs != core]
    if not same and not whole and (found := repo.find(ctx.tenant.id, name)):
        return found
    if not same and not whole and len(key) >= 2 and _CJK.search(key):  # `宁德` for 寧德時代: a short name is
        same = [id_ for id_, other in names if key in name_fold(other)]  # compared in simplified
    if not same:  # `Wayne Ent.`, `Stark Ind.`: a known name shortened, punctuation aside
        shortened = set(abbreviated_customers(names, name))
        same = [id_ for id_, other in names if other in shortened]
    return [ctx.session.get(Customer, id_) for id_ in same]


def known_lead(ctx: Ctx, name: str, whole: bool = True) -> tuple[Customer, str, str] | None:
    """(the customer, the words naming it, the words after them) where `name` is no customer's
    but its first words name one known customer whole (its name or alias) and the next word goes
    on no company's name (`huawei new`, `华为 新`, `acme corp renewal`); else None (`globex corp`
    beside Globex). Not `whole`: a part of one customer's name leads too (a visit's words before
    a comma: `visit acme mtg, …` for Acme Corp, handlers/sales/visits.py).

    >>> NAME_WORDS.fullmatch("corp") is not None, _NAME_WORDS_ZH.fullmatch("云") is not None
    (True, True)
    """
    words = name.lstrip("+").split()
    if len(words) < 2 or _JOINED_IN.search(name) or known_customers(ctx, " ".join(words)):
        return None  # `acme; globex`, `acme and globex`: one name or two, asked as such
    for size in range(len(words) - 1, 0, -1):
        lead, after = " ".join(words[:size]), words[size]
        if len(lead) < 2 or NAME_WORDS.fullmatch(after) \
                or _NAME_WORDS_ZH.fullmatch(after):
            continue
        found = known_customers(ctx, lead, whole=whole)  # `acme west` beside Acme East: no lead
        if len(found) == 1:
            return found[0], lead, " ".join(words[size:])
        if found:
            return None
    return None


def taken_as(ctx: Ctx, said: str, customer: Customer) -> None:
    """`“huawei” taken as 华为.` in the reply, where the words said are not the customer's name."""
    if name_fold(customer.name) != name_fold(said):
        ctx.notes.append(ctx.t("customer_taken_as", name=said, customer=customer.name))


def lead_placed(ctx: Ctx, name: str, customer: Customer, lead: str, rest: str) -> Customer:
    """The customer a name of a known customer and more words means, where the rest is known to
    fit (`deal huawei new "3yr license"`: a new deal of 华为's, none of the same title open);
    else the question, one tap each: the customer with the rest in the command's field (every
    word kept, the label saying where), or a new customer of the whole name."""
    command = ctx.command
    if isinstance(command, UpsertDeal) and command.ref.title and NEW_WORDS.fullmatch(rest) \
            and not _same_title_open(ctx, customer, command.ref.title):
        taken_as(ctx, lead, customer)
        return customer
    buttons = []
    if (placed := _rest_placed(ctx, name, customer, rest)) is not None:
        label, typed, action = placed
        buttons.append(Button(label[:75], typed, action=action))
    new = _new_customer(command, name)
    buttons.append(Button(ctx.t("new_customer_button", name=name.lstrip("+"))[:75],
                          ctx.text.replace(name, f"+{name.lstrip('+')}", 1) if name in ctx.text else "",
                          action=new))
    raise ctx.refuse("customer_lead_which", name=name.lstrip("+"), customer=customer.name, rest=rest,
                     buttons=tuple(b for b in buttons if b.command or b.action))


def rest_fits(command) -> bool:
    """Whether the command has a field for words after a customer's name: a visit's notes, a
    deal's title (named by customer, not by number)."""
    return isinstance(command, LogVisit) or isinstance(command, UpsertDeal | CloseDeal) \
        and command.ref.deal_id is None


def _rest_placed(ctx: Ctx, name: str, customer: Customer, rest: str):
    """(a button's label, what to type, the command) with `rest` in the field it fits, or None."""
    command, text = ctx.command, ctx.text or ""
    if isinstance(command, LogVisit):
        notes = as_typed(text, rest, command.notes) \
            or ("，" if _CJK.search(rest) else ", ").join(p for p in (rest, command.notes) if p)
        colon = "：" if _CJK.search(notes) else ": "
        typed = f"{text.split()[0]} {customer.name}{colon}{notes}" if text.split() else ""
        return (ctx.t("lead_as_notes", customer=customer.name, text=notes), typed,
                replace(command, customer=customer.name, notes=notes, unsplit=False))
    if isinstance(command, UpsertDeal | CloseDeal) and command.ref.deal_id is None:
        title = " ".join(p for p in (rest, command.ref.title) if p)
        typed = text.replace(name, customer.name, 1)
        typed = typed.replace(f'"{command.ref.title}"', f'"{title}"', 1) if command.ref.title \
            else typed.replace(customer.name, f'{customer.name} "{rest}"', 1)
        return (ctx.t("lead_as_title", customer=customer.name, text=title), typed,
                replace(command, ref=DealRef(None, (customer.name,), title)))
    return None


def _new_customer(command, name: str):
    new = f"+{name.lstrip('+')}"
    if isinstance(command, LogVisit):
        return replace(command, customer=new, unsplit=False)
    if isinstance(command, UpsertDeal | CloseDeal) and command.ref.deal_id is None:
        return replace(command, ref=replace(command.ref, words=(new,)))
    return None


def _same_title_open(ctx: Ctx, customer: Customer, title: str) -> bool:
    from storage.sales import DealRepository

    key = name_fold(title)
    return any(name_fold(d.title) == key and d.owner_id == ctx.member.id
               for d in DealRepository(ctx.session).open_for_customer(customer.id))


def customer_in_words(ctx: Ctx, text: str) -> Customer | None:
    """The one known customer free words name (`call huawei re pricing` → 华为, `周五给华为发报价`),
    by its name or alias; None where they name none or several (then nothing is linked)."""
    from handlers.grammar.unsaid import customers_in

    repo = CustomerRepository(ctx.session)
    named = customers_in(text, repo.names(ctx.tenant.id))
    if len(named) != 1:
        return None
    found = repo.find(ctx.tenant.id, named[0])
    return found[0] if len(found) == 1 else None
