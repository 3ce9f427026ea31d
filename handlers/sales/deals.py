"""Create, move, win and lose deals. Only a deal's owner changes it."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from handlers.context import Ctx, Said
from handlers.events import DealWon
from handlers.grammar.amounts import Money
from handlers.grammar.commands import CloseDeal, DealRef, UpsertDeal
from handlers.grammar.normal import name_fold
from handlers.lookup import customer_and_title, customer_named, example, open_deals
from handlers.members import may_manage
from handlers.sales import close_offer, close_unknown, deal_currency, deal_phrase, new_untitled, won_amount
from handlers.sales.reasons import category_answer, category_name, competitor_added, note_reason
from handlers.sales.similar_titles import ask_similar_title
from handlers.sales.stray_customer import deal_customer
from handlers.text import format as fmt
from handlers.text.reply import Button, Reply
from handlers.text.strings import CLOSE_REASONS, STAGE_NAMES, WIN_REASONS, WORDS, name_of
from storage import pipelines
from storage.models.sales import CLOSED_STAGES, Customer, Deal, DealEvent
from storage.models.workspace import Member
from storage.sales import DealRepository


def handle_upsert_deal(ctx: Ctx, cmd: UpsertDeal) -> Reply:
    repo = DealRepository(ctx.session)
    cmd = won_amount.number_as_title(ctx, cmd)  # `deal 京东 618 谈判`: its deal titled 618, or asked
    if (won := won_amount.only_the_amount_of_a_won_deal(ctx, cmd)) is not None:  # `不对，是25万`
        _check_owner(ctx, won, by_number=True)
        deal_currency.check(ctx, cmd, won)
        return won_amount.amend(ctx, cmd, won, deal_card)
    cmd = new_untitled.checked(ctx, cmd)  # `小米有个新商机 30万`: new, or one of theirs there? asked
    deal, customer, title = _find_deal(ctx, cmd.ref)
    notes, before = [], before_of(deal)
    if deal is not None:
        deal_currency.check(ctx, cmd, deal)
    if deal is None:
        stage = cmd.stage or "lead"
        money = cmd.amount or Money(Decimal(0))
        deal = repo.add(tenant_id=ctx.tenant.id, owner_id=ctx.member.id, customer_id=customer.id,
                        title=title or customer.name, stage=stage, amount=money.amount,
                        currency=money.currency or ctx.tenant.currency,
                        expected_close=cmd.close, now=ctx.now)
        notes.append(Said("deal_created"))
    else:
        old_stage = deal.stage
        if cmd.stage and cmd.stage != deal.stage:
            repo.move(deal, cmd.stage, ctx.member.id, ctx.now)
            notes.append(Said("deal_moved", old=_stage_of(old_stage), new=_stage_of(cmd.stage)))
        if cmd.amount:
            repo.set_amount(deal, cmd.amount.amount, cmd.amount.currency or deal.currency,
                            ctx.member.id, ctx.now)
        if cmd.close and cmd.close != deal.expected_close:
            deal.expected_close, deal.updated_at = cmd.close, ctx.now
        if cmd.ref.deal_id is not None and cmd.ref.title and cmd.ref.title != deal.title:
            notes.append(Said("deal_retitled", old=deal.title, new=cmd.ref.title))
            repo.retitle(deal, cmd.ref.title, ctx.member.id, ctx.now)
        if cmd.customer:  # a customer the last message made, named wrong: renamed, or removed once moved off
            customer = deal_customer(ctx, deal, customer, cmd.customer, notes, bool(before))
        if not notes and deal.updated_at == ctx.now:
            notes.append(Said("deal_updated"))
        if not notes:  # `deal Acme` only shows the deal: nothing changes, the stall clock runs on;
            said = cmd.stage or cmd.amount or cmd.close or cmd.customer  # `deal #13 close jan 4` on Jan 4:
            return deal_card(ctx, deal, customer.name, ctx.member, [Said("deal_same")] if said else [])  # so
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "deal.change" if before else "deal.create", "deal",
                     deal.id, at=ctx.now, stage=deal.stage, amount=deal.amount, **before)
    if deal.expected_close != (before or {}).get("b_close", deal.expected_close):
        repo.s.add(DealEvent(deal_id=deal.id, owner_id=deal.owner_id, actor_id=ctx.member.id,
                             at=ctx.now, kind="close", old_text=_iso(before["b_close"]),
                             new_text=_iso(deal.expected_close)))
    owner = _told(ctx, deal, notes)
    return deal_card(ctx, deal, customer.name, owner, notes)


def _iso(day) -> str | None:
    return day.isoformat() if day else None


def _told(ctx: Ctx, deal: Deal, notes: list[Said]) -> Member:
    """The deal's owner; told when a manager changed it."""
    if deal.owner_id == ctx.member.id:
        return ctx.member
    from handlers.sales.corrections import tell_owner
    owner = ctx.session.get(Member, deal.owner_id)
    tell_owner(ctx, owner, f"deal:{deal.id}", Said("deal_title", id=deal.id, title=deal.title), *notes)
    return owner


