"""Our own writes coming back: a deal read from the CRM is the echo of our last write (or a record
read before) when its fields are what the CRM held after that write or read, whatever its
modified time says. Time alone cannot tell: Zoho's `Modified_Time` has whole seconds, so a
person's edit in the same second as our write carries the same time, and must still reach the
chat; 纷享销客 answers an update with no modified time at all, so our write comes back looking
newer than anything we hold, and must not be taken for a change (nor raise a false conflict).

The fields are those the chat takes from the CRM (`crm/incoming.py`): the stage (as our stage key,
so Zoho's display and actual names and 纷享's option values and labels compare equal), the amount,
the owner and the close date (and, kept but not compared, the deal's Zoho pipeline: a move is
written as a stage of it, crm/stages.py). What a write did not say (the owner of a deal made without one) is
left out and not compared.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

FIELDS = ("stage", "amount", "owner", "close")


def read(remote, stage: str) -> dict:
    """The fields of a deal as read from the CRM; `stage` is our key for its stage."""
    return {"stage": stage, "amount": _amount(remote.amount), "owner": remote.owner or "",
            "close": _day(remote.close_date), "pipeline": remote.pipeline}


def written(before: dict | None, *, stage: str, amount: Decimal | None = None, owner: str | None = None,
            close: dt.date | None = None, closing_too: bool = False) -> dict:
    """What the CRM holds after a write of these fields over what it held `before` (None: a new
    record, or one whose fields were never kept)."""
    content = {**(before or {}), "stage": stage}
    if amount is not None:
        content["amount"] = _amount(amount)
    if owner:
        content["owner"] = owner
    if closing_too:
        content["close"] = _day(close)
    return content


def is_echo(content: dict | None, seen: dict) -> bool:
    """Whether the record read (`seen`) holds nothing but what `content` says the CRM held."""
    if not content:
        return False
    return all(seen.get(name) == content[name] for name in FIELDS if name in content)


def _amount(value: Decimal) -> str:
    return f"{Decimal(value):.2f}"


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
