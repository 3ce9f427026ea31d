"""How long what chat requests leave behind is kept (docs/security.md). The worker purges every
ten minutes (`worker/inbox.py`).

- inbox rows run (`done`): one day: their key only guards platform retries, which come within
  minutes (Slack's three in under an hour, WeCom's within 15 s); their bodies hold Slack
  `response_url`s, usable for 30 minutes.
- inbox rows given up on (`failed`): seven days, for `salesbot inbox [retry]`.
- answers sent (outbox rows keyed `answer:…`): seven days: their key guards platform retries
  (which come within minutes), their target may hold a Slack `response_url`.
- short-lived credentials past their expiry (link codes, WeCom access tokens): at once.
- Teams cards with buttons kept to update once pressed (`conversation_refs` `card:…`): 30 days.
- changes made from chat (storage/journal.py): a day, the window of `undo`; deletions, 30 days:
  the bin, from which `restore` brings them back.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import delete
from sqlalchemy.orm import Session

from storage import journal
from storage.address import Kind
from storage.models.messaging import CachedToken, ConversationRef, Delivery, InboxItem
from storage.models.sales import Change

KEEP_DONE = dt.timedelta(days=1)
KEEP_FAILED = dt.timedelta(days=7)
KEEP_KEYS = dt.timedelta(days=7)
KEEP_CARDS = dt.timedelta(days=30)


def purge(session: Session, now: dt.datetime) -> dict[str, int]:
    """Delete what is past its keeping; how many rows of each kind went."""
    steps = {
        "inbox done": delete(InboxItem).where(InboxItem.status == "done",
                                              InboxItem.created_at < now - KEEP_DONE),
        "inbox failed": delete(InboxItem).where(InboxItem.status == "failed",
                                                InboxItem.created_at < now - KEEP_FAILED),
        "answers sent": delete(Delivery).where(Delivery.key.startswith("answer:"), Delivery.status == "sent",
                                               Delivery.created_at < now - KEEP_KEYS),
        "expired credentials": delete(CachedToken).where(CachedToken.expires_at < now),
        "cards kept": delete(ConversationRef).where(ConversationRef.address.startswith(f"{Kind.CARD}:"),
                                                    ConversationRef.updated_at < now - KEEP_CARDS),
        "changes past undo": delete(Change).where(Change.at < now - journal.WINDOW,
                                                  ~Change.kind.endswith(".delete")),
        "bin": delete(Change).where(Change.at < now - dt.timedelta(days=journal.BIN_DAYS)),
    }
    return {name: session.execute(statement).rowcount for name, statement in steps.items()}