def before_of(deal: Deal | None) -> dict:
    """What `undo` puts back: the deal's stage, amount, currency, close date, reason, title and
    customer now."""
    if deal is None:
        return {}
    return {"b_stage": deal.stage, "b_amount": deal.amount, "b_currency": deal.currency,
            "b_close": deal.expected_close, "b_reason": deal.reason or "", "b_title": deal.title,
            "b_customer": deal.customer_id}


def _ask_reason_or_title(ctx: Ctx, cmd: CloseDeal, customer: Customer, said: str) -> None:
    """Words after the customer with no colon that name none of the asker's open deals (`输单 美的
    价格太高 对手报价低了三成`): the reason, on which open deal? (or, for a win with its amount, a
    new deal of that title). Asked when the customer has open deals of theirs; else nothing."""
    mine = [d for d in DealRepository(ctx.session).open_for_customer(customer.id)
            if d.owner_id == ctx.member.id][:3]
    if not mine:
        return
    buttons = [close_offer.reason_button(ctx, f"#{d.id} {d.title}: {said}", replace(
        cmd, ref=DealRef(d.id), reason=said), ctx.text) for d in mine]  # a day in it: asked on a tap
    if cmd.won and cmd.amount is not None:
        buttons.append(Button(ctx.t("new_deal_button", title=said)[:75], ctx.text,
                              action=replace(cmd, ref=DealRef(None, (customer.name,), said))))
    raise ctx.refuse("reason_or_title", text=said, customer=customer.name,
                     deals=" · ".join(f"#{d.id} {d.title}" for d in mine), buttons=tuple(buttons))


