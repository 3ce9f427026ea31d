"""Each Chinese character's readings (`重` → zhong, chong), without tone marks, as pypinyin's
`Style.NORMAL` with `heteronym=True` gives them (ü as v), read from pypinyin's own table.

Why not pypinyin itself: importing it builds a dict of 42,000 characters (~4 MB of Python
objects, ~8 MB while it is built from its JSON) in every process that compares one Chinese
customer name, the web process included (it runs messages itself when idle, or when no worker
takes them). Here the same table is kept as two arrays of numbers and one string (~1 MB), read
once, on first use; `tests/handlers/test_name_sounds.py` checks every character against pypinyin.
"""
from __future__ import annotations

import bisect
import functools
import importlib.util
import io
import itertools
import threading
import unicodedata
from array import array
from collections.abc import Iterator
from pathlib import Path

from handlers.grammar.patterns import pattern

_ENTRY = pattern(r'"(\d+)":\s*"([^"]*)"')
_lock = threading.Lock()
_table: tuple[array, array, str] | None = None  # (code points, where each one's readings end, readings)


def readings(char: str) -> list[str]:
    """The character's readings without tones, each once, in pypinyin's order; [] for one it
    does not know (not a Chinese character)."""
    codes, ends, text = _table or _load()
    i = bisect.bisect_left(codes, ord(char))
    if i == len(codes) or codes[i] != ord(char):
        return []
    return text[ends[i - 1] if i else 0:ends[i]].split(",")


def toneless(reading: str) -> str:
    """`lǘ` → lv, `zhōng` → zhong, `ê̄` → ê, `ḿ` → m (as pypinyin's `Style.NORMAL`)."""
    spelled = unicodedata.normalize("NFD", reading).replace("u\u0308", "v").replace("e\u0302", "ê")
    return "".join(c for c in spelled if not unicodedata.combining(c))


def _load() -> tuple[array, array, str]:
    global _table
    with _lock:
        if _table is None:
            spec = importlib.util.find_spec("pypinyin")  # finds the package without importing it
            source = Path(next(iter(spec.submodule_search_locations))) / "pinyin_dict.json"
            _table = _built(_entries(source))
            if any(a >= b for a, b in itertools.pairwise(_table[0])):  # pypinyin's is in order
                _table = _built(sorted(_entries(source)))
    return _table


def _entries(source: Path) -> Iterator[tuple[int, str]]:
    """(code point, readings with tones) of each character in pypinyin's `pinyin_dict.json`."""
    for found in _ENTRY.finditer(source.read_text(encoding="utf-8")):
        yield int(found.group(1)), found.group(2)


def _built(entries) -> tuple[array, array, str]:
    codes, ends, text = array("I"), array("I"), io.StringIO()
    plain = functools.lru_cache(maxsize=None)(toneless)  # ~1,500 spellings for 42,000 characters
    for code, said in entries:
        text.write(",".join(dict.fromkeys(plain(r) for r in said.split(","))))
        codes.append(code)
        ends.append(text.tell())
    return codes, ends, text.getvalue()
