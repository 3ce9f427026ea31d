"""A customer put right while the bot's offer is open (`actually Initech not Acme`, `no wait, it was
Globex`, `不对，是腾讯`, `改成中兴通讯`, `sorry I meant Acme Corp`): the offered lines with that
customer in place of theirs, offered again (handlers/offer_edited.py), never a record saved before
(README: "a correction while an offer is open edits the offer and asks again").

The name said replaces the customer each line names (the name said to be wrong, where one is said,
must be that customer or a word of the line: `Initech not Acme`: every `Acme` of the line). Lines
that name no customer stay as they are; where none does, None (the offer is asked again unchanged
by handlers/questions.py)."""
from __future__ import annotations

import datetime as dt
import re

from handlers.grammar.correction_said import read_correction
from handlers.grammar.normal import name_fold, view
from handlers.grammar.patterns import pattern
from handlers.grammar.reading import read as read_line

#: `no wait, it was Globex`, `actually Initech`, `sorry I meant Acme Corp`, `make it Globex`
_LEAD = r"(?:no+|nope|nah|sorry|oops|actually|wait|hmm+|my\s+bad|typo|wrong\s+customer)[\s,.!:]+"
_EN = pattern(rf"^(?:{_LEAD})*(?:(?:i\s+)?meant|it\s+(?:was|is)|it'?s|should\s+be|make\s+it|change\s+it\s+to|"
              rf"customer\s+is)\s+(?P<name>[^,.!?;]+?)[\s.!]*$"
              rf"|^(?:{_LEAD})+(?P<bare>[^,.!?;]+?)[\s.!]*$", re.I)
#: `不对，是腾讯`, `不对 应该是中兴通讯`, `改成中兴通讯`, `客户改成腾讯`, `不是华为，是腾讯`
_ZH = pattern(r"^(?:(?:不对|错了|不是\S+?|说错了|打错了|写错了|哦|嗯|等等)[\s,，。!！]*)*(?:客户)?"
              r"(?:应该是|其实是|是|改成|改为|换成)\s*(?P<name>[^\s,，。!！;；]+?)[\s。!！]*$")
#: words that are no customer's name (`no wait, it was today`)
_NOT_NAMES = {"it", "that", "this", "yes", "no", "ok", "fine", "today", "yesterday", "tomorrow"}


def said_customer(text: str, today: dt.date) -> tuple[str, str] | None:
    """(the customer's name said, the name said to be wrong or "") of a correction, or None."""
    typed = " ".join(view(text).split())
    read = read_correction(typed, today)
    if read is not None and read.kind == "customer":
        return read.value, read.was
    if read is not None:
        return None  # an amount, a day: handlers/sales/offer_corrections.py
    found = _EN.match(typed) or _ZH.match(typed)
    name = found and (found["name"] or found.groupdict().get("bare") or "").strip()
    if not name or re.search(r"\d", name) or name.lower() in _NOT_NAMES:
        return None
    return name, ""


def lines_with(answers: list[str], text: str, today: dt.date, known) -> list[str] | None:
    """The offered `answers` with the customer `text` names in place of theirs, or None where
    `text` names no customer, or no offered line names one (or the wrong name said is in none).
    A name said without the one it replaces must be a customer (`known(name)`): `no, log it as a
    visit` names none."""
    said = said_customer(text, today)
    if said is None or not said[1] and not known(said[0]):
        return None
    name, was = said
    edited, changed = [], False
    for line in answers:
        new = _swapped(line, name, was, today)
        changed = changed or new != line
        edited.append(new)
    return edited if changed else None


def _swapped(line: str, name: str, was: str, today: dt.date) -> str:
    command = read_line(line, today).command
    ref = getattr(command, "ref", None)
    customer = getattr(command, "customer", None) or (
        " ".join(ref.words) if ref is not None and getattr(ref, "deal_id", 1) is None else None)
    if not isinstance(customer, str) or not customer.strip():
        return line
    customer = customer.strip().lstrip("+")
    if name_fold(customer) == name_fold(name) or was and name_fold(was) not in name_fold(customer):
        return line
    head = re.search(r"\+?" + re.escape(customer), line, re.I)
    if head is None:
        return line
    out = line[:head.start()] + name + line[head.end():]
    if was:  # `Initech not Acme`: every Acme of the line after it too (`… met the CTO at Acme`)
        after = head.start() + len(name)
        out = out[:after] + re.sub(rf"(?<![\w]){re.escape(was)}(?![\w])", name, out[after:], flags=re.I)
    return out