def handle_close_deal(ctx: Ctx, cmd: CloseDeal) -> Reply:
    repo = DealRepository(ctx.session)
    cmd = won_amount.number_as_title(ctx, cmd)  # `lost 京东 618: …`: its deal titled 618
    noted = _reason_afterwards(ctx, cmd)
    if noted is not None:
        return noted
    cmd, marked = deal_phrase.plain(ctx, cmd)  # `won the wayne erp deal 190k`: Wayne's ERP, or asked
    deal, customer, title = _find_deal(ctx, cmd.ref)
    close_unknown.ask_if_new(ctx, cmd, customer, title)  # `won foobar corp 190k`: new or which, asked
    stage = "won" if cmd.won else "lost"
    before = before_of(deal)
    made = ()  # `won Acme "New title" 50k`: the new deal said, never a quiet twin of an open one
    if deal is None and title and (not cmd.won or cmd.amount is None or cmd.ref.title is None):
        deal = _titled_partly(ctx, customer, title)  # `lost tencent "trial"`: its `trial->paid`;
        # `赢单 Acme 维保 ¥6万` (unquoted): her open 年度维保, never a new won deal "维保"
    if deal is None and cmd.ref.title is None and title and not cmd.reason \
            and (lead := _titled_lead(ctx, customer, title)):  # `输单 腾讯 CRM 被华为云抢了`
        deal, cmd = lead[0], replace(cmd, reason=lead[1])
        close_offer.ask_day_in_reason(ctx, cmd, deal.id)  # `… 下周再去问问原因`: a follow-up?
    if deal is None and marked:  # `won the wayne crm deal`: no deal of hers by those words: which?
        deal_phrase.ask(ctx, cmd, marked, customer)
    if deal is None and cmd.ref.title is None and title and not cmd.reason:
        _ask_reason_or_title(ctx, cmd, customer, title)  # `输单 美的 价格太高`: a reason, or a deal?
    if deal is None and title and (not cmd.won or cmd.amount is None):  # `lost 小米 "erp deal"`: its ERP?
        close_offer.ask_open_deal(ctx, cmd, customer, title)
    if deal is None:
        if not cmd.won or cmd.amount is None:
            key = "need_amount" if cmd.won else "no_open_deal"
            topic = "won" if cmd.won else "lost"
            refusal = ctx.refuse(key, customer=customer.name, example=example(ctx, topic))
            if cmd.won and ctx.text:  # `won Umbrella` ⏎ `80k`: the amount typed next completes it
                refusal.reply = replace(refusal.reply, fill=ctx.text)
            raise refusal
        deal = repo.add(tenant_id=ctx.tenant.id, owner_id=ctx.member.id, customer_id=customer.id,
                        title=title or customer.name, stage="won", amount=cmd.amount.amount,
                        currency=cmd.amount.currency or ctx.tenant.currency, expected_close=None,
                        now=ctx.now)
        made = (ctx.t("deal_created"),)
    else:
        deal_currency.check(ctx, cmd, deal)
        if cmd.amount:
            repo.set_amount(deal, cmd.amount.amount, cmd.amount.currency or deal.currency,
                            ctx.member.id, ctx.now)
        repo.move(deal, stage, ctx.member.id, ctx.now)
    which, buttons = note_reason(ctx, deal, cmd.reason, cmd.won)  # `price and delivery`: which?
    ctx.people.audit(ctx.tenant.id, ctx.member.id, f"deal.{stage}", "deal", deal.id, at=ctx.now,
                     amount=deal.amount, reason=cmd.reason, **(before or {"created": True}))
    amount = fmt.money(deal.amount, deal.currency, ctx.locale)
    owner = _told(ctx, deal, [ctx.t("won_reply" if cmd.won else "lost_reply", id=deal.id,
                                    customer=customer.name, amount=amount)])
    why = ((which,) if which else (ctx.t("reason_thanks"), *_filed(ctx, deal, cmd.reason))) if cmd.reason \
        else (_ask_reason(ctx, deal.id, cmd.won),)
    buttons = buttons if cmd.reason else _reason_buttons(ctx, deal.id, cmd.won)
    if not cmd.won:
        return Reply(lines=(ctx.t("lost_reply", id=deal.id, customer=customer.name), *why),
                     buttons=buttons, asks=bool(buttons))
    ctx.emit(DealWon(deal.id, owner.id, Reply(
        title=ctx.t("won_announce", who=owner.display_name, customer=customer.name, amount=amount),
        lines=(cmd.reason,) if cmd.reason else (), locale=ctx.locale, subject=f"won:{deal.id}")))
    return Reply(lines=(ctx.t("won_reply", id=deal.id, customer=customer.name, amount=amount), *made, *why),
                 buttons=buttons, asks=bool(buttons))


def _reason_afterwards(ctx: Ctx, cmd: CloseDeal) -> Reply | None:
    """`lost #12: price`: the reason of a deal closed that way without one, or its category asked."""
    if cmd.ref.deal_id is None or not cmd.reason:
        return None
    deal = DealRepository(ctx.session).get(ctx.tenant.id, cmd.ref.deal_id)
    if deal is None or deal.stage != ("won" if cmd.won else "lost"):
        return None
    _check_owner(ctx, deal)
    if deal.reason and (rival := competitor_added(ctx, deal, cmd.reason)) is not None:
        return rival  # `lost #23: competitor was huawei cloud` after its reason: its competitor only
    if deal.reason:  # `won #5: delivery`: the category asked about; `lost #53: timing` after `competitor`
        return category_answer(ctx, deal, cmd.reason, cmd.won, again=bool(deal.reason_category))  # picked
    which, buttons = note_reason(ctx, deal, cmd.reason, cmd.won)
    ctx.people.audit(ctx.tenant.id, ctx.member.id, "deal.reason", "deal", deal.id, reason=cmd.reason)
    if which:  # two categories named: which decided it, asked
        return Reply(lines=(which,), buttons=buttons, asks=bool(buttons))
    return Reply(lines=(ctx.t("reason_noted", id=deal.id, reason=cmd.reason), *_filed(ctx, deal, cmd.reason)))


