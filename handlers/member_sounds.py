"""A member's Chinese name typed in pinyin after @, its syllables apart (`progress @li na`,
`target @Zhang Wei visits 30 month`): read as that member (`@李娜`), said back ("“li na” taken as
李娜"), where the first word alone names no one and the words together sound like exactly one
member's name (pypinyin's readings, `handlers/rules/readings.py`). Two members who sound alike,
or none: the message is read as typed (and a name no one has is asked about as before). Only a
mention is read so; words elsewhere (a visit's notes) are kept as typed."""
from __future__ import annotations

import re

from handlers.context import Ctx
from handlers.members import members_named
from handlers.rules.name_likeness import sounds_like

#: `@li na`, `@Zhang Wei`, `@ou yang xiu`: a mention and up to two more Latin words after it
_MENTION = re.compile(r"(?<![\w@])@(?P<first>[A-Za-z]+)(?P<more>(?:\s+[A-Za-z]+){1,2})(?![\w])")


def pinyin_mentions(ctx: Ctx, text: str) -> str:
    """`text` with each mention of a member's name in spaced pinyin written as their name."""
    if "@" not in text:
        return text
    members = None
    for found in reversed(list(_MENTION.finditer(text))):
        if members_named(ctx, found["first"]):
            continue  # `@ana revenue`: Ana, and a word of the command
        members = members if members is not None else [
            m for m in ctx.people.members(ctx.tenant.id) if m.active]
        words = [found["first"], *found["more"].split()]
        for size in range(len(words), 1, -1):  # the longest that sounds like one member
            said = " ".join(words[:size])
            alike = [m for m in members if sounds_like(said, m.display_name)]
            if len(alike) == 1:
                end = found.start() + 1 + len(found["first"]) + _span(found["more"], size - 1)
                ctx.notes.append(ctx.t("member_taken_as", name=said, member=alike[0].display_name))
                text = f"{text[:found.start()]}@{alike[0].display_name}{text[end:]}"
                break
    return text


def _span(more: str, words: int) -> int:
    """How many characters of `more` (` na yang`) its first `words` words take."""
    return re.match(r"(?:\s+[A-Za-z]+){%d}" % words, more).end()
