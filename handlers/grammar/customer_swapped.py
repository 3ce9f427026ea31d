"""A command read again with another customer in it: the one-tap answers to "which customer?"
(`visit Acme: …` → `visit Acme Corp: …`) run the command the member sent, its customer swapped."""
from __future__ import annotations

from dataclasses import replace

from handlers.grammar.commands import CloseDeal, LogVisit, SetCustomer, UpsertDeal
from handlers.grammar.normal import name_fold


def with_customer(command, old: str, new: str):
    """`command` naming customer `new` where it named `old` (a deal keeps the title that followed
    the name: `华为技术 ERP项目`), or None for a command without a customer."""
    if isinstance(command, LogVisit):
        return replace(command, customer=new, unsplit=False)
    if isinstance(command, UpsertDeal) and command.customer is not None \
            and name_fold(command.customer.lstrip("+")) == name_fold(old.lstrip("+")):
        return replace(command, customer=new)  # `deal #46 customer 万科集团`: the deal's new customer
    if isinstance(command, UpsertDeal | CloseDeal):
        said = " ".join(command.ref.words)
        rest = said[len(old):].strip() if said.startswith(old) else ""
        title = command.ref.title or rest or None
        return replace(command, ref=replace(command.ref, words=(new,), title=title))
    if isinstance(command, SetCustomer):
        return replace(command, name=new)
    return None
