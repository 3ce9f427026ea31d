"""A change to the asker's deal said in a sentence, with no command word (`byd deal is in
negotiation still, bump amount to 350k pls`, `海尔那个单子推进到谈判了 金额改成30万`): made to
the asker's one open deal with that customer when every word is read, else offered as the edit of
each deal it can be (`商机 #51 谈判 30万`), every field said kept; never a new deal, never a visit."""
from __future__ import annotations

import re
from dataclasses import replace

from handlers.context import Ctx, usage_reply
from handlers.grammar import commands as c
from handlers.grammar.closed_words import closed_said
from handlers.grammar.command_unsaid import PROBABILITY
from handlers.grammar.deal_change import change_in
from handlers.grammar.deal_offer import may_be_title
from handlers.grammar.language import answered_in
from handlers.grammar.normal import name_fold, view
from handlers.grammar.patterns import pattern
from handlers.grammar.reading import read
from handlers.grammar.title_words import TITLE_WORDS
from handlers.grammar.unsaid import customers_in
from handlers.lookup import open_deals
from handlers.text.reply import Reply
from storage.sales import CustomerRepository


def change_said(ctx: Ctx, text: str) -> c.Command | Reply | None:
    """The change made (every word read, one deal it can be), or offered; None where the message
    names no one customer the asker has an open deal with, or says no field of a deal."""
    said = " ".join(text.split())
    moved = _MOVED.search(said)  # what is said after a move (`…推进到需求确认了，客户下周要看demo`) is
    if closed_said(said) or _NOT_A_CHANGE.search(said[:moved.start()] if moved else said):  # the
        return None  # visit's notes offered with it (r29zh); a win, a question, a visit told: elsewhere
    names = CustomerRepository(ctx.session).names(ctx.tenant.id)
    found = customers_in(said, names)
    if len(found) != 1:
        return None
    customer_id = next(i for i, name in names if name == found[0])
    mine = [d for d in open_deals(ctx, customer_id) if d.owner_id == ctx.member.id]
    titled, title_words = _titled(mine, said)
    deals = titled or mine
    change = change_in(said, ctx.today, (*names_of(found[0]), *title_words))
    if not mine and (new := _new_deal(said, found[0], change, answered_in(said, ctx.locale) == "zh")) \
            is not None:
        ctx.locale = answered_in(said, ctx.locale)  # `小米 新客户 那个CRM二期 估计12万 下个月中签`: a new
        return replace(usage_reply(ctx.locale, new), locale=ctx.locale)  # deal, never a visit's notes
    if not deals or not change.fields or not change.told:
        return None
    chinese = answered_in(said, ctx.locale) == "zh"
    lines = [change.line(f"#{d.id}", chinese) for d in deals[:5]]
    if len(lines) == 1 and not change.left:
        return read(lines[0], ctx.today).command  # said back by the deal's card
    if len(lines) == 1 and change.stage and (rate := _probability_only(change.left)):  # `…推进到方案阶段了，
        asked = c.ParseError(None, "stage_and_probability_said", said, rate, options=(  # 另外概率改成40%`:
            ("as_stage_moved", lines[0], None),))  # the stage's own probability, said so (never dropped)
        ctx.locale = answered_in(said, ctx.locale)
        return replace(usage_reply(ctx.locale, asked), locale=ctx.locale)
    label, told = "deal_without" if change.left else "as_deal_change", ""
    options = [(label, line, None) for line in lines]
    problem = "deal_words_left" if change.left else "deal_change_unsaid"
    if change.left and change.stage and len(lines) == 1 and _told_after(said, change):  # `globex erp
        # deal to negotiation they accepted the proposal`: the move, and the rest a visit's notes
        # (as a visit's notes that tell of a move offer the move: handlers/grammar/parse_visits.py)
        word, colon = ("拜访", "：") if chinese else ("visit", ": ")
        visit = f"{word} {found[0]}{colon}{_notes_typed(said, change)}"
        options.insert(0, ("stage_and_visit", f"{lines[0]}\n{visit}", None))
        problem, told = "deal_move_words_left", _notes_typed(said, change)
    elif not titled and may_be_title(said, found[0], change.left):  # `京东 数据湖 需求确认 12万`: the
        title = " ".join(change.left)  # words left may be a new deal's title: offered too, never dropped
        options.append(("new_deal_titled", change.line(f'{found[0]} "{title}"', chinese), None))
    elif (new := _new_deal(said, found[0], change_in(said, ctx.today, tuple(names_of(found[0]))), chinese,
                           [d.title for d in mine])) is not None:
        options.append(new.options[0])  # `小米 那个CRM二期 估计12万 下个月中签`: a new deal too (its
        # title is none of theirs: `CRM二期` is not the deal `CRM`)
    told = told or _as_typed(said, change.left) or found[0]
    asked = c.ParseError(None, problem, told, options=tuple(options))
    ctx.locale = answered_in(said, ctx.locale)
    return replace(usage_reply(ctx.locale, asked), locale=ctx.locale)


