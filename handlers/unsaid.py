"""A visit told without the command word: `Acme Corp - quick call w/ procurement …`, `Lunch mtg w/
Umbrella's VP ops today, went well`, `今天去了华为见了张总，想下周三看demo`.

A message with no command word that names one known customer is asked about: a visit to that
customer with every word of the message as its notes (its follow-up read as in any visit), or,
where the message has a day and a follow-up word, a task. Nothing is stored until answered.
"""
from __future__ import annotations

import re
from dataclasses import replace

from handlers import commands as c
from handlers.normal import name_fold
from storage.sales import CustomerRepository

_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN_EDGE = r"(?<![a-z0-9])"


def customers_in(text: str, names: list[tuple[int, str]]) -> list[str]:
    """The known customers `text` names: a Chinese name of two characters or more anywhere, a
    Latin one of three letters or more as whole words (`Umbrella's`, `acme corp`)."""
    folded = name_fold(text)
    found = []
    for _id, name in names:
        key = name_fold(name)
        if len(key) < 2 or (not _CJK.search(key) and len(key) < 3):
            continue
        if _CJK.search(key) and key in folded or not _CJK.search(key) and re.search(
                _LATIN_EDGE + re.escape(key) + r"(?![a-z0-9])", folded):
            found.append(name)
    longest = [n for n in found if not any(n != m and name_fold(n) in name_fold(m) for m in found)]
    return longest


def as_visit(session, tenant_id: int, text: str, error: c.ParseError, chinese: bool) -> c.ParseError | None:
    """The question for a message with no command word that names one known customer: a visit to
    it (the whole message its notes), beside the question asked already (a task for its day)."""
    if error.topic is not None or error.fixed or (error.options and error.problem != "follow_up_as_task"):
        return None
    found = customers_in(text, CustomerRepository(session).names(tenant_id))
    if len(found) != 1:
        return None
    said = " ".join(text.split())
    visit = f"拜访 {found[0]}：{said}" if chinese else f"visit {found[0]}: {said}"
    return replace(error, problem="visit_unsaid", detail=found[0],
                   options=(("as_visit", visit, None), *error.options))
