"""A close said of a deal in a phrase (`won the wayne erp deal 190k`, `赢单 wayne erp那单 19万`): the
words between `the` and `deal` (`那单`) are a deal's customer and title, never a new customer. Read
without those marks; when they name none of the asker's customers, or none of her open deals, she
is asked which deal (each a button), nothing stored."""
from __future__ import annotations

import re
from dataclasses import replace

from handlers.context import Ctx
from handlers.grammar.commands import CloseDeal, DealRef
from handlers.grammar.normal import name_fold
from handlers.grammar.patterns import pattern
from handlers.known_names import known_customers
from handlers.text.reply import Button
from storage.models.sales import Customer
from storage.sales import CustomerRepository, DealRepository

_LEAD = frozenset(("the", "that", "this", "our", "my"))
_TAIL = frozenset(("deal", "deals", "opp", "opportunity", "one", "thing"))  # `the byd one`
_ONE = frozenset(("one", "thing"))  # a deal's words only after `the`, `that` … (`acme phase one`: a title)
#: `wayne erp那单`, `海尔的单子`, `数据平台项目`: a deal said in Chinese after its customer and title
_TAIL_ZH = pattern(r"(?:的|那个|这个)?(?:那单|这单|单子|的单|项目)$")
#: A customer glued to the words that say its deal (`格力那单`, `海尔的数据平台`, `海尔那个数据平台项目`)
_GLUED_ZH = pattern(r"^(?P<name>[\u3400-\u9fff]{2,}?)"
                    r"(?P<mark>的那个|那个|这个|的那单|那单|这单|的单子|单子|的)(?P<title>.*)$")


def plain(ctx: Ctx, cmd: CloseDeal) -> tuple[CloseDeal, str]:
    """(the close with its words read without `the` … `deal`, the phrase as said or ""); asked at
    once when what is left names none of the asker's customers (never a new customer made)."""
    words = list(cmd.ref.words)
    if cmd.ref.deal_id is not None or cmd.ref.title or not words or words[0].startswith("+"):
        return cmd, ""
    said = " ".join(words)
    words, reason = _unglued(ctx, words, cmd.reason)
    if reason != cmd.reason:  # `lost 格力那单 价格太高`: the words after the deal are why
        cmd = replace(cmd, reason=reason)
    while words and words[0].lower() in _LEAD:
        words.pop(0)
    while words and words[-1].lower() in _TAIL and (words[-1].lower() not in _ONE or len(words) < len(
            cmd.ref.words)):  # `the byd one`; never the `one` of `acme phase one`
        words.pop()
    if words and (tail := _TAIL_ZH.search(words[-1])):
        words[-1] = words[-1][:tail.start()]
        words = [w for w in words if w]
    if len(words) == len(cmd.ref.words) and words == list(cmd.ref.words):
        return cmd, ""
    if words and not _known(ctx, words) and (titled := _titled(ctx, words)) is not None:
        return replace(cmd, ref=DealRef(titled)), said  # `won the sensor project`: her one deal so titled
    if not words or not _known(ctx, words):
        ask(ctx, cmd, said)
    return replace(cmd, ref=replace(cmd.ref, words=tuple(words))), said


def _unglued(ctx: Ctx, words: list[str], reason: str) -> tuple[list[str], str]:
    """(`words` with a known customer's name parted from the deal words glued to it, the reason:
    the words after a deal's end mark (`格力那单 价格太高`) when none was given)."""
    for at, word in enumerate(words):
        glued = _GLUED_ZH.match(word)
        if glued is None or not _known(ctx, [glued["name"]]):
            continue
        title = _TAIL_ZH.sub("", glued["title"])
        parted = [*words[:at], glued["name"], *([title] if title else [])]
        rest = words[at + 1:]
        ended = glued["mark"].endswith(("单", "单子")) or _TAIL_ZH.search(glued["title"])
        if rest and not reason and ended:
            return parted, " ".join(rest)
        return [*parted, *rest], reason
    return words, reason


def _titled(ctx: Ctx, words: list[str]) -> int | None:
    """The id of the asker's one open deal whose title is the words said (`sensor project` of
    "Sensor Project", `the sensor one`), else None (none, or several: asked)."""
    said = name_fold(" ".join(words))
    fits = [deal.id for deal, _name in DealRepository(ctx.session).open_deals([ctx.member.id])
            if said and (said == name_fold(deal.title) or len(said) >= 3 and said in name_fold(deal.title))]
    return fits[0] if len(fits) == 1 else None


def _known(ctx: Ctx, words: list[str]) -> bool:
    """Whether a leading run of `words` names a customer already known."""
    repo = CustomerRepository(ctx.session)
    for size in range(len(words), 0, -1):
        lead = " ".join(words[:size])
        if repo.exact(ctx.tenant.id, lead) or known_customers(ctx, lead, whole=len(lead) < 3
                                                               and not re.search(r"[\u3400-\u9fff]", lead)):
            return True
    return False


def ask(ctx: Ctx, cmd: CloseDeal, said: str | None = None, customer: Customer | None = None) -> None:
    """Which of the asker's open deals (those with `customer` when it is known): each a button."""
    said = said or " ".join(cmd.ref.words)
    repo = DealRepository(ctx.session)
    rows = [(d, name) for d, name in repo.open_deals([ctx.member.id])
            if customer is None or d.customer_id == customer.id][:5]
    buttons = tuple(Button(f"#{d.id} {name} · {d.title}"[:75],
                           ctx.text.replace(said, f"#{d.id}", 1) if said in ctx.text else f"#{d.id}",
                           action=replace(cmd, ref=DealRef(d.id))) for d, name in rows)
    raise ctx.refuse("deal_phrase_which" if rows else "deal_phrase_none", text=said, buttons=buttons)
