"""An answer that is only a record's number (`#46`, `46`, `#46?`) to a question whose options name
records: it picks the option of that record where the options are a choice between records
(`#46 renewal` · `#53 migration`), and is no answer where it only names the record one option acts
on (`deal #46 reopen` offered for a won deal: `#46` says which deal, not "yes, reopen it"), so a
closed deal is never reopened, nor anything done, by its number alone (r23). A bare digit said
without `#` stays the option's place (`1`: the first), as the question says.

>>> record_picked("#46", ["deal #46 reopen"]), record_picked("46", ["deal #46 reopen"])
(2, 2)
>>> record_picked("#53", ["#46 renewal", "#53 migration"]), record_picked("1", ["deal #1 reopen"], 1)
(2, None)
>>> record_picked("#7", ["deal #46 reopen"]), record_picked("yes", ["deal #46 reopen"])
(None, None)
"""
from __future__ import annotations

from handlers.grammar.patterns import pattern

_NUMBER_ONLY = pattern(r"^\s*(?P<hash>[#＃])?\s*(?P<n>\d{1,9})\s*[?？.。!！]*\s*$")
_RECORD = pattern(r"[#＃]\s*(\d{1,9})(?!\d)")


def record_picked(text: str, labels: list, placed: int | None = None) -> int | None:
    """The option `text` (a record's number alone) picks: the one of that record among options
    each naming one, len(labels) + 1 (no option) where it names the record of a lone option or of
    several, None where it is no record's number of theirs (or a bare digit read as a `placed`)."""
    said = _NUMBER_ONLY.match(text)
    if said is None or (not said["hash"] and placed is not None):
        return None
    named = [[int(n) for n in _RECORD.findall(label)] if isinstance(label, str) else [] for label in labels]
    having = [i for i, numbers in enumerate(named, 1) if int(said["n"]) in numbers]
    if not having:
        return None
    choice = len(labels) > 1 and all(named) and len(having) == 1 and \
        len({n for numbers in named for n in numbers}) > 1
    return having[0] if choice else len(labels) + 1

