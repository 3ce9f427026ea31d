"""Two commands joined by `and`, `&` or a comma, the second said without its command word (r22:
`task send xiaomi revised quote w 10% disc by tue and call byd procurement tmrw am`, `snooze 69 3 days,
191 to eom`, `deal #13 won 118k and #10 to contact`, `任务 周二前给小米发报价，明天上午给比亚迪打电话`).

`and` is also a word inside a title (`task call acme and globex by fri`), so a split is only offered
where each side reads as a command alone and says what makes it one: a task each with its own day, a
snooze each with its number and day, a deal's change each with its number. Asked, one tap running
both, never made unasked and never one folded into the other's title, notes or reason.

>>> [line for line in lines("snooze 69 3 days, 191 to eom")]
['snooze 69 3 days', 'snooze 191 to eom']
>>> lines("deal #13 won 118k and #10 to contact")
['deal #13 won 118k', 'deal #10 to contact']
>>> lines("task call acme and globex by fri") is None
True
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c
from handlers.grammar.intents import split_keyword
from handlers.grammar.normal import simplified
from handlers.grammar.parse import normalize
from handlers.grammar.patterns import pattern

#: Where a second command may start: `and`, `&`, `+`, a comma, `；`, Chinese `并且`/`再`
_JOIN = pattern(r"\s*(?:[,，;；]\s*(?:and\s+|&\s*|并且|再)?|\s(?:and|&|\+)\s+|并且)\s*", re.I)
#: The command words whose second clause may go without the word
_WORDS = ("task", "snooze", "deal", "won")


def lines(text: str, today: dt.date | None = None) -> list[str] | None:
    """The two command lines `text` says joined, the second with the first's command word; None."""
    from handlers.grammar.reading import read

    today = today or dt.date.today()
    said = " ".join(text.split())
    name = split_keyword(simplified(normalize(said)))[0]
    if name not in _WORDS or "\n" in text.strip():
        return None
    word = said.split()[0]
    for join in _JOIN.finditer(said):
        first, other = said[:join.start()].strip(), said[join.end():].strip(" ,，")
        if not first or not other or split_keyword(simplified(normalize(other)))[0] is not None:
            continue  # a command word of its own after the join: several.py and joined_clauses.py
        head, one = _second(name, word, other)
        if head is None:
            continue
        first_read, second_read = read(first, today).command, read(head, today).command
        if _fits(first_read, second_read, one):
            return [first, head]
    return None


def _second(name: str, word: str, other: str) -> tuple[str | None, bool]:
    """(the second clause as a command line, whether it names its record by number)."""
    numbered = re.match(r"#?\d{1,9}(?!\d)", other) is not None
    if name in ("snooze", "deal", "won") and not numbered:
        return None, False
    if name == "won":  # `won #13 118k and #10 to contact`: the other a deal's change
        return f"deal {other if other.startswith('#') else '#' + other}", True
    if name == "deal":
        return f"{word} {other if other.startswith('#') else '#' + other}", True
    return f"{word} {other}", numbered


def _fits(first, second, numbered: bool) -> bool:
    """Whether both sides read as commands of their own, saying what makes them one."""
    if isinstance(first, c.ParseError) or isinstance(second, c.ParseError):
        return False
    if isinstance(first, c.AddTask) and isinstance(second, c.AddTask):
        return first.due is not None and second.due is not None and not numbered
    if isinstance(first, c.SnoozeFollowup) and isinstance(second, c.SnoozeFollowup):
        return numbered
    return numbered and isinstance(first, c.CloseDeal | c.UpsertDeal) \
        and isinstance(second, c.UpsertDeal | c.CloseDeal)


def at_once(text: str) -> list[str] | None:
    """Snoozes each said with its number and day (`snooze 69 3 days, 191 to eom`): run one after the
    other, as two lines would be; None for any other message (offered: `offer`)."""
    found = lines(text)
    return found if found and split_keyword(simplified(normalize(found[0])))[0] == "snooze" else None


def offer(text: str, today: dt.date) -> c.ParseError | None:
    """Both lines offered, one tap running them one after the other; None where `text` is no such
    message."""
    found = lines(text, today)
    if found is None:
        return None
    return c.ParseError(None, "two_joined", found[1], options=(("both", "\n".join(found), None),))
