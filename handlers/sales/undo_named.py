"""Whether the change an undo would reverse is about what the undo named (`undo the umbrella move`,
`撤销华为那单的推进`): a customer named (by name or alias) is one of the change's records' customers,
or the words are in the change's label or a record's title; never a guess at another change."""
from __future__ import annotations

from handlers.context import Ctx
from handlers.grammar.normal import name_fold
from handlers.known_names import customer_in_words
from storage.models.sales import Change, Customer, Deal


def about(ctx: Ctx, change: Change, named: str) -> bool:
    key = name_fold(named)
    if not key:
        return True
    customer = customer_in_words(ctx, named)
    names, ids = [change.label or ""], set()
    for row in change.rows:
        for data in (row.get("a"), row.get("b")):
            if not data:
                continue
            if row["t"] == "customers":
                ids.add(row["k"][0])
            if data.get("customer_id"):
                ids.add(data["customer_id"])
            if data.get("deal_id") and (deal := ctx.session.get(Deal, data["deal_id"])) is not None:
                ids.add(deal.customer_id)
            names += [str(data[field]) for field in ("title", "name") if data.get(field)]
    if customer is not None and customer.id in ids:
        return True
    names += [found.name for found in (ctx.session.get(Customer, i) for i in ids) if found is not None]
    return any(key in name_fold(name) for name in names)