def _filed(ctx: Ctx, deal: Deal, reason: str) -> tuple[str, ...]:
    """What `reasons` counts a close as where it was read from the reason's words (`beat them on
    delivery time`: delivery), so that the rep sees the reading; () where the reason is the name, or
    where it names no category (nothing was read: nothing filed, nothing said)."""
    if not deal.reason_category:
        return ()
    category = category_name(deal.reason_category, ctx.locale)
    return () if name_fold(category) == name_fold(reason) else (ctx.t("reason_filed", category=category),)


def _ask_reason(ctx: Ctx, deal_id: int, won: bool) -> str:
    word = name_of(WORDS, "won" if won else "lost", ctx.locale)
    return ctx.t("reason_ask", example=f"{word} #{deal_id}: …")


def _reason_buttons(ctx: Ctx, deal_id: int, won: bool) -> tuple[Button, ...]:
    word = name_of(WORDS, "won" if won else "lost", ctx.locale)
    pick = 1 if ctx.locale == "zh" else 0
    return tuple(Button(reason[pick], f"{word} #{deal_id}: {reason[pick]}")
                 for reason in (WIN_REASONS if won else CLOSE_REASONS))


def _find_deal(ctx: Ctx, ref: DealRef) -> tuple[Deal | None, Customer, str | None]:
    """(the asker's open deal the message means, or a closed one to rename, or None; its customer, title)."""
    repo = DealRepository(ctx.session)
    if ref.deal_id is not None:
        deal = repo.get(ctx.tenant.id, ref.deal_id)
        if deal is None:
            raise ctx.refuse("deal_not_found", id=ref.deal_id)
        _check_owner(ctx, deal, by_number=True)
        if deal.stage in CLOSED_STAGES and not getattr(ctx.command, "renames", False):
            reopen = f"{name_of(WORDS, 'deal', ctx.locale)} #{deal.id} {ctx.t('reopen_word')}"
            raise ctx.refuse("deal_closed", id=deal.id, stage=_stage(ctx, deal.stage),
                             hint=ctx.t("deal_closed_reopen", example=reopen),
                             buttons=(Button(reopen, reopen),))
        return deal, ctx.session.get(Customer, deal.customer_id), deal.title
    if ref.title:
        customer, title = customer_named(ctx, " ".join(ref.words)), ref.title
    else:
        customer, title = customer_and_title(ctx, ref.words)
    if customer.name in ctx.created_customers:
        return None, customer, title
    deals = open_deals(ctx, customer.id, title)
    mine = [d for d in deals if d.owner_id == ctx.member.id]
    if len(mine) > 1:  # which one: each a button (or `1`, `2`) running the message on that deal
        word = name_of(WORDS, "deal", ctx.locale)
        said = " ".join(ref.words)
        buttons = tuple(Button(f"#{d.id} {d.title}"[:75], ctx.text.replace(said, f"#{d.id}", 1)
                               if said and said in ctx.text else f"{word} #{d.id}",
                               action=replace(ctx.command, ref=DealRef(d.id))
                               if isinstance(ctx.command, UpsertDeal | CloseDeal) else None)
                        for d in mine[:5])
        raise ctx.refuse("several_deals", customer=customer.name, buttons=buttons,
                         hint=" · ".join(f"{word} #{d.id} ({d.title})" for d in mine))
    if mine:
        return mine[0], customer, title
    if title is not None and isinstance(ctx.command, UpsertDeal) and not ctx.command.new:
        ask_similar_title(ctx, customer, title, quoted=bool(ref.title))
    if deals and title is not None and isinstance(ctx.command, UpsertDeal):
        # a colleague's deal of the same title is theirs: the asker opens their own (said)
        if theirs := [d for d in deals if name_fold(d.title) == name_fold(title)]:
            owner = ctx.session.get(Member, theirs[0].owner_id)
            ctx.notes.append(ctx.t("same_title_as_colleague", id=theirs[0].id, owner=owner.display_name))
        return None, customer, title
    if deals and (title is None or name_fold(title) in {name_fold(d.title) for d in deals}):
        _check_owner(ctx, deals[0], customer.name)
    return None, customer, title


