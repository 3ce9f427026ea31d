"""A new deal said as a list (`deal Initrode, cloud migration, 25k usd, qualification, close q1`):
the words before the first comma name the customer and the words after it, up to the next field,
may be the deal's title. Read without the commas, all of them would make one customer's name
("Initrode cloud migration"), so the title reading is offered with one tap (the title in quotes),
never a customer made of the list's words."""
from __future__ import annotations

import re
from collections.abc import Callable

from handlers.grammar import commands as c

_FIRST_COMMA = re.compile(r"[,，、]")


def title_after_comma(rest: str, read: c.Command | c.ParseError,
                      parse: Callable[[str], c.Command | c.ParseError]) -> c.ParseError | None:
    """The question "is it the title?" when `read` (the deal as parsed from `rest`) names its
    customer with words a comma split (`Initrode, cloud migration`) and no title; else None."""
    if not isinstance(read, c.UpsertDeal) or read.ref.deal_id is not None or read.ref.title \
            or read.customer or len(read.ref.words) < 2:
        return None
    comma = _FIRST_COMMA.search(rest)
    if comma is None:
        return None
    before = rest[:comma.start()].split()
    words = list(read.ref.words)
    if not before or before != words[:len(before)] or len(before) >= len(words):
        return None
    title = " ".join(words[len(before):])
    at = rest.find(title, comma.end())
    if at < 0:
        return None
    said = f'{rest[:comma.start()]} "{title}"{rest[at + len(title):]}'
    command = parse(said)
    if not isinstance(command, c.UpsertDeal) or command.ref.title != title:
        return None
    return c.ParseError("deal", "comma_title", title, options=(("title_quoted", said, command),))
