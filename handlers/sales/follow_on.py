"""A follow-on edit of what the member just changed, said as an instruction about "that": `bump
that to 28k`, `make it 28k`, `actually make that thurs`, `change it to friday`; in Chinese with
the field named after the value: `不对，是大后天跟进` (a visit's follow-up), `不对，是55次` (a count),
or with "it": `把它改成下周一`.

"That" is found as `undo` and the corrections of handlers/sales/said_again.py find it: the
member's latest change from chat (the journal), made within RECENT, still in effect. The value
must fit a field of what that change touched: an amount a deal's amount, a day a deal's close
day, a task's due day or a visit's follow-up; an amount or count said after a target is that
target's, corrected as handlers/team/target_corrections.py does (its rules: only while in effect,
only in the conversation it was set in, only a value its metric counts).

One field of one record it fits: changed at once, by the command that changes it (so `undo`
undoes it), and the reply says what changed, the field, old → new. Several (a message that made a
visit and a task, `15` that is an amount or a day): asked, one tap each. None, or nothing changed
lately: nothing is stored, the reply says what to type.

A correction said as a value (`no I meant 1.15m`, `改成35万`, `不对，是小米不是美的`, `make the close
jan 15`, `跟进改成周四`; read by handlers/sales/said_again.py) is decided here too, by the same rule
(`made_at_once`, the one place): made at once where it fits one field of one record of the last
change (a field it names, `close`, `跟进`, `金额`, only that one; a customer's name only where the
record's customer is the one said to be wrong); anything else falls to said_again, which asks."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from handlers.context import Ctx
from handlers.grammar import commands as c
from handlers.grammar.amounts import amount_words, parse_amount
from handlers.grammar.correction_said import amount_said, read_correction, unfilled
from handlers.grammar.dates import parse_date
from handlers.grammar.normal import name_fold, view
from handlers.grammar.patterns import pattern
from handlers.grammar.push_words import pushed as push_said
from handlers.grammar.reading import read
from handlers.grammar.vocabulary import tier_of
from handlers.lookup import example as usage_example
from handlers.sales import stray_customer
from handlers.sales.day_nearest import BACK, corrected_day
from handlers.sales.last_said import made_last, made_with, not_last
from handlers.sales.push_later import earlier_asked
from handlers.sales.said_again import KINDS, RECENT, command_for, described, latest_change
from handlers.team.target_corrections import gone, target_corrected
from handlers.text import format as fmt
from handlers.text.reply import Button, Reply
from storage.models.sales import Change, Customer, Deal, Task, Visit

_EN = pattern(r"^(?:(?:actually|sorry|oops|wait|no|nope|nah|ok|okay|hmm|oh|and|also)[\s,.!]+)*"
              r"(?:(?:pls|please|can\s+you|could\s+you)\s+)?"
              r"(?P<verb>bump|raise|up|lower|drop|cut|make|change|move|set|push|switch|put|postpone|delay|defer)\s+(?:that|it|this)"
              r"(?:\s+(?:up|down|back|over))?(?:\s+(?:to|for|on|till|until|til|=))?"
              r"\s+(?P<value>[^\s,]+(?:\s+[^\s,]+){0,2}?)"  # `28k`, `thurs`, `next tue`
              r"(?:[\s,]+(?:pls|please|thanks|thx|instead|again))*[\s.!]*$", re.I)
_ZH = pattern(r"^(?:(?:不对|不是|错了|说错了|记错了|更正|搞错了)[\s,，。!！]*"
              r"(?P<metric2>新客户数?|新增客户|新客)?"
              r"(?:应该)?是?"
              r"|(?P<metric>新客户数?|新增客户|新客)?(?:应该是|改成|改为|调到|调成|换成))"
              r"\s*(?P<value>\S+?)\s*"
              r"(?P<field>跟进|回访|跟進|回訪|次|个|家|单|笔|位)[\s。!！]*$"
              r"|^(?:(?:不对|哦|噢|嗯)[\s,，。!！]*)?(?:请|麻烦)?把?(?:它|这个|那个|这条|那条|刚才那条)\s*"
              r"(?:改成|改为|改到|推到|延到|换成|调到|调成)\s*(?P<said>[^\s吧。!！]+)[\s吧。!！]*$")
_FOLLOW_UP = ("跟进", "回访", "跟進", "回訪")
#: the records a value of each kind can go into
_MODELS = {"amount": (Deal,), "currency": (Deal,), "day": (Task, Deal, Visit), "customer": (Deal, Visit),
           "tier": (Customer,)}
#: the record a field named goes into (`close date is jan 15`, `跟进改成周四`, `金额不对 应该是三十万`)
_NAMED = {"close": (Deal,), "fu": (Visit,), "amount": (Deal,), "revenue": ()}  # (业绩: a target's, no deal's)
_TABLES = {**KINDS, "customers": Customer}
#: the field a day goes into, by the record: its name in the reply and the column it is kept in
_DAY_FIELD = {Deal: ("follow_on_close", "expected_close"), Task: ("follow_on_due", "due_on"),
              Visit: ("follow_on_follow_up", "follow_up_on")}


def edit(ctx: Ctx, text: str) -> c.Command | Reply | None:
    """The command making the edit `text` says (the change said in `ctx.notes`), the question or
    refusal about it, or None when `text` is no follow-on edit."""
    said = " ".join(view(amount_words(unfilled(text))).split())  # `hmm 改成4个`: the filler left out
    found = _EN.match(said) or _ZH.match(said)
    if ctx.offer_open:  # said to an offer it has no place in: asked (said_again), never made
        return None
    if found is None:
        return _corrected(ctx, text)
    groups = found.groupdict()
    value = (groups.get("value") or groups.get("said") or "").strip(" ,，.!?。！？")
    field = groups.get("field") or ""
    counted = field and field not in _FOLLOW_UP
    kinds = [kind for kind, fits in (
        ("amount", value.isdigit() if counted else not field and amount_said(value) is not None),
        ("day", not counted and parse_date(value, ctx.today) is not None),
        ("tier", not field and tier_of(value) is not None)) if fits]
    if not kinds:
        return None  # `make it happen`, `change it to proposal`: no value read here
    if kinds == ["amount"] and not counted:
        value = amount_said(value) or value  # `把它改成四十五万`: `45万`, as the line reads it back
    ctx.locale = "zh" if _ZH.made(found) else "en"
    ctx.correcting = True  # refused, it leaves the member's last message as it was
    change = latest_change(ctx)
    if "tier" in kinds and (change is None or change.kind != "SetCustomer"):
        kinds.remove("tier")  # `make it b`: a tier only just after a tier was set
    if not kinds:
        return None
    value = tier_of(value) if kinds == ["tier"] else value
    if change is None or change.at < ctx.now - RECENT:
        return _refused(ctx, "follow_on_nothing", value, kinds, field)
    target = change.kind == "SetTarget" and "amount" in kinds
    example = usage_example(ctx, "target") if target else _examples(ctx, value, kinds, field)
    if change.status != "done":
        return gone(ctx, change, example)
    if (why := not_last(ctx, change, example)) is not None:  # a message since, here: nothing older
        return why
    if (groups.get("metric") or groups.get("metric2")) and (not target or _metric(change) != "new_customers"):
        return None  # `新客户改成4个` just after a visits target: not that target's
    if target:
        said = value + field if counted else value  # `55次`: no amount of money
        return target_corrected(ctx, change, said, example)
    models = dict.fromkeys(kinds, (Visit,)) if field and not counted else {} if counted else _MODELS
    pushed = push_said(said)  # `push/postpone/move it to …`, `推到`, `推迟到`: never a day earlier
    made = made_at_once(ctx, change, value, kinds, models, pushed=pushed,  # `push it to next week`
                        back=bool(BACK.search(text)))
    if made is None and change.kind == "TakeLeave":
        ctx.correcting = False
        return None  # `oops make it mon` after `leave fri`: the leave's days (leave_corrected.py)
    return made if made is not None else _refused(ctx, "follow_on_unfit", value, kinds, field,
                                                  label=change.label)


def _metric(change: Change) -> str | None:
    """The metric of the target `change` set (`new_customers`), or None."""
    return next((r["a"].get("metric") for r in change.rows if r["t"] == "targets" and r["a"]), None)


def _corrected(ctx: Ctx, text: str) -> c.Command | Reply | None:
    """A correction said as a value (`改成35万`, `no, close date is jan 15`, `是小米不是美的`) of
    what the member changed last, within RECENT and still in effect: made at once where it fits
    one field of one record; None otherwise (handlers/sales/said_again.py asks, or says why)."""
    typed = " ".join(view(amount_words(unfilled(text), in_words=True)).split())
    said = read_correction(typed, ctx.today) or stray_customer.meant(ctx, typed)  # `i meant globex inc`
    change = latest_change(ctx)
    if said is None or change is None or change.at < ctx.now - RECENT or change.status != "done" \
            or change.kind == "SetTarget" or not made_last(ctx, change):
        return None
    if said.kind == "tier" and change.kind != "SetCustomer":
        return None  # `改成B类`: a tier only just after a tier was set
    if said.kind == "tier":
        said = replace(said, value=tier_of(said.value))
    locale, ctx.locale = ctx.locale, "en" if said.en else "zh"
    kinds = [said.kind] + (["day"] if said.kind == "amount" and parse_date(said.value, ctx.today) else [])
    models = {kind: _NAMED.get(said.field, _MODELS[kind]) for kind in kinds}
    was = said.was if said.kind == "customer" else ""  # `金额是25万不是20万`: no customer's name
    made = made_at_once(ctx, change, said.value, kinds, models, was=was, pushed=push_said(text),
                        back=bool(BACK.search(text)))
    if made is None:
        ctx.locale = locale
    return made


def made_at_once(ctx: Ctx, change: Change, value: str, kinds: list[str], models: dict,
                 was: str = "", pushed: bool = False, back: bool = False) -> c.Command | Reply | None:
    """The one place a correction of the member's last change (`change`, recent and in effect) is
    decided: `value` goes into the field of its kind of each record the change made or changed
    whose model `models` gives for that kind (a customer's name only where it is `was` now).
    One: the command that makes it, at once, said back old → new (`undo` undoes it); several:
    asked, one tap each; none: None. `pushed`: a day said as a week never moves a day earlier."""
    options = [(row, kind) for row in _touched(ctx, change) for kind in kinds
               if isinstance(row, models.get(kind, ())) and (not was or _named(ctx, row, was))]
    if not options:
        return None
    if len(options) == 1 and options[0][1] == "customer" \
            and (stray := stray_customer.offer(ctx, options[0][0], value)) is not None:
        return stray  # a customer the last message made, named wrong: moved (and removed), one tap
    if pushed and len(options) == 1 and (asked := _earlier(ctx, *options[0], value)) is not None:
        return asked  # `跟进推到下下周`, due later than that already: asked, never moved earlier
    values = [(row, kind, _pushed(ctx, row, value) if pushed and kind == "day" else corrected_day(  # `还是
        value, getattr(row, _DAY_FIELD[type(row)][1]), ctx.today, back) if kind == "day" else value)  # 15号`,
              for row, kind in options]  # `nah make it wed`: the one nearest the day corrected
    changing = [(row, kind, said) for row, kind, said in values if not _same(ctx, row, kind, said)]
    if not changing:  # `close jan 4` when it is Jan 4: said so, never "Jan 4 → Jan 4"
        row, kind, said = values[0]
        return Reply(lines=(ctx.t("follow_on_same", **_parts(ctx, row, kind, said)),))
    lines = [(command_for(ctx, row, kind, said), _said(ctx, row, kind, said)) for row, kind, said in changing]
    if len(lines) > 1:  # "that" could be two things: asked, one tap each
        return Reply(lines=(ctx.t("follow_on_which", value=value, count=len(lines)),
                            *(f"{n}. {line}" for n, (_command, line) in enumerate(lines, 1)),
                            ctx.t("answer_hint", count=len(lines))), ok=False, which=True,
                     buttons=tuple(Button(command[:75], command) for command, _line in lines))  # `yes`:
        # none of them
    command = read(lines[0][0], ctx.today).command
    if isinstance(command, c.ParseError):
        return None
    ctx.notes.append(ctx.t("follow_on_changed", change=lines[0][1]))
    ctx.text = lines[0][0]  # what the change was: the command (`undo` says it back)
    return command


#: A day said as a week (`next week`, `下周`): pushed to it, the week after the one the day is in
_WEEK = pattern(r"^(?:next\s+week|下周|下个?星期|下个?礼拜)$", re.I)


def _pushed(ctx: Ctx, row: Deal | Task | Visit, value: str) -> str:
    """The day `push it to next week` means for `row`: next week's day, unless the row's own day is
    in it or after it already; then the same weekday of the week after the row's day (a push never
    moves a day earlier)."""
    was, day = getattr(row, _DAY_FIELD[type(row)][1]), parse_date(value, ctx.today)
    if was is None or day is None or day > was or not _WEEK.match(value):
        return value
    return (was + dt.timedelta(days=7)).isoformat()


def _earlier(ctx: Ctx, row, kind: str, value: str) -> Reply | None:
    """The question where a push of `row`'s day to `value` would move it earlier; else None."""
    if kind != "day":
        return None
    key, column = _DAY_FIELD[type(row)]
    was, day = getattr(row, column), parse_date(_pushed(ctx, row, value), ctx.today)
    if was is None or day is None or day >= was:
        return None
    what = f"{described(ctx, row)}{'的' if ctx.locale == 'zh' else ' '}{ctx.t(key)}"
    return earlier_asked(ctx, value, what, was, day,
                         lambda d: command_for(ctx, row, kind, d.isoformat()))


