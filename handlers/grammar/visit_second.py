"""A second command inside a visit's notes (fix34b: `visit Acme: demo went well, remind me to send
pricing fri` kept the reminder as notes or a follow-up only; `visit Acme: met cfo, deal Acme
negotiation` stored the deal's move as notes, silently). A task's own command word (`task`, `todo`,
`任务`, `待办`) is asked by handlers/sales/visit_task_asked.py; here:

- `remind me to <something to do> <day>` (`提醒我周五发方案`): beside a follow-up on that day and
  notes only, the visit with a task (the thing to do, due that day) is offered, one tap;
- `deal <customer> <stage>` (`商机 华为 商务谈判`) as a clause of the notes: the visit (its notes
  without the clause) and the deal moved, or the visit only, asked.

>>> remind_task("demo went well, remind me to send pricing fri")
('demo went well', 'send pricing fri')
>>> remind_task("all good. remind me tue") is None
True
>>> deal_clause("met cfo, deal Acme negotiation")[1:]
('deal Acme negotiation', 'met cfo')
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c
from handlers.grammar import vocabulary as V
from handlers.grammar.patterns import pattern
from handlers.grammar.stage_moved import VERB_BEFORE, stage_named

_EDGE = " ,，.。;；:：!！-–—"
#: `remind me to`, `pls remind us`, `提醒我一下`
_REMIND = pattern(r"(?<![A-Za-z])(?:(?:please|pls|plz)\s+)?remind\s+(?:me|us)(?:\s+to)?(?![A-Za-z])"
                  r"|提醒我(?:一下)?(?:要)?", re.I)
#: Words that say only a day or a leading word, no thing to do (`remind me tue`, `提醒我 周二`)
_DAYISH = pattern(r"(?<![A-Za-z])(?:on|by|before|next|this|again|mon|tue|wed|thu|fri|sat|sun|"
                  r"[a-z]+day|tmrw|tomorrow|today|eow|eom|\d+[/.-]\d+)(?![A-Za-z])"
                  r"|[下本这]?周[一二三四五六日天末]|明天|后天|今天|月底|月初|前|之前|再|\d+[号日]", re.I)
#: A deal command as a clause of the notes (`, deal Acme negotiation`, `；商机 华为 商务谈判`)
_DEAL = pattern(r"(?:^|(?<=[,，;；.。!！])|(?<=\s)(?:and|then|also|plus)\s+|然后|另外|还有|顺便)\s*"
                r"(?P<said>(?:(?<![A-Za-z])deal(?![A-Za-z])|商机)\s*(?P<body>[^,，;；.。!！\n]+))", re.I)


def remind_task(notes: str) -> tuple[str, str] | None:
    """(the notes before, the thing to do with its day) where `notes` ask to be reminded of a thing
    to do (`remind me to send pricing fri`); None where only a day follows (`remind me tue`)."""
    found = _REMIND.search(notes or "")
    if found is None:
        return None
    after = notes[found.end():].strip(_EDGE)
    if not re.search(r"[A-Za-z\u3400-\u9fff]", _DAYISH.sub(" ", after)):
        return None
    return notes[:found.start()].strip(_EDGE), after


def deal_clause(notes: str) -> tuple[str, str, str] | None:
    """(the stage, the deal's clause as said, the notes without it) where a clause of `notes` is a
    deal moved (`deal Acme negotiation`); None."""
    for found in _DEAL.finditer(notes or ""):
        body = found["body"].strip()
        stage = _stage_at_end(body)
        named = body[:-len(stage[1])].strip() if stage else ""
        if not named or VERB_BEFORE.search(f"{named} "):
            continue  # `deal negotiation` alone names no deal; `deal moved to …`: _stage_in_notes's
        rest = f"{notes[:found.start()].strip(_EDGE)} {notes[found.end():].strip(_EDGE)}".strip()
        return stage[0], found["said"].strip(_EDGE), rest
    return None


def _stage_at_end(body: str) -> tuple[str, str] | None:
    """(stage, its words) that `body` ends with (`Acme negotiation`, `华为 商务谈判`, `华为商务谈判`)."""
    words = body.split()
    if words and re.fullmatch(r"[A-Za-z-]+", words[-1]) and (stage := stage_named(words[-1])):
        return stage, words[-1]
    ending = [w for w in V.STAGE_WORDS if not w.isascii() and body.endswith(w)]
    if ending:
        word = max(ending, key=len)
        return V.STAGE_WORDS[word], word
    return None


def options(command: c.LogVisit, zh: bool, day: dt.date | None = None) -> tuple | None:
    """The option of a visit and a task for a visit whose notes ask to be reminded of something
    (`deadline_in_notes`'s options get it beside the follow-up)."""
    said = remind_task(command.notes)
    if said is None:
        return None
    before, after = said
    colon = "：" if zh else ": "
    when = f" {command.day.isoformat()}" if command.day else ""
    visit = f"{'拜访' if zh else 'visit'} {command.customer}{when}" + (f"{colon}{before}" if before else "")
    task = f"{'任务 客户' if zh else 'task customer'} {command.customer}{colon}{after}"
    return ("visit_and_task", f"\n{visit}\n{task}", None)


def deal_in_notes(command: c.LogVisit, zh: bool) -> c.ParseError | None:
    """A deal's move said as a clause of the visit's notes: asked, the visit and the move (two
    lines, the clause out of the notes) or the visit only."""
    from handlers.grammar import clauses

    said = deal_clause(command.notes)
    if said is None or clauses.moves_elsewhere():
        return None  # (another line of the message moves the deal: the tap of both, read again)
    _stage, clause, rest = said
    colon = "：" if zh else ": "
    when = f" {command.day.isoformat()}" if command.day else ""
    visit = f"{'拜访' if zh else 'visit'} {command.customer}{when}" + (f"{colon}{rest}" if rest else "")
    return c.ParseError("visit", "stage_in_notes", clause, options=(
        ("visit_and_stage", f"\n{visit}\n{clause}", None), ("visit_only", "", command)))
