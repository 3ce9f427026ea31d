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
lately: nothing is stored, the reply says what to type. A bare value (`no I meant 1.15m`, `改成5万`)
is no instruction and stays a question (said_again)."""
from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select

from handlers.context import Ctx
from handlers.grammar import commands as c
from handlers.grammar.amounts import amount_words, parse_amount
from handlers.grammar.dates import parse_date
from handlers.grammar.normal import view
from handlers.grammar.patterns import pattern
from handlers.grammar.reading import read
from handlers.lookup import example as usage_example
from handlers.sales.said_again import KINDS, RECENT, amount_said, command_for, described, latest_change
from handlers.team.target_corrections import gone, target_corrected
from handlers.text import format as fmt
from handlers.text.reply import Button, Reply
from storage.models.sales import Change, Deal, Task, Visit

_EN = pattern(r"^(?:(?:actually|sorry|oops|wait|no|nope|ok|okay|hmm|oh|and|also)[\s,.!]+)*"
              r"(?:(?:pls|please|can\s+you|could\s+you)\s+)?"
              r"(?P<verb>bump|raise|up|lower|drop|cut|make|change|move|set|push|switch|put)\s+(?:that|it|this)"
              r"(?:\s+(?:up|down|back|over))?(?:\s+(?:to|for|on|till|until|=))?"
              r"\s+(?P<value>[^\s,]+(?:\s+[^\s,]+){0,2}?)"  # `28k`, `thurs`, `next tue`
              r"(?:[\s,]+(?:pls|please|thanks|thx|instead))*[\s.!]*$", re.I)
_ZH = pattern(r"^(?:不对|不是|错了|说错了|记错了|更正|搞错了)[\s,，。!！]*(?:应该)?是?\s*(?P<value>\S+?)\s*"
              r"(?P<field>跟进|回访|跟進|回訪|次|个|家|单|笔|位)[\s。!！]*$"
              r"|^(?:(?:不对|哦|噢|嗯)[\s,，。!！]*)?(?:请|麻烦)?把?(?:它|这个|那个|这条|那条|刚才那条)\s*"
              r"(?:改成|改为|改到|推到|延到|换成|调到|调成)\s*(?P<said>[^\s吧。!！]+)[\s吧。!！]*$")
_FOLLOW_UP = ("跟进", "回访", "跟進", "回訪")
#: the records a value of each kind can go into
_MODELS = {"amount": (Deal,), "day": (Task, Deal, Visit)}
#: the field a day goes into, by the record: its name in the reply and the column it is kept in
_DAY_FIELD = {Deal: ("follow_on_close", "expected_close"), Task: ("follow_on_due", "due_on"),
              Visit: ("follow_on_follow_up", "follow_up_on")}


def edit(ctx: Ctx, text: str) -> c.Command | Reply | None:
    """The command making the edit `text` says (the change said in `ctx.notes`), the question or
    refusal about it, or None when `text` is no follow-on edit."""
    said = " ".join(view(amount_words(text)).split())
    found = _EN.match(said) or _ZH.match(said)
    if found is None:
        return None
    groups = found.groupdict()
    value = (groups.get("value") or groups.get("said") or "").strip(" ,，.!?。！？")
    field = groups.get("field") or ""
    counted = field and field not in _FOLLOW_UP
    kinds = [kind for kind, fits in (
        ("amount", value.isdigit() if counted else not field and amount_said(value) is not None),
        ("day", not counted and parse_date(value, ctx.today) is not None)) if fits]
    if not kinds:
        return None  # `make it happen`, `change it to proposal`: no value read here
    if kinds == ["amount"] and not counted:
        value = amount_said(value) or value  # `把它改成四十五万`: `45万`, as the line reads it back
    ctx.locale = "zh" if _ZH.made(found) else "en"
    change = latest_change(ctx)
    if change is None or change.at < ctx.now - RECENT:
        return _refused(ctx, "follow_on_nothing", value, kinds, field)
    if change.kind == "SetTarget" and "amount" in kinds:
        said = value + field if counted else value  # `55次`: no amount of money
        return target_corrected(ctx, change, said, usage_example(ctx, "target"))
    if change.status != "done":
        return gone(ctx, change, _examples(ctx, value, kinds, field))
    options = [] if counted else [(row, kind) for row in _touched(ctx, change) for kind in kinds
                                  if isinstance(row, _MODELS[kind] if not field else Visit)]
    if not options:
        return _refused(ctx, "follow_on_unfit", value, kinds, field, label=change.label)
    pushed = (groups.get("verb") or "").lower() == "push" or bool(re.search(r"推到|延到", said))
    lines = [(command_for(ctx, row, kind, day), _said(ctx, row, kind, day)) for row, kind in options
             for day in (_pushed(ctx, row, value) if pushed and kind == "day" else value,)]
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


def _touched(ctx: Ctx, change: Change) -> list[Deal | Task | Visit]:
    """The deals, tasks and visits the message of `change` made or changed, still there."""
    changes = ctx.session.scalars(select(Change).where(
        Change.tenant_id == ctx.tenant.id, Change.actor_id == ctx.member.id, Change.at == change.at,
        Change.status == "done").order_by(Change.id))
    keys = dict.fromkeys((row["t"], row["k"][0]) for each in changes for row in each.rows
                         if row["t"] in KINDS and row["a"] is not None)
    rows = [ctx.session.get(KINDS[table], key) for table, key in keys]
    return [row for row in rows if row is not None and row.tenant_id == ctx.tenant.id]


def _said(ctx: Ctx, row: Deal | Task | Visit, kind: str, value: str) -> str:
    """`deal #46 (pilot): amount ¥50K → ¥28K`: the edit, as the reply says it."""
    if kind == "amount":
        money = parse_amount(value.replace(" ", ""))
        old = fmt.money(row.amount, row.currency, ctx.locale)
        new = fmt.money(money.amount, money.currency or row.currency, ctx.locale)
        name = ctx.t("follow_on_amount")
    else:
        key, column = _DAY_FIELD[type(row)]
        was = getattr(row, column)
        old = _day(ctx, was) if was else ctx.t("follow_on_unset")
        new, name = _day(ctx, parse_date(value, ctx.today)), ctx.t(key)
    return ctx.t("follow_on_edit", what=described(ctx, row), field=name, old=old, new=new)


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

