"""A new deal titled like one of the asker's open deals with the customer: asked, not guessed."""
from __future__ import annotations

from dataclasses import replace
from difflib import SequenceMatcher

from handlers.context import Ctx
from handlers.grammar.commands import DealRef
from handlers.grammar.normal import name_fold
from handlers.lookup import open_deals
from handlers.text.reply import Button
from handlers.text.strings import WORDS, name_of
from storage.models.sales import Customer


def ask_similar_title(ctx: Ctx, customer: Customer, title: str, quoted: bool = False) -> None:
    """A new deal's title like one of the asker's open deals with the customer (`CRM rollout` by
    `CRM`, `数据平台项目` by `数据平台`, a typo): update that one, or a new deal? Asked, not guessed.
    A title in the message's words (not `quoted`) like none of them is asked about too, each open
    deal one tap: the same deal is often named in the other language (`续约` for Renewal, `CRM
    renewal` for CRM续约), and no word list knows every title's translation; a new deal is one tap
    more, a duplicate is not made unasked. A quoted title is a new deal's, said so on purpose."""
    key = name_fold(title)
    mine = [d for d in open_deals(ctx, customer.id) if d.owner_id == ctx.member.id]
    near = [d for d in mine if _titles_alike(name_fold(d.title), key)][:3]
    if not mine or quoted and not near:
        return
    word = name_of(WORDS, "deal", ctx.locale)
    said = " ".join(getattr(ctx.command.ref, "words", ()))  # the change kept: `商机 #47 预计1月15号`
    shown = near or mine[:4]
    buttons = tuple(Button(f"#{d.id} {d.title}"[:75], ctx.text.replace(said, f"#{d.id}", 1)
                           if said and said in ctx.text else f"{word} #{d.id}",
                           action=replace(ctx.command, ref=DealRef(d.id))) for d in shown)
    new = Button(ctx.t("similar_deal_new", title=title)[:75], ctx.text, action=replace(ctx.command, new=True))
    raise ctx.refuse("similar_deal" if near else "other_deal_titles", customer=customer.name, title=title,
                     buttons=(*buttons, new), deals=" · ".join(f"#{d.id} {d.title}" for d in shown))


def _titles_alike(one: str, other: str) -> bool:
    if not one or not other:
        return False
    return one in other or other in one or SequenceMatcher(None, one, other).ratio() >= 0.8
