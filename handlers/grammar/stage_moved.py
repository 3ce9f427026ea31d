"""A deal moved to a stage, said with a verb (`推进到方案`, `推近到谈判` a slip of 推进到, `进入商务谈判阶段`,
`退回到初步接触`, `moved to proposal`, `then to negotiation`, `→ proposal`): one reader for every
place that reads it (a deal's line, a field said after another, a visit's notes), so a verb or a
slip read in one is read in all. The stage is the words after the verb up to a mark or a space, a
`了`, `阶段` or `stage` after it left out; the caller checks it is a stage word."""
from __future__ import annotations

import re
from functools import lru_cache

from handlers.grammar.patterns import Pattern, pattern

#: The verbs of moving a deal (a one-character slip inside `推进到`, `推近到`, is the verb too)
_VERB = (r"(?:推进到|推进至|推[\u4e00-\u9fff]?到|推进|进入到?|进到|到了|退回到?|退到|转到"
         r"|(?<![A-Za-z])(?:(?:moved?|pushed|push|is|now|went|gone)\s+(?:in|into|to)|to)(?=\s)"
         r"|→|->)")
#: A verb of moving just before where a stage is named (`deal to negotiation they accepted the proposal`)
VERB_BEFORE = pattern(_VERB + r"\s*$", re.I)
_STAGE = r"\s*(?P<stage>[^\s,，。;；!！]+?)(?:了|\s*阶段|\s+stage)?(?=$|[\s,，。;；!！])"


@lru_cache(maxsize=8)
def moved_to(lead: str = "") -> Pattern:
    """The reader of a stage moved to, after `lead` (a pattern of what must come before the verb:
    another field, `商机`, …; nothing: anywhere)."""
    return pattern(lead + _VERB + _STAGE, re.I)


def stage_moves(text: str, lead: str, stages) -> re.Match | None:
    """The first stage moved to after `lead` whose stage is one of `stages` (a stage's words)."""
    return next((m for m in moved_to(lead).finditer(text) if m["stage"].lower() in stages), None)
