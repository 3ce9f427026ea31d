"""A command said with words around it: `done task 2 - NDA sent`, `undo that`, `hmm they might sign
sooner, deal #51 close 12/18`, `请假 12月24日-12月31日 回老家`, `my followups?`.

The message as a whole is no command; a part of it is. A question (`stalled deals?`) is answered
at once, the words left out said; a change is offered, one tap away, never made unasked. A visit,
a task, a tip or a win keeps free text: words around one are its own, so those are not cut here.
"""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar import commands as c
from handlers.grammar.patterns import pattern

#: Where a comment starts or ends: `,` `;` `.` `!` `?` ` - ` (either width) and emoji.
_CUT = pattern(r"\s*(?:[,，;；。!！?？]+|\s[-–—]\s|\.(?:\s|$)|[\U0001F300-\U0001FAFF\u2600-\u27BF]+)\s*")
#: Words before a command that say nothing (`pls`, `hmm`, `oops`, `my`, `show me`, `请`, `帮我`).
#: Whole words only: `umbrella mtg` keeps its `um`, `soylent` its `so`, `请假` its `请`.
_FILLER = pattern(r"^(?:(?:(?:pls|please|plz|hmm+|um+|ok|okay|oops|so|btw|hey|hi|now|my|show\s+me|"
                  r"pro(?=\s+tip)|can\s+you|could\s+you)(?![A-Za-z0-9'’])|请(?![假客示教求])|帮我|麻烦|嗯|"
                  r"那个|我的)\s*)+", re.I)
#: Commands whose free text would take the words around them: never cut.
_FREE_TEXT = (c.LogVisit, c.AddTask, c.AddTip, c.CloseDeal, c.AnswerStandup, c.FindTips, c.Help)
_READ_ONLY = pattern(r"^(?:Show|List|Find)")
#: A word moving something to a day (`改到`, `推到`, `move … to`)
_CHANGED = pattern(r"改到|改成|推到|延到|挪到|推迟|"
                   r"(?<![A-Za-z])(?:mov(?:e|ed)|push(?:ed)?|snooze[ds]?)(?![A-Za-z])", re.I)


def inner_command(text: str, today: dt.date, any_tail: bool = False) -> tuple[str, str, c.Command] | None:
    """(the part that is a command, the words left out, its command), the longest part first.
    A question (answered at once) leaves out only words that say nothing (`that`, `pls`) or what
    `any_tail` allows (the command's date was refused with them: `请假 12月24日-12月31日 回老家`)."""
    from handlers.grammar.grammar_words import is_grammar
    from handlers.grammar.intents import split_keyword
    from handlers.grammar.reading import read  # intents imports the parsers; kept lazy
    from handlers.grammar.spans import date_in

    said = " ".join(text.split())
    for part, words_cut in _parts(said, any_tail):
        part = part.strip()
        if not part or part == said or split_keyword(part)[0] is None:
            continue
        left = _left_out(said, part)
        grammar = any(is_grammar(w) and w.lower() not in _NOISE for w in left.split())
        if _fields_in(left, today) or grammar or _CHANGED.search(left) and date_in(left, today):  # an
            continue  # amount, a day or a word of the grammar (`rate USD 7.1 EUR`) left out is no
            # comment, nor a change to a day (`跟进改到周五， 客户那边…`); `after the 10% disc` is one
        command = read(part, today).command
        fillers_only = part == _FILLER.sub("", said)  # `pro tip - always …`: every word but `pro` kept
        if isinstance(command, c.Command) and (fillers_only or not isinstance(command, _FREE_TEXT)) \
                and not (words_cut and read_only(command)):  # `target @ana lots` is no list of targets
            return part, left, command
    return None


def lead_in(text: str, today: dt.date) -> tuple[str, str, c.Command] | None:
    """A whole command after a lead-in (`比亚迪 signed!! won #49 5万`, `NDA sent to tencent ✅ done
    task 2`): (the command's words, the lead-in, its command); a win, a visit or a task too, whose
    words all come after the lead-in."""
    from handlers.grammar.intents import split_keyword
    from handlers.grammar.reading import read  # intents imports the parsers; kept lazy
    from handlers.grammar.spans import date_in

    said = " ".join(text.split())
    for m in _CUT.finditer(said):
        part = _FILLER.sub("", said[m.end():]).strip()
        left = said[:m.start()].strip()
        if not part or not left or _fields_in(left, today) or split_keyword(part)[0] is None \
                or date_in(left, today) is not None:  # `跟进改到周五， 客户那边…`: a day in words is a
            continue  # field left out, never a lead-in
        command = read(part, today).command
        if isinstance(command, c.Command) and not isinstance(command, (c.Help, c.AnswerStandup, c.FindTips)):
            return part, left, command
    return None


