"""What the hostile-input tests of every platform share: waiting until the work a request handed
on is done (here or in the worker), and checking that nothing logged a traceback."""
from __future__ import annotations

import logging
import os

from sqlalchemy import func, select

from storage.models import InboxItem
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
    eventually(idle, timeout=30)


def tracebacks(caplog) -> list[str]:
    """Log records (of any thread) that carry a traceback, as text."""
    return [f"{r.name}: {r.getMessage()}" for r in caplog.records
            if r.exc_info or (r.levelno >= logging.ERROR and "Traceback" in r.getMessage())]
