"""A reason that starts with the word for the customer (`客户很满意交付速度`, `客户认可我们的方案`,
`customer loved our delivery speed`): sent while a win's or loss's "what decided it?" is open, it
is that reason, never the `客户` command on a customer named `很满意交付速度`. The customer
command stays itself where its words name a customer the workspace knows (`客户 华为`), set a tier
or a stage (`客户 华为 A类`), or add one on purpose (`customer +Acme`)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from handlers.grammar import commands as c
from handlers.grammar.intents import split_keyword
from handlers.grammar.parse import normalize
from handlers.grammar.reading import read
from storage.sales import CustomerRepository


def customer_reason(session: Session, tenant_id: int, text: str, today: dt.date) -> bool:
    """Whether `text` reads as the customer command only by its first word: a customer named
    by words no customer of the tenant has (`客户很满意交付速度`), nothing else set."""
    said = " ".join(text.split())
    intent, _language, rest = split_keyword(normalize(said))
    if intent != "customer" or not rest.strip() or rest.lstrip().startswith(("+", "#")):
        return False
    parsed = read(said, today).command
    if not isinstance(parsed, c.SetCustomer) or parsed.tier or parsed.lifecycle or not parsed.name:
        return False
    return not CustomerRepository(session).find(tenant_id, parsed.name.lstrip("+"))