#: Courtesy at the end of a message (`… by fri pls`, `… thx`, `…谢谢`), or an afterthought's word
#: (`visit #403 follow up 12/18 actually`): no word of the command.
_COURTESY = pattern(r"[\s,，.!！~]*(?:(?<![A-Za-z])(?:pls|please|plz|thx|thanks|thank you|ty|"
                    r"actually|instead)"
                    r"|谢谢|谢了|麻烦了)[\s.!！~]*$", re.I)


def courteous(text: str, today: dt.date) -> tuple[str, c.Command] | None:
    """(the text without the courtesy at its end, its command) when that is all that kept it from
    being one (`task call Globex by fri pls`), else None."""
    from handlers.grammar.reading import read  # intents imports the parsers; kept lazy

    said = " ".join(text.split())
    plain = _COURTESY.sub("", said)
    if plain == said or not plain:
        return None
    command = read(plain, today).command
    return (plain, command) if isinstance(command, c.Command) else None


def _fields_in(words: str, today: dt.date) -> bool:
    """Whether `words` hold an amount or a day (a field left out), not only a percentage."""
    from handlers.grammar.amounts import parse_amount
    from handlers.grammar.dates import parse_date
    if re.search(r"[一二三四五六七八九十两][十百千万亿]", words):
        return True
    return any(parse_amount(w) is not None or parse_date(w, today) is not None
               for w in re.split(r"[\s,，;；]+", words) if re.search(r"\d", w))


def without_fillers(text: str, today: dt.date) -> c.Command | c.ParseError | None:
    """What `text` reads as without the words before it that say nothing (`pro tip - …`, `pls
    show me …`): a command or a question about it; None when that is no better."""
    from handlers.grammar.reading import read  # intents imports the parsers; kept lazy

    said = " ".join(text.split())
    bare = _FILLER.sub("", said).strip()
    if not bare or bare == said:
        return None
    command = read(bare, today).command
    return command if isinstance(command, c.Command) or command.options else None


def read_only(command: c.Command) -> bool:
    """A question, not a change: answered at once."""
    return bool(_READ_ONLY.match(type(command).__name__))


#: Words at the end of a command that say nothing (`undo that`, `stalled deals?`, `… pls`).
_NOISE = {"that", "this", "it", "deals", "deal", "my", "me", "pls", "please", "plz", "thx", "thanks", "ty",
          "now", "again", "一下", "吧", "了", "呢", "谢谢", "啊"}


def _parts(text: str, any_tail: bool):
    """The parts of `text` that may be the command, the longest first."""
    bare = _FILLER.sub("", text)
    for whole in dict.fromkeys((text, bare)):
        cuts = [m for m in _CUT.finditer(whole) if 0 < m.start()]
        for m in reversed(cuts):  # what comes before a comment
            yield whole[:m.start()], False
        for m in cuts:  # what comes after a lead-in
            yield _FILLER.sub("", whole[m.end():]), False
        words = whole.split(" ")
        for drop in range(1, min(5, len(words) - 1) + 1):  # `undo that`, `stalled deals`
            noise = any_tail or all(w.lower().strip("?？!！.") in _NOISE for w in words[-drop:])
            yield " ".join(words[:-drop]), not noise
        if whole != text:
            yield whole, False


def _left_out(text: str, part: str) -> str:
    at = text.find(part)
    if at < 0:
        return text
    rest = f"{text[:at]} {text[at + len(part):]}"
    return " ".join(_CUT.sub(" ", rest).split()) or rest.strip()


#: Words that say the thing moved is a deal or its close (`the deal close date`, `商机`, `那单`)
_DEAL_SAID = pattern(r"(?<![A-Za-z])(?:deals?|close\s+date|closing\s+date)(?![A-Za-z])"
                     r"|商机|那单|这单|单子|成交", re.I)


def deal_meant(said: str, left: str, command: c.Command, today: dt.date) -> tuple[str, c.Command] | None:
    """`no i meant the deal close date, push #39 to end of feb`: a follow-up moved by number whose
    words say a deal is the deal's close moved (the command as said, its command), never visit
    #39's follow-up; None otherwise (a move by days is left to be asked)."""
    from handlers.grammar.reading import read  # intents imports the parsers; kept lazy

    if not isinstance(command, c.SnoozeFollowup) or command.day is None or command.shift_days \
            or not _DEAL_SAID.search(f"{left} {said}"):
        return None
    zh = re.search(r"[\u3400-\u9fff]", f"{left} {said}") is not None
    text = (f"商机 #{command.visit_id} 预计 {command.day.isoformat()}" if zh
            else f"deal #{command.visit_id} close {command.day.isoformat()}")
    deal = read(text, today).command
    return (text, deal) if isinstance(deal, c.UpsertDeal) else None
