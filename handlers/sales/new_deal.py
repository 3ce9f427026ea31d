"""A new deal said in a sentence with no command word first (`华为明年预算那个 新建个商机 叫数字化转型
100万`, `for acme, another deal called data platform 50k`): made for the one customer it names
when every word is read (the title after `叫`/`called`, the fields by handlers/grammar/deal_change.py),
else offered as that new deal, the words left said; never the change of a deal there is."""
from __future__ import annotations

import re
from dataclasses import replace

from handlers.context import Ctx, usage_reply
from handlers.grammar import commands as c
from handlers.grammar.deal_change import change_in
from handlers.grammar.language import answered_in
from handlers.grammar.new_deal_said import NEW_DEAL, NEW_PLAIN, title_said
from handlers.grammar.patterns import pattern
from handlers.grammar.reading import read
from handlers.grammar.unsaid import customers_in
from handlers.sales.deal_sentence import names_of
from handlers.text.reply import Reply
from storage.sales import CustomerRepository


def new_deal_said(ctx: Ctx, text: str) -> c.Command | Reply | None:
    """The new deal made (every word read), or offered; None where the message says no new deal
    with its title in words, or names no one known customer."""
    said = " ".join(text.split())
    new, titled = NEW_DEAL.search(said) or NEW_PLAIN.search(said), title_said(said)
    if new is None or titled is None and not NEW_PLAIN.search(said) and not _MADE_AT_END.search(said) \
            and not _GLUED_BEFORE.search(said[:new.start()]):  # `京东续约新开个单 …`: 续约 its title
        return None  # `小米有个新商机 30万 下月签`, `新单子：京东 50万`: untitled, its customer's name
    names = CustomerRepository(ctx.session).names(ctx.tenant.id)
    found = customers_in(said, names)
    if len(found) != 1:
        return None
    if titled is None and (glued := _GLUED_BEFORE.search(said[:new.start()])) \
            and glued[0].startswith(found[0]) and len(glued[0]) > len(found[0]) \
            and not _POINTING.fullmatch(glued[0][len(found[0]):]):  # `京东续约新开个单`: 续约; never
        titled = glued[0][len(found[0]):], glued.start() + len(found[0]), glued.end()  # `比亚迪那边`: r31zh
    title, start, end = titled or (None, 0, 0)
    rest = _blank(_blank(said, start, end), new.start(), new.end())
    change = change_in(_PUT.sub(" ", rest), ctx.today, tuple(names_of(found[0])))
    chinese = answered_in(said, ctx.locale) == "zh"
    line = change.line(f'{found[0]} "{title}"' if title else found[0], chinese)
    command = read(line, ctx.today).command
    command = replace(command, new=bool(title)) if isinstance(command, c.UpsertDeal) else None  # said
    # new: no question about a deal of a title like it; untitled, one of theirs there is asked about
    # (handlers/sales/new_untitled.py)
    if not change.left and command is not None and title and (same := _same_title(ctx, found[0], title)):
        year = change.close.year if change.close and change.close.year != ctx.today.year else None
        line = change.line(f'{found[0]} "{title} {year or ("新" if chinese else "new")}"', chinese)
        made = read(line, ctx.today).command  # `京东续约新开个单 明年的…` beside an open 续约 of theirs:
        asked = c.ParseError(None, "new_deal_same_title", f"#{same.id} {same.title}", options=(  # a new
            ("new_deal_titled", line, replace(made, new=True) if isinstance(made, c.UpsertDeal) else None),
            ("as_deal_change", change.line(f"#{same.id}", chinese), None)))  # one, or that one changed?
        ctx.locale = answered_in(said, ctx.locale)
        return replace(usage_reply(ctx.locale, asked), locale=ctx.locale)
    if not change.left and command is not None:  # question about a deal of a title like it
        return command  # said back by the new deal's card
    left = " ".join(change.left)
    titles = ()
    if title is None and len(change.left) <= 3 and len(left) <= 24 and '"' not in left:  # `万科 新商机 智慧
        named = change.line(f'{found[0]} "{left}"', chinese)  # 园区 50万 线索`: the words no field
        made = read(named, ctx.today).command  # claims are its title, offered first, never dropped (r26)
        titles = (("new_deal_titled", named, replace(made, new=True)),) if isinstance(made, c.UpsertDeal) \
            else ()
    asked = c.ParseError(None, "new_deal_words_left", left,
                         options=(*titles, ("new_deal_without", line, command)))
    ctx.locale = answered_in(said, ctx.locale)
    return replace(usage_reply(ctx.locale, asked), locale=ctx.locale)


#: A new deal asked for at the end of its words (`京东明年续约 30万 预计明年2月 建个商机`, `…, add a deal`):
#: the words before it are the deal's, the title those no field claims
_MADE_AT_END = pattern(NEW_DEAL.pattern + r"[\s。.!！吧]*$", re.I)


#: Words after a customer's name that point at it, no title (`比亚迪那边`, `华为这边的`, `京东那里`)
_POINTING = pattern(r"(?:那边|这边|那里|这里|那儿|这儿|那个|这个|那家|这家|家|方面|那头)(?:的|又|也|还)?")
#: Words glued to the new deal's word before it (`京东续约新开个单`): the customer's name and its title
_GLUED_BEFORE = pattern(r"[\u4e00-\u9fff]{3,}$")


def _same_title(ctx: Ctx, customer: str, title: str):
    """The asker's open deal with `customer` titled `title`, or None."""
    from handlers.lookup import open_deals
    from storage.sales import CustomerRepository as Customers

    found = Customers(ctx.session).exact(ctx.tenant.id, customer)
    return next((d for d in open_deals(ctx, found.id, title) if d.owner_id == ctx.member.id), None) \
        if found is not None else None


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


#: Words that only say how a field is put (`金额先写100万`, `华为那边`, `for now`): no field's, no question
_PUT = pattern(r"(?:明年|今年)的?(?=[\s,，]|$)|"
               r"先写|先记|先填|暂定|那边|这边|那里|这里|那儿|这儿|大概|大约|左右|估计|差不多|[—–~]|(?<![A-Za-z])w/"
               r"|(?<![A-Za-z])(?:for\s+now|for|with|pls|please|around|about|approx|approximately|roughly|"
               r"probably|likely|prob|maybe|ish)(?![A-Za-z])", re.I)
