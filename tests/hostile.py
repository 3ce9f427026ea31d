"""What the hostile-input tests of every platform share: waiting until the work a request handed
on is done (here or in the worker), and checking that nothing logged a traceback."""
from __future__ import annotations

import copy
import logging
import os

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from storage.models.messaging import InboxItem
from support import eventually

#: Examples per fuzz run: a few hundred in the suite; `SALESBOT_FUZZ_EXAMPLES=5000` for a long run.
FUZZ_EXAMPLES = int(os.environ.get("SALESBOT_FUZZ_EXAMPLES", "200"))


def settled(session_factory) -> None:
    """Wait until every request handed on has been run, here or by the worker (done, or failed
    at least once: its failure is logged by then)."""
    def idle() -> bool:
        with session_factory() as s:
            return not s.scalar(select(func.count()).select_from(InboxItem).where(
                InboxItem.status == "pending", InboxItem.last_error == ""))
    eventually(idle)  # as long as a loaded machine needs: a few hundred requests, some in the worker


def tracebacks(caplog) -> list[str]:
    """Log records (of any thread) that carry a traceback, as text."""
    return [f"{r.name}: {r.getMessage()}" for r in caplog.records
            if r.exc_info or (r.levelno >= logging.ERROR and "Traceback" in r.getMessage())]


# fuzz: requests shaped as the platform sends them, with a few fields changed ---------------------------
DELETE = object()  # a change that removes the field
#: text a person or a forger could send: empty, NUL, lone surrogates, controls, bidi marks, long
#: names, mentions, commands
ODD_TEXT = st.sampled_from([
    "", " ", "\x00", "\ud800", "a\udfffb", "\x1b[2J", "\u202e", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "A" * 300, "华" * 250,
    "<@U1>", "<@UBOT> help", "<@U2|ana>", "<at>Ana Li</at>", "help", "visit Acme: demo",
    'deal Acme "ERP" proposal 50k', "won Acme 48k: price", "customer Acme tier A", "team add Sales <@U2>",
    "progress team", "link 12345678", "undo", "role <@U2> manager", "☃" * 2000])
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12) | ODD_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8)


def _changed(template: dict, changes) -> dict:
    data = copy.deepcopy(template)
    for path, value in changes:
        parent = data
        for key in path[:-1]:
            parent = _child(parent, key)
        last = path[-1]
        if isinstance(parent, dict):
            if value is DELETE:
                parent.pop(last, None)
            else:
                parent[last] = value
        elif isinstance(parent, list) and isinstance(last, int) and last < len(parent):
            if value is DELETE:
                del parent[last]
            else:
                parent[last] = value
    return data


def _child(node, key):
    if isinstance(node, dict):
        return node.get(key)
    if isinstance(node, list) and isinstance(key, int) and key < len(node):
        return node[key]
    return None


def mutations(template: dict, paths: list[tuple[str, ...]]):
    """A strategy: `template` with up to four of `paths` set to odd values or removed."""
    change = st.tuples(st.sampled_from(paths), st.one_of(st.just(DELETE), VALUES))
    return st.lists(change, max_size=4).map(lambda changes: _changed(template, changes))


def fuzz_settings():
    return settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
                    database=None)
