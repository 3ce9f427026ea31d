"""Correcting the amount of a deal already won (`赢单 #46 20万` ⏎ `不对，是25万` ⏎ `对`): the win,
its reason and its day stay; the amount changes, and the team's celebration says the new one.
Anything more than the amount (a stage, a day, a title) still needs the deal reopened first.
A plain number that is the title of the deal a win or loss names is that title, no amount."""
from __future__ import annotations

import re
from dataclasses import replace

from handlers.context import Ctx, Said
from handlers.grammar.commands import CloseDeal, DealRef, UpsertDeal
from handlers.grammar.normal import name_fold
from handlers.team import fact_posts as facts
from handlers.text import format as fmt
from handlers.text.reply import Reply
from storage.deals_found import open_deals_of_owner
from storage.models.sales import Customer, Deal
from storage.models.workspace import Member
from storage.sales import DealRepository


def only_the_amount_of_a_won_deal(ctx: Ctx, cmd: UpsertDeal) -> Deal | None:
    """The won deal `cmd` names by number when all it changes is the amount, else None."""
    if cmd.ref.deal_id is None or cmd.amount is None or cmd.stage or cmd.close or cmd.customer \
            or cmd.ref.title:
        return None
    deal = DealRepository(ctx.session).get(ctx.tenant.id, cmd.ref.deal_id)
    return deal if deal is not None and deal.stage == "won" else None


def amend(ctx: Ctx, cmd: UpsertDeal, deal: Deal, card) -> Reply:
    """Set the won deal's amount (the owner's checks and the currency question are the caller's);
    `card` shows the deal as every deal change does."""
    old, before = fmt.money(deal.amount, deal.currency, ctx.locale), deal.amount
    DealRepository(ctx.session).set_amount(deal, cmd.amount.amount, cmd.amount.currency or deal.currency,
                                           ctx.member.id, ctx.now)
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "deal.change", "deal", deal.id, at=ctx.now,
                     stage=deal.stage, amount=deal.amount)
    owner = ctx.session.get(Member, deal.owner_id)
    customer = ctx.session.get(Customer, deal.customer_id)
    if deal.amount != before:
        facts.won_amount_changed(ctx, deal)
    new = fmt.money(deal.amount, deal.currency, ctx.locale)
    return card(ctx, deal, customer.name, owner, [Said("won_amount_changed", old=old, new=new)])


def number_as_title(ctx: Ctx, cmd: CloseDeal | UpsertDeal) -> CloseDeal | UpsertDeal:
    """`lost 京东 618: …`, `deal 京东 618 negotiation` for 京东's deal titled "618 大促": the number
    is the title that names the deal, never its amount (a plain number, no unit, no currency,
    that is a word of the title of the one open deal of the asker the message names). A plain
    number no title has that reads as a title's word more than as an amount (under 1,000, or a
    year: `deal 京东 618 negotiation`, `deal Acme 2027 renewal`) is asked about: the amount, or a
    word of the title."""
    money = cmd.amount
    if money is None or money.currency or money.amount != money.amount.to_integral_value():
        return cmd
    number = str(int(money.amount))
    plain = _PLAIN.format(number=number)
    if ctx.text and not re.search(plain, ctx.text):
        return cmd  # `618k`, `¥618`: an amount as typed
    named = name_fold(" ".join(cmd.ref.words))
    titled = [deal for deal in open_deals_of_owner(ctx.session, ctx.tenant.id, ctx.member.id, cmd.ref.deal_id)
              if number in re.findall(r"\d+", deal.title)
              and (cmd.ref.deal_id is not None
                   or name_fold(ctx.session.get(Customer, deal.customer_id).name) == named)]
    if len(titled) == 1:
        return replace(cmd, amount=None, ref=DealRef(titled[0].id), switch_currency=False)
    value = int(money.amount)
    if ctx.text and (value < 1000 or 1900 <= value <= 2100):
        raise _title_or_amount(ctx, cmd, number, plain)
    return cmd


#: A number as typed with no unit, currency or deal mark around it (`618`, not `618k`, `¥618`, `#618`)
_PLAIN = r"(?<![\d.,#$¥￥]){number}(?![\d.,%]|\s*[kKmMwW万千亿元块])"


def _title_or_amount(ctx: Ctx, cmd: CloseDeal | UpsertDeal, number: str, plain: str):
    """`deal 京东 618 negotiation`: is 618 the amount (¥618) or a word of the deal's title? One tap
    each: the amount as said (its currency set, so it is not asked again), or the message with
    the number quoted as the title (`deal 京东 "618" negotiation`)."""
    from handlers.text.reply import Button

    said = fmt.money(cmd.amount.amount, ctx.tenant.currency, ctx.locale)
    amount = replace(cmd, amount=replace(cmd.amount, currency=ctx.tenant.currency))
    titled = re.sub(plain, f'"{number}"', ctx.text, count=1)
    buttons = (Button(ctx.t("number_as_amount_button", amount=said)[:75], ctx.text, action=amount),
               Button(ctx.t("number_as_title_button", number=number)[:75], titled))
    return ctx.refuse("number_title_or_amount", number=number, amount=said, buttons=buttons,
                      hint=ctx.t("answer_hint", count=2))
