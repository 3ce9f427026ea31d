"""A correction said as people say it, right after a change: `no I meant 1.15m`, `actually it was
90k not 85`, `不对，是20万`, `改成5万`, `no, 8 jan!`, `刚才那条记错了 是格力不是海尔`; and a deal's
stage said in a sentence: `推进到商务谈判了`, `Globex moved to proposal`.

It is no command of the grammar. handlers/grammar/correction_said.py reads it (the kind of value,
the field named, the name said to be wrong); when it fits one field of what the member changed
last (within RECENT, in effect) handlers/sales/follow_on.py makes it at once. What is left is asked here, as a
question whose answer changes it: an amount sets the deal's amount, a day its close day (a
visit's follow-up, a task's due day: `actually due wed`), a name after "not"/"不是" its customer
(`yes` or `1` does it); an amount with no recent change is asked on the deal the member changed
last. A stage is asked on the member's open deal (of the customer named, if one is), one tap per
deal when there are several. Otherwise the reply says which command to type. Nothing is changed
here, but for a target just set (the member's last change, within RECENT): an amount said again is
that target's, set again at once and said so (`Corrected: it was ¥50K`), as the target command
would (handlers/team/target_corrections.py: only while it is in effect, and only an amount its
metric counts). When the member's last change was undone, nothing
is corrected (neither it nor what came before it): the reply says so and what to type.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from handlers.context import Ctx
from handlers.grammar.amounts import amount_words
from handlers.grammar.correction_said import read_correction, unfilled
from handlers.grammar.dates import parse_date
from handlers.grammar.language import written_in
from handlers.grammar.normal import view
from handlers.grammar.patterns import pattern
from handlers.grammar.sentences import stage_said
from handlers.lookup import example as usage_example
from handlers.sales.last_said import made_last, not_last, nothing_since
from handlers.sales.notes_not import notes_put_right
from handlers.sales.refused_again import refused_offer
from handlers.sales.stage_said import stage_offer
from handlers.team import target_swapped
from handlers.team.target_corrections import gone
from handlers.team.target_meant import target_meant
from handlers.text import format as fmt
from handlers.text.reply import Button, Reply
from handlers.text.strings import WORDS, name_of
from storage.changes import id_of_deal_changed_last, latest_change_of
from storage.models.sales import Change, Customer, Deal, Task, Visit

RECENT = dt.timedelta(minutes=10)  # "the deal just touched"
def correction(ctx: Ctx, text: str, corrected: bool = True):
    """The reply to a correction of an amount, a day or a customer (of a target just set: the
    target again, corrected), or None when `text` is none; only a stage said in a sentence when
    not `corrected` (`push the Globex deal to proposal`: no snooze)."""
    text = unfilled(text)  # `不好意思 金额是46万 不是48`: the correction after the filler
    said = " ".join(view(amount_words(text, in_words=True)).split())  # `1.5mil`, `half a mil`
    if (stage := stage_said(text)) is not None:
        zh = bool(_CJK.search(said)) and written_in(text) != "en"  # `京东 deal moved to …`: English
        return stage_offer(ctx, *stage, zh=zh)  # handlers/sales/stage_said.py
    if not corrected:
        return None
    if (swap := target_swapped.offer(ctx, text, latest_change(ctx), RECENT)) is not None:
        return swap  # `no wait i meant visits 35 not revenue`: asked, never ¥35 of revenue
    read = read_correction(said, ctx.today)
    if read is None or read.kind == "tier":  # a tier only just after a tier was set (follow_on)
        return None
    if read.kind == "customer" and ctx.offer_open:  # a name put right while an offer is open, that the
        return None  # offer has no place for: the offer asked again (handlers/offer_edited.py), never older
    kind, value = read.kind, read.value
    ctx.locale = "en" if read.en else "zh"  # answered in the language it was said in
    ctx.correcting = True  # refused, it leaves the member's last message as it was
    change, why, head = latest_change(ctx), None, ()
    if change is not None and change.at >= ctx.now - RECENT:
        hint = _instead(ctx, change, kind, value)
        if change.status != "done":  # undone: nothing of it to correct, nor of what came before
            return gone(ctx, change, hint)
        every = hint if change.kind == "SetTarget" else _every(ctx, kind, value)
        why = not_last(ctx, change, every)  # a message since, here (refused, or changing nothing),
        # or the change made elsewhere: nothing corrected; after one here, the older record asked
        head = (ctx.t("correction_after_nothing_head", said=said_text),) if why and (
            said_text := nothing_since(ctx, change)) is not None and change.kind != "SetTarget" else ()
        if why is not None and not head:
            return why
        if head and (again := refused_offer(ctx, said_text, text)) is not None:
            return again  # `won 腾讯 90k` refused, then `no wait it was 88k`: that message, never older
        if kind == "amount" and change.kind == "SetTarget" and made_last(ctx, change):
            return target_meant(ctx, change, read.field, value, hint)  # of several set by one message
            # (`不对 业绩是65万` after three targets): the one of the metric named, or the one of money;
            # `no I meant 1.5mil` just after `target @Bo 1m`: that target's amount (or why not)
    row = None
    if change is not None and change.entity in ("deals", "visits", "tasks") and change.entity_id \
            and change.at >= ctx.now - RECENT:
        row = ctx.session.get(KINDS[change.entity], change.entity_id)
    if isinstance(row, Visit) and kind in ("amount", "currency") or isinstance(row, Task) and kind != "day" \
            or isinstance(row, Deal) and kind == "currency" and row.amount is None:
        row = None
    if read.field == "fu" and not isinstance(row, Visit) or read.field == "close" \
            and not isinstance(row, Deal):
        return why  # `跟进改成下周二`, `make the follow up wed` after a deal: no deal's close day
    if row is None and kind == "amount" and (read.field or not re.fullmatch(r"[\d.,]+", value.strip())):
        row = _last_deal(ctx)  # `金额改成8万` a while later: the deal changed last; a bare `5` (`start it
        # jan 5 not 4` after a contest) never goes to a deal not changed just now
    if row is None and kind == "currency":  # `meant rmb not usd` with no amount just said: how, said
        example = f"{name_of(WORDS, 'deal', ctx.locale)} #12 50000 {value}"
        return why or Reply(lines=(ctx.t("correction_currency_how", value=value, example=example),), ok=False)
    if row is None and kind != "amount":
        return why  # `是格力不是海尔` with nothing just changed: no amount's advice
    if row is None and why is not None:
        return why
    if row is None:
        example = f"{name_of(WORDS, 'deal', ctx.locale)} #12 {value}"
        return Reply(lines=(ctx.t("correction_how", amount=value, example=example),), ok=False)
    if kind == "customer" and (notes := notes_put_right(ctx, row, read.was, value)) is not None:
        return notes  # `actually it was 张总 not 李总`: a word of the visit's notes, never its customer
    command = command_for(ctx, row, kind, value)
    what = described(ctx, row)
    shown = ctx.day(parse_date(value, ctx.today)) if kind == "day" else value  # `Fri, Jan 8, 2027`
    if kind == "currency":  # `deal #14 (ERP) from $50K to ¥50K`
        shown = " → ".join(fmt.money(row.amount, money, ctx.locale) for money in (row.currency, value))
    field = f"_{_WORD[type(row)]}" if kind == "day" else ""  # the follow-up's, the close's, the due day's
    return Reply(lines=(*head, ctx.t(f"correction_{kind}{field}", what=what, value=shown),
                        ctx.t("answer_hint_one")), buttons=(Button(command, command),), ok=False)


def described(ctx: Ctx, row: Deal | Visit | Task) -> str:
    """`deal #46 (pilot)` · `拜访 #12（华为）`: the record as a reply names it."""
    word = name_of(WORDS, _WORD[type(row)], ctx.locale)
    about = row.title if isinstance(row, (Deal, Task)) else ctx.session.get(Customer, row.customer_id).name
    return f"{word} #{row.id}（{about}）" if ctx.locale == "zh" else f"{word} #{row.id} ({about})"


def command_for(ctx: Ctx, row: Customer | Deal | Visit | Task, kind: str, value: str) -> str:
    zh = ctx.locale == "zh"
    if isinstance(row, Customer):  # `nah make it B again` after a tier was set: that customer's
        name = row.name or ("华为" if zh else "Acme")
        return f"客户 {name} {value}类" if zh else f"customer {name} tier {value}"
    if isinstance(row, Task):  # `actually due wed` after `task …`: its due day
        return f"{name_of(WORDS, 'task', ctx.locale)} {row.id} {'改到' if zh else 'due'} {value}"
    if isinstance(row, Deal) and kind == "currency":  # the amount as it is, in the currency said
        amount = row.amount if row.amount is not None else Decimal(50000)
        return f"{name_of(WORDS, 'deal', ctx.locale)} #{row.id} {amount.normalize():f} {value}"
    if isinstance(row, Deal):
        field = {"amount": "", "day": "预计 " if zh else "close ",
                 "customer": "客户 " if zh else "customer "}[kind]
        return f"{name_of(WORDS, 'deal', ctx.locale)} #{row.id} {field}{value}"
    field = ("跟进 " if zh else "follow up ") if kind == "day" else ("客户 " if zh else "customer ")
    return f"{name_of(WORDS, 'visit', ctx.locale)} #{row.id} {field}{value}"


_CJK = pattern(r"[\u3400-\u9fff]")
KINDS = {"deals": Deal, "visits": Visit, "tasks": Task}
_WORD = {Deal: "deal", Visit: "visit", Task: "task"}
def latest_change(ctx: Ctx) -> Change | None:
    """The member's latest change from chat, undone or not."""
    return latest_change_of(ctx.session, ctx.tenant.id, ctx.member.id)


def _instead(ctx: Ctx, change: Change, kind: str, value: str) -> str:
    """What to type to set `value` where nothing can be corrected: the command of that kind."""
    if change.kind == "SetTarget":
        return usage_example(ctx, "target")
    model = KINDS.get(change.entity, Deal)
    model = Deal if model is Visit and kind in ("amount", "currency") or model is Task and kind != "day" \
        else model
    return command_for(ctx, model(id=12), kind, value)


def _every(ctx: Ctx, kind: str, value: str) -> str:
    """What to type to put `value` into each kind of record it fits (`deal #12 close 12/30 · …`)."""
    models = {"amount": (Deal,), "currency": (Deal,), "day": (Deal, Visit, Task),
              "customer": (Deal, Visit)}[kind]
    return " · ".join(command_for(ctx, model(id=12), kind, value) for model in models)


def _last_deal(ctx: Ctx) -> Deal | None:
    """The deal the member changed last (not undone), while it is still there."""
    deal_id = id_of_deal_changed_last(ctx.session, ctx.tenant.id, ctx.member.id)
    deal = ctx.session.get(Deal, deal_id) if deal_id else None
    return deal if deal is not None and deal.tenant_id == ctx.tenant.id else None
