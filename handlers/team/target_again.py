"""A target's amount said again right after it was set, with words that only say a correction is
coming (`哦不 45万`, `算了 Ana还是40万吧`, `嗯 45万吧`, `no, Ana 45k`, `oh 45k`): that target set
again with it, said old → new, as `不对，是45万` is (handlers/team/target_corrections.py) (#23, r19).
A name said must be the target's own (`算了 Ana还是40万吧` after Ana's target), else it is no
such correction; only right after the target was set, by the member's previous message here.

>>> said_again("算了 Ana还是40万吧"), said_again("哦不 45万"), said_again("no, Ana 45k")
(('Ana', '40万'), ('', '45万'), ('Ana', '45k'))
>>> said_again("45万"), said_again("Ana还是40万吧"), said_again("visit acme 45k")
(None, ('Ana', '40万'), None)
"""
from __future__ import annotations

import re

from handlers.context import Ctx
from handlers.grammar.amounts import parse_amount
from handlers.grammar.fillers import LEAD
from handlers.grammar.normal import name_fold
from handlers.grammar.patterns import pattern
from handlers.lookup import example
from handlers.sales.last_said import made_last, made_with
from handlers.sales.said_again import RECENT, latest_change
from handlers.team import metric_corrected
from handlers.team.target_corrections import target_corrected
from handlers.team.target_meant import target_meant
from storage.models.team import Team
from storage.models.workspace import Member

#: Fillers beyond the shared ones a Chinese correction may open with (`唉`, `不好意思`)
_MORE = r"^(?:(?:唉|哎呀?|啊+|不好意思|抱歉|等等|hmm+|um+|uh+)[\s,，.。!！~～]*)*"
_SAID = pattern(r"^(?:@?(?!还是|改成|改为|应该|是)"
                r"(?P<who>[A-Za-z][A-Za-z.-]{0,20}|[\u4e00-\u9fff]{2,4}?)(?:'s)?\s*"
                r"(?:的)?(?:业绩)?(?:目标|target)?\s*)?"
                r"(?P<verb>还是|改成|改为|应该是|是|make\s+it|should\s+be|it'?s)?\s*"
                r"(?P<value>[¥$]?\d[\d,.]*\s*(?:[kKmMwW万亿千]|mil|million)?)\s*(?:元|块)?"
                r"[\s吧啦呢哈。.!！~～]*$", re.I)


def said_again(text: str) -> tuple[str, str] | None:
    """(the name said or "", the amount) where `text` says a target's amount again as a
    correction: opened by a filler, or with a name and `还是`; None otherwise."""
    said = " ".join(text.split())
    lead = re.match(_MORE, said).end()
    lead = max(lead, re.match(LEAD, said[lead:], re.I).end() + lead)
    found = _SAID.match(said[lead:])
    if found is None or parse_amount(found["value"].replace(" ", "")) is None:
        return None
    who = found["who"] or ""
    if who.lower() in ("make", "it", "its", "should", "no", "target"):
        return None
    if not lead and not (who and found["verb"] in ("还是", "改成", "改为", "应该是")):
        return None  # `45万` alone, `visit acme 45k`: no correction of a target
    return who, found["value"].replace(" ", "")


def corrected(ctx: Ctx, text: str):
    """The target the member's previous message set, set again with the amount `text` says (or
    why not); None where `text` says no such thing or no target was just set."""
    if (metric := metric_corrected.corrected(ctx, text)) is not None:
        return metric  # `no, visits 40` after revenue and visits targets: the visits one
    read = said_again(text)
    if read is None:
        return None
    change = latest_change(ctx)
    if change is None or change.kind != "SetTarget" or change.at < ctx.now - RECENT \
            or not made_last(ctx, change):
        return None
    who, value = read
    if who:  # `算了 Ana还是40万吧`: Ana's target among those the message set; after Ana's alone,
        # `算了 Bo还是40万吧` is no correction of it
        targets = [x for x in made_with(ctx, change) if x.kind == "SetTarget"] or [change]
        named = [x for x in targets if name_fold(who) == name_fold(target_owner(ctx, x))]
        if len(named) != 1:
            return None
        change = named[0]
    ctx.locale = "zh" if re.search(r"[\u3400-\u9fff]", text) else "en"
    ctx.correcting = True  # refused, it leaves the member's last message as it was
    if who:
        return target_corrected(ctx, change, value, example(ctx, "target"))
    return target_meant(ctx, change, "", value, example(ctx, "target"))  # `不对，是65万` after
    # several targets: the one of money, or asked which


def target_owner(ctx: Ctx, change) -> str:
    """The name of whose target `change` set (a member's or a team's), or ""."""
    row = next((r["a"] for r in change.rows if r["t"] == "targets" and r["a"] is not None), None)
    if row is None:
        return ""
    owner = ctx.session.get(Member, row["member_id"]) if row.get("member_id") else \
        ctx.session.get(Team, row["team_id"]) if row.get("team_id") else None
    return "" if owner is None else owner.display_name if isinstance(owner, Member) else owner.name