def _named(ctx: Ctx, row, was: str) -> bool:
    """Whether `was` (`不是美的`) names the customer `row` has now (`美的集团`)."""
    customer = ctx.session.get(Customer, row.customer_id)
    return customer is not None and name_fold(was) in name_fold(customer.name)


def _touched(ctx: Ctx, change: Change) -> list[Deal | Task | Visit]:
    """The deals, tasks and visits the message of `change` made or changed, still there."""
    keys = dict.fromkeys((row["t"], row["k"][0]) for each in made_with(ctx, change) for row in each.rows
                         if row["t"] in _TABLES and row["a"] is not None)
    rows = [ctx.session.get(_TABLES[table], key) for table, key in keys]
    return [row for row in rows if row is not None and row.tenant_id == ctx.tenant.id]


def _said(ctx: Ctx, row: Customer | Deal | Task | Visit, kind: str, value: str) -> str:
    """`deal #46 (pilot): amount ¥50K → ¥28K`: the edit, as the reply says it."""
    return ctx.t("follow_on_edit", **_parts(ctx, row, kind, value))


def _same(ctx: Ctx, row: Customer | Deal | Task | Visit, kind: str, value: str) -> bool:
    """Whether `row` holds `value` already in the field of its kind (`close jan 4` of a deal
    closing on Jan 4, `make it 120k` of a ¥120K deal)."""
    if kind == "amount":
        money = parse_amount(value.replace(" ", ""))
        return money is not None and money.amount == row.amount and money.currency in (None, row.currency)
    if kind == "currency":
        return row.currency == value
    if kind == "tier":
        return (row.tier or "") == value
    if kind == "customer":
        return name_fold(ctx.session.get(Customer, row.customer_id).name) == name_fold(value)
    return getattr(row, _DAY_FIELD[type(row)][1]) == parse_date(value, ctx.today)


