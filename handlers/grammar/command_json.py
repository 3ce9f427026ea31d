"""Commands as compact JSON, for buttons: pressing one runs the very command it was built from,
never text parsed again (a customer named "Big 5 Ltd" stays one name).

A button's value or a form's fields come back from the client, so nothing is trusted: `decode`
builds only the commands buttons and forms carry, only their fields, each of its declared type;
`valid` holds every value to what the grammar could have produced (a known stage, metric or
period, names that fit their columns). What passes runs as the user who pressed, with the same
checks as a typed message.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from decimal import Decimal, InvalidOperation
from functools import cache

from handlers.grammar import commands as c
from handlers.grammar import vocabulary as V
from handlers.grammar.amounts import MAX_AMOUNT
from handlers.grammar.patterns import pattern
from storage import pipelines
from storage.models.sales import CLOSED_STAGES
from storage.models.team import METRICS, PERIOD_KINDS

MARK = "{"  # typed commands never start with it
#: What buttons, forms and App Home carry.
STRUCTURED = (c.LogVisit, c.UpsertDeal, c.CloseDeal, c.SetTarget, c.ShowProgress, c.ShowPipeline,
              c.ListFollowups, c.ListTasks, c.ShowScorecard, c.AddTask, c.ShowContest, c.FindTips,
              c.ShowDueVisits, c.ShowReasons, c.SetCustomer, c.ChangeVisit, c.Several, c.SnoozeFollowup,
              c.DoneFollowups, c.ChangeDeal, c.TakeLeave)
_TYPES = {cls.__name__: cls for cls in STRUCTURED}
NAME, TEXT = 200, 2000  # the longest customer name or title, and free text (as typed messages)


def encode(command: c.Command) -> str:
    """`{"UpsertDeal": {"ref": {"words": ["Big 5 Ltd"]}, …}}`: defaults left out."""
    return json.dumps({type(command).__name__: _plain(command)}, ensure_ascii=False,
                      separators=(",", ":"))


def button_values(buttons, limit: int, size=len) -> list[tuple[object, str]]:
    """(button, what it sends back when pressed) for each `Button` that fits in `limit` as `size`
    measures it (WeCom counts bytes): its command object where that fits, else its text. A button
    whose text does not fit either is left out, never cut: `visit Acme Corporation` cut short
    would log a visit to someone else (the text rendering still shows the command to type)."""
    out = []
    for button in buttons:
        # a command no button may carry is sent as its text (decoding it would fail: "didn't get that")
        encoded = encode(button.action) if isinstance(button.action, STRUCTURED) else ""
        value = next((v for v in (encoded, button.command) if v and size(v) <= limit), None)
        if value is not None:
            out.append((button, value))
    return out


def decode(value: str) -> c.Command | None:
    """The command `value` encodes, or None when it encodes none or a value no message could
    have meant (nothing guessed)."""
    try:
        [(name, fields)] = json.loads(value).items()
        command = _build(_TYPES[name], fields)
    except (ValueError, TypeError, KeyError, AttributeError, InvalidOperation, RecursionError):
        return None
    return command if valid(command) else None


def pressed(value: str) -> c.Command | c.ParseError | str:
    """What a pressed button sends: its command, text to parse (a "did you mean" offer), or an
    error when it claims to be a command and is none."""
    if not value.startswith(MARK):
        return value
    return decode(value) or c.ParseError(None)


_STAGE_KEY = pattern(r"[a-z0-9_]{1,16}")


def _stage(stage) -> bool:
    """No stage, or an open stage's key: of the workspace being handled (`dispatch` checks again
    there); a pressed button decoded before its workspace is known needs a key-shaped word."""
    if stage is None:
        return True
    if not isinstance(stage, str) or stage in CLOSED_STAGES:
        return False
    if pipelines.chosen():
        return stage in pipelines.current().open
    return bool(_STAGE_KEY.fullmatch(stage))


def valid(command) -> bool:
    """Whether a command built outside the parser holds only what the grammar could produce."""
    if isinstance(command, c.Several):  # lines of one message: text, or each a command of its own
        return 1 < len(command.parts) <= 10 and all(
            len(part) <= TEXT and (not part.startswith(MARK)
                                   or not isinstance(decode(part), c.Several | None))
            for part in command.parts)
    if isinstance(command, c.LogVisit):
        return (0 < len(command.customer.lstrip("+").strip()) <= NAME
                and all(len(text) <= TEXT for text in (command.notes, command.next_step, command.outcome)))
    if isinstance(command, c.ChangeVisit):  # `visit #12 notes …`, with the follow-up it names
        return (0 < command.visit_id < 10**9 and not command.delete and command.customer is None
                and all(len(text or "") <= TEXT for text in (command.notes, command.add_notes)))
    if isinstance(command, c.UpsertDeal | c.CloseDeal):
        ref = command.ref
        return ((ref.deal_id is None or 0 < ref.deal_id < 10**9)
                and (ref.deal_id is not None or 0 < len(" ".join(ref.words).lstrip("+").strip()) <= NAME)
                and len(ref.title or "") <= NAME and _money(command.amount)
                and len(getattr(command, "customer", None) or "") <= NAME
                and _stage(getattr(command, "stage", None))
                and len(getattr(command, "reason", "")) <= TEXT)
    if isinstance(command, c.SetTarget):
        return (command.metric in METRICS and _period(command.period) and _scope(command.scope)
                and command.scope.kind != "me" and command.amount > 0
                and _money(c.Money(command.amount, command.currency)))
    if isinstance(command, c.ShowProgress):
        return _scope(command.scope) and _period(command.period)
    if isinstance(command, c.ShowPipeline):
        return _scope(command.scope)
    if isinstance(command, c.ShowScorecard | c.ShowReasons):
        return _scope(command.scope) and _period(command.period)
    if isinstance(command, c.ShowContest):
        return command.metric in (None, *METRICS) and (command.contest_id is None
                                                       or 0 < command.contest_id < 10**9)
    if isinstance(command, c.FindTips):
        return len(command.query) <= 100
    if isinstance(command, c.AddTask):
        return (0 < len(command.title.strip()) <= TEXT and len(command.assignee or "") <= NAME
                and len(command.customer or "") <= NAME
                and (command.deal_id is None or 0 < command.deal_id < 10**9))
    if isinstance(command, c.SetCustomer):  # `customer Acme Crop tier B`, answered with Acme Corp
        return (0 < len(command.name.lstrip("+").strip()) <= NAME and command.tier in (None, "A", "B", "C")
                and command.lifecycle in (None, *V.LIFECYCLE_WORDS.values()))
    if isinstance(command, c.SnoozeFollowup):  # `snooze 391 next mon`, earlier than it was: confirmed
        return 0 < command.visit_id < 10**9 and 0 <= command.shift_days < 1000
    if isinstance(command, c.DoneFollowups):  # `完成 1：王总说下个月启动`, the day in it asked about
        return 0 < len(command.visit_ids) <= 20 and all(0 < i < 10**9 for i in command.visit_ids) \
            and len(command.note) <= TEXT
    if isinstance(command, c.ChangeDeal):  # `其实是上周五签的` on a weekend: which Friday, one tap;
        # `…先重开吧` after a win: reopened, one tap
        return 0 < command.deal_id < 10**9 and (command.action == "closed_on" and command.day is not None
                                                or command.action == "reopen" and command.day is None)
    if isinstance(command, c.TakeLeave):  # a leave over leave already there: merged or replaced, as answered
        return (command.first_day is not None and command.last_day is not None and not command.cancel
                and command.first_day <= command.last_day and command.overlap in ("", "merge", "replace")
                and len(command.member or "") <= NAME
                and (command.replaces is None or 0 < command.replaces < 10**9))
    return isinstance(command, c.ListFollowups | c.ListTasks | c.ShowDueVisits)


def _scope(scope: c.Scope) -> bool:
    return scope.kind in ("me", "team", "member") and len(scope.name or "") <= NAME


def _period(period: c.Period) -> bool:
    return period.kind in PERIOD_KINDS and abs(period.offset) <= 4


def _money(money: c.Money | None) -> bool:
    return money is None or (0 <= money.amount < MAX_AMOUNT and (
        money.currency is None or (len(money.currency) == 3 and money.currency.isalpha()
                                   and money.currency.isupper())))


def _plain(value):
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)
                if getattr(value, f.name) != f.default}
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal | dt.date):
        return str(value)
    return value


@cache
def _hints(cls) -> dict[str, object]:
    return typing.get_type_hints(cls)


def _build(kind, value):
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        [inner] = [a for a in args if a is not type(None)]
        return _build(inner, value)
    if origin is tuple:
        if not isinstance(value, list):
            raise TypeError(value)
        return tuple(_build(args[0], v) for v in value)
    if dataclasses.is_dataclass(kind):
        if not isinstance(value, dict):
            raise TypeError(value)
        hints, names = _hints(kind), {f.name for f in dataclasses.fields(kind)}
        if not set(value) <= names:
            raise KeyError(set(value) - names)
        return kind(**{name: _build(hints[name], v) for name, v in value.items()})
    if kind is Decimal:
        if not isinstance(value, str):
            raise TypeError(value)
        number = Decimal(value)
        if not number.is_finite():
            raise ValueError(value)
        return number
    if kind is dt.date:
        return dt.date.fromisoformat(value)
    if kind in (str, int, bool) and type(value) is kind:
        return value
    raise TypeError(f"{value!r} is no {kind}")
