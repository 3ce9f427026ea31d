"""The offer of a deal's change said with no command word (`京东 数据中台 需求确认 12万`): the
line that makes it, labelled as what tapping it stores. Where the asker has no open deal with the
customer, that line makes a new deal, and each label says new (issue #23: a label says exactly
what a tap stores); words no field of a deal reads are named, and offered as a new deal's title
where they stand where a title goes."""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c
from handlers.grammar import per_period
from handlers.grammar.normal import name_fold
from handlers.grammar.patterns import pattern
from storage.deals_found import has_open_deal_of_customer_named


def has_open_deal(session, tenant_id: int, customer: str, member_id: int | None) -> bool:
    """Whether the member has an open deal with the customer named `customer`."""
    return has_open_deal_of_customer_named(session, tenant_id, customer, member_id)


def colleague_has_open_deal(session, tenant_id: int, customer: str, member_id: int | None) -> bool:
    """Whether someone other than the member has an open deal with the customer named `customer`."""
    return has_open_deal_of_customer_named(session, tenant_id, customer, member_id, others=True)


def own_new_deal(deal: str, customer: str) -> str:
    """`deal Globex lead 80k` as the member's own new deal where a colleague's is open there (r26):
    titled by its customer's name (`deal Globex "Globex" lead 80k`), as a win offered is; untitled,
    a tap would reach the colleague's deal and be refused."""
    return deal.replace(f" {customer} ", f' {customer} "{customer}" ', 1) if f" {customer} " in f"{deal} " \
        and '"' not in deal else deal


#: The word that says a deal is new (`new lead globex 80k`, `新线索 京东 8万`): what a new deal's offer says
_NEW_WORD = pattern(r"^(?:new|新的?|新建|新增)$", re.I)


def deal_or_words(said: str, customer: str, deal: str, today: dt.date, mine: bool = True) -> c.ParseError:
    """The question offering `deal` (a change of the asker's deal where `mine`, else a new deal);
    words of `said` no field of it reads (`…, closing 15th, CFO signs off`) are named: a deal keeps
    no notes, so its choice says it goes without them."""
    asked = _deal_or_words(said, customer, deal, today, mine)
    return per_period.asked(said, asked) or asked  # `150k/yr`: a deal's amount is its total (r31en #83)


def _deal_or_words(said: str, customer: str, deal: str, today: dt.date, mine: bool = True) -> c.ParseError:
    from handlers.grammar.reading import read
    from handlers.grammar.spans import account

    command = read(deal, today).command
    left = account(said, command, today, 0).unclaimed if isinstance(command, c.UpsertDeal) else ()
    if not mine:  # `new lead globex 80k`: `new` is the new deal's own word, never words left
        left = tuple(word for word in left if not _NEW_WORD.match(word))
    if left:  # named as typed, from the first word left to the last (`CFO signs off`)
        start = said.find(left[0])
        words = said[start:said.find(left[-1], start) + len(left[-1])]
        titled = deal.replace(f" {customer} ", f' {customer} "{" ".join(left)}" ', 1) \
            if may_be_title(said, customer, left) and f" {customer} " in deal else ""  # `京东 数据湖`:
        titles = (("new_deal_titled", titled, None),) if titled else ()  # a new deal's title, offered
        if not mine and all(_POINTER.fullmatch(word) for word in left):  # `华为那单推到商务谈判了`: a deal
            return c.ParseError(None, "new_deal_none_open", customer, words,  # pointed at, and the asker
                                options=(("new_deal_without", deal, None),))  # has none there: said, never
            # a deal titled 那单
        if not mine:  # no deal of the asker's: a new one either way, its title the words first
            return c.ParseError(None, "new_deal_words_left", words,
                                options=(*titles, ("new_deal_without", deal, None)))
        return c.ParseError(None, "deal_words_left", words, options=(("deal_without", deal, None), *titles))
    if not mine:
        return c.ParseError(None, "new_deal_unsaid", customer, options=(("as_new_deal", deal, None),))
    return c.ParseError(None, "deal_unsaid", customer, options=(("as_deal", deal, None),))


def may_be_title(said: str, customer: str, left: tuple[str, ...]) -> bool:
    """Whether the words a deal's fields left could be a new deal's title: a few short words where
    a title goes, right after the customer's name (`京东 数据湖 需求确认 12万`), not a sentence
    after the fields (`…推进到方案呈现，客户要求打折`)."""
    if not 0 < len(left) <= 3 or len(" ".join(left)) > 12 or any('"' in w for w in left) \
            or all(_POINTER.fullmatch(word) for word in left):  # `那单`: a deal pointed at, no title
        return False
    at = said.find(left[0])
    return at > 0 and name_fold(_SIDE.sub("", said[:at])).endswith(name_fold(customer))


#: Words that point at a deal there is (`那单`, `这个单子`, `that deal`): never a new deal's title
_POINTER = pattern(r"(?:那|这)(?:一|个)?(?:单子?|笔|项目|个?单子)(?:了|的)?|单子"
                   r"|(?:that|this|the)(?:\s+(?:deal|one|opp))?", re.I)
_SIDE = pattern(r"(?:那边|这边|方面|那个|这个|的)?\s*$")  # `京东那边 数据湖`: the customer's side
