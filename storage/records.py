"""A record deleted from chat (a deal, visit, customer, task, contest …): the journal keeps its
rows, so it stays restorable from the bin (storage/journal.py). Callers own the transaction."""
from __future__ import annotations

from sqlalchemy.orm import Session


def delete_record(session: Session, record) -> None:
    """Delete `record` (and what the database cascades to), written at once: what follows the
    deletion (posts rechecked, standings) reads the records as they are without it."""
    session.delete(record)
    session.flush()
