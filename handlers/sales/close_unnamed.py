"""A win or loss said with no customer nor deal (`lost it`, `we lost`, `丢单了`, `这单黄了`, `won it`):
never a customer named `了` or `it`. The deal the member's last message here touched (minutes
ago) is offered; else she is asked which of her open deals (each a button). Nothing stored until
tapped."""
from __future__ import annotations

import datetime as dt
import re

from handlers.context import Ctx
from handlers.grammar.amounts import parse_amount
from handlers.grammar.commands import CloseDeal, DealRef
from handlers.grammar.patterns import pattern
from handlers.sales.customer_referred import RECENT
from handlers.sales.last_said import last_said
from handlers.text.reply import Button, Reply
from storage.changes import changes_made_by
from storage.models.sales import CLOSED_STAGES, Customer, Deal
from storage.sales import DealRepository

_EN = pattern(r"^(?:(?:we|i|we've|i've|just|sadly|ugh|damn|so|also|well|oh)\s+)*(?:(?:have|has|got)\s+)?"
              r"(?P<word>lost|won|closed[\s-]+won|closed[\s-]+lost)"
              r"(?:\s+(?:it|this|that|(?:this|that|the)\s+(?:one|deal)))?(?:\s+(?:too|as\s+well))?$", re.I)
_ZH = pattern(r"^(?:我们|我)?(?P<deal>这单|那单|这个单子?|那个单子?|单子|这个|那个)?(?:也|还是|终于|总算)?"
              r"(?P<word>丢单了?|输单了?|输了|丢了|黄了|没戏了|飞了|赢单了?|赢了|签了|签单了|拿下了?|成交了"
              r"|签下来了?|谈下来了?|谈成了?|搞定了?)$")
#: Words of a win that say one only with an amount or a deal word (`价格谈下来了`, `搞定了` alone: no win)
_WEAK = ("签下来", "谈下来", "谈成", "搞定")
#: An amount said before or after the words (`谈下来了 二十二万`, `22万 拿下了`, `won it 220k`)
_AMOUNT_END = pattern(r"^(?P<rest>.+?)\s*(?P<amount>[$¥€£]?[\d一二两三四五六七八九十百千万亿点.,]+"
                      r"\s*(?:k|m|w|万|千|亿|元|块|rmb|cny|usd)?)$", re.I)
_AMOUNT_START = pattern(r"^(?P<amount>[$¥€£]?[\d一二两三四五六七八九十百千万亿点.,]+"
                        r"\s*(?:k|m|w|万|千|亿|元|块|rmb|cny|usd)?)\s*(?P<rest>.+)$", re.I)
_MARKS = pattern(r"[\s!！.。…~～?？,，]+|[\u2600-\u27bf\U0001f000-\U0001faff\ufe0f\u200d]")
_WON = ("won", "closed won", "closed-won", "赢", "签", "拿下", "成交", "谈下来", "谈成", "搞定")


def meant(ctx: Ctx, text: str) -> Reply | None:
    """The question for a close said with no customer; None for any other text."""
    plain = " ".join(_MARKS.sub(" ", text).split())
    found, amount, money = _said(plain)
    if not found or amount and not found["word"].lower().startswith(_WON):
        return None  # (an amount with a loss says no close: read elsewhere)
    won = found["word"].lower().startswith(_WON)
    word = ("赢单" if won else "输单") if ctx.locale == "zh" else ("won" if won else "lost")
    last = _last_deal(ctx)
    rows = [last] if last else DealRepository(ctx.session).open_deals([ctx.member.id])[:5]
    said = f" {amount}" if amount else ""  # `谈下来了 二十二万`: the amount kept, as typed
    buttons = tuple(Button(f"{word} #{deal.id}{said} · {name} · {deal.title}"[:75],
                           f"{word} #{deal.id}{said}", action=CloseDeal(DealRef(deal.id), won, money))
                    for deal, name in rows)
    key = ("close_unnamed_last" if last else "close_unnamed_which" if rows else "close_unnamed_none")
    deal = f"#{last[0].id} {last[1]} · {last[0].title}" if last else ""
    return Reply(lines=(ctx.t(key, said=text.strip(), word=word, deal=deal, line=f"{word} #{last[0].id}{said}"
                              if last else ""),), buttons=buttons, ok=False, locale=ctx.locale,
                 which=not last and len(buttons) > 1)  # `好` to "which deal?" picks none


def _said(plain: str):
    """(the match of a close said with no customer, the amount as typed or "", its Money or None)."""
    for cut in (None, _AMOUNT_END, _AMOUNT_START):
        rest, amount, money = plain, "", None
        if cut is not None:
            parts = cut.match(plain)
            if parts is None or (money := parse_amount(parts["amount"].replace(" ", ""))) is None \
                    or parts["amount"].strip().isdigit():
                continue  # (`388搞定了`: a record's number, never an amount)
            rest, amount = parts["rest"].strip(), parts["amount"].strip()
        found = _EN.match(rest) or _ZH.match(rest.replace(" ", ""))
        if found is None or "deal" in found.groupdict() and found["word"].startswith(_WEAK) \
                and not amount and "单" not in (found["deal"] or ""):
            continue  # `搞定了`, `这个搞定了` alone: a task done? read elsewhere
        return found, amount, money
    return None, "", None


def _last_deal(ctx: Ctx) -> tuple[Deal, str] | None:
    """(the open deal of the member's the last message here changed, its customer's name) when
    that message is minutes old; else None."""
    said = last_said(ctx)
    if said is None or said.changes_after <= said.changes_before \
            or (said.at if said.at.tzinfo else said.at.replace(tzinfo=dt.timezone.utc)) < ctx.now - RECENT:
        return None
    ids = [change.entity_id for change in changes_made_by(
        ctx.session, ctx.tenant.id, ctx.member.id, entity="deals", done=True, after=said.changes_before,
        upto=said.changes_after, newest_first=True)]
    for deal_id in ids:
        deal = ctx.session.get(Deal, deal_id) if deal_id else None
        if deal is not None and deal.owner_id == ctx.member.id and deal.stage not in CLOSED_STAGES:
            return deal, ctx.session.get(Customer, deal.customer_id).name
    return None
