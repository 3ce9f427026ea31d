"""Words said right after a deal's message about that deal, which no command reads:

- its probability (`prob is more like 50%`, `probability 70%`, `actually 60%`, `prob 50`, `deal #48
  probability 70`, `概率改成70%`, `赢率70%`): a deal's probability is its stage's (the workspace's
  pipeline), so nothing is changed: the reply says so and offers the stages nearest to it, one tap
  each (`deal #48 negotiation`), on the deal named, else the one deal the member's last message
  changed (handlers/sales/last_said.py), else it says what to type;
- its stage, instead of the one just said (`no discovery actually`, `no, moved to discovery`,
  `不是方案，是需求`, `不对，是需求阶段`, `是方案呈现 不是线索`, `其实已经到方案阶段了`, `actually its
  already at proposal stage`): corrected at once, by the correction's rule (the one deal the
  member's last message here put on a stage, or whose stage is the one said wrong, still in
  effect), said old → new; a deal that message did not move is asked, one tap; right after a
  visit, the deal of its customer; with no deal just changed, the open deals are offered as a
  stage said in a sentence is (handlers/sales/stage_said.py).
"""
from __future__ import annotations

import re

from handlers.context import Ctx
from handlers.grammar import commands as c
from handlers.grammar import vocabulary as V
from handlers.grammar import win_rate
from handlers.grammar.language import answered_in
from handlers.grammar.normal import view
from handlers.grammar.patterns import pattern
from handlers.grammar.reading import read
from handlers.grammar.stage_moved import moved_to, stage_named
from handlers.sales import title_field
from handlers.sales.last_said import made_with, not_last
from handlers.sales.said_again import RECENT, described, latest_change
from handlers.sales.stage_said import stage_offer
from handlers.text.reply import Button, Reply
from handlers.text.strings import STAGE_NAMES, WORDS, name_of
from storage import pipelines
from storage.models.sales import Change, Customer, Deal, Visit
from storage.sales import DealRepository

_LEAD = (r"(?:(?:no|nope|nah|sorry|oops|wait|actually|hmm+|oh|ok|okay|and|also|so|correction|my\s+bad)"
         r"[\s,.!:]+)*")
_PROB_WORD = (r"(?:prob|probability|probab|odds|chance|chances|likelihood"
              r"|win[\s-]*(?:rates?|ratio|%|pct|percentage|odds|likelihood|prob(?:ability)?|chances?))")
_PROB_EN = pattern(
    r"^" + _LEAD + r"(?:(?:deal\s*)?#?(?P<id>\d+)(?:'s)?\s+)?(?:(?:set|make|change|put)\s+)?"
    r"(?:the\s+|its\s+|my\s+|our\s+|this\s+deal'?s\s+|the\s+deal'?s\s+)?" + _PROB_WORD
    + r"(?:\s+(?:is|are|=|:|to|at|should\s+be|more\s+like|about|around"
    r"|closer\s+to|of|now|really|actually|like|maybe|prob(?:ably)?))*\s*:?\s*(?P<pct>\d{1,3})\s*%?"
    r"(?:[\s,]+(?:actually|instead|now|really|pls|please|tops|max))*[\s.!]*$"
    r"|^(?:" + _LEAD[:-1] + r"+(?:(?:more\s+like|make\s+it|i\s+meant|it'?s|about|around)\s+)?"
    r"|(?:more\s+like|make\s+it|i\s+meant)\s+)(?P<pct2>\d{1,3})\s*%"  # `actually 60%`, never `60%` alone
    r"(?:\s+" + _PROB_WORD + r")?(?:[\s,]+(?:actually|instead|now|really))*[\s.!]*$", re.I)
_PROB_ZH = pattern(
    r"^(?:(?:不对|不是|错了|另外|还有|哦|嗯)[\s,，。!！]*)*(?:(?:商机\s*)?#?(?P<id>\d+)\s*(?:的)?)?把?(?:我的|我们的|这单的?)?"
    r"(?:(?:成交|赢单|签单)?(?:赢率|概率|胜率|把握|可能性)|(?:成交|赢单|签单)率)"
    r"(?:应该|大概|大约|差不多|其实|改成|改为|调到|调成|是|为|有|[:：])*"
    r"\s*(?:百分之)?(?P<pct>\d{1,3})\s*[%％]?(?:左右|吧|的样子)?[\s。!！]*$")