def _new_deal(said: str, customer: str, change, chinese: bool, taken: list[str] = ()) -> c.ParseError | None:
    """A new deal a sentence tells, with an amount and a close day (`小米 新客户 那个CRM二期 估计12万
    下个月中签`): offered titled with the words left but those that say nothing of it (`那个`, `估计`,
    `新客户`: said back as not kept); None where no few words are left for a title."""
    if not (change.amount and change.close):
        return None
    words = [_FILLER.sub("", w) for w in change.left]
    title = " ".join(w for w in words if w)
    if not title or len(title.split()) > 3 or len(title) > 20 or '"' in title \
            or name_fold(title) in {name_fold(t) for t in taken}:
        return None
    before = name_fold(said[:max(said.find(change.left[0]), 0)]).rstrip(" ,，-–—:：")
    if not any(before.endswith(name_fold(name)) for name in (customer, *names_of(customer))):
        return None  # where a title goes, right after the name (`acme deal - 60k, …, CFO signs off` is
        # no title)
    dropped = " ".join(w for w in change.left if _FILLER.sub("", w) != w)
    problem = "deal_new_unsaid_left" if dropped else "deal_new_unsaid"
    return c.ParseError(None, problem, customer, dropped, options=(
        ("new_deal_titled", change.line(f'{customer} "{title}"', chinese), None),))


#: Words of a new deal's sentence that say nothing of it (`那个`, `估计`, `新客户`, `about`)
_FILLER = pattern(r"^(?:新客户|新客|那个|这个|估计|大概|大约|差不多|预估|"
                  r"new\s+(?:customer|client|logo)|about|around|roughly|approx\.?|est\.?)(?:的)?"
                  r"|^(?:新客户|新客)$", re.I)


#: Words that join a probability to the change before it (`另外`, `and`, `，`)
_JOINING = pattern(r"^(?:另外|还有|并且|同时|然后|and|also|plus|[\s,，;；。.])*$", re.I)


def _probability_only(left: list[str]) -> str | None:
    """The percent of a deal's probability that is all the words left say (`另外概率改成40%`), else None."""
    told = " ".join(left)
    rate = PROBABILITY.search(view(told))
    return rate["pct"] if rate and _JOINING.match(told[:rate.start()] + " " + told[rate.end():]) else None


def _told_after(said: str, change) -> bool:
    """Whether the words left are said after the move (`… to negotiation they accepted the
    proposal`): what happened, a visit's notes; a word before it (`推近到方案`, a mistyped verb) is none."""
    from handlers.grammar import vocabulary as V

    at = said.find(change.left[0])
    before = said[:at].lower() if at >= 0 else ""
    from handlers.grammar.stage_moved import stage_named

    return any(word in before for word, stage in V.STAGE_WORDS.items() if stage == change.stage) \
        or any(stage_named(word) == change.stage for word in re.findall(r"[a-z]{4,}", before))  # a slip


