"""Words inside quotes are free text: `visit acme: they asked about "task" pricing`, `客户问“赢单”怎么算`
quote a word, they do not say it (r23). Readers that look for a signal in notes (a win, a loss)
look at the rest only.

>>> unquoted('asked about "won" deals'), unquoted("客户问“赢单”怎么算")
('asked about       deals', '客户问    怎么算')
"""
from __future__ import annotations

from handlers.grammar.patterns import pattern

_QUOTED = pattern(r'"[^"]*"|“[^”]*”|「[^」]*」|《[^》]*》|‘[^’]*’|(?<![A-Za-z])\'[^\']*\'(?![A-Za-z])')


def unquoted(text: str) -> str:
    """`text` with what is inside quotes (the quotes too) blanked, each place kept."""
    return _QUOTED.sub(lambda found: " " * len(found[0]), text)
