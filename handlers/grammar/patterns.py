"""Regular expressions compiled when first used.

The grammar declares some 180 patterns at module level. Compiling them all on import was about a
tenth of a `salesbot say`'s start, and one message uses few of them (`progress`: 8, a visit with
a follow-up: 60), so each is compiled by its first `match`, `search`, `sub` …, and then from
the code an earlier process compiled it to, where there is one (`handlers/grammar/regex_cache.py`).
"""
from __future__ import annotations

import re

from handlers.grammar.regex_cache import compiled as compiled_pattern

_METHODS = ("match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer")


class Pattern:
    """`re.compile(source, flags)`, compiled on first use; then its methods are this object's own
    attributes, so a use costs what the compiled pattern's does."""

    def __init__(self, source: str, flags: int = 0):
        self.pattern = source
        self.flags = flags

    def __getattr__(self, name: str):
        # called only for what the instance does not have yet: the first use compiles
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self._compiled = compiled_pattern(self.pattern, self.flags)
            self.__dict__.update({method: getattr(compiled, method) for method in _METHODS})
        return getattr(compiled, name)

    def made(self, found: re.Match | None) -> bool:
        """Whether `found` is a match of this pattern (`found.re is X` cannot tell: `found.re` is the
        compiled pattern, not this object)."""
        return found is not None and found.re is self.__dict__.get("_compiled")

    def __repr__(self) -> str:
        return f"pattern({self.pattern!r})"


def pattern(source: str, flags: int = 0) -> Pattern:
    """A module-level pattern, compiled when first used (`re.compile`'s arguments)."""
    return Pattern(source, flags)
