"""A deal's close said to slip, with no command word (`stark pilot slipping to feb 🙁`, `globex renewal
slipped to q2`, `小米那单要拖到二月了`): its expected close moved to the day said, offered one tap per
open deal of the customer the words may name (`deal #12 close feb`: a month is read as `close feb`
reads it), never a visit whose notes say a close moved (r24 #228).

>>> today = dt.date(2026, 12, 7)
>>> slip_said("stark pilot slipping to feb 🙁", today)
('stark pilot', 'feb')
>>> slip_said("小米那单要拖到二月了", today), slip_said("globex renewal slipped to q2, sadly", today)
(('小米那单', '二月'), ('globex renewal', 'q2'))
>>> slip_said("the meeting slipped", today), slip_said("stark demo moved to fri", today)
(None, None)
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c
from handlers.grammar.closed_words import aliases
from handlers.grammar.normal import name_fold
from handlers.grammar.patterns import pattern
from storage.deals_found import open_deals_of_customer_named

#: a close slipping: `slipping to`, `slipped to`, `pushed out to`, `拖到`, `推迟到`, `延期到`
_SLIP = pattern(r"(?<![A-Za-z])(?:slip(?:s|ped|ping)?|push(?:ed|ing)?|delay(?:ed|ing)?|postpon(?:ed|ing)|"
                r"mov(?:ed|ing)|shift(?:ed|ing)?)(?:\s+(?:out|back))?\s+(?:to|till|until|into)\s+(?=\S)"
                r"|(?:要|会|可能|得|又)?(?:拖到|推迟到|推到|延到|延期到|延后到|顺延到|挪到)", re.I)
#: words beside the customer that name no deal (`the`, `deal`, `那单`, `的`)
_NO_DEAL = pattern(r"那个|这个|那单|这单|单子|项目|商机|的|"
                   r"(?<![A-Za-z])(?:the|deal|opp|opportunity|our|my|is|was|are|will|might|probably|"
                   r"prob|now|close|closing)(?![A-Za-z])", re.I)

#: what moves besides a close: a meeting, a call, a visit (`the demo slipped to fri`, `会议推迟到周五`)
_MEETING = pattern(r"(?<![A-Za-z])(?:meeting|mtg|call|demo|visit|lunch|dinner|workshop|kickoff|"
                   r"follow[\s-]?up|fu|f/u|task)s?(?![A-Za-z])|会|电话|拜访|演示|跟进|饭|任务", re.I)


def slip_said(said: str, today: dt.date) -> tuple[str, str] | None:
    """(the words before the slip, the day said after it) where `said` tells a close slipping
    to a day, else None."""
    from handlers.grammar.spans import date_in

    found = _SLIP.search(said)
    if found is None or not said[:found.start()].strip() or _MEETING.search(said[:found.start()]):
        return None  # `stark meeting moved to fri`: a meeting's day, no close
    day = date_in(said[found.end():], today)
    if day is None or not said[found.end():].startswith(day[0]):
        return None  # the day right after the slip's word (`slipping to feb`), never one later on
    return said[:found.start()].strip(" ,，"), re.sub(r"[了吧啦呢]+$", "", day[0])


def slipped(session, tenant_id: int, name: str, said: str, chinese: bool, today: dt.date,
            member_id: int | None) -> c.ParseError | None:
    """The question for a close of `name`'s deal said to slip: one tap per open deal the words
    may name (the member's own, else any: a manager's message of a rep's deal; the member's own
    one, every word read, is changed at once before this, handlers/sales/deal_sentence.py), each
    moving its close to the day said; None where the words tell no slip, the day is not to come,
    or `name` has no open deal."""
    from handlers.grammar.reading import read  # the parsers import the grammar; kept lazy

    slip = slip_said(" ".join(said.split()), today)
    if slip is None:
        return None
    before, day = slip
    deals = _open(session, tenant_id, name, member_id) or _open(session, tenant_id, name, None)
    hint = before
    for alias in aliases(name):  # `stark pilot`: Stark Industries, its deal titled Pilot
        if (at := hint.lower().find(alias.lower())) >= 0:
            hint = hint[:at] + " " + hint[at + len(alias):]
            break
    hint = name_fold(" ".join(_NO_DEAL.sub(" ", hint).split()))
    fits = [(d, t) for d, t in deals if hint and (hint in name_fold(t) or name_fold(t) in hint)] or deals
    lines = [f"商机 #{d} 预计 {day}" if chinese else f"deal #{d} close {day}" for d, _t in fits[:5]]
    options = tuple(("as_deal_change", line, None) for line in lines
                    if isinstance(command := read(line, today).command, c.UpsertDeal)
                    and command.close is not None and command.close > today)
    if not options:
        return None
    listed = " · ".join(f"#{d} “{t}”" for d, t in fits[:5])
    return c.ParseError(None, "close_slipped_unsaid", f"{name} ({listed})", options=options)


def _open(session, tenant_id: int, name: str, member_id: int | None) -> list[tuple[int, str]]:
    """(id, title) of `name`'s open deals (the member's own, where a member is given)."""
    return [(deal_id, title) for deal_id, title, _stage in open_deals_of_customer_named(
        session, tenant_id, name, member_id)]