def _notes_typed(said: str, change) -> str:
    """The words told after the move as typed, with the words of the stage's own or of time
    said just before them (`报价已经发过去` after `推到方案了`: never `发过去` alone)."""
    from handlers.grammar import vocabulary as V
    from handlers.grammar.stage_moved import VERB_BEFORE

    typed = _as_typed(said, change.left)
    start = said.find(typed)
    if start < 0:
        return typed
    words = sorted((w for w, stage in V.STAGE_WORDS.items() if stage == change.stage and _CJK.search(w)),
                   key=len, reverse=True)
    before = pattern("(?:" + "|".join(map(re.escape, [*words, *_TIME_WORDS])) + ")$")
    while (found := before.search(said, 0, start)) and not VERB_BEFORE.search(said, 0, found.start()):
        start = found.start()  # `推到方案了 报价已经发过去`: 报价, 已经 go with the notes
    end = said.find(typed) + len(typed)
    after = pattern("(?:" + "|".join(map(re.escape, [*words, *_ENDINGS])) + ")")
    while found := after.match(said, end):  # `已经发了报价`: 了 and 报价 too
        end = found.end()
    return said[start:end]


_CJK = pattern(r"[\u3400-\u9fff]")
_TIME_WORDS = ("已经", "已", "刚刚", "刚", "现在", "也", "都", "还")
_ENDINGS = ("了", "的", "过", "啦")


def _as_typed(said: str, left: tuple[str, ...]) -> str:
    """The words left as typed, from the first to the last (`after the discount`)."""
    if not left:
        return ""
    start = said.find(left[0])
    end = said.find(left[-1], start)
    return said[start:end + len(left[-1])] if start >= 0 and end >= 0 else " ".join(left)


def names_of(customer: str) -> list[str]:
    """How a sentence names the customer: as a win does, and by its brand (`midea` of 美的集团)."""
    from handlers.grammar.brands import BRANDS, brand_of
    from handlers.grammar.closed_words import aliases
    from handlers.rules.name_likeness import core_name

    brand = brand_of(core_name(customer))
    return [*aliases(customer),
            *(english for english, chinese in BRANDS.items() if brand and chinese[0] == brand)]


_TITLE_WORDS = TITLE_WORDS  # handlers/grammar/title_words.py


def _titled(deals: list, said: str) -> tuple[list, list[str]]:
    """(the deals whose title the sentence says, in its words or in English, the words that say it)."""
    folded = name_fold(said)
    from handlers.grammar.vocabulary import near_word

    words = {w: w.lower() if w.lower() in _TITLE_WORDS else near_word(w, _TITLE_WORDS)  # `platfrom`: a
             for w in said.replace(",", " ").split()}  # title's word with a slip, as said
    words = {w: key for w, key in words.items() if key}
    fits = [(d, [d.title] if name_fold(d.title) in folded else [core] if (core := _core(d.title)) and
             name_fold(core) in folded else
             [w for w, key in words.items() if _TITLE_WORDS[key] in d.title])
            for d in deals if name_fold(d.title)]
    fits = [(d, said_as) for d, said_as in fits if said_as]
    return [d for d, _ in fits], [w for _, said_as in fits for w in said_as]


def _core(title: str) -> str | None:
    """A Chinese title without its generic last word (`储能` of `储能项目`), when two characters
    or more are left: how a sentence names the deal (`比亚迪储能那个单子推到下个月了`)."""
    core = _GENERIC.sub("", title)
    return core if core != title and len(core) >= 2 else None


_GENERIC = pattern(r"(?<=[\u4e00-\u9fff])(?:项目|工程|系统|方案|采购|合同)$")
#: A deal moved in Chinese (`推进到`)
_MOVED = pattern(r"推进到|推到|进到|进入")  # (English moves keep their readers: fix18b, round 9)
#: A question, or a visit told (`met w/ Hooli, proposal by wed`): no change made in words alone
_NOT_A_CHANGE = pattern(r"[?？]\s*$|去了|见了|拜访|聊了|"
                        r"(?<![A-Za-z])(?:met|visited|went|lunch|mtg|meeting|call|called|demo|what|how|"
                        r"where|status|history)(?![A-Za-z])", re.I)