#: `no discovery actually`, `no, it's discovery`, `actually discovery stage`, `discovery not proposal`
_STAGE_EN = pattern(
    r"^(?P<lead>(?:(?:no|nope|nah|sorry|oops|wait|actually|correction|my\s+bad|wrong\s+stage)[\s,.!:]+)+)"
    r"(?:(?:it'?s|it\s+is|we'?re|we\s+are|they'?re|they\s+are|i\s+meant|make\s+it|should\s+be|it\s+should\s+be"
    r"|still)\s+)?(?:(?:already|now|actually|really)\s+)*(?:(?:at|in)\s+(?:the\s+)?)?"  # `its already at`
    r"(?P<rest>.+?)(?:[\s,]+not\s+(?:in\s+)?(?P<was>[a-z][a-z ]*?))?"
    r"(?:[\s,]+(?:actually|instead|stage|now|already))*[\s.!]*$"
    r"|^(?P<rest2>[a-z][a-z ]*?)[\s,]+not\s+(?:in\s+)?(?P<was2>[a-z][a-z ]*?)"
    r"(?:[\s,]+(?:actually|instead))*[\s.!]*$"
    r"|^(?:it'?s|we'?re|they'?re)\s+already\s+(?:at|in)\s+(?:the\s+)?(?P<rest3>[a-z][a-z ]*?)"  # no lead
    r"(?:\s+stage)?(?:[\s,]+not\s+(?:in\s+)?(?P<was3>[a-z][a-z ]*?))?[\s.!]*$", re.I)
#: `不对，是需求阶段`, `不是方案，是需求`, `其实已经到方案阶段了`, `是方案呈现 不是线索`
_STAGE_ZH = pattern(
    r"^(?:(?:哦不(?!是)|噢不(?!是)|哦|噢|嗯|呃|啊|哎呀?|唉|不好意思|抱歉|其实|不对|错了|说错了|搞错了|更正)"
    r"[\s,，。!！]*)*(?:不是(?P<was>[^\s,，。是]+?)(?:阶段)?(?:[\s,，。]+|(?=是)))?"
    r"(?:应该是|是|改成|改为|其实是|还在|(?:已经|现在|早就)(?:到了?|在|是|进入到?|推进到)|到了)?"
    r"(?P<rest>[^\s,，。!！]+?)(?:阶段)?(?:[\s,，。]*不是(?P<was_after>[^\s,，。!！]+?)(?:阶段)?)?"
    r"[\s。!！]*(?:了|吧|啦|哈)?[\s。!！]*$")

#: a Chinese stage said instead: a word saying the one just said was wrong, after any fillers (`哦不对 …`)
_ZH_SAYS_NOT = pattern(r"^(?:(?:哦不|噢不|哦|噢|嗯|呃|啊|哎呀?|唉|不好意思|抱歉|其实)[\s,，。!！]*)*"
                       r"(?:不对|错了|说错了|搞错了|更正|不是|(?<=[哦噢]不)[\s,，。!！]*不?是"
                       r"|(?:其实|实际上)?(?:已经|早就)(?=到|在|是|进入|推进))")  # `其实已经到方案阶段了`


def answer(ctx: Ctx, text: str):
    """The reply (or the command) to `text` said about a deal's probability or stage, or None."""
    said = " ".join(view(text).split())
    if win_rate.asked(said):  # `what's my win rate?`: the scorecard shows it
        ctx.locale = answered_in(said, ctx.locale)
        return c.ShowScorecard()
    if (found := _PROB_EN.match(said) or _PROB_ZH.match(said)) is not None:
        return _probability(ctx, found, _PROB_ZH.made(found))
    if (titled := title_field.answer(ctx, text)) is not None:
        return titled  # `the sensor project close march`: that deal's change, offered
    return _stage_instead(ctx, said)


