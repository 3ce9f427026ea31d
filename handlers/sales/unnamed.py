"""A change told without saying which record it is about, asked with one tap per record it can be:

- a bare number and a new day (`254 推到月底`, `#31 push to fri`): the follow-up of visit #254,
  deal #254's close day or task #254's due day, whichever of the member's is there (one tap each
  where several are);
- a deal won or lost with no customer (`这单黄了`, `黄了`, `签了！6万`, `signed fri`, `they signed on
  friday`): the deal the member changed last in this chat, a few minutes ago, shown back; else one
  tap per open deal of theirs. A win is recorded on the day it is told: a day gone by said with it
  is said not to be kept (the win flow asks its amount and reason as `won #N` does).

Nothing is changed by it: the answer is the command, shown in full.
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.context import Ctx
from handlers.grammar.dates import parse_date
from handlers.grammar.normal import simplified, view
from handlers.grammar.patterns import pattern
from handlers.grammar.periods import quarter_end
from handlers.grammar.signed_said import signed_said
from handlers.grammar.task_edit import shift_said
from handlers.grammar.task_moved import NUMBER_MOVED as _MOVED
from handlers.sales.task_due import shifted_day
from handlers.text.reply import Button, Reply
from storage import journal
from storage.models.sales import CLOSED_STAGES, Customer, Deal, Task, Visit
from storage.sales import DealRepository

RECENT = dt.timedelta(minutes=10)  # "the deal just talked about"
_CJK = pattern(r"[\u3400-\u9fff]")


#: A number and a close day, no command word (`#46 close date the 15th`, `46 closes on fri`,
#: `#46 预计成交日改到15号`): that deal's close day
_CLOSE_SAID = pattern(r"^(?:deal\s*|商机\s*)?#?(?P<id>\d{1,9})\s*号?(?:单子|单|商机)?\s*[,，:：]?\s*(?:"
                      r"(?:expected\s+|new\s+)?(?:closes|closing|close)(?:\s+date)?"
                      r"(?:\s+(?:is|to|on|now|=|->|→|moved\s+to|changed\s+to))*"
                      r"|(?:的)?(?:预计成交日期?|预计成交|成交日期?|预计签约日?|预计)"
                      r"(?:改到|改成|改为|调到|推到|是|为)?)\s*(?P<day>\S.*?)\s*"
                      r"(?:(?:之?前)?(?:签约|签单|成交|签))?(?:吧|了)?[!！。.~]*$", re.I)  # `预计q1签`


def id_change(ctx: Ctx, text: str) -> Reply | None:
    """`254 推到月底`: a follow-up's new day or a deal's close day, asked; None when `text` is no
    bare number and day, or no follow-up or deal of that number is the member's."""
    said = " ".join(simplified(view(text)).split())
    found = _CLOSE_SAID.match(said) or _MOVED.match(said)
    close = _CLOSE_SAID.made(found)  # `#46 close date the 15th`: a close day is only a deal's
    shift = found and not close and shift_said(found["day"])  # `397往后推三天`: later than it is due
    day = found and (close and quarter_end(found["day"], ctx.today) or parse_date(found["day"], ctx.today))
    # (`#46 预计Q1`: a close day said as a quarter is by its end)
    if day is None and not shift:
        return None
    number, zh = int(found["id"]), bool(_CJK.search(said))
    ctx.locale = "zh" if zh else "en"
    typed = " ".join(text.split())[found.start("day"):found.end("day")]
    buttons, dues = [], []  # dues: the day each offered record is due now
    visit = None if close else ctx.session.get(Visit, number)
    if visit is not None and visit.tenant_id == ctx.tenant.id and visit.member_id == ctx.member.id \
            and visit.follow_up_on is not None and not visit.follow_up_done:
        name = ctx.session.get(Customer, visit.customer_id).name
        buttons.append(Button(ctx.t("id_change_follow_up", id=number, customer=name)[:75],
                              f"{'推迟' if zh else 'snooze'} {number} {typed}"))
        dues.append(visit.follow_up_on)
    deal = None if shift else ctx.session.get(Deal, number)  # a close day is never moved by a length
    if deal is not None and deal.tenant_id == ctx.tenant.id and deal.owner_id == ctx.member.id \
            and deal.stage not in CLOSED_STAGES:
        name = ctx.session.get(Customer, deal.customer_id).name
        buttons.append(Button(ctx.t("id_change_deal", id=number, customer=name, title=deal.title)[:75],
                              f"{'商机' if zh else 'deal'} #{number} {'预计' if zh else 'close'} {typed}"))
    task = None if close else ctx.session.get(Task, number)
    if task is not None and task.tenant_id == ctx.tenant.id and task.done_at is None \
            and ctx.member.id in (task.assignee_id, task.creator_id):  # `7 推到月底`: task #7's day
        buttons.append(Button(ctx.t("id_change_task", id=number, title=task.title)[:75],
                              f"{'任务' if zh else 'task'} {number} {'改到' if zh else 'due'} {typed}"))
        dues.append(task.due_on)
    if not buttons:
        return Reply(lines=(ctx.t("id_change_none", id=number),), ok=False)
    if shift:  # the day each record would move to, from its own day (r31zh #161), never from today
        days = {shifted_day(ctx, due, *shift)[0] for due in dues}
        if len(days) > 1:
            return _said_as(ctx, number, typed, buttons)
        day = days.pop()
    if len(buttons) == 1:
        lines = [ctx.t("id_change_one", what=buttons[0].label, day=ctx.day(day)), f"1. {buttons[0].command}"]
    else:
        lines = [ctx.t("id_change_asked", id=number, day=ctx.day(day))]
        lines += [f"{i}. {b.label}: {b.command}" for i, b in enumerate(buttons, 1)]
    hint = ctx.t("answer_hint", count=len(buttons)) if len(buttons) > 1 else ctx.t("answer_hint_one")
    return Reply(lines=(*lines, hint), buttons=tuple(buttons), ok=False)