def _parts(ctx: Ctx, row: Customer | Deal | Task | Visit, kind: str, value: str) -> dict[str, str]:
    """The record, the field, its value now and the value said, as the reply names them."""
    if kind == "amount":
        money = parse_amount(value.replace(" ", ""))
        old = fmt.money(row.amount, row.currency, ctx.locale)
        new = fmt.money(money.amount, money.currency or row.currency, ctx.locale)
        name = ctx.t("follow_on_amount")
    elif kind == "currency":  # `oops meant rmb not usd`: the amount as it was, in the currency said
        old = fmt.money(row.amount, row.currency, ctx.locale)
        new, name = fmt.money(row.amount, value, ctx.locale), ctx.t("follow_on_amount")
    elif kind == "tier":
        old, new, name = row.tier or ctx.t("follow_on_unset"), value, ctx.t("follow_on_tier")
        return {"what": row.name, "field": name, "old": old, "new": new}
    elif kind == "customer":
        old, new = ctx.session.get(Customer, row.customer_id).name, value
        name = ctx.t("follow_on_customer")
    else:
        key, column = _DAY_FIELD[type(row)]
        was = getattr(row, column)
        old = _day(ctx, was) if was else ctx.t("follow_on_unset")
        new, name = _day(ctx, parse_date(value, ctx.today)), ctx.t(key)
    return {"what": described(ctx, row), "field": name, "old": old, "new": new}


def _day(ctx: Ctx, day: dt.date) -> str:
    """A day with its weekday and date, never `tomorrow` alone (`Thu, Dec 10`)."""
    return fmt.day(day, ctx.today, ctx.locale, relative=False)


def _examples(ctx: Ctx, value: str, kinds: list[str], field: str) -> str:
    """What to type to put `value` where it fits: the commands of each record it could go into."""
    if field and field not in _FOLLOW_UP:  # `不对，是55次`: a count is a target's
        return usage_example(ctx, "target")
    return " · ".join(dict.fromkeys(command_for(ctx, model(id=12), kind, value) for kind in kinds
                                    for model in ((Visit,) if field else _MODELS[kind])))


def _refused(ctx: Ctx, key: str, value: str, kinds: list[str], field: str, **values) -> Reply:
    return Reply(lines=(ctx.t(key, value=value, example=_examples(ctx, value, kinds, field), **values),),
                 ok=False)

