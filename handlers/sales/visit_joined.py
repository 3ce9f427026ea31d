"""A visit whose notes go on, after a joining word (`also`, `另外`, `顺便`, `then` …), with what reads as
a command of its own (r24 A): `visit acme: demo went well f/u 下周一, also move #46 to proposal`,
`visit initech: talked about next yr, also open a deal for them, renewal 2027 60k`. The clause is a
line of its own, run after the visit (handlers/dispatch.py `_run_several`): a command word first is
handlers/grammar/several.py's; this reads the clause as a whole message would be read (a deal moved
in words, a deal for `them`), and where it is a command that changes something, or one the grammar
names but cannot read in full (then asked, the visit alone one tap away), never the visit's notes.
Prose stays notes (`also they want a demo`).
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from handlers.context import Ctx
from handlers.grammar import commands as c
from handlers.grammar.inner import read_only
from handlers.grammar.joined_clauses import JOIN
from handlers.grammar.normal import view
from handlers.grammar.patterns import pattern
from handlers.grammar.reading import read

#: `and` before a second command (`visit acme: demo went well and task 1 done`): a joining word only
#: where the clause after it is a change read in full, never asked about (`met the cfo and deal looks
#: good` stays notes)
_AND = pattern(r"(?:\s*[,;.]\s*|\s+)and(?:\s+then)?\s+(?=\S)", re.I)

#: The commands that change something (a report or a list is no second command)
_CHANGES = ("Done", "Snooze", "Move", "Upsert", "Close", "Add", "Set", "Change", "Reassign", "Reopen")


def split(ctx: Ctx, text: str, parsed: Callable[[Ctx, str], object]) -> list[str] | None:
    """[the visit, the clause] when `text` is a visit whose notes go on with a command after a
    joining word; else None. `parsed`: how a whole message is read (handlers/dispatch.py)."""
    said = " ".join(text.split())
    if isinstance(whole := read(said, ctx.today).command, c.ParseError) and whole.problem == "sentence_visit":
        said = next((o[1] for o in whole.options if o[0] == "visit_line"), said)  # `今天去了腾讯 …；另外
        # 给腾讯开个商机 …` (r25zh): the visit as its line says it
    whole = read(said, ctx.today).command
    if "\n" in text.strip() or not (isinstance(whole, c.LogVisit) or isinstance(whole, c.ParseError)
                                    and whole.topic == "visit"):
        return None  # (a visit asked about, `…, and snooze 46 fri`: is fri its follow-up? the clause's)
    joins = sorted([(join, False) for join in JOIN.finditer(view(said))]
                   + [(join, True) for join in _AND.finditer(view(said))], key=lambda pair: pair[0].start())
    for join, strict in joins:
        first, other = said[:join.start()].strip(" ,，;；。."), said[join.end():].strip()
        if not other or not isinstance(read(first, ctx.today).command, c.LogVisit):
            continue
        if _a_change(ctx, other, parsed, strict):
            return [first, other]
    return None


def _a_change(ctx: Ctx, clause: str, parsed: Callable[[Ctx, str], object], strict: bool = False) -> bool:
    grammar = read(clause, ctx.today).command
    if isinstance(grammar, c.ParseError) and grammar.topic not in (None, "visit") \
            and grammar.problem != "usage" and not strict:
        return True  # `open a deal for them, renewal 2027 60k`: a deal, asked about as its own line
    prose = isinstance(grammar, c.SetCustomer) and not (grammar.tier or grammar.lifecycle)
    if prose or isinstance(grammar, c.LogVisit) \
            or isinstance(grammar, c.ParseError) and grammar.topic == "visit":
        return False  # `另外客户想要demo`: prose, never a customer named 想要demo
    dry = dataclasses.replace(ctx, notes=[], created_customers=[], journaled=[], events=[])
    command = parsed(dry, clause)  # read as its own message would be; nothing is stored
    if strict and not _names_a_record(command):
        return False  # `and deal looks good`: no new customer made of the words after `and`
    return isinstance(command, c.Command) and not isinstance(command, c.LogVisit) \
        and not read_only(command) and type(command).__name__.startswith(_CHANGES)


def _names_a_record(command: object) -> bool:
    """Whether `command` names a record by its number (`task 1 done`, `snooze 46 fri`)."""
    return dataclasses.is_dataclass(command) and any(
        getattr(command, field.name) for field in dataclasses.fields(command)
        if field.name.endswith(("_id", "_ids")))