def _said_as(ctx: Ctx, number: int, typed: str, buttons: list[Button]) -> Reply:
    """`46往后推三天` where #46 is several records, each due another day: which, the length as said."""
    lines = [ctx.t("id_change_asked", id=number, day=typed)]
    lines += [f"{i}. {b.label}: {b.command}" for i, b in enumerate(buttons, 1)]
    hint = ctx.t("answer_hint", count=len(buttons)) if len(buttons) > 1 else ctx.t("answer_hint_one")
    return Reply(lines=(*lines, hint), buttons=tuple(buttons), ok=False)


#: `这单黄了` · `黄了` · `那个单子丢了，价格太高` · `签了！6万` · `這單黃了`: won or lost, no customer
_THIS = (r"(?:这单|那单|这个单子?|那个单子?|这一单|单子|这个项目|这个商机|这单子)?\s*"
         r"(?:(?:也|又|还是|最后|终于|已经)\s*)*")
_LOST = pattern(rf"^{_THIS}(?:黄了|丢了|输了|没戏了|飞了|凉了|掉了)\s*[!！。.~]*"
                r"(?:[,，;；:：]\s*(?P<why>\S.*))?$")
_WON = pattern(rf"^{_THIS}(?:签了|签约了|签下来了|拿下了?|成交了|赢了|中标了)\s*[!！。.~🎉]*"
               r"\s*(?P<amount>[¥$]?\d[\d.,]*\s*(?:万|千|k|w|元|块)?)?\s*[!！。.~🎉]*"
               r"(?:[,，;；:：]\s*(?P<why>\S.*))?$", re.I)


def this_deal(ctx: Ctx, text: str) -> Reply | None:
    """`这单黄了`: the loss (or win) of the deal the member just changed, asked; where there is none,
    one tap per open deal of theirs. None when `text` names something more."""
    said = " ".join(simplified(view(text)).split())
    lost, won = _LOST.match(said), _WON.match(said)
    found = lost or won
    signed = signed_said(text, ctx.today) if found is None else None  # `signed fri`, `they signed!`
    if found is None and signed is None:
        return None
    typed = " ".join(text.split())
    if signed is not None:
        ctx.locale, word = "en", "won"
        tail, why = f" {signed.amount}" if signed.amount else "", f": {signed.why}" if signed.why else ""
    else:
        ctx.locale, word = "zh", "输单" if lost else "赢单"
        tail = f" {found['amount']}" if won and found["amount"] else ""
        why = f"：{typed[found.start('why'):found.end('why')]}" if found["why"] else ""
    day = [ctx.t("this_deal_won_today", day=ctx.day(signed.day))] \
        if signed is not None and signed.day is not None and signed.day != ctx.today else []
    deal = _just_talked_about(ctx)
    if deal is not None:
        name = ctx.session.get(Customer, deal.customer_id).name
        said_as = f"{word} #{deal.id}{tail}{why}"
        return Reply(lines=(ctx.t("this_deal_one", id=deal.id, customer=name, title=deal.title,
                                  what=ctx.t("this_deal_lost" if lost else "this_deal_won")),
                            *day, f"1. {said_as}", ctx.t("answer_hint_one")),
                     buttons=(Button(f"#{deal.id} {name} · {deal.title}"[:75], said_as),), ok=False)
    deals = DealRepository(ctx.session).open_deals([ctx.member.id])
    if not deals:
        return Reply(lines=(ctx.t("this_deal_none"),), ok=False)
    buttons = tuple(Button(f"#{d.id} {name} · {d.title}"[:75], f"{word} #{d.id}{tail}{why}")
                    for d, name in deals[:5])
    what = ctx.t("this_deal_lost" if lost else "this_deal_won")
    return Reply(lines=(ctx.t("this_deal_which", what=what), *day,
                        *(f"{i}. {b.label}" for i, b in enumerate(buttons, 1)),
                        ctx.t("answer_hint", count=len(buttons))), buttons=buttons, ok=False)


def _just_talked_about(ctx: Ctx) -> Deal | None:
    """The open deal the member changed last, within `RECENT` (the chat's last deal)."""
    change = journal.latest(ctx.session, ctx.tenant.id, ctx.member.id)
    if change is None or change.entity != "deals" or not change.entity_id or change.at < ctx.now - RECENT:
        return None
    deal = DealRepository(ctx.session).get(ctx.tenant.id, change.entity_id)
    return deal if deal is not None and deal.stage not in CLOSED_STAGES else None