def _probability(ctx: Ctx, found: re.Match, zh: bool) -> Reply:
    ctx.locale = "zh" if zh else "en"
    pct = int(found.groupdict().get("pct") or found.groupdict().get("pct2"))
    number = found.groupdict().get("id")
    word = name_of(WORDS, "deal", ctx.locale)
    example = f"{word} #{number or 12} {name_of(STAGE_NAMES, _nearest(min(pct, 100))[-1], ctx.locale)}"
    ctx.correcting = not number  # of the deal just changed: refused, it leaves the last message so
    deal = _deal(ctx, int(number)) if number else _just_changed(ctx, example)
    if not number and (deal is None or isinstance(deal, Reply)) and pct <= 100 \
            and (which := _which_deal(ctx, pct, example)) is not None:  # `概率改成80%`, no deal just changed:
        return which  # which deal, one tap each (r31zh #120), never a refusal with nothing to tap
    if isinstance(deal, Reply):
        return deal
    if deal is None or pct > 100:
        return Reply(lines=(ctx.t("probability_how", pct=pct, example=example),), ok=False)
    pipeline = pipelines.current()
    options = [key for key in _nearest(pct) if key != deal.stage]
    stage = name_of(STAGE_NAMES, deal.stage, ctx.locale)
    if not options or deal.stage not in pipeline.open:
        return Reply(lines=(ctx.t("probability_kept", what=described(ctx, deal), stage=stage,
                                  pct=deal.probability),), ok=False)
    buttons = tuple(Button(f"{name_of(STAGE_NAMES, key, ctx.locale)} · {pipeline.probability(key)}%",
                           f"{word} #{deal.id} {name_of(STAGE_NAMES, key, ctx.locale)}") for key in options)
    hint = ctx.t("answer_hint_one") if len(buttons) == 1 else ctx.t("answer_hint", count=len(buttons))
    return Reply(lines=(ctx.t("probability_by_stage", what=described(ctx, deal), stage=stage,
                              pct=deal.probability, said=pct), hint), ok=False, buttons=buttons, which=True)


def _which_deal(ctx: Ctx, pct: int, example: str) -> Reply | None:
    """Which of the member's open deals should be at about `pct`: one tap each (its answer offers
    the stage nearest to it); None where they have none open."""
    open_stages = pipelines.current().open
    deals = [(deal, name) for deal, name in DealRepository(ctx.session).open_deals([ctx.member.id])
             if deal.stage in open_stages][:5]
    if not deals:
        return None
    word, rate = name_of(WORDS, "deal", ctx.locale), ("概率" if ctx.locale == "zh" else "probability ")
    buttons = tuple(Button(f"#{deal.id} {name} · {deal.title}"[:75], f"{word} #{deal.id} {rate}{pct}%")
                    for deal, name in deals)
    hint = ctx.t("answer_hint_one") if len(buttons) == 1 else ctx.t("answer_hint", count=len(buttons))
    ctx.correcting = False  # a question: the last message stays as it was, nothing is corrected
    lines = (ctx.t("probability_how", pct=pct, example=example), ctx.t("probability_which", pct=pct), hint)
    return Reply(lines=lines, ok=False, buttons=buttons, which=True)


def _nearest(pct: int) -> list[str]:
    """The open stages nearest to `pct`: the one at it, else the one below and the one above."""
    pipeline = pipelines.current()
    stages = sorted(pipeline.open, key=pipeline.probability)
    exact = [key for key in stages if pipeline.probability(key) == pct]
    if exact:
        return exact[:1]
    below = [key for key in stages if pipeline.probability(key) < pct][-1:]
    above = [key for key in stages if pipeline.probability(key) > pct][:1]
    return below + above


def _deal(ctx: Ctx, number: int) -> Deal | Reply:
    deal = ctx.session.get(Deal, number)
    if deal is None or deal.tenant_id != ctx.tenant.id:
        return Reply(lines=(ctx.t("deal_not_found", id=number),), ok=False)
    return deal


def _just_changed(ctx: Ctx, example: str) -> Deal | Reply | None:
    """The one deal the member's last message here changed (recent, in effect), the reason why
    not (a message since, here; `example`: what to type instead), or None."""
    change = latest_change(ctx)
    if change is None or change.at < ctx.now - RECENT or change.status != "done":
        return None
    deals = _deals_of(ctx, change)
    if len(deals) != 1:
        return None
    return not_last(ctx, change, example) or deals[0][0]


def _deals_of(ctx: Ctx, change: Change) -> list[tuple[Deal, dict]]:
    """The deals the message of `change` made or changed (with their row of it), still there."""
    rows = {row["k"][0]: row for each in made_with(ctx, change) for row in each.rows
            if row["t"] == "deals" and row["a"]}
    found = [(ctx.session.get(Deal, key), row) for key, row in rows.items()]
    return [(deal, row) for deal, row in found if deal is not None and deal.tenant_id == ctx.tenant.id]


