"""A close said of a deal in a phrase (`won the wayne erp deal 190k`, `赢单 wayne erp那单 19万`): the
words between `the` and `deal` (`那单`) are a deal's customer and title, never a new customer. Read
without those marks; when they name none of the asker's customers, or none of her open deals, she
is asked which deal (each a button), nothing stored."""
from __future__ import annotations

import re
from dataclasses import replace

from handlers.context import Ctx
from handlers.grammar.commands import CloseDeal, DealRef
from handlers.grammar.patterns import pattern
from handlers.known_names import known_customers
from handlers.text.reply import Button
from storage.models.sales import Customer
from storage.sales import CustomerRepository, DealRepository

_LEAD = frozenset(("the", "that", "this", "our", "my"))
_TAIL = frozenset(("deal", "deals", "opp", "opportunity"))
#: `wayne erp那单`, `海尔的单子`: a deal said in Chinese after its customer and title
_TAIL_ZH = pattern(r"(?:的|那个|这个)?(?:那单|这单|单子|的单)$")


def plain(ctx: Ctx, cmd: CloseDeal) -> tuple[CloseDeal, str]:
    """(the close with its words read without `the` … `deal`, the phrase as said or ""); asked at
    once when what is left names none of the asker's customers (never a new customer made)."""
    words = list(cmd.ref.words)
    if cmd.ref.deal_id is not None or cmd.ref.title or not words or words[0].startswith("+"):
        return cmd, ""
    said = " ".join(words)
    while words and words[0].lower() in _LEAD:
        words.pop(0)
    while words and words[-1].lower() in _TAIL:
        words.pop()
    if words and (tail := _TAIL_ZH.search(words[-1])):
        words[-1] = words[-1][:tail.start()]
        words = [w for w in words if w]
    if len(words) == len(cmd.ref.words) and words == list(cmd.ref.words):
        return cmd, ""
    if not words or not _known(ctx, words):
        ask(ctx, cmd, said)
    return replace(cmd, ref=replace(cmd.ref, words=tuple(words))), said


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
