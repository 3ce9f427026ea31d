"""The grammar's patterns as compiled before, kept beside the bytecode (`__pycache__`) as Python keeps
a module's.

A `salesbot say` is a fresh process for one message, and compiling the patterns it meets was
30 ms of a `progress` and 60 ms of a visit (issue #25's cold start): Python's regular expression
compiler is written in Python, and a class such as `[\\u3400-\\u9fff]` (the CJK letters) is
walked one character at a time, 27,000 of them, in every pattern that holds it. What it
produces — the matching engine's code — is a list of numbers, the same for the same source,
flags and interpreter: kept once, a later process hands it to the engine (`_sre.compile`, as
`re.compile` itself does last) and skips the compiler.

It is a cache, as `__pycache__` is: written only where Python writes bytecode (not under
`PYTHONDONTWRITEBYTECODE`), read only by the same Python (version and engine's magic number),
and anything wrong with it (missing, unreadable, another interpreter's, an engine that refuses
it) is `re.compile` again. The grammar's patterns are fixed in the source, so it stays small;
it takes at most `MAX_KEPT` all the same.
"""
from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import threading
from importlib.util import cache_from_source
from pathlib import Path

try:  # the engine's own entry point and the compiler's two steps (CPython 3.11+: `re._compiler`)
    import _sre
    from re import _compiler, _constants, _parser
except ImportError:  # pragma: no cover - another Python: patterns are compiled as usual
    _sre = None

MAX_KEPT = 2000
#: Whose compiled code it is: the same Python and the same matching engine read it back
STAMP = (sys.version, getattr(_constants, "MAGIC", None) if _sre else None)
_PATH = Path(cache_from_source(__file__)).with_name("regex_cache.patterns")

_lock = threading.Lock()
_kept: dict[tuple[str, int], tuple] | None = None  # (source, flags) -> `_sre.compile`'s arguments
_new = 0  # compiled in this process and not in the file yet


def compiled(source: str, flags: int = 0) -> re.Pattern:
    """`re.compile(source, flags)`, from the cache when this Python compiled it before."""
    flags = int(flags)
    if _sre is None or not isinstance(source, str) or flags & re.DEBUG:
        return re.compile(source, flags)
    args = _loaded().get((source, flags))
    if args is not None:
        try:
            return _sre.compile(source, *args)
        except Exception:  # noqa: BLE001 - a cache the engine refuses is compiled again
            pass
    try:
        args = _compiled_args(source, flags)
        made = _sre.compile(source, *args)
    except Exception:  # noqa: BLE001 - another Python's internals: compiled as usual, not kept
        return re.compile(source, flags)
    _keep((source, flags), args)
    return made


def _compiled_args(source: str, flags: int) -> tuple:
    """What `re._compiler.compile` hands `_sre.compile` after the source (same steps, same result)."""
    parsed = _parser.parse(source, flags)
    code = _compiler._code(parsed, flags)
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # plain ints (the compiler's opcodes are an int subclass, which `marshal` does not write)
    return (int(flags | parsed.state.flags), [int(word) for word in code], parsed.state.groups - 1,
            dict(groupindex), tuple(indexgroup))


def _loaded() -> dict:
    global _kept
    if _kept is None:
        with _lock:
            if _kept is None:
                _kept = _read()
    return _kept


def _read() -> dict:
    try:
        stamp, kept = marshal.loads(_PATH.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return dict(kept) if stamp == STAMP and isinstance(kept, dict) else {}


def _keep(key: tuple[str, int], args: tuple) -> None:
    global _new
    kept = _loaded()
    with _lock:
        if key in kept or len(kept) >= MAX_KEPT:
            return
        kept[key] = args
        if not _new:
            atexit.register(_write)
        _new += 1


def _write() -> None:
    """At exit, what this process compiled joins the file (another process's since, too)."""
    if sys.dont_write_bytecode or _kept is None:
        return
    with _lock:
        merged = {**_read(), **_kept}
    if len(merged) > MAX_KEPT:
        return
    part = _PATH.with_name(f"{_PATH.name}.{os.getpid()}")
    try:
        _PATH.parent.mkdir(parents=True, exist_ok=True)
        part.write_bytes(marshal.dumps((STAMP, merged)))
        os.replace(part, _PATH)  # whole or not at all, however many processes end at once
    except (OSError, ValueError):  # a read-only install: compiled each time, as without the cache
        part.unlink(missing_ok=True)
