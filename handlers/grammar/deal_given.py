"""One deal given to another rep (r26): `give deal 46 to bo`, `reassign deal #46 to @bo`, `deal 46 to
bo`, `hand deal 46 over to bo`, `46号单子转给张伟`, `把商机#46交给张伟`, `商机 #46 转给 @张伟`
(ReassignDeal; handlers/sales/deal_owner.py). A day after `to` is no one (`deal 46 to fri`: None,
read as it would be).

>>> import datetime as dt
>>> today = dt.date(2026, 12, 6)
>>> given("give deal 46 to bo", today), given("46号单子转给张伟", today)
(ReassignDeal(deal_id=46, owner='bo'), ReassignDeal(deal_id=46, owner='张伟'))
>>> given("把商机#46交给张伟", today), given("deal 46 to fri", today), given("deal 46 to negotiation", today)
(ReassignDeal(deal_id=46, owner='张伟'), None, None)
>>> given("deal 46 to 80k", today), given("46号单子改给30万", today)
(None, None)
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c
from handlers.grammar import vocabulary as V
from handlers.grammar.dates import parse_date
from handlers.grammar.normal import view
from handlers.grammar.patterns import pattern
from handlers.grammar.stage_moved import stage_named

_GIVEN = pattern(
    r"^(?:(?:pls|please|can you|could you)\s+)?(?:(?:re-?assign|give|hand|pass|move|transfer)\s+)?(?:the\s+)?"
    r"deal\s*#?\s*(?P<id>\d{1,9})\s+(?:over\s+)?(?:to|->|→)\s+@?(?P<who>[^\s,.!]+)(?:\s+(?:instead|please|pls))?"
    r"[\s.!]*$"
    r"|^(?:(?:re-?assign|give|hand|transfer)\s+)@?(?P<who2>[^\s,.!#]+)\s+deal\s*#?\s*(?P<id2>\d{1,9})[\s.!]*$"
    r"|^(?:把|将)?(?:(?:商机|单子|订单)\s*#?\s*(?P<zid>\d{1,9})\s*号?|#?\s*(?P<zid2>\d{1,9})\s*号?\s*(?:单子|单|商机))"
    r"\s*(?:改派|转派|转交|转|交|派|改)?(?:给|給)\s*@?(?P<zwho>[^\s,，。!！吧了]{1,12}?)(?:吧|了|负责)?[\s。!！~～]*$",
    re.I)
_CJK_LONG = re.compile(r"[\u4e00-\u9fff]{5,}")


def given(text: str, today: dt.date) -> c.ReassignDeal | None:
    """The deal given to someone `text` says, or None."""
    found = _GIVEN.match(" ".join(view(text).split()))
    if found is None:
        return None
    who = found["who"] or found["who2"] or found["zwho"]
    if parse_date(who, today) is not None or who.lower() in V.STAGE_WORDS or who.lower() in ("me", "i") \
            or stage_named(who) is not None or V.near_word(who, V.STAGE_WORDS) \
            or _CJK_LONG.search(who) or any(ch.isdigit() for ch in who):
        return None  # `deal 46 to fri`, `deal 46 to negotiation` (`-> negotation`), `deal 46 to 80k`: a
        # day, a stage (or one typed with a slip: asked by the deal's grammar), an amount
    return c.ReassignDeal(int(found["id"] or found["id2"] or found["zid"] or found["zid2"]), who)
