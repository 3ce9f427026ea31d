"""A deal moved to a stage, said with a verb (`推进到方案`, `推近到谈判` a slip of 推进到, `进入商务谈判阶段`,
`退回到初步接触`, `moved to proposal`, `then to negotiation`, `→ proposal`): one reader for every
place that reads it (a deal's line, a field said after another, a visit's notes), so a verb or a
slip read in one is read in all. The stage is the words after the verb up to a mark or a space, a
`了`, `阶段` or `stage` after it left out; the caller checks it is a stage word (`stage_named`: a
stage said short after the verb, `to nego`, `to prop`, is that stage too).

>>> stage_named("nego"), stage_named("Negotiation"), stage_named("they")
('negotiation', 'negotiation', None)
>>> short_after_verb(" globex erp deal to nego they accepted the proposal ")
[(20, 'nego')]
>>> short_after_verb(" acme poc to neg, close eom "), short_after_verb(" nego to acme ")
([(13, 'neg')], [])
"""
from __future__ import annotations

import re
from functools import lru_cache

from handlers.grammar import vocabulary as V
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
    """The first stage moved to after `lead` whose stage is one of `stages` (a stage's words, or
    said short: `to nego`)."""
    return next((m for m in moved_to(lead).finditer(text) if m["stage"].lower() in stages
                 or V.stage_prefix(m["stage"]) is not None), None)


def stage_named(word: str) -> str | None:
    """The stage `word` names after a verb of moving: its word (`negotiation`, `谈判`) or the start
    of one stage's words only (`nego`, `prop`), or one typed with a slip (`negotiaton`); None for any other
    word."""
    if (stage := V.STAGE_WORDS.get(word.lower())) is not None:
        return stage
    short = V.stage_prefix(word)
    if short:
        return short[0]
    return _slip(word)


#: Words a stage's slip would be near that are words of their own (`contract` is no `contact`)
_OWN_WORDS = {"contract", "contracts", "contacts", "loss", "lose", "leader", "leads"}


def _slip(word: str) -> str | None:
    """The stage `word` is a slip of (`negotiaton`, `propsal`, `商务谈叛`), or None."""
    near = None if word.lower() in _OWN_WORDS else V.near_word(word, V.STAGE_WORDS)
    return V.STAGE_WORDS[near] if near and V.STAGE_WORDS[near] not in ("won", "lost") else None


_WORD = pattern(r"(?<![A-Za-z])[A-Za-z]{3,}(?![A-Za-z])")


def short_after_verb(text: str) -> list[tuple[int, str]]:
    """(where, word) of each stage said short just after a verb of moving (`to nego`, `moved to prop`):
    read as that stage, as a stage's whole word is."""
    return [(m.start(), m[0]) for m in _WORD.finditer(text)
            if (V.stage_prefix(m[0]) is not None or _slip(m[0])) and VERB_BEFORE.search(text, 0, m.start())]


#: A person's title with a stage's word in it (`their ops lead`, `the sales lead`, `lead engineer`): a
#: person, never the Lead stage
_PERSON_LEAD = pattern(r"(?<![A-Za-z])(?:ops|operations|sales|tech|technical|team|project|engineering|it|dev|"
                       r"product|design|procurement|purchasing|finance|security|qa|account|marketing|program|"
                       r"their|his|her|my)\s+lead(?![A-Za-z])"
                       r"|(?<![A-Za-z])lead\s+(?:engineer|developer|dev|designer|architect|buyer|contact)(?![A-Za-z])",
                       re.I)


def without_titles(text: str) -> str:
    """`text` with the persons' titles that hold a stage's word blanked (the same length)."""
    return _PERSON_LEAD.sub(lambda m: " " * len(m[0]), text)



#: A stage said glued to the verb that moves to it or to `阶段` (`推进到方按阶段`, `改成谈盼`, `谈盼阶段`)
_GLUED = pattern(r"^(?P<verb>(?:推进到|推进至|推[\u4e00-\u9fff]?到|进入到?|进到|到了|转到|退回到?|退到"
                 r"|改成|改为|换成|调到|到)?)(?P<stage>[\u4e00-\u9fff]{2,6}?)(?P<tail>阶段)?了?$")
#: What says the next word is a stage (`-> 谈盼`, `阶段 谈盼`, `stage: 谈盼`)
_SAID_BEFORE = pattern(r"(?:->|→|=>|➡|阶段|stage|推进到|改成|改为|换成|#\d+)\s*[:：]?\s*$", re.I)


def stage_slip(word: str, before: str) -> tuple[str, str] | None:
    """(the part of `word` that is a slip of a stage's word, that word) where a verb of moving or
    `阶段` glued to it, or said just `before` it, says a stage is meant (`推进到方按阶段` → 方按 is
    方案, `阶段改成谈盼` → 谈盼 is 谈判, `-> 商务谈叛`); None for a word of its own, a stage as it is,
    or a slip to a win or loss (asked as a close is). A two-character word one character off is a
    slip only there: alone it may be a name's (`方法`)."""
    found = _GLUED.match(word)
    if found is None or not (found["verb"] or found["tail"] or _SAID_BEFORE.search(before)):
        return None
    for said in (found["stage"] + (found["tail"] or ""), found["stage"]):
        if said in V.STAGE_WORDS:
            return None
        meant = V.near_word(said, V.STAGE_WORDS) or _two_off(said)
        if meant and V.STAGE_WORDS[meant] not in ("won", "lost"):
            return said, meant
    return None


def _two_off(word: str) -> str | None:
    """The one two-character stage word `word` (two characters) is one character off, or None."""
    near = [w for w in V.STAGE_WORDS if len(w) == len(word) == 2 and not w.isascii()
            and sum(a != b for a, b in zip(w, word, strict=True)) == 1]
    return near[0] if len(near) == 1 else None