def _stage_word(words: str) -> str | None:
    """The open stage `words` name (`discovery`, `需求阶段`, `moved to discovery`), or None."""
    words = words.strip(" ,，.。!！").lower().removeprefix("the ").removesuffix(" stage")
    if (moved := moved_to("^").match(words)) is not None and moved.end() == len(words):
        words = moved["stage"].lower()
    stage = V.STAGE_WORDS.get(words) or (moved is not None and stage_named(words)) or None
    return stage if stage in pipelines.current().open else None


def _stage_instead(ctx: Ctx, said: str):
    found = _STAGE_EN.match(said)
    zh = found is None
    if zh:
        found = _STAGE_ZH.match(said)
        if found is None or not _ZH_SAYS_NOT.match(said):
            return None
    groups = found.groupdict()
    stage = _stage_word(groups.get("rest") or groups.get("rest2") or groups.get("rest3") or "")
    was_said = groups.get("was") or groups.get("was2") or groups.get("was3") or groups.get("was_after")
    was = _stage_word(was_said) if was_said else None
    if stage is None or was_said and was is None:
        return None
    ctx.locale = "zh" if zh else "en"
    change = latest_change(ctx)
    deals = []
    if change is not None and change.at >= ctx.now - RECENT and change.status == "done":
        word = name_of(WORDS, "deal", ctx.locale)
        example = f"{word} #12 {name_of(STAGE_NAMES, stage, ctx.locale)}"
        if (why := not_last(ctx, change, example)) is not None:
            ctx.correcting = True  # refused, it leaves the last message as it was
            return why
        deals = _deals_of(ctx, change)
        ctx.correcting = bool(deals)  # about the deal just changed: refused, the last message stays
    if not deals and change is not None and change.entity == "visits" and change.at >= ctx.now - RECENT:
        return _after_visit(ctx, change, stage, zh)  # `其实已经到方案阶段了` after a visit: its customer's
    if len(deals) != 1:
        return stage_offer(ctx, "", stage, zh=zh)  # which deal: one tap each (or what to type)
    deal, row = deals[0]
    move = f"{name_of(WORDS, 'deal', ctx.locale)} #{deal.id} {name_of(STAGE_NAMES, stage, ctx.locale)}"
    staged = row.get("b") is None or (row.get("b") or {}).get("stage") != (row.get("a") or {}).get("stage")
    if deal.stage == stage:
        return Reply(lines=(ctx.t("stage_instead_already", what=described(ctx, deal),
                                  stage=name_of(STAGE_NAMES, stage, ctx.locale)),), ok=False)
    if not staged and was != deal.stage or was is not None and was != deal.stage:  # the message set no
        # stage (and the stage said wrong is not the deal's: `是方案呈现 不是线索` of a lead is), or another
        customer = ctx.session.get(Customer, deal.customer_id)
        return Reply(lines=(ctx.t("stage_said_one", id=deal.id, customer=customer.name, title=deal.title,
                                  stage=name_of(STAGE_NAMES, stage, ctx.locale)), ctx.t("answer_hint_one")),
                     ok=False, buttons=(Button(move, move),))
    ctx.notes.append(ctx.t("follow_on_changed", change=ctx.t(
        "follow_on_edit", what=described(ctx, deal), field=ctx.t("follow_on_stage"),
        old=name_of(STAGE_NAMES, deal.stage, ctx.locale), new=name_of(STAGE_NAMES, stage, ctx.locale))))
    ctx.text = move  # what the change was (`undo` says it back)
    return read(move, ctx.today).command


def _after_visit(ctx: Ctx, change: Change, stage: str, zh: bool):
    """A stage said right after a visit: the deal of the visit's customer (one: moved, said how it
    was read; several: asked), else the member's open deals, asked."""
    visit = ctx.session.get(Visit, change.entity_id) if change.entity_id else None
    customer = ctx.session.get(Customer, visit.customer_id) if visit is not None else None
    open_ids = {deal.customer_id for deal, _ in DealRepository(ctx.session).open_deals([ctx.member.id])
                if deal.stage in pipelines.current().open}
    named = customer.name if customer is not None and customer.id in open_ids else ""
    return stage_offer(ctx, named, stage, zh=zh)