def _titled_partly(ctx: Ctx, customer: Customer, title: str) -> Deal | None:
    """The asker's one open deal with `customer` whose title starts with `title`, else has it
    (`维保` of 年度维保; said, so a wrong one is seen at once), else None."""
    said = name_fold(title)
    open_ones = [d for d in open_deals(ctx, customer.id) if d.owner_id == ctx.member.id]
    mine = [d for d in open_ones if name_fold(d.title).startswith(said)] \
        or [d for d in open_ones if said and said in name_fold(d.title)]
    if len(mine) != 1:
        return None
    ctx.notes.append(ctx.t("deal_taken_as", title=title, id=mine[0].id, theirs=mine[0].title))
    return mine[0]


def _titled_lead(ctx: Ctx, customer: Customer, said: str) -> tuple[Deal, str] | None:
    """(the asker's one open deal with `customer` whose title `said` starts with, the words after
    it: the reason), else None: `CRM 被华为云抢了` is deal CRM, lost to 华为云."""
    mine = [(d, said[len(d.title):].strip()) for d in open_deals(ctx, customer.id)
            if d.owner_id == ctx.member.id and name_fold(said[:len(d.title)]) == name_fold(d.title)
            and said[len(d.title):len(d.title) + 1].isspace()]
    return mine[0] if len(mine) == 1 else None


def _check_owner(ctx: Ctx, deal: Deal, customer: str | None = None, by_number: bool = False) -> None:
    """The asker's deal, or (named by its number) one of a rep they manage, else a refusal."""
    if deal.owner_id == ctx.member.id:
        return
    if by_number and ctx.is_manager and may_manage(ctx, deal.owner_id):
        return  # a manager correcting their rep's deal: the rep is told (`_told`)
    owner = ctx.session.get(Member, deal.owner_id)
    hint = None
    if customer:
        hint = ctx.t("not_your_deal_hint", customer=customer,
                     example=f'{name_of(WORDS, "deal", ctx.locale)} {customer} "…"')
    raise ctx.refuse("not_your_deal", id=deal.id, title=deal.title, owner=owner.display_name,
                     hint=hint)


def _stage(ctx: Ctx, stage: str) -> str:
    return name_of(STAGE_NAMES, stage, ctx.locale)


def _stage_of(stage: str):
    """A stage's name in the reader's language (`Said`)."""
    return lambda reader: _stage(reader, stage)


def deal_card(ctx: Ctx, deal: Deal, customer: str, owner: Member, notes: list[Said]) -> Reply:
    """A deal as a card, with buttons to move it on without typing."""
    fields = [(ctx.t("customer"), customer), (ctx.t("stage"), _stage(ctx, deal.stage)),
              (ctx.t("amount"), fmt.money(deal.amount, deal.currency, ctx.locale)),
              (ctx.t("probability"), f"{deal.probability}%")]
    if deal.stage in CLOSED_STAGES and deal.closed_at:  # the day it closed, never the stale expected one
        closed = ctx.day_of(deal.closed_at)
        fields.append((ctx.t("closed_date"), fmt.day_stored(closed, ctx.today, ctx.locale)))
    elif deal.expected_close:
        fields.append((ctx.t("close_date"), fmt.day_stored(deal.expected_close, ctx.today, ctx.locale)))
    fields.append((ctx.t("owner"), owner.display_name))
    lines = [ctx.t("new_customer", customer=c) for c in ctx.created_customers] + [note(ctx) for note in notes]
    return Reply(title=ctx.t("deal_title", id=deal.id, title=deal.title), lines=tuple(lines),
                 fields=tuple(fields), buttons=deal_buttons(ctx.locale, deal),
                 subject=f"deal:{deal.id}" if deal.stage not in CLOSED_STAGES else "")


def deal_buttons(locale: str, deal: Deal) -> tuple[Button, ...]:
    """Next stage, won, lost: as the workspace's pipeline has them (the one being handled)."""
    pipeline = pipelines.current()
    if deal.stage not in pipeline.open:
        return ()
    word = lambda key: name_of(WORDS, key, locale)
    buttons = []
    rank = pipeline.open.index(deal.stage)
    if rank + 1 < len(pipeline.open):
        following = pipeline.open[rank + 1]
        buttons.append(Button(f"→ {pipeline.name(following, locale)}",
                              f"{word('deal')} #{deal.id} {pipeline.name(following, locale)}"))
    buttons.append(Button(pipeline.name("won", locale) + " 🎉", f"{word('won')} #{deal.id}",
                          "primary"))
    buttons.append(Button(pipeline.name("lost", locale), f"{word('lost')} #{deal.id}", "danger"))
    return tuple(buttons)
