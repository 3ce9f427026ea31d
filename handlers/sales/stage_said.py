"""A deal's stage said in a sentence, no command word: `推进到商务谈判了`, `Acme Corp续约推进到谈判了`,
`Tencent那边CRM项目推进到方案阶段了`, `move the acme renewal to negotiation`.

The words before the stage name a customer and, after it, perhaps the deal (`续约`, `CRM项目`,
`renewal`). The member's one open deal of that customer whose title the words match (or the only
one, when no deal is named) moves at once, the line it was read as said back; several, or a title
that matches none, are asked about, one tap per deal; no customer named: the member's open deals,
asked the same way.
"""
from __future__ import annotations

import re

from handlers.context import Ctx
from handlers.grammar.commands import ParseError
from handlers.grammar.normal import name_fold
from handlers.grammar.patterns import pattern
from handlers.grammar.reading import read
from handlers.lookup import known_customers
from handlers.members import may_manage
from handlers.text.reply import Button, Reply
from handlers.text.strings import STAGE_NAMES, WORDS, name_of
from storage.models.sales import CLOSED_STAGES, Customer
from storage.models.workspace import Member
from storage.sales import DealRepository

#: Words around a deal's title that name no title (`那边`, `的`, `项目`, `the`, `deal`, `'s`)
_AROUND = pattern(r"^(?:那边|那里|那个|这边|这个|的|把|将|(?:the|our|my|deal|project|opportunity)(?:\s+|$)"
                  r"|['’]s\s*)+|(?:那边|那个|的|项目|那单|这单|商机|单子|(?:^|\s+)(?:deal|project|opportunity)"
                  r"|['’]s)+$", re.I)
_FILLER = pattern(r"(?:^|\s|(?<=[\u3400-\u9fff]))(?:那边|那里|那个|这个|这边|的|单子|那单|这单|项目|商机)+"
                  r"|(?:^|\s)(?:the|deal|project|opportunity|'s)(?=\s|$)", re.I)
#: A deal by its number (`#52`, `52号`, `商机#52`, `deal 52`, `opp #52`)
_NUMBER = pattern(r"(?:把|将)?\s*(?:商机|单子|deal|opp|opportunity)?\s*(?:no\.?\s*)?#?\s*(?P<id>\d{1,9})"
                  r"\s*号?(?:商机|单子)?", re.I)
_LEAD = pattern(r"^(?:把|将|the\s+|our\s+|my\s+)+", re.I)
#: "it", "that one", "这个单子": no customer's name (`it` is in Initech), the deal just touched (r26)
_PRONOUN = pattern(r"(?:(?:and|ok|okay|so|now|pls|please)\s+)*(?:it|that|this|that\s+one|this\s+one|"
                   r"(?:that|this|the)\s+(?:deal|one|opp)|它|这个单子|那个单子|这单|那单|这个|那个|这个商机|那个商机)",
                   re.I)


def stage_offer(ctx: Ctx, said: str, stage: str, zh: bool):
    """The command moving the deal meant to `stage`, or the question which deal it is."""
    ctx.locale = "zh" if zh else "en"
    deals = [(deal, name) for deal, name in DealRepository(ctx.session).open_deals([ctx.member.id])
             if deal.stage not in CLOSED_STAGES]
    said = "" if _PRONOUN.fullmatch(_LEAD.sub("", said.strip(" ,，"))) else said  # asked, one tap
    customer, title = _customer_and_title(ctx, said)
    if said and customer is None:
        deals = []
    elif customer is not None:
        deals = [(deal, name) for deal, name in deals if deal.customer_id in customer]
    word = name_of(WORDS, "deal", ctx.locale)
    stage_name = name_of(STAGE_NAMES, stage, ctx.locale)
    if (number := _NUMBER.fullmatch(said.strip())) is not None:  # `#52 推到谈判`: deal #52 moved, or
        return read(f"{word} #{number['id']} {stage_name}", ctx.today).command  # said why not (its
        # handler: no such deal, another rep's, closed)
    if not deals:
        if customer is not None and (theirs := _others_deal(ctx, customer, title)) is not None:
            if not (ctx.is_manager and may_manage(ctx, theirs.owner_id)):  # `京东 deal moved to
                return _none_of_yours(ctx, theirs, stage_name)  # negotiation`, 京东's deal another rep's
            ctx.notes.append(ctx.t("read_as_whole", said=f"{word} #{theirs.id} {stage_name}"))
            return read(f"{word} #{theirs.id} {stage_name}", ctx.today).command  # a manager's rep's
        example = f"{word} #12 {stage_name}"  # never the message's own words: typed back, they'd be a title
        return Reply(lines=(ctx.t("stage_said_none", stage=stage_name, example=example),), ok=False)
    named = [(deal, name) for deal, name in deals if title and _titled(deal.title, title)]
    meant = named if title else deals if customer is not None else []

    def line(deal) -> str | None:  # the move, with what else the words change (`金额改成15万`)
        move = f"{word} #{deal.id} {stage_name}"
        rest = _rest(title, deal.title) if deal in [d for d, _ in named] else title
        said_line = f"{move} {rest}" if rest else move
        if not isinstance(read(said_line, ctx.today).command, ParseError):
            return said_line
        return None if deal in [d for d, _ in named] else move  # a title matching none: asked

    lines = {deal.id: line(deal) for deal, _ in (meant or deals)[:5]}
    if any(said_line is None for said_line in lines.values()):
        return None  # words no field of the deal claims: not read as a move (never a part of them)
    if len(meant) == 1:
        ctx.notes.append(ctx.t("read_as_whole", said=lines[meant[0][0].id]))
        return read(lines[meant[0][0].id], ctx.today).command  # `Acme Corp续约推进到谈判了`: moved
    shown = meant or deals
    buttons = tuple(Button(f"#{deal.id} {name} · {deal.title}"[:75], lines[deal.id])
                    for deal, name in shown[:5])
    if len(shown) == 1:
        deal, name = shown[0]
        return Reply(lines=(ctx.t("stage_said_one", id=deal.id, customer=name, title=deal.title,
                                  stage=stage_name), ctx.t("answer_hint_one")), buttons=buttons, ok=False)
    return Reply(lines=(ctx.t("stage_said_which", stage=stage_name),
                        ctx.t("answer_hint", count=len(buttons))), buttons=buttons, ok=False)


def _none_of_yours(ctx: Ctx, theirs, stage_name: str) -> Reply:
    """No open deal of the member's with that customer, only another rep's: said so, and how to
    start their own (never an offer to move the other rep's deal, nor a new deal unasked)."""
    customer = ctx.session.get(Customer, theirs.customer_id).name
    owner = ctx.session.get(Member, theirs.owner_id).display_name
    start = f'{name_of(WORDS, "deal", ctx.locale)} {customer} "…" {stage_name}'
    return Reply(lines=(ctx.t("stage_said_not_yours", customer=customer, id=theirs.id, title=theirs.title,
                              owner=owner),
                        ctx.t("not_your_deal_hint", customer=customer, example=start)), ok=False)


def _others_deal(ctx: Ctx, customer: set[int], title: str):
    """The one open deal of that customer, another member's, the words name (or the only one, no
    title said): the deal the member meant, though not theirs."""
    repository = DealRepository(ctx.session)
    deals = [deal for customer_id in customer for deal in repository.open_for_customer(customer_id)
             if deal.owner_id != ctx.member.id]
    named = [deal for deal in deals if title and _titled(deal.title, title)] if title else deals
    return named[0] if len(named) == 1 else None


def _customer_and_title(ctx: Ctx, said: str) -> tuple[set[int] | None, str]:
    """(the ids of the customer the words start with, the words after it that may be the deal's
    title), the longest name first: `acme corp续约` is Acme Corp and 续约."""
    said = _LEAD.sub("", said.strip(" ,，")).strip()
    if not said:
        return None, ""
    cuts = [m.start() for m in re.finditer(r"(?<=\S)(?=\s)|(?<=[\u3400-\u9fff])|(?=[\u3400-\u9fff])", said)]
    for cut in sorted({len(said), *cuts}, reverse=True):
        name = _AROUND.sub("", said[:cut].strip()).strip()
        found = known_customers(ctx, name) if name else []
        if found:
            title = said[cut:].strip()
            for _ in range(3):
                title = _AROUND.sub("", title).strip()
            return {c.id for c in found}, title
    return None, ""


def _rest(said: str, title: str) -> str:
    """The words besides the deal's title and the words around it (`金额改成15万` of `CRM那个单子
    金额改成15万` for CRM)."""
    at = said.casefold().find(title.casefold())
    rest = f"{said[:at]} {said[at + len(title):]}" if at >= 0 else ""
    return _FILLER.sub(" ", rest).strip(" ,，")


def _titled(title: str, said: str) -> bool:
    """Whether the words name the deal of that title (`CRM项目` for CRM, `renewal` for Renewal 2027)."""
    have, want = name_fold(title), name_fold(said)
    return bool(want) and (want in have or have in want)
